import Link from "next/link";
import type { CatalogModel } from "@/lib/catalog";
import { itemAttributes } from "@/lib/catalog-filter";
import { catalogItem } from "@/lib/catalog-items";
import { formatGib, formatParameters, formatTokens } from "@/lib/format";
import { HEADLINE_FORMAT } from "@/lib/requirements";

export const CATALOG_LIST_ID = "catalog-list";

/**
 * Every model as a plain link, in name order. Each item carries its filter data as attributes; the filter island
 * only hides items and sets their CSS order, so the list is complete and usable without JavaScript.
 */
export function CatalogList({ models }: { models: readonly CatalogModel[] }) {
  return (
    <ul id={CATALOG_LIST_ID} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="catalog-list">
      {models.map((model) => {
        const item = catalogItem(model);
        return (
          <li
            key={model.slug}
            {...itemAttributes(item)}
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
              <span className="font-medium">{formatGib(item.memoryBytes)}</span>{" "}
              <span className="text-slate-600 dark:text-slate-400">
                at {HEADLINE_FORMAT}, {formatTokens(item.memoryContextTokens)} context
              </span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
