/**
 * The expert blocks several architectures share, so each rule is written once: a plain top-k block, DeepSeek-style
 * routed plus shared experts, and the Qwen MoE block with one gated shared expert.
 */
import type { Reader } from "./reader";
import type { ArchDraft, MoeSpec } from "./types";

/**
 * Top-k of `numExperts` experts of one width, no shared expert (transformers MixtralSparseMoeBlock, JambaSparseMoeBlock;
 * MiniMax-M2 adds a sigmoid router with e_score_correction_bias: `routerBias`).
 */
export function plainMoe(
  r: Reader,
  numExperts: number,
  expertIntermediateSize: number,
  routerBias = false,
): MoeSpec {
  return {
    numExperts,
    expertsPerToken: r.int("num_experts_per_tok"),
    expertIntermediateSize,
    numSharedExperts: 0,
    sharedIntermediateSize: 0,
    sharedExpertGate: false,
    routerBias,
    expertBias: false,
  };
}

/**
 * Routed experts beside n_shared_experts always-on experts, each moe_intermediate_size wide (DeepseekV3MoE,
 * Glm4MoeMoE); `routerBias` when routing keeps e_score_correction_bias per expert.
 */
export function sharedExpertsMoe(r: Reader, numExperts: number, routerBias: boolean): MoeSpec {
  const nShared = r.optInt("n_shared_experts") ?? 0;
  const moeInter = r.int("moe_intermediate_size");
  return {
    numExperts,
    expertsPerToken: r.int("num_experts_per_tok"),
    expertIntermediateSize: moeInter,
    numSharedExperts: nShared,
    sharedIntermediateSize: nShared * moeInter,
    sharedExpertGate: false,
    routerBias,
    expertBias: false,
  };
}

/**
 * Qwen2-MoE, Qwen3-MoE and Qwen3-Next: num_experts routed experts and, when `sharedIntermediateSize` > 0, one shared
 * expert behind a sigmoid shared_expert_gate [hidden → 1] (Qwen2MoeSparseMoeBlock, Qwen3NextSparseMoeBlock). A layer
 * is MoE when it is not in mlp_only_layers and (i + 1) % decoder_sparse_step == 0 (Qwen2MoeDecoderLayer).
 */
export function applyQwenMoe(r: Reader, d: ArchDraft, sharedIntermediateSize: number): void {
  d.moe = {
    numExperts: r.int("num_experts"),
    expertsPerToken: r.int("num_experts_per_tok"),
    expertIntermediateSize: r.int("moe_intermediate_size"),
    numSharedExperts: sharedIntermediateSize > 0 ? 1 : 0,
    sharedIntermediateSize,
    sharedExpertGate: sharedIntermediateSize > 0,
    routerBias: false,
    expertBias: false,
  };
  const step = r.optInt("decoder_sparse_step") ?? 1;
  const mlpOnly = new Set(r.intArray("mlp_only_layers") ?? []);
  d.moeLayer = (i) => !mlpOnly.has(i) && step > 0 && (i + 1) % step === 0;
}
