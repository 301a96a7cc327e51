import type { CatalogModel } from "@/lib/content/catalog";
import { MODEL_CARD_CLASSES, ModelCard } from "@/components/model/model-card";

/** A static list of model cards (the home page's newest releases). */
export function ModelList({ models }: { models: readonly CatalogModel[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="model-list">
      {models.map((model) => (
        <li key={model.slug} data-slug={model.slug} className={MODEL_CARD_CLASSES}>
          <ModelCard model={model} />
        </li>
      ))}
    </ul>
  );
}
