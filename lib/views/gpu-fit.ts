// Catalog hardware through the fit planner: every page's "does it run on X" comes from here, and every verdict
// from lib/estimator's planFit / longestContext. This module only picks the hardware ladders and the profile.
import { contextLimits, longestContext, MIN_USEFUL_CONTEXT_TOKENS, planFit, GIB } from "@/lib/estimator";
import type { ContextLimits, FitAnswer, Hardware, LongestContext, WeightFormat } from "@/lib/estimator";
import type { CatalogModel } from "@/lib/content/catalog";
import { getGpus } from "@/lib/content/gpus";
import type { Gpu } from "@/lib/content/gpus";
import { HEADLINE_FORMAT, headlineContext, TABLE_PROFILE, tableFormats } from "@/lib/views/requirements";

/** System RAM assumed for offload answers on pages: a desktop with 64 GB (stated wherever offload is shown). */
export const OFFLOAD_RAM_BYTES = 64 * GIB;
export const OFFLOAD_RAM_LABEL = "64 GB of system RAM";

export { MIN_USEFUL_CONTEXT_TOKENS };

export function modelContextLimits(model: CatalogModel): ContextLimits {
  return contextLimits(model.architecture, model.contextLength);
}

export interface FitOptions {
  count?: number;
  /** Allow llama.cpp offload to OFFLOAD_RAM_BYTES of system RAM (never on unified memory: it is the same RAM). */
  offload?: boolean;
}

export function hardwareFor(gpu: Gpu, { count = 1, offload = false }: FitOptions = {}): Hardware {
  return {
    gpuMemoryBytes: gpu.usableBytes,
    gpuCount: count,
    ...(offload && gpu.unifiedMemory !== true ? { systemRamBytes: OFFLOAD_RAM_BYTES } : {}),
  };
}

const fitCache = new Map<string, FitAnswer>();

/** The planner's answer for a catalog model on `count` of one catalog GPU, with the page profile. */
export function fitOnGpu(
  model: CatalogModel,
  gpu: Gpu,
  format: WeightFormat,
  contextTokens: number,
  options: FitOptions = {},
): FitAnswer {
  const key = `${model.slug}|${gpu.slug}|${gpu.usableBytes}|${options.count ?? 1}|${format}|${contextTokens}|${options.offload === true}`;
  const cached = fitCache.get(key);
  if (cached) return cached;
  const answer = planFit({
    arch: model.architecture,
    input: { ...TABLE_PROFILE, format, contextTokens },
    hardware: hardwareFor(gpu, options),
    limits: modelContextLimits(model),
    gpuBandwidthBytesPerSecond: gpu.bandwidthBytesPerSecond,
  });
  if (fitCache.size > 200_000) fitCache.clear();
  fitCache.set(key, answer);
  return answer;
}

// Model pages, GPU pages, the JSON and the Markdown twins ask for the same answers during one build.
const longestCache = new Map<string, LongestContext>();

export function longestContextOnGpu(
  model: CatalogModel,
  gpu: Gpu,
  format: WeightFormat,
  options: FitOptions = {},
): LongestContext {
  const key = `${model.slug}|${gpu.slug}|${gpu.usableBytes}|${options.count ?? 1}|${format}|${options.offload === true}`;
  const cached = longestCache.get(key);
  if (cached) return cached;
  const answer = computeLongest(model, gpu, format, options);
  if (longestCache.size > 100_000) longestCache.clear();
  longestCache.set(key, answer);
  return answer;
}

function computeLongest(
  model: CatalogModel,
  gpu: Gpu,
  format: WeightFormat,
  options: FitOptions,
): LongestContext {
  return longestContext(
    {
      arch: model.architecture,
      input: { ...TABLE_PROFILE, format },
      hardware: hardwareFor(gpu, options),
      limits: modelContextLimits(model),
      gpuBandwidthBytesPerSecond: gpu.bandwidthBytesPerSecond,
    },
    options.offload === true,
  );
}

export interface FormatChoice {
  format: WeightFormat;
  answer: FitAnswer;
}

/** Highest-precision format of the model's table that fits at `contextTokens`; null when none does. */
export function bestFormatOnGpu(
  model: CatalogModel,
  gpu: Gpu,
  contextTokens: number,
  options: FitOptions = {},
): FormatChoice | null {
  for (const format of tableFormats(model)) {
    const answer = fitOnGpu(model, gpu, format, contextTokens, options);
    if (answer.fits) return { format, answer };
  }
  return null;
}

/**
 * With offload, speed rather than memory is the constraint, so the answer starts at Q4_K_M (the usual local
 * choice) and goes down; a higher-precision format through system RAM would only be slower.
 */
export function bestOffloadFormatOnGpu(
  model: CatalogModel,
  gpu: Gpu,
  contextTokens: number,
): FormatChoice | null {
  const formats = tableFormats(model);
  for (const format of formats.slice(Math.max(0, formats.indexOf(HEADLINE_FORMAT)))) {
    const answer = fitOnGpu(model, gpu, format, contextTokens, { offload: true });
    if (answer.fits) return { format, answer };
  }
  return null;
}

/** The smallest of `sizesGib` on which one GPU of that size runs the model (GPU only); null if none. */
export function smallestFittingSizeGib(
  model: CatalogModel,
  format: WeightFormat,
  contextTokens: number,
  sizesGib: readonly number[],
): number | null {
  const limits = modelContextLimits(model);
  for (const size of [...sizesGib].sort((a, b) => a - b)) {
    const answer = planFit({
      arch: model.architecture,
      input: { ...TABLE_PROFILE, format, contextTokens },
      hardware: { gpuMemoryBytes: size * GIB, gpuCount: 1 },
      limits,
    });
    if (answer.kind === "gpu") return size;
  }
  return null;
}

// ---- hardware ladders -------------------------------------------------------------------------------------

export interface GpuSetup {
  gpu: Gpu;
  count: number;
  answer: FitAnswer;
}

const byUsable = (a: Gpu, b: Gpu) =>
  a.usableBytes - b.usableBytes || a.bandwidthBytesPerSecond - b.bandwidthBytesPerSecond;

export function consumerCards(): Gpu[] {
  return getGpus()
    .filter((gpu) => gpu.category === "consumer")
    .sort(byUsable);
}

export function unifiedMemoryDevices(): Gpu[] {
  return getGpus()
    .filter((gpu) => gpu.unifiedMemory === true)
    .sort(byUsable);
}

export function dataCentreCards(): Gpu[] {
  return getGpus()
    .filter((gpu) => gpu.category === "datacenter" || gpu.category === "workstation")
    .sort(byUsable);
}

/** One card per memory size (the cheapest-looking: lowest bandwidth), so a ladder names each size once. */
function distinctSizes(gpus: readonly Gpu[]): Gpu[] {
  const seen = new Set<number>();
  return gpus.filter((gpu) => {
    if (seen.has(gpu.usableBytes)) return false;
    seen.add(gpu.usableBytes);
    return true;
  });
}

function firstSetup(
  model: CatalogModel,
  format: WeightFormat,
  contextTokens: number,
  ladder: readonly Gpu[],
  options: FitOptions,
): GpuSetup | null {
  for (const gpu of ladder) {
    const answer = fitOnGpu(model, gpu, format, contextTokens, options);
    if (answer.fits) return { gpu, count: options.count ?? 1, answer };
  }
  return null;
}

const MAX_CONSUMER_CARDS = 4;
const MAX_DATACENTRE_CARDS = 8;

/** Smallest consumer setup: one card, else 2–4 of the largest-memory common card (GPU only). */
export function smallestConsumerSetup(
  model: CatalogModel,
  format: WeightFormat,
  contextTokens: number,
): GpuSetup | null {
  const cards = distinctSizes(consumerCards());
  const single = firstSetup(model, format, contextTokens, cards, {});
  if (single) return single;
  const largest = cards.at(-1);
  if (!largest) return null;
  for (let count = 2; count <= MAX_CONSUMER_CARDS; count++) {
    const setup = firstSetup(model, format, contextTokens, [largest], { count });
    if (setup) return setup;
  }
  return null;
}

/** Smallest consumer card that runs it with llama.cpp offload to OFFLOAD_RAM_BYTES of system RAM. */
export function smallestOffloadSetup(
  model: CatalogModel,
  format: WeightFormat,
  contextTokens: number,
): GpuSetup | null {
  return firstSetup(model, format, contextTokens, distinctSizes(consumerCards()), { offload: true });
}

export function smallestUnifiedSetup(
  model: CatalogModel,
  format: WeightFormat,
  contextTokens: number,
): GpuSetup | null {
  return firstSetup(model, format, contextTokens, distinctSizes(unifiedMemoryDevices()), {});
}

/** Smallest data-centre or workstation setup: one card, else the fewest cards (≤ 8) of the largest card. */
export function smallestDataCentreSetup(
  model: CatalogModel,
  format: WeightFormat,
  contextTokens: number,
): GpuSetup | null {
  const cards = distinctSizes(dataCentreCards());
  const single = firstSetup(model, format, contextTokens, cards, {});
  if (single) return single;
  const largest = cards.at(-1);
  if (!largest) return null;
  for (let count = 2; count <= MAX_DATACENTRE_CARDS; count++) {
    const setup = firstSetup(model, format, contextTokens, [largest], { count });
    if (setup) return setup;
  }
  return null;
}

export interface GpuFitRow {
  format: WeightFormat;
  consumer: GpuSetup | null;
  offload: GpuSetup | null;
  unified: GpuSetup | null;
  datacenter: GpuSetup | null;
}

/** The "smallest hardware" table: per format, at the headline context. */
export function gpuFitRows(model: CatalogModel, formats: readonly WeightFormat[]): GpuFitRow[] {
  const contextTokens = headlineContext(model);
  return formats.map((format) => {
    const consumer = smallestConsumerSetup(model, format, contextTokens);
    return {
      format,
      consumer,
      // Offload is only worth a column where no single consumer card holds the model.
      offload: consumer && consumer.count === 1 ? null : smallestOffloadSetup(model, format, contextTokens),
      unified: smallestUnifiedSetup(model, format, contextTokens),
      datacenter: smallestDataCentreSetup(model, format, contextTokens),
    };
  });
}

// ---- reference cards for "longest context" ------------------------------------------------------------------

/** Consumer sizes every model page reports the longest context for, then a Mac and data-centre cards. */
const REFERENCE_CONSUMER_GIB = [8, 12, 16, 24, 32] as const;
const REFERENCE_UNIFIED_GIB = [32, 64, 128] as const;
const REFERENCE_DATACENTRE_SLUGS = ["h100-sxm", "h200"] as const;

/** The common card of a size: NVIDIA first, then the newest. */
function representative(gpus: readonly Gpu[], sizeGib: number): Gpu | undefined {
  const vendorRank = (gpu: Gpu) => (gpu.vendor === "NVIDIA" ? 0 : 1);
  return gpus
    .filter((gpu) => gpu.memoryBytes === sizeGib * GIB)
    .sort((a, b) => vendorRank(a) - vendorRank(b) || b.releaseYear - a.releaseYear)[0];
}

export function contextReferenceGpus(): Gpu[] {
  const consumer = REFERENCE_CONSUMER_GIB.map((size) => representative(consumerCards(), size));
  const unified = REFERENCE_UNIFIED_GIB.map((size) =>
    representative(
      getGpus().filter((gpu) => gpu.category === "apple-silicon"),
      size,
    ),
  );
  const datacentre = REFERENCE_DATACENTRE_SLUGS.map((slug) => getGpus().find((gpu) => gpu.slug === slug));
  return [...consumer, ...unified, ...datacentre].filter((gpu): gpu is Gpu => gpu !== undefined);
}

export interface ContextFit {
  gpu: Gpu;
  /** GPU only. */
  gpuOnly: LongestContext;
  /** With llama.cpp offload to OFFLOAD_RAM_BYTES, when GPU-only does not reach the smallest useful context. */
  withOffload: LongestContext | null;
}

export function contextFits(model: CatalogModel, format: WeightFormat): ContextFit[] {
  return contextReferenceGpus().map((gpu) => {
    const gpuOnly = longestContextOnGpu(model, gpu, format);
    const withOffload =
      gpuOnly.tokens === 0 && gpu.unifiedMemory !== true
        ? longestContextOnGpu(model, gpu, format, { offload: true })
        : null;
    return { gpu, gpuOnly, withOffload };
  });
}

export function describeSetup(setup: GpuSetup | null): string {
  return setup ? `${setup.count}× ${setup.gpu.name}` : "—";
}
