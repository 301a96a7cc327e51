/** DeepSeek-V2 / V3 (MLA + routed and shared experts) and Kimi K2, which ships DeepSeek-V3's code. */
import { sharedExpertsMoe } from "./moe";
import type { ArchitectureAdapter } from "./types";

export const deepseek: ArchitectureAdapter = {
  modelTypes: ["deepseek_v2", "deepseek_v3"],
  tieDefault: false,
  // the vendor's cards count active parameters without the input-embedding lookup table
  activeExcludesEmbedding: true,
  apply(r, d) {
    d.kind = "mla";
    const qkNope = r.int("qk_nope_head_dim");
    const qkRope = r.int("qk_rope_head_dim");
    d.mla = {
      qLoraRank: r.optInt("q_lora_rank"),
      kvLoraRank: r.int("kv_lora_rank"),
      qkNopeHeadDim: qkNope,
      qkRopeHeadDim: qkRope,
      vHeadDim: r.int("v_head_dim"),
    };
    d.headDim = qkNope + qkRope;
    d.vHeadDim = d.mla.vHeadDim;
    d.qkvBias = false;
    const nRouted = r.optInt("n_routed_experts");
    if (nRouted !== null && nRouted > 0) {
      // DeepSeek-V3 noaux_tc routing keeps e_score_correction_bias per expert.
      d.moe = sharedExpertsMoe(r, nRouted, r.str("topk_method") === "noaux_tc");
      // DeepseekV2/V3DecoderLayer: MoE when i >= first_k_dense_replace and i % moe_layer_freq == 0.
      const firstDense = r.optInt("first_k_dense_replace") ?? 0;
      const freq = r.optInt("moe_layer_freq") ?? 1;
      d.moeLayer = (i) => i >= firstDense && freq > 0 && i % freq === 0;
    }
  },
};

/** Kimi K2: "architectures": ["DeepseekV3ForCausalLM"] under its own type name. */
export const kimiK2: ArchitectureAdapter = {
  ...deepseek,
  modelTypes: ["kimi_k2"],
  unwrap: (config) => ({ cfg: config, modelType: "deepseek_v3" }),
};

/**
 * DeepSeek-V3.2 (deepseek_v32): V3's MLA + MoE plus the DeepSeek Sparse Attention "lightning indexer" in every layer
 * (index_n_heads heads of index_head_dim over the q_lora latent, one shared key head with LayerNorm, per-head
 * weights), which keeps one index_head_dim key per token and layer (DeepSeek-V3.2-Exp inference/model.py Indexer;
 * llama.cpp LLM_ARCH_DEEPSEEK32 with llama-kv-cache-dsa.cpp).
 */
export const deepseekV32: ArchitectureAdapter = {
  ...deepseek,
  modelTypes: ["deepseek_v32"],
  apply(r, d, base, modelType) {
    deepseek.apply(r, d, base, modelType);
    d.indexer = {
      heads: r.optInt("index_n_heads") ?? 64,
      headDim: r.optInt("index_head_dim") ?? 128,
      topK: r.optInt("index_topk") ?? 2048,
    };
  },
};
