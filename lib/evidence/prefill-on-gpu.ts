// Prefill (time to first token) on a catalog GPU: lib/estimator's compute-bound formula fed with the card's rated
// FP16 tensor throughput and the efficiency calibrated on measured pp512 points. Client-safe (no catalog imports).
import { prefillEstimate } from "@/lib/estimator";
import type { EstimateInput, ModelArchitecture, PrefillEstimate } from "@/lib/estimator";
import { gpuCompute } from "@/lib/evidence/gpu-compute";

/**
 * Share of the rated dense FP16 tensor FLOP/s that llama.cpp's prompt processing reached in the measured pp512
 * points (median of RTX 4090: 0.95 and RTX 5090: 0.88, Llama 2 7B Q4_0, llama.cpp discussion #15013).
 * prefill.test.ts recomputes it from the data files.
 */
export const PREFILL_EFFICIENCY = 0.91;

export interface PrefillOnGpu extends PrefillEstimate {
  promptTokens: number;
  efficiency: number;
  ratedTflops: number;
}

/** Prefill estimate on one catalog GPU, or null when the card has no rated compute figure in the data. */
export function prefillOnGpu(
  arch: ModelArchitecture,
  input: EstimateInput,
  promptTokens: number,
  gpu: { slug: string; bandwidthBytesPerSecond: number },
): PrefillOnGpu | null {
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
