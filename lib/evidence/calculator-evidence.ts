// What the calculator adds from the evidence layer: a prefill (time to first token) estimate and the "which
// format" answer for the chosen GPUs and context. Pure and client-safe; deriveResults calls it once per state.
import type { EstimateInput, ModelArchitecture, WeightFormat } from "@/lib/estimator";
import { bestFormatFor } from "@/lib/evidence/best-format";
import type { FormatQuality } from "@/lib/evidence/best-format";
import { prefillOnGpu } from "@/lib/evidence/prefill-on-gpu";
import type { PrefillOnGpu } from "@/lib/evidence/prefill-on-gpu";
import { QUALITY } from "@/lib/evidence/quality-data";

export interface CalculatorEvidence {
  prefill: PrefillOnGpu | { seconds: null; reason: string };
  bestFormat:
    | { format: WeightFormat; quality: FormatQuality; maxContextTokens: number; gpuCount: number }
    | { format: null; reason: string };
}

export interface CalculatorEvidenceInput {
  arch: ModelArchitecture;
  /** Catalog slug of the model, or null for a pasted config. */
  modelSlug: string | null;
  input: EstimateInput;
  gpu: {
    slug: string | null;
    memoryBytes: number;
    usableBytes: number;
    bandwidthBytesPerSecond: number | null;
  };
  gpuCount: number;
  /** The model card's maximum context (may exceed max_position_embeddings with RoPE scaling). */
  maxContextTokens: number;
  /** Mixed cards: usable bytes of every GPU. */
  deviceMemoryBytes?: readonly number[];
  fitsInGpuOnly: boolean;
}

export function calculatorEvidence(e: CalculatorEvidenceInput): CalculatorEvidence {
  let prefill: CalculatorEvidence["prefill"];
  if (e.gpu.slug === null || e.gpu.bandwidthBytesPerSecond === null) {
    prefill = { seconds: null, reason: "needs a GPU from the list" };
  } else if (!e.fitsInGpuOnly) {
    prefill = { seconds: null, reason: "only estimated when everything is in GPU memory" };
  } else {
    prefill = prefillOnGpu(e.arch, e.input, e.input.contextTokens, {
      slug: e.gpu.slug,
      bandwidthBytesPerSecond: e.gpu.bandwidthBytesPerSecond,
    }) ?? { seconds: null, reason: "no rated FP16 throughput for this GPU in our data yet" };
  }

  let bestFormat: CalculatorEvidence["bestFormat"];
  if ((e.input.engine ?? "llama.cpp") !== "llama.cpp") {
    bestFormat = { format: null, reason: "the format advice covers llama.cpp's GGUF formats" };
  } else {
    const table = e.modelSlug !== null && QUALITY.model === e.modelSlug ? QUALITY : null;
    const best = bestFormatFor(e.arch, table, {
      gpuMemoryBytes: e.gpu.usableBytes,
      statedContextTokens: e.maxContextTokens,
      ...(e.deviceMemoryBytes ? { deviceMemoryBytes: e.deviceMemoryBytes } : {}),
      gpuCount: e.gpuCount,
      contextTokens: e.input.contextTokens,
    });
    bestFormat = best ?? { format: null, reason: "no GGUF format fits these GPUs at this context" };
  }
  return { prefill, bestFormat };
}
