// "What runs on this GPU": for one card, every catalog model with the highest-quality format that fits at the
// model's headline context, the longest context that format allows, and lib/estimator's bandwidth bound on decode
// speed. Fit decisions and figures come from lib/estimator (planPlacement, maxContextThatFits,
// decodeTokensPerSecondUpperBound) with the table profile; this module only chooses and orders.
import { decodeTokensPerSecondUpperBound, maxContextThatFits, planPlacement } from "@/lib/estimator";
import type { Hardware, WeightFormat } from "@/lib/estimator";
import type { CatalogModel } from "@/lib/catalog";
import { calculatorHref } from "@/lib/calculator-url";
import { GPU_CATEGORIES } from "@/lib/gpus";
import type { Gpu, GpuCategory } from "@/lib/gpus";
import { headlineContext, TABLE_PROFILE, tableFormats } from "@/lib/requirements";

export interface GpuGroup {
  category: GpuCategory;
  label: string;
  gpus: Gpu[];
}

function byMemory(a: Gpu, b: Gpu): number {
  return (
    a.memoryBytes - b.memoryBytes ||
    a.bandwidthBytesPerSecond - b.bandwidthBytesPerSecond ||
    a.name.localeCompare(b.name, "en")
  );
}

/**
 * The GPU catalog grouped by category, in the catalog's category order, each group sorted by memory (then
 * bandwidth, then name) across vendors; empty groups left out.
 */
export function gpuGroups(gpus: readonly Gpu[]): GpuGroup[] {
  return GPU_CATEGORIES.map(({ id, label }) => ({
    category: id,
    label,
    gpus: gpus.filter((gpu) => gpu.category === id).sort(byMemory),
  })).filter((group) => group.gpus.length > 0);
}

/** Vendor bandwidth as vendors print it, in decimal GB/s. */
export function formatBandwidth(bytesPerSecond: number): string {
  return `${(bytesPerSecond / 1e9).toLocaleString("en-US", { maximumFractionDigits: 0 })} GB/s`;
}

export function singleCard(gpu: Gpu): Hardware {
  return { gpuMemoryBytes: gpu.memoryBytes, gpuCount: 1 };
}

export interface GpuModelFit {
  slug: string;
  name: string;
  parameters: number;
  /** The context the format choice and the speed bound are for (8K, or the model's maximum when shorter). */
  headlineContextTokens: number;
  /** Highest-quality format of the model's table that fits one card entirely at the headline context; null if none. */
  format: WeightFormat | null;
  /** Longest context that format allows on one card (≤ the model's maximum); 0 when nothing fits. */
  maxContextTokens: number;
  /** The model card's maximum context, to tell "the full context fits" apart. */
  modelContextTokens: number;
  /** Upper bound on decode tokens/s at the headline context (bandwidth / bytes read per token). Not a prediction. */
  decodeUpperBound: number | null;
  calculatorHref: string;
}

export function modelFitOnGpu(model: CatalogModel, gpu: Gpu): GpuModelFit {
  const hardware = singleCard(gpu);
  const contextTokens = headlineContext(model);
  // tableFormats lists formats from the highest quality down, so the first that fits is the best.
  const format =
    tableFormats(model).find(
      (candidate) =>
        planPlacement(model.architecture, { ...TABLE_PROFILE, format: candidate, contextTokens }, hardware)
          .fitsInGpuOnly,
    ) ?? null;
  const maxContextTokens =
    format === null ? 0 : maxContextThatFits(model.architecture, { ...TABLE_PROFILE, format }, hardware);
  const decodeUpperBound =
    format === null
      ? null
      : decodeTokensPerSecondUpperBound(
          model.architecture,
          { ...TABLE_PROFILE, format, contextTokens },
          gpu.bandwidthBytesPerSecond,
        );
  return {
    slug: model.slug,
    name: model.name,
    parameters: model.statedParameters.total,
    headlineContextTokens: contextTokens,
    format,
    maxContextTokens,
    modelContextTokens: model.contextLength,
    decodeUpperBound,
    calculatorHref: calculatorHref({
      model: model.slug,
      ...(format ? { quant: format } : {}),
      context: contextTokens,
      gpu: gpu.slug,
    }),
  };
}

/** Every model on one card: the ones that fit first, largest first; then the ones that do not, by size. */
export function modelsOnGpu(gpu: Gpu, models: readonly CatalogModel[]): GpuModelFit[] {
  return models
    .map((model) => modelFitOnGpu(model, gpu))
    .sort(
      (a, b) =>
        Number(b.format !== null) - Number(a.format !== null) ||
        b.parameters - a.parameters ||
        a.name.localeCompare(b.name, "en"),
    );
}
