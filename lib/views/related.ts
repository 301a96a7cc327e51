// "Related models" are derived, never hand-maintained: same family, base/derivative links, same developer, and
// neighbours in size.
import type { CatalogModel } from "@/lib/content/catalog";

export interface RelatedModel {
  model: CatalogModel;
  reason: string;
}

function sizeDistance(a: CatalogModel, b: CatalogModel): number {
  return Math.abs(Math.log(a.parameters.total / b.parameters.total));
}

export function relatedModels(
  model: CatalogModel,
  catalog: readonly CatalogModel[],
  limit = 8,
): RelatedModel[] {
  const scored = catalog
    .filter((other) => other.slug !== model.slug)
    .map((other) => {
      let score = 0;
      let reason = "";
      const note = (points: number, why: string) => {
        score += points;
        if (!reason) reason = why;
      };
      if (other.slug === model.baseModel) note(8, "Base model");
      if (other.baseModel === model.slug) note(7, `Built on ${model.name}`);
      if (other.baseModel !== null && other.baseModel === model.baseModel) note(4, "Same base model");
      if (other.family === model.family) note(5, `${model.family} family`);
      if (other.developer === model.developer) note(2, `Also by ${model.developer}`);
      if (sizeDistance(model, other) < Math.log(1.6)) note(1, "Similar size");
      return { model: other, reason, score };
    })
    .filter((entry) => entry.score > 0);
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      sizeDistance(model, a.model) - sizeDistance(model, b.model) ||
      a.model.name.localeCompare(b.model.name),
  );
  return scored.slice(0, limit).map(({ model: other, reason }) => ({ model: other, reason }));
}
