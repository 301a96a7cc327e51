/**
 * MiniMax-M2 / M2.1 / M2.5 (minimax_m2): GQA with q/k RMSNorm over the whole projection, every layer a
 * sigmoid-routed MoE (e_score_correction_bias) of num_local_experts with intermediate_size each, no shared expert.
 * Keys: the release's configuration_minimax_m2.py; tensors: llama.cpp LLM_ARCH_MINIMAX_M2. The MTP modules of the
 * checkpoint are not converted to GGUF.
 */
import { plainMoe } from "./moe";
import type { ArchitectureAdapter } from "./types";

export const minimaxM2: ArchitectureAdapter = {
  modelTypes: ["minimax_m2"],
  tieDefault: false,
  // the card's active figure leaves the input-embedding table out
  activeExcludesEmbedding: true,
  apply(r, d, base) {
    d.qkNorm = r.bool("use_qk_norm", true);
    d.qkNormFull = true;
    d.moe = plainMoe(r, r.int("num_local_experts"), base.intermediateSize, true);
    d.moeLayer = () => true;
  },
};
