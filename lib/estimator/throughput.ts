/**
 * Decode speed bound. Token generation is memory-bandwidth bound: each step must stream the weights
 * the token touches and the KV cache it attends to. Dividing bandwidth by those bytes gives an
 * UPPER BOUND (roofline), not a prediction: real engines reach a fraction of it.
 */
import type { ModelArchitecture } from "./config";
import { resolveInput, type EstimateInput } from "./estimate";
import { tensorBytes } from "./formats";
import { kvBytesReadPerToken } from "./kv-cache";
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
  return s;
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
  return (bandwidthBytesPerSecond * r.sequences) / (weights + kv + state);
}
