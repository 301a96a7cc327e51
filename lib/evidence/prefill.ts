// Prefill (time to first token) for catalog GPUs: lib/estimator's compute-bound formula fed with each card's rated
// FP16 tensor throughput (content/evidence/gpu-compute.json) and one efficiency calibrated on measured pp points.
import { prefillEstimate, prefillFlops } from "@/lib/estimator";
import type { EstimateInput, ModelArchitecture, PrefillEstimate } from "@/lib/estimator";
import { GPU_COMPUTE, gpuCompute } from "@/lib/evidence/data";
import { median, speedComparisons } from "@/lib/evidence/speed";

export interface CalibrationPoint {
  id: string;
  gpu: string;
  measuredTokensPerSecond: number;
  /** FLOP/s the measured pp rate implies for that prompt length. */
  achievedFlopsPerSecond: number;
  ratedFlopsPerSecond: number;
  efficiency: number;
  source: string;
}

/** Measured pp points on GPUs with a rated FP16 figure: achieved FLOP/s ÷ rated FLOP/s. */
export function calibrationPoints(): CalibrationPoint[] {
  const out: CalibrationPoint[] = [];
  for (const c of speedComparisons()) {
    const pp = c.point.ppTokensPerSecond;
    const compute = gpuCompute(c.point.gpu);
    if (pp === null || !compute) continue;
    const flopsPerToken = prefillFlopsPerToken(c, c.point.promptTokens);
    const achieved = pp * flopsPerToken;
    const rated = compute.fp16TensorTflopsDense * 1e12;
    out.push({
      id: c.point.id,
      gpu: c.point.gpu,
      measuredTokensPerSecond: pp,
      achievedFlopsPerSecond: achieved,
      ratedFlopsPerSecond: rated,
      efficiency: achieved / rated,
      source: c.point.source,
    });
  }
  return out;
}

function prefillFlopsPerToken(c: ReturnType<typeof speedComparisons>[number], promptTokens: number): number {
  return prefillFlops(c.arch, promptTokens) / promptTokens;
}

/**
 * The efficiency used everywhere: the median over the calibration points, capped at 1. Stated on /methodology
 * with the points it comes from.
 */
export const PREFILL_EFFICIENCY: number = Math.min(1, median(calibrationPoints().map((p) => p.efficiency)));

export interface PrefillForGpu extends PrefillEstimate {
  promptTokens: number;
  efficiency: number;
  ratedTflops: number;
}

/** Prefill estimate on one catalog GPU, or null when the card has no rated compute figure. */
export function prefillOnGpu(
  arch: ModelArchitecture,
  input: EstimateInput,
  promptTokens: number,
  gpu: { slug: string; bandwidthBytesPerSecond: number },
): PrefillForGpu | null {
  const compute = gpuCompute(gpu.slug);
  if (!compute) return null;
  const estimate = prefillEstimate(arch, input, promptTokens, {
    flopsPerSecond: compute.fp16TensorTflopsDense * 1e12,
    bandwidthBytesPerSecond: gpu.bandwidthBytesPerSecond,
    efficiency: PREFILL_EFFICIENCY,
  });
  return {
    ...estimate,
    promptTokens,
    efficiency: PREFILL_EFFICIENCY,
    ratedTflops: compute.fp16TensorTflopsDense,
  };
}

export function gpusWithCompute(): string[] {
  return GPU_COMPUTE.map((row) => row.gpu);
}
