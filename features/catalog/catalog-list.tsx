import { MODEL_CARD_CLASSES, ModelCard } from "@/components/model/model-card";
import type { CatalogModel } from "@/lib/content/catalog";
import { itemAttributes } from "@/features/catalog/filter";
import { catalogItem } from "@/features/catalog/items";

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
          <li key={model.slug} {...itemAttributes(item)} className={MODEL_CARD_CLASSES}>
            <ModelCard model={model} />
          </li>
        );
      })}
    </ul>
  );
}
