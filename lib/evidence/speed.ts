// Measured decode / prompt speed beside lib/estimator's decode bound. The bound is computed for exactly the
// measured setting (model, format, generated tokens); the ratio bound / measured says how far real engines stay
// below the bandwidth roofline.
import { decodeTokensPerSecondUpperBound, parseConfig } from "@/lib/estimator";
import type { ModelArchitecture } from "@/lib/estimator";
import { getGpu } from "@/lib/content/gpus";
import type { Gpu } from "@/lib/content/gpus";
import { getModel } from "@/lib/content/models";
import { BENCHMARK_MODELS, SPEED_POINTS } from "@/lib/evidence/data";
import type { SpeedPoint } from "@/lib/evidence/data";

export interface SpeedComparison {
  point: SpeedPoint;
  gpu: Gpu;
  modelName: string;
  /** Catalog page of the model, when it has one. */
  modelSlug: string | null;
  /** lib/estimator's decode upper bound for this model, format and card at the end of the tg run. */
  boundTokensPerSecond: number;
  /** bound / measured (≥ 1 when the bound holds). */
  ratio: number;
  arch: ModelArchitecture;
}

const archCache = new Map<string, ModelArchitecture>();

function benchmarkModel(id: string): { name: string; slug: string | null; arch: ModelArchitecture } {
  const catalog = getModel(id);
  if (catalog) return { name: catalog.name, slug: catalog.slug, arch: catalog.architecture };
  const bench = BENCHMARK_MODELS.find((m) => m.id === id);
  if (!bench)
    throw new Error(
      `content/evidence/speed.json: model "${id}" is neither a catalog slug nor a benchmark model`,
    );
  let arch = archCache.get(id);
  if (!arch) {
    arch = parseConfig(bench.config);
    archCache.set(id, arch);
  }
  return { name: bench.name, slug: bench.catalogSlug, arch };
}

function compare(point: SpeedPoint): SpeedComparison {
  const gpu = getGpu(point.gpu);
  if (!gpu)
    throw new Error(
      `content/evidence/speed.json (${point.id}): GPU "${point.gpu}" is not in content/gpus.json`,
    );
  const model = benchmarkModel(point.model);
  // tg128 starts from an empty cache and ends with generatedTokens cells: the bound at that position is the
  // lowest over the run, so the ratio is conservative.
  const boundTokensPerSecond = decodeTokensPerSecondUpperBound(
    model.arch,
    {
      format: point.format,
      contextTokens: point.generatedTokens,
      engine: "llama.cpp",
      flashAttention: point.flashAttention,
    },
    gpu.bandwidthBytesPerSecond,
  );
  return {
    point,
    gpu,
    modelName: model.name,
    modelSlug: model.slug,
    boundTokensPerSecond,
    ratio: boundTokensPerSecond / point.tgTokensPerSecond,
    arch: model.arch,
  };
}

let all: SpeedComparison[] | undefined;

export function speedComparisons(): readonly SpeedComparison[] {
  all ??= SPEED_POINTS.map(compare);
  return all;
}

export function speedOnGpu(slug: string): SpeedComparison[] {
  return speedComparisons().filter((c) => c.point.gpu === slug);
}

export function speedForModel(slug: string): SpeedComparison[] {
  return speedComparisons().filter((c) => c.modelSlug === slug);
}

export interface RatioSummary {
  points: number;
  median: number;
  min: number;
  max: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function ratioSummary(comparisons: readonly SpeedComparison[] = speedComparisons()): RatioSummary {
  const ratios = comparisons.map((c) => c.ratio);
  return {
    points: ratios.length,
    median: median(ratios),
    min: Math.min(...ratios),
    max: Math.max(...ratios),
  };
}
