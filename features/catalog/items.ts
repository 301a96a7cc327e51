// Server side of the /models filter: the per-model records the list carries as data attributes, and the choices the
// filter form offers. The memory figure is lib/estimator's total via lib/views/requirements (Q4_K_M, table profile,
// headline context), precomputed here so the browser never estimates anything.
import type { CatalogModel } from "@/lib/content/catalog";
import { FIT_MEMORY_GIB } from "@/features/catalog/filter";
import type { CatalogItemData } from "@/features/catalog/filter";
import { smallestFittingSizeGib } from "@/lib/views/gpu-fit";
import { estimateFor, HEADLINE_FORMAT, headlineContext } from "@/lib/views/requirements";

export interface CatalogItem extends CatalogItemData {
  /** The context the memory figure is for. */
  memoryContextTokens: number;
}

export function catalogItem(model: CatalogModel): CatalogItem {
  const memoryContextTokens = headlineContext(model);
  return {
    slug: model.slug,
    name: model.name,
    searchText: [model.name, ...model.aliases, model.slug].join(" | "),
    family: model.family,
    developer: model.developer,
    license: model.license,
    moe: model.isMixtureOfExperts,
    parameters: model.statedParameters.total,
    releaseDate: model.releaseDate,
    contextLength: model.contextLength,
    memoryBytes: estimateFor(model, HEADLINE_FORMAT, memoryContextTokens).bytes.total,
    fitGib: smallestFittingSizeGib(model, HEADLINE_FORMAT, memoryContextTokens, FIT_MEMORY_GIB) ?? 0,
    memoryContextTokens,
  };
}

export interface FilterOptions {
  families: string[];
  developers: string[];
  licenses: string[];
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b, "en"));
}

export function filterOptions(models: readonly CatalogModel[]): FilterOptions {
  return {
    families: distinct(models.map((model) => model.family)),
    developers: distinct(models.map((model) => model.developer)),
    licenses: distinct(models.map((model) => model.license)),
  };
}
