import type { CatalogModel } from "@/lib/content/catalog";
import { formatParameters } from "@/lib/format";
import { getModels } from "@/lib/content/models";
import { relatedModels } from "@/lib/views/related";
import { modelPath } from "@/lib/routes";

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
          <li key={other.slug} className="border-line-subtle rounded-lg border p-3">
            <a href={modelPath(other.slug)} className="text-link font-medium hover:underline">
              {other.name}
            </a>
            <span className="text-muted block text-sm">
              {formatParameters(other.statedParameters.total)} · {reason}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
