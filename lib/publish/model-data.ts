// The open-data JSON: /api/models.json (index) and /api/models/<slug>.json (one model). Pure: catalog models in,
// plain JSON objects out. The requirements are lib/views/requirements' table (every cell from lib/estimator).
import "server-only";
import type { CatalogModel } from "@/lib/content/catalog";
import { bestFormatOnGpu, longestContextOnGpu } from "@/lib/views/gpu-fit";
import { getGpus } from "@/lib/content/gpus";
import { HEADLINE_FORMAT, headlineContext, requirementsTable, TABLE_PROFILE } from "@/lib/views/requirements";
import { modelPath } from "@/lib/routes";

export const DATA_SCHEMA_VERSION = 1;

export function modelDataPath(slug: string): string {
  return `/api/models/${slug}.json`;
}

export interface ModelIndexEntry {
  slug: string;
  name: string;
  family: string;
  developer: string;
  license: string;
  releaseDate: string;
  contextLength: number;
  parameters: {
    stated: { total: number; active: number | null };
    counted: { total: number; active: number };
  };
  page: string;
  data: string;
}

export interface ModelIndex {
  schemaVersion: number;
  count: number;
  models: ModelIndexEntry[];
}

export interface ModelDocument {
  schemaVersion: number;
  slug: string;
  name: string;
  aliases: string[];
  family: string;
  developer: string;
  license: string;
  licenseUrl: string;
  releaseDate: string;
  modality: string;
  huggingFaceId: string;
  baseModel: string | null;
  contextLength: number;
  page: string;
  sources: { label: string; url: string }[];
  /** The model's config.json fields as published on Hugging Face (same names and values). */
  architecture: Record<string, unknown>;
  parameters: {
    stated: { total: number; active: number | null; source: string };
    counted: { total: number; active: number; mixtureOfExperts: boolean };
  };
  requirements: {
    unit: "bytes";
    profile: { engine: string; kvCacheType: string; sequences: number; ubatchTokens: number };
    contexts: number[];
    rows: {
      format: string;
      label: string;
      weightsBytes: number;
      cells: {
        contextTokens: number;
        totalBytes: number;
        kvCacheBytes: number;
        recurrentStateBytes: number;
      }[];
    }[];
  };
  /** Per catalog GPU: one card, GPU only, the profile above. */
  fit: GpuFitEntry[];
}

/** One catalog GPU, one card, GPU only, the table profile: the planner's answer, as the pages show it. */
export interface GpuFitEntry {
  gpu: string;
  usableBytes: number;
  /** Highest-precision format of the model's table that fits at 8K (or the model's maximum when shorter). */
  bestFormat8k: string | null;
  /** Longest context at Q4_K_M; 0 below the smallest useful context (4K). */
  longestContextQ4KM: number;
  contextLimit: "memory" | "model";
}

export function gpuFitEntries(model: CatalogModel): GpuFitEntry[] {
  const contextTokens = headlineContext(model);
  return getGpus().map((gpu) => {
    const longest = longestContextOnGpu(model, gpu, HEADLINE_FORMAT);
    return {
      gpu: gpu.slug,
      usableBytes: gpu.usableBytes,
      bestFormat8k: bestFormatOnGpu(model, gpu, contextTokens)?.format ?? null,
      longestContextQ4KM: longest.tokens,
      contextLimit: longest.limit,
    };
  });
}

function parameters(model: CatalogModel) {
  return {
    stated: { total: model.statedParameters.total, active: model.statedParameters.active },
    counted: { total: model.parameters.total, active: model.parameters.active },
  };
}

export function modelIndexEntry(model: CatalogModel): ModelIndexEntry {
  return {
    slug: model.slug,
    name: model.name,
    family: model.family,
    developer: model.developer,
    license: model.license,
    releaseDate: model.releaseDate,
    contextLength: model.contextLength,
    parameters: parameters(model),
    page: modelPath(model.slug),
    data: modelDataPath(model.slug),
  };
}

export function modelIndex(models: readonly CatalogModel[]): ModelIndex {
  return { schemaVersion: DATA_SCHEMA_VERSION, count: models.length, models: models.map(modelIndexEntry) };
}

/** A deep copy through JSON, so the document owns its data and holds only JSON values. */
function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function modelDocument(model: CatalogModel): ModelDocument {
  const table = requirementsTable(model);
  const { stated } = parameters(model);
  return {
    schemaVersion: DATA_SCHEMA_VERSION,
    slug: model.slug,
    name: model.name,
    aliases: [...model.aliases],
    family: model.family,
    developer: model.developer,
    license: model.license,
    licenseUrl: model.licenseUrl,
    releaseDate: model.releaseDate,
    modality: model.modality,
    huggingFaceId: model.huggingFaceId,
    baseModel: model.baseModel,
    contextLength: model.contextLength,
    page: modelPath(model.slug),
    sources: model.sources.map(({ label, url }) => ({ label, url })),
    architecture: jsonCopy(model.config),
    parameters: {
      stated: { ...stated, source: model.statedParameters.source },
      counted: { ...model.parameters, mixtureOfExperts: model.isMixtureOfExperts },
    },
    requirements: {
      unit: "bytes",
      profile: { ...TABLE_PROFILE },
      contexts: [...table.contexts],
      rows: table.rows.map((row) => ({
        format: row.format,
        label: row.label,
        weightsBytes: row.weightsBytes,
        cells: row.cells.map(({ contextTokens, totalBytes, kvCacheBytes, recurrentStateBytes }) => ({
          contextTokens,
          totalBytes,
          kvCacheBytes,
          recurrentStateBytes,
        })),
      })),
    },
    fit: gpuFitEntries(model),
  };
}
