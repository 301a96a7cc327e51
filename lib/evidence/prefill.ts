// Calibration of the prefill efficiency: measured pp points (content/evidence/speed.json) on GPUs with a rated FP16
// figure (content/evidence/gpu-compute.json). Server-only (reads the catalog); the client uses prefill-on-gpu.ts.
import { prefillFlops } from "@/lib/estimator";
import { gpuCompute } from "@/lib/evidence/data";
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

/** Median efficiency over the calibration points (prefill.test.ts checks PREFILL_EFFICIENCY against it). */
export function calibratedEfficiency(): number {
  return Math.min(1, median(calibrationPoints().map((p) => p.efficiency)));
}
