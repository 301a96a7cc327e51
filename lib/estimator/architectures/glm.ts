/**
 * GLM-4.5 / 4.6 / 4.7 and GLM-4.5-Air (glm4_moe): GQA with q/k/v biases, optional q/k norm, first_k_dense_replace
 * dense layers then sigmoid-routed experts (with e_score_correction_bias) plus shared experts, and one MTP block
 * (num_nextn_predict_layers) that GGUF conversions keep, with its own embed_tokens and shared_head_head copies
 * (llama.cpp llama-model.cpp LLM_ARCH_GLM4_MOE: LLM_TENSOR_NEXTN_*; transformers configuration_glm4_moe.py).
 */
import { sharedExpertsMoe } from "./moe";
import type { ArchitectureAdapter } from "./types";

export const glm4Moe: ArchitectureAdapter = {
  modelTypes: ["glm4_moe"],
  tieDefault: false,
  // the card's active figure leaves the input-embedding table out
  activeExcludesEmbedding: true,
  apply(r, d) {
    d.qkvBias = r.bool("attention_bias", false);
    // Glm4MoeAttention: o_proj has no bias whatever attention_bias says.
    d.outputBias = false;
    d.qkNorm = r.bool("use_qk_norm", false);
    d.moe = sharedExpertsMoe(r, r.int("n_routed_experts"), true);
    const firstDense = r.optInt("first_k_dense_replace") ?? 0;
    d.moeLayer = (i) => i >= firstDense;
    d.mtpLayers = r.optInt("num_nextn_predict_layers") ?? 0;
    d.mtpVocabTensors = true;
  },
};
