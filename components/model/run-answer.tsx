import type { CatalogModel } from "@/lib/content/catalog";
import { calculatorHref } from "@/lib/routes";
import { formatGib, formatTokens } from "@/lib/format";
import { runAnswer } from "@/lib/views/run-answer";

/** The first-screen answer to "can I run it?": memory at the headline format and the hardware that runs it. */
export function RunAnswerBox({ model }: { model: CatalogModel }) {
  const answer = runAnswer(model);
  return (
    <section
      aria-labelledby="run-answer-heading"
      className="border-brand-500/40 bg-brand-50/60 rounded-lg border p-4 dark:bg-slate-900"
      data-testid="run-answer"
    >
      <h2 id="run-answer-heading" className="text-base font-semibold">
        Can I run it?
      </h2>
      <p className="mt-1">
        <span className="text-2xl font-bold tabular-nums" data-total-bytes={answer.totalBytes}>
          {formatGib(answer.totalBytes)}
        </span>{" "}
        at {answer.format} with {formatTokens(answer.contextTokens)} context (llama.cpp).
      </p>
      {answer.options.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm">
          {answer.options.map((option) => (
            <li key={option.kind} data-kind={option.kind} data-gpu={option.setup.gpu.slug}>
              {option.kind === "offload" ? "Or: " : "✓ "}
              {option.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm">No single machine in our catalog holds it at {answer.format}.</p>
      )}
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium">
        <a href="#requirements" className="text-link underline">
          Every format and context
        </a>
        <a
          href={calculatorHref({ model: model.slug, quant: answer.format, context: answer.contextTokens })}
          className="text-link underline"
        >
          Check your hardware
        </a>
      </p>
    </section>
  );
}
