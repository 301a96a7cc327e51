import type { CatalogModel } from "@/lib/content/catalog";
import { formatParameters } from "@/lib/format";
import { getModels } from "@/lib/content/models";
import { relatedModels } from "@/lib/views/related";

export function RelatedModels({ model }: { model: CatalogModel }) {
  const related = relatedModels(model, getModels());
  if (related.length === 0) return null;
  return (
    <section aria-labelledby="related" className="space-y-3">
      <h2 id="related" className="text-xl font-semibold">
        Related models
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2" data-testid="related-models">
        {related.map(({ model: other, reason }) => (
          <li key={other.slug} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <a
              href={`/models/${other.slug}`}
              className="text-brand-700 dark:text-brand-100 font-medium hover:underline"
            >
              {other.name}
            </a>
            <span className="block text-sm text-slate-600 dark:text-slate-400">
              {formatParameters(other.statedParameters.total)} · {reason}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
