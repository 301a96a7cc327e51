// The only door to model content: pages, data routes and tests read the catalog through here.
import "server-only";
import { allModels } from "contentlayer/generated";
import { buildCatalog } from "@/lib/content/catalog";
import type { CatalogModel } from "@/lib/content/catalog";

export type { CatalogModel } from "@/lib/content/catalog";

let catalog: CatalogModel[] | undefined;

export function getModels(): readonly CatalogModel[] {
  catalog ??= buildCatalog(
    allModels.map((doc) => ({
      sourceFilePath: doc._raw.sourceFilePath,
      name: doc.name,
      aliases: doc.aliases,
      family: doc.family,
      developer: doc.developer,
      releaseDate: doc.releaseDate,
      license: doc.license,
      licenseUrl: doc.licenseUrl,
      modality: doc.modality,
      summary: doc.summary,
      tags: doc.tags,
      baseModel: doc.baseModel,
      huggingFaceId: doc.huggingFaceId,
      contextLength: doc.contextLength,
      parameters: doc.parameters,
      sources: doc.sources,
      architecture: doc.architecture as unknown,
      bodyCode: doc.body.code,
      bodyRaw: doc.body.raw,
    })),
  );
  return catalog;
}

export function getModel(slug: string): CatalogModel | undefined {
  return getModels().find((model) => model.slug === slug);
}

export function getModelSlugs(): string[] {
  return getModels().map((model) => model.slug);
}
