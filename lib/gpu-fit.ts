// Which real hardware a model fits on, per format: the smallest setup in a few ladders people actually buy, and the
// largest context a few common cards allow. Fit decisions come from lib/estimator's placement model.
import { maxContextThatFits, smallestGpuCount } from "@/lib/estimator";
import type { WeightFormat } from "@/lib/estimator";
import type { CatalogModel } from "@/lib/catalog";
import { getGpu } from "@/lib/gpus";
import type { Gpu } from "@/lib/gpus";
import { headlineContext, TABLE_PROFILE } from "@/lib/requirements";

export interface GpuSetup {
  gpu: Gpu;
  count: number;
}

function gpus(slugs: readonly string[]): Gpu[] {
  return slugs.map((slug) => {
    const gpu = getGpu(slug);
    if (!gpu) throw new Error(`lib/gpu-fit.ts names GPU "${slug}", which is not in content/gpus.json`);
    return gpu;
  });
}

// Single consumer cards from small to large, then several of the largest common one.
const CONSUMER_SINGLE = ["rtx-3060-12gb", "rtx-4060-ti-16gb", "rtx-4090", "rtx-5090"] as const;
const CONSUMER_MULTI = "rtx-4090";
const CONSUMER_MAX_CARDS = 4;
const DATACENTER_LADDER = ["h100-sxm", "h200", "b200", "mi325x"] as const;
const DATACENTER_MAX_CARDS = 8;
const APPLE_LADDER = ["m4-pro-64gb", "m4-max-128gb", "m2-ultra-192gb", "m3-ultra-512gb"] as const;

/** Cards whose largest usable context is shown on every model page. */
export const CONTEXT_REFERENCE_GPUS = [
  "rtx-4060-ti-16gb",
  "rtx-4090",
  "rtx-5090",
  "rtx-pro-6000-blackwell",
  "h100-sxm",
  "h200",
] as const;

function fitsOn(
  model: CatalogModel,
  format: WeightFormat,
  contextTokens: number,
  gpu: Gpu,
  maxCards: number,
) {
  const count = smallestGpuCount(
    model.architecture,
    { ...TABLE_PROFILE, format, contextTokens },
    gpu.memoryBytes,
    maxCards,
  );
  return count === null ? null : { gpu, count };
}

function firstFit(
  model: CatalogModel,
  format: WeightFormat,
  contextTokens: number,
  ladder: Gpu[],
  maxCards: number,
) {
  for (const gpu of ladder) {
    const setup = fitsOn(model, format, contextTokens, gpu, maxCards);
    if (setup) return setup;
  }
  return null;
}

export interface GpuFitRow {
  format: WeightFormat;
  consumer: GpuSetup | null;
  datacenter: GpuSetup | null;
  apple: GpuSetup | null;
}

export function gpuFitRows(model: CatalogModel, formats: readonly WeightFormat[]): GpuFitRow[] {
  const contextTokens = headlineContext(model);
  return formats.map((format) => ({
    format,
    consumer:
      firstFit(model, format, contextTokens, gpus(CONSUMER_SINGLE), 1) ??
      firstFit(model, format, contextTokens, gpus([CONSUMER_MULTI]), CONSUMER_MAX_CARDS),
    datacenter: firstFit(model, format, contextTokens, gpus(DATACENTER_LADDER), DATACENTER_MAX_CARDS),
    apple: firstFit(model, format, contextTokens, gpus(APPLE_LADDER), 1),
  }));
}

export interface ContextFit {
  gpu: Gpu;
  maxContextTokens: number;
}

export function contextFits(model: CatalogModel, format: WeightFormat): ContextFit[] {
  return gpus(CONTEXT_REFERENCE_GPUS).map((gpu) => ({
    gpu,
    maxContextTokens: maxContextThatFits(
      model.architecture,
      { ...TABLE_PROFILE, format },
      { gpuMemoryBytes: gpu.memoryBytes, gpuCount: 1 },
    ),
  }));
}

export function describeSetup(setup: GpuSetup | null): string {
  return setup ? `${setup.count}× ${setup.gpu.name}` : "—";
}
