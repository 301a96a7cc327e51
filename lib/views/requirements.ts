// The requirements table of a model page: which formats and contexts to show, each cell computed by lib/estimator.
// This module chooses rows and columns; it does no memory arithmetic of its own.
import { contextLimits, estimateMemory, planFit, WEIGHT_FORMATS, GIB } from "@/lib/estimator";
import type { EstimateInput, MemoryEstimate, WeightFormat } from "@/lib/estimator";
import type { CatalogModel } from "@/lib/content/catalog";

/** The profile every page table uses; stated under each table and on /methodology. */
export const TABLE_PROFILE = {
  engine: "llama.cpp",
  kvCacheType: "f16",
  sequences: 1,
  ubatchTokens: 512,
} as const satisfies Omit<EstimateInput, "format" | "contextTokens">;

const COMMON_FORMATS: readonly WeightFormat[] = [
  "BF16",
  "Q8_0",
  "Q6_K",
  "Q5_K_M",
  "Q4_K_M",
  "Q3_K_M",
  "Q2_K",
];
// Very large models are mostly run in the 1–2-bit importance-matrix quants, so their tables go further down.
const LARGE_MODEL_EXTRA_FORMATS: readonly WeightFormat[] = ["IQ2_XXS", "IQ1_S"];
// 70B-class models included: a 24 GB card holds them only at IQ2_XXS.
const LARGE_MODEL_PARAMETERS = 60e9;

const CONTEXT_STEPS_TOKENS = [1024, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 1048576] as const;

export function tableFormats(model: CatalogModel): WeightFormat[] {
  const formats = [...COMMON_FORMATS];
  if (model.parameters.total >= LARGE_MODEL_PARAMETERS) formats.push(...LARGE_MODEL_EXTRA_FORMATS);
  return formats;
}

/** 1K up to the model's maximum context, always ending at the maximum itself. */
export function tableContexts(model: CatalogModel): number[] {
  const steps: number[] = CONTEXT_STEPS_TOKENS.filter((tokens) => tokens < model.contextLength);
  steps.push(model.contextLength);
  return steps;
}

/** The context used for single-figure answers ("needs about N GiB at Q4_K_M with an 8K context"). */
export function headlineContext(model: CatalogModel): number {
  return Math.min(8192, model.contextLength);
}

export const HEADLINE_FORMAT: WeightFormat = "Q4_K_M";

export function formatLabel(format: WeightFormat): string {
  return WEIGHT_FORMATS.find((info) => info.id === format)?.label ?? format;
}

export function formatDescription(format: WeightFormat): string {
  return WEIGHT_FORMATS.find((info) => info.id === format)?.description ?? "";
}

export function estimateFor(
  model: CatalogModel,
  format: WeightFormat,
  contextTokens: number,
): MemoryEstimate {
  return estimateMemory(model.architecture, { ...TABLE_PROFILE, format, contextTokens });
}

/** Reference hardware tiers for colouring cells: a 24 GiB consumer card, an 80 GiB data-centre card, 8 of them. */
export const FIT_TIERS = [
  { id: "consumer", label: "Fits one 24 GiB GPU", gpuMemoryBytes: 24 * GIB, gpuCount: 1 },
  { id: "datacenter", label: "Fits one 80 GiB GPU", gpuMemoryBytes: 80 * GIB, gpuCount: 1 },
  { id: "node", label: "Fits 8 × 80 GiB GPUs", gpuMemoryBytes: 80 * GIB, gpuCount: 8 },
] as const;

export type FitTierId = (typeof FIT_TIERS)[number]["id"] | "beyond";

export function fitTier(model: CatalogModel, format: WeightFormat, contextTokens: number): FitTierId {
  const input = { ...TABLE_PROFILE, format, contextTokens };
  const limits = contextLimits(model.architecture, model.contextLength);
  for (const tier of FIT_TIERS) {
    const answer = planFit({
      arch: model.architecture,
      input,
      hardware: { gpuMemoryBytes: tier.gpuMemoryBytes, gpuCount: tier.gpuCount },
      limits,
    });
    if (answer.kind === "gpu") return tier.id;
  }
  return "beyond";
}

export interface RequirementsCell {
  contextTokens: number;
  totalBytes: number;
  kvCacheBytes: number;
  /** Fixed-size recurrent state of hybrid models (Mamba, DeltaNet, short convolutions); 0 for attention-only. */
  recurrentStateBytes: number;
  tier: FitTierId;
}

export interface RequirementsRow {
  format: WeightFormat;
  label: string;
  weightsBytes: number;
  cells: RequirementsCell[];
}

export interface RequirementsTableData {
  contexts: number[];
  rows: RequirementsRow[];
}

export function requirementsTable(model: CatalogModel): RequirementsTableData {
  const contexts = tableContexts(model);
  const rows = tableFormats(model).map((format) => {
    const cells = contexts.map((contextTokens) => {
      const estimate = estimateFor(model, format, contextTokens);
      return {
        contextTokens,
        totalBytes: estimate.bytes.total,
        kvCacheBytes: estimate.bytes.kvCache,
        recurrentStateBytes: estimate.bytes.recurrentState,
        tier: fitTier(model, format, contextTokens),
      };
    });
    const weightsBytes = estimateFor(model, format, contexts[0] ?? 1024).bytes.weights;
    return { format, label: formatLabel(format), weightsBytes, cells };
  });
  return { contexts, rows };
}
