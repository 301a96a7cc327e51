import Link from "next/link";
import type { CatalogModel } from "@/lib/catalog";
import { formatGib, formatParameters, formatTokens } from "@/lib/format";
import { estimateFor, HEADLINE_FORMAT, headlineContext } from "@/lib/requirements";

/** A static, crawlable list of models; filtering on /models enhances it progressively. */
export function ModelList({ models }: { models: readonly CatalogModel[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="model-list">
      {models.map((model) => {
        const context = headlineContext(model);
        const estimate = estimateFor(model, HEADLINE_FORMAT, context);
        return (
          <li
            key={model.slug}
            data-slug={model.slug}
            className="hover:border-brand-500 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
          >
            <Link
              href={`/models/${model.slug}`}
              className="text-brand-700 dark:text-brand-100 font-semibold hover:underline"
            >
              {model.name}
            </Link>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              {model.developer} · {model.isMixtureOfExperts ? "MoE" : "Dense"} ·{" "}
              {formatParameters(model.statedParameters.total)}
              {model.isMixtureOfExperts && model.statedParameters.active
                ? ` (${formatParameters(model.statedParameters.active)} active)`
                : ""}{" "}
              · {formatTokens(model.contextLength)} context
            </p>
            <p className="mt-2 text-sm">
              <span className="font-medium">{formatGib(estimate.bytes.total)}</span>{" "}
              <span className="text-slate-600 dark:text-slate-400">
                at {HEADLINE_FORMAT}, {formatTokens(context)} context
              </span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
