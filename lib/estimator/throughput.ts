/**
 * Decode speed bound. Token generation is memory-bandwidth bound: each step must stream the weights
 * the token touches and the KV cache it attends to. Dividing bandwidth by those bytes gives an
 * UPPER BOUND (roofline), not a prediction: real engines reach a fraction of it.
 */
import type { ModelArchitecture } from "./config";
import { finiteResult, resolveInput, type EstimateInput } from "./estimate";
import { tensorBytes } from "./formats";
import { kvBytesReadPerToken } from "./kv-cache";

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
 * bandwidth / (active weight bytes + KV bytes read at position contextTokens), × sequences.
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
  return finiteResult("decode tokens per second", (bandwidthBytesPerSecond * r.sequences) / (weights + kv));
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
  const kvPerStep = kvBytesReadPerToken(arch, r.contextTokens, r.kvCacheType, r.engine) * r.sequences;
  const gpuShare = arch.numLayers > 0 ? split.gpuLayers / arch.numLayers : 0;
  gpuBytes += kvPerStep * gpuShare;
  hostBytes += kvPerStep * (1 - gpuShare);
  const seconds = gpuBytes / gpuBandwidthBytesPerSecond + hostBytes / hostBandwidthBytesPerSecond;
  return r.sequences / seconds;
}
