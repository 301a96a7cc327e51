import Link from "next/link";
import type { CatalogModel } from "@/lib/content/catalog";
import { compareQuery } from "@/features/compare/selection";
import { getModels } from "@/lib/content/models";
import { relatedModels } from "@/lib/views/related";

/** "Compare with…" on a model page: the compare picker preloaded with this model, plus its closest relatives. */
export function CompareLink({ model }: { model: CatalogModel }) {
  const related = relatedModels(model, getModels(), 3);
  return (
    <p className="text-sm" data-testid="compare-link">
      <Link
        href={`/compare?${compareQuery([model.slug])}`}
        prefetch={false}
        className="text-brand-700 dark:text-brand-100 font-medium hover:underline"
      >
        Compare {model.name} with…
      </Link>
      {related.length > 0 ? (
        <>
          {" "}
          <span className="text-slate-600 dark:text-slate-400">for example</span>{" "}
          {related.map(({ model: other }, index) => (
            <span key={other.slug}>
              {index > 0 ? ", " : ""}
              <Link
                href={`/compare?${compareQuery([model.slug, other.slug])}`}
                prefetch={false}
                className="text-brand-700 dark:text-brand-100 hover:underline"
              >
                {other.name}
              </Link>
            </span>
          ))}
        </>
      ) : null}
    </p>
  );
}
