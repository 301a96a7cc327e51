// GPU page: measured llama.cpp speed on this card beside lib/estimator's decode bound and our prefill estimate,
// a time-to-first-token estimate for a reference model, and the best-quality format for Llama 3 8B.
import Link from "next/link";
import { SourceLink } from "@/components/evidence/source-link";
import { bestFormatFor } from "@/lib/evidence/best-format";
import { formatSeconds, qualityLabel } from "@/lib/evidence/labels";
import { prefillOnGpu, PREFILL_EFFICIENCY } from "@/lib/evidence/prefill-on-gpu";
import { QUALITY } from "@/lib/evidence/quality-data";
import { speedOnGpu } from "@/lib/evidence/speed";
import { formatTokens, formatTokensPerSecond } from "@/lib/format";
import type { Gpu } from "@/lib/content/gpus";
import { getModel } from "@/lib/content/models";
import { formatLabel, HEADLINE_FORMAT, TABLE_PROFILE } from "@/lib/views/requirements";

const REFERENCE_MODEL = "llama-3-1-8b";
const PROMPT_TOKENS = 8192;

export function MeasuredSpeed({ gpu }: { gpu: Gpu }) {
  const points = speedOnGpu(gpu.slug);
  const reference = getModel(REFERENCE_MODEL);
  const prefill = reference
    ? prefillOnGpu(
        reference.architecture,
        { ...TABLE_PROFILE, format: HEADLINE_FORMAT, contextTokens: PROMPT_TOKENS },
        PROMPT_TOKENS,
        gpu,
      )
    : null;
  const quality = getModel(QUALITY.model);
  const best = quality
    ? bestFormatFor(quality.architecture, QUALITY, {
        gpuMemoryBytes: gpu.usableBytes,
        gpuCount: 1,
        contextTokens: 8192,
      })
    : null;
  return (
    <section aria-labelledby="measured-speed" className="space-y-3" data-testid="measured-speed">
      <h2 id="measured-speed" className="text-xl font-semibold">
        Measured speed and our estimates
      </h2>
      {points.length === 0 ? (
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          No measured point for this card yet in the llama.cpp scoreboards we import (
          <Link href="/methodology#measured-speed" className="hover:underline">
            which ones
          </Link>
          ).
        </p>
      ) : (
        <>
          <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
            llama-bench runs on this card from llama.cpp&apos;s public scoreboards: generation (tg, one token
            at a time) beside our bandwidth bound for the same model and format, and prompt processing (pp).
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Measured speed, scrollable">
            <table className="w-full border-collapse text-sm" data-testid="measured-speed-table">
              <thead className="bg-slate-50 dark:bg-slate-900">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left">
                    Run
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Generation, measured
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Our bound
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Prompt, measured
                  </th>
                  <th scope="col" className="px-3 py-2 text-left">
                    Source
                  </th>
                </tr>
              </thead>
              <tbody>
                {points.map((c) => (
                  <tr
                    key={c.point.id}
                    className="border-t border-slate-200 dark:border-slate-800"
                    data-point={c.point.id}
                  >
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {c.modelSlug ? (
                        <Link href={`/models/${c.modelSlug}`} className="hover:underline">
                          {c.modelName}
                        </Link>
                      ) : (
                        c.modelName
                      )}{" "}
                      <span className="font-normal text-slate-500 dark:text-slate-400">
                        {formatLabel(c.point.format)} · {c.point.backend}
                        {c.point.flashAttention ? " · FA" : ""}
                      </span>
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums" data-tg={c.point.tgTokensPerSecond}>
                      {formatTokensPerSecond(c.point.tgTokensPerSecond)} tok/s
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums" data-bound={c.boundTokensPerSecond}>
                      ≤ {formatTokensPerSecond(c.boundTokensPerSecond)} ({c.ratio.toFixed(2)}×)
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {c.point.ppTokensPerSecond === null
                        ? "—"
                        : `${formatTokensPerSecond(c.point.ppTokensPerSecond)} tok/s (pp${c.point.promptTokens})`}
                    </td>
                    <td className="px-3 py-2 text-left">
                      <SourceLink url={c.point.source} date={c.point.date} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <dl className="max-w-3xl space-y-2 text-sm">
        <div>
          <dt className="font-medium">Time to first token, estimate</dt>
          <dd data-testid="gpu-prefill">
            {prefill && reference
              ? `About ${formatSeconds(prefill.seconds)} for a prompt of ${formatTokens(PROMPT_TOKENS)} tokens to ${reference.name} at ${formatLabel(HEADLINE_FORMAT)} (~${formatTokensPerSecond(prefill.tokensPerSecond)} tokens/s): compute-bound, ${prefill.ratedTflops} FP16 TFLOPS × ${Math.round(PREFILL_EFFICIENCY * 100)} % measured efficiency.`
              : "No rated FP16 throughput for this card in our data yet, so no prefill estimate."}
          </dd>
        </div>
        {quality ? (
          <div>
            <dt className="font-medium">Which format for {quality.name} at an 8K context</dt>
            <dd data-testid="gpu-best-format">
              {best
                ? `${formatLabel(best.format)}: ${qualityLabel(best.quality)}.`
                : "None fits on one card."}{" "}
              <Link
                href={`/models/${quality.slug}#which-format`}
                className="text-brand-700 dark:text-brand-100 hover:underline"
              >
                Quality per format
              </Link>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
