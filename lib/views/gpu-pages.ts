// "What runs on this GPU": for one card, every catalog model with the highest-quality format that runs at the
// model's headline context (GPU only, else with offload to system RAM), the longest context, and the decode bound.
// Every verdict comes from the fit planner through lib/views/gpu-fit; this module only chooses and orders.
import type { FitKind, WeightFormat } from "@/lib/estimator";
import type { CatalogModel } from "@/lib/content/catalog";
import { calculatorHref } from "@/lib/routes";
import { GPU_CATEGORIES } from "@/lib/content/gpus";
import type { Gpu, GpuCategory } from "@/lib/content/gpus";
import {
  bestFormatOnGpu,
  bestOffloadFormatOnGpu,
  longestContextOnGpu,
  OFFLOAD_RAM_BYTES,
} from "@/lib/views/gpu-fit";
import { headlineContext, tableFormats } from "@/lib/views/requirements";
import { nativeContext, offloadHow } from "@/lib/views/run-answer";
import { GIB } from "@/lib/estimator";

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

export interface GpuModelFit {
  slug: string;
  name: string;
  parameters: number;
  /** The context the format choice and the speed bound are for (8K, or the model's maximum when shorter). */
  headlineContextTokens: number;
  /** gpu: runs in this card's memory; offload: needs OFFLOAD_RAM_BYTES of system RAM too; none. */
  kind: FitKind;
  /** Highest-quality format of the model's table that runs at the headline context; null if none. */
  format: WeightFormat | null;
  /** Longest context that format allows on this setup (≤ the model's maximum); 0 when nothing fits. */
  maxContextTokens: number;
  contextLimit: "memory" | "model";
  /** The context beyond which the model needs RoPE scaling (YaRN) switched on. */
  nativeContextTokens: number;
  /** How llama.cpp offloads, e.g. "--n-cpu-moe 20"; null without offload. */
  offloadHow: string | null;
  /** Upper bound on decode tokens/s at the headline context (offload: host part at DDR5 bandwidth). */
  decodeUpperBound: number | null;
  /**
   * Unified memory: the best format once the GPU limit is raised (raiseLimitHow), when that improves on the
   * default; null otherwise.
   */
  afterRaise: { format: WeightFormat; maxContextTokens: number } | null;
  calculatorHref: string;
}

/** The planner's answer for one model on one card: GPU only first, then with offload to system RAM. */
export function modelFitOnGpu(model: CatalogModel, gpu: Gpu): GpuModelFit {
  const contextTokens = headlineContext(model);
  const gpuOnly = bestFormatOnGpu(model, gpu, contextTokens);
  const canOffload = gpu.unifiedMemory !== true;
  const choice = gpuOnly ?? (canOffload ? bestOffloadFormatOnGpu(model, gpu, contextTokens) : null);
  const offload = gpuOnly === null && choice !== null;
  const longest = choice
    ? longestContextOnGpu(model, gpu, choice.format, { offload })
    : { tokens: 0, limit: "memory" as const };
  let afterRaise: GpuModelFit["afterRaise"] = null;
  if (gpu.raisedUsableBytes !== undefined && gpu.raisedUsableBytes > gpu.usableBytes) {
    // The same device with its limit raised: a distinct slug keeps the planner's cache apart.
    const raised: Gpu = { ...gpu, slug: `${gpu.slug}--raised`, usableBytes: gpu.raisedUsableBytes };
    const better = bestFormatOnGpu(model, raised, contextTokens);
    const formats = tableFormats(model);
    const rank = (format: WeightFormat | null) =>
      format === null ? formats.length : formats.indexOf(format);
    if (better && rank(better.format) < rank(gpuOnly?.format ?? null)) {
      afterRaise = {
        format: better.format,
        maxContextTokens: longestContextOnGpu(model, raised, better.format).tokens,
      };
    }
  }
  return {
    slug: model.slug,
    name: model.name,
    parameters: model.statedParameters.total,
    headlineContextTokens: contextTokens,
    afterRaise,
    kind: choice ? choice.answer.kind : "none",
    format: choice?.format ?? null,
    maxContextTokens: longest.tokens,
    contextLimit: longest.limit,
    nativeContextTokens: nativeContext(model),
    offloadHow: offload && choice ? offloadHow(choice.answer) : null,
    decodeUpperBound: choice?.answer.decodeTokensPerSecond ?? null,
    calculatorHref: calculatorHref({
      model: model.slug,
      ...(choice ? { quant: choice.format } : {}),
      context: contextTokens,
      gpu: gpu.slug,
      ...(offload ? { ram: OFFLOAD_RAM_BYTES / GIB } : {}),
    }),
  };
}

const KIND_ORDER: Record<FitKind, number> = { gpu: 0, offload: 1, none: 2 };

/** Every model on one card: the ones that fit first, largest first; then the ones that do not, by size. */
export function modelsOnGpu(gpu: Gpu, models: readonly CatalogModel[]): GpuModelFit[] {
  return models
    .map((model) => modelFitOnGpu(model, gpu))
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        b.parameters - a.parameters ||
        a.name.localeCompare(b.name, "en"),
    );
}
