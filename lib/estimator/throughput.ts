/**
 * Decode speed bound. Token generation is memory-bandwidth bound: each step must stream the weights
 * the token touches and the KV cache it attends to. Dividing bandwidth by those bytes gives an
 * UPPER BOUND (roofline), not a prediction: real engines reach a fraction of it.
 */
import type { ModelArchitecture } from "./config";
import { finiteResult, resolveInput, type EstimateInput } from "./estimate";
import { tensorBytes } from "./formats";
import { kvBytesReadPerToken } from "./kv-cache";
import { parameterBreakdown } from "./parameters";
import { recurrentStateBytes } from "./recurrent";

/**
 * Weight bytes read per decode step for `sequences` tokens decoded together: all non-expert tensors,
 * one embedding row per token, and the routed experts selected — at most k per token and never more
 * than all of them (min(1, sequences × k / n) of each expert tensor).
 */
export function activeWeightBytes(arch: ModelArchitecture, input: EstimateInput): number {
  const r = resolveInput(input);
  let s = 0;
  for (const t of tensorBytes(arch, r.format, r.engine)) {
    // llama.cpp's MLA decode path multiplies by attn_k_b / attn_v_b; the attn_kv_b copy stays unread
    if (r.engine === "llama.cpp" && t.tensor.role === "attn_kv_b" && arch.attention.kind === "mla") continue;
    if (t.tensor.routedExpert && arch.moe) {
      s += t.bytes * Math.min(1, (r.sequences * arch.moe.expertsPerToken) / arch.moe.numExperts);
    } else if (t.tensor.role === "token_embd" && !arch.tieWordEmbeddings) {
      s += (t.bytes / arch.vocabSize) * r.sequences;
    } else {
      s += t.bytes;
    }
  }
  return finiteResult("active weight bytes", s);
}

/**
 * Upper bound on decode tokens/s (summed over `sequences` parallel sequences):
 * bandwidth / (active weight bytes + KV bytes read at position contextTokens + recurrent state), × sequences.
 * A bound, not a prediction.
 */
export function decodeTokensPerSecondUpperBound(
  arch: ModelArchitecture,
  input: EstimateInput,
  bandwidthBytesPerSecond: number,
): number {
  if (!(
    typeof bandwidthBytesPerSecond === "number" &&
    bandwidthBytesPerSecond > 0 &&
    Number.isFinite(bandwidthBytesPerSecond)
  )) {
    throw new RangeError(
      `bandwidthBytesPerSecond must be a positive number, got ${String(bandwidthBytesPerSecond)}`,
    );
  }
  const r = resolveInput(input);
  const weights = activeWeightBytes(arch, r);
  const kv = kvBytesReadPerToken(arch, r.contextTokens, r.kvCacheType, r.engine) * r.sequences;
  // Hybrids read (and rewrite) each recurrent layer's whole state once per decoded token and sequence.
  const state = recurrentStateBytes(arch, r);
  return finiteResult(
    "decode tokens per second",
    (bandwidthBytesPerSecond * r.sequences) / (weights + kv + state),
  );
}

/**
 * Decode bound for a llama.cpp placement with part of the model in host memory: each step streams the GPU part
 * at the GPU's bandwidth and the host part (layers below -ngl, experts kept on the CPU by --n-cpu-moe) at the
 * host's, one after the other (llama.cpp runs a layer split sequentially), so the times add up.
 */
export function decodeTokensPerSecondWithOffload(
  arch: ModelArchitecture,
  input: EstimateInput,
  split: { gpuLayers: number; cpuMoeLayers: number },
  gpuBandwidthBytesPerSecond: number,
  hostBandwidthBytesPerSecond: number,
): number {
  for (const bw of [gpuBandwidthBytesPerSecond, hostBandwidthBytesPerSecond]) {
    if (!(typeof bw === "number" && bw > 0 && Number.isFinite(bw))) {
      throw new RangeError(`bandwidth must be a positive number, got ${String(bw)}`);
    }
  }
  const r = resolveInput(input);
  const firstGpuLayer = arch.numLayers - split.gpuLayers;
  let gpuBytes = 0;
  let hostBytes = 0;
  for (const t of tensorBytes(arch, r.format, r.engine)) {
    if (r.engine === "llama.cpp" && t.tensor.role === "attn_kv_b" && arch.attention.kind === "mla") continue;
    const { layer, routedExpert, role } = t.tensor;
    let read = t.bytes;
    if (routedExpert && arch.moe) {
      read = t.bytes * Math.min(1, (r.sequences * arch.moe.expertsPerToken) / arch.moe.numExperts);
    } else if (role === "token_embd" && !arch.tieWordEmbeddings) {
      read = (t.bytes / arch.vocabSize) * r.sequences;
    }
    const onHost =
      role === "token_embd"
        ? !arch.tieWordEmbeddings || split.gpuLayers < arch.numLayers
        : layer >= 0 && (layer < firstGpuLayer || (routedExpert && layer < split.cpuMoeLayers));
    if (onHost) hostBytes += read;
    else gpuBytes += read;
  }
  const kvPerStep =
    kvBytesReadPerToken(arch, r.contextTokens, r.kvCacheType, r.engine) * r.sequences +
    recurrentStateBytes(arch, r);
  const gpuShare = arch.numLayers > 0 ? split.gpuLayers / arch.numLayers : 0;
  gpuBytes += kvPerStep * gpuShare;
  hostBytes += kvPerStep * (1 - gpuShare);
  const seconds = gpuBytes / gpuBandwidthBytesPerSecond + hostBytes / hostBandwidthBytesPerSecond;
  return finiteResult("decode tokens per second", r.sequences / seconds);
}

/**
 * Prefill (prompt processing) is compute-bound: every prompt token passes through every weight matrix once
 * (a matrix-vector product costs 2 FLOPs per weight: multiply and add), and attention adds the Q·Kᵀ and
 * softmax·V products against the tokens before it. Roofline argument as in Kaplan et al. 2020 ("Scaling Laws
 * for Neural Language Models", §2.1: C_forward ≈ 2N + 2·n_layer·n_ctx·d_attn) and the llama.cpp CUDA / Metal
 * scoreboards (discussions #15013, #4167), where pp512 follows compute (GPU cores) while tg128 follows bandwidth.
 *
 * Returns the FLOPs of one prompt of `promptTokens` tokens (one sequence, empty cache). The output head runs
 * only for the last token (llama.cpp computes logits for the tokens it samples from), so it counts once.
 */
export function prefillFlops(arch: ModelArchitecture, promptTokens: number): number {
  if (!(Number.isInteger(promptTokens) && promptTokens > 0)) {
    throw new RangeError(`promptTokens must be a positive integer, got ${String(promptTokens)}`);
  }
  const p = parameterBreakdown(arch);
  const perTokenWeights = p.active - p.output;
  const matmul = 2 * perTokenWeights * promptTokens + 2 * p.output;
  // Attention: token i attends to min(i, window) earlier positions (itself included) in each layer; per
  // position and head that is headDim multiply-adds for the score and vHeadDim for the weighted sum.
  const qk =
    arch.attention.kind === "mla" && arch.attention.mla
      ? arch.attention.mla.qkNopeHeadDim + arch.attention.mla.qkRopeHeadDim
      : arch.headDim;
  const v = arch.attention.kind === "mla" && arch.attention.mla ? arch.attention.mla.vHeadDim : arch.vHeadDim;
  const perPosition = 2 * arch.numAttentionHeads * (qk + v);
  let attention = 0;
  for (const layer of arch.layers) {
    const w =
      layer.attention === "full" || layer.window === null
        ? promptTokens
        : Math.min(layer.window, promptTokens);
    // Σ_{i=1..P} min(i, w) = w(w+1)/2 + (P − w)·w
    const positions = (w * (w + 1)) / 2 + (promptTokens - w) * w;
    attention += perPosition * positions;
  }
  return finiteResult("prefill FLOPs", matmul + attention);
}

export interface PrefillDevice {
  /** Dense FP16 tensor throughput the device is rated for, in FLOP/s. */
  flopsPerSecond: number;
  bandwidthBytesPerSecond: number;
  /**
   * Share of the rated FLOP/s real prompt processing reaches, calibrated on measured pp512 points
   * (lib/evidence/prefill-calibration.ts states the value and the points).
   */
  efficiency: number;
}

export interface PrefillEstimate {
  flops: number;
  /** Compute-bound time: FLOPs / (rated FLOP/s × efficiency). */
  computeSeconds: number;
  /** Memory floor: every micro-batch of ubatchTokens reads the weights once. */
  memorySeconds: number;
  /** Time to first token for this prompt: the larger of the two (roofline). */
  seconds: number;
  tokensPerSecond: number;
}

/**
 * Time to process a prompt and emit the first token on one device: max(compute time, weight-streaming time).
 * An estimate with a calibrated efficiency, not a bound.
 */
export function prefillEstimate(
  arch: ModelArchitecture,
  input: EstimateInput,
  promptTokens: number,
  device: PrefillDevice,
): PrefillEstimate {
  for (const [name, value] of [
    ["flopsPerSecond", device.flopsPerSecond],
    ["bandwidthBytesPerSecond", device.bandwidthBytesPerSecond],
    ["efficiency", device.efficiency],
  ] as const) {
    if (!(typeof value === "number" && value > 0 && Number.isFinite(value))) {
      throw new RangeError(`${name} must be a positive number, got ${String(value)}`);
    }
  }
  if (device.efficiency > 1) throw new RangeError(`efficiency must be at most 1, got ${device.efficiency}`);
  const r = resolveInput(input);
  const flops = prefillFlops(arch, promptTokens);
  const computeSeconds = flops / (device.flopsPerSecond * device.efficiency);
  const microBatches = Math.ceil(promptTokens / r.ubatchTokens);
  const memorySeconds =
    (microBatches * activeWeightBytes(arch, { ...r, sequences: r.ubatchTokens })) /
    device.bandwidthBytesPerSecond;
  const seconds = finiteResult("prefill seconds", Math.max(computeSeconds, memorySeconds));
  return {
    flops,
    computeSeconds,
    memorySeconds,
    seconds,
    tokensPerSecond: finiteResult("prefill tokens per second", promptTokens / seconds),
  };
}
