/**
 * Gemma 4 (gemma4 wrapper, gemma4_text): 5 sliding : 1 global attention, global layers with their own head size
 * (global_head_dim) and KV heads (num_global_key_value_heads) and, with attention_k_eq_v, no v_proj; q/k norms,
 * sandwich norms and a per-layer scalar; optional per-layer embeddings (E2B / E4B), shared-KV tail layers and a
 * MoE block beside the dense MLP (26B-A4B). Keys: transformers configuration_gemma4.py; shapes checked against
 * the gemma-4-31B-it checkpoint listing in lib/estimator/testdata/SOURCES.md.
 */
import { ConfigError, isObj } from "./reader";
import type { ArchitectureAdapter } from "./types";

export const gemma4Text: ArchitectureAdapter = {
  modelTypes: ["gemma4_text"],
  tieDefault: true,
  apply(r, d, base) {
    d.normsPerLayer = 4;
    d.qkNorm = true;
    d.layerScalar = true;
    d.llamaCppWindowedCache = true;
    d.qkvBias = r.bool("attention_bias", false);
    d.outputBias = d.qkvBias;
    const localHead = r.optInt("head_dim") ?? 256;
    d.headDim = localHead;
    d.vHeadDim = localHead;
    const globalHead = r.optInt("global_head_dim") ?? localHead;
    const globalKv = r.optInt("num_global_key_value_heads") ?? d.numKeyValueHeads;
    const kEqV = r.bool("attention_k_eq_v", false);
    const shared = r.optInt("num_kv_shared_layers") ?? 0;
    if (shared >= base.numLayers) {
      throw new ConfigError(
        "num_kv_shared_layers",
        `config.json: "num_kv_shared_layers" must be below the layer count`,
      );
    }
    d.layerExtra = (i, layer) => {
      if (layer.attention === "full") {
        layer.headDim = globalHead;
        layer.kvHeads = globalKv;
        if (kEqV) layer.kEqV = true;
      }
      // The last num_kv_shared_layers layers read the cache of an earlier layer of the same kind.
      if (i >= base.numLayers - shared) layer.kvShared = true;
    };
    const ple = r.optInt("hidden_size_per_layer_input") ?? 0;
    if (ple > 0) {
      d.perLayerInput = {
        size: ple,
        vocabSize: r.optInt("vocab_size_per_layer_input") ?? r.int("vocab_size"),
      };
    }
    if (r.bool("enable_moe_block", false)) {
      // The MoE block runs beside the dense MLP of intermediate_size: modelled as an always-on "shared" FFN.
      d.moe = {
        numExperts: r.int("num_experts"),
        expertsPerToken: r.optInt("top_k_experts") ?? r.int("num_experts_per_tok"),
        expertIntermediateSize: r.optInt("moe_intermediate_size") ?? r.int("expert_intermediate_size"),
        numSharedExperts: 1,
        sharedIntermediateSize: base.intermediateSize,
        sharedExpertGate: false,
        routerBias: false,
        expertBias: false,
      };
      d.moeLayer = () => true;
    }
  },
};

/** Gemma4Config: the multimodal wrapper; the language model sits in text_config (vision / audio are mmproj). */
export const gemma4: ArchitectureAdapter = {
  ...gemma4Text,
  modelTypes: ["gemma4"],
  unwrap(config) {
    const tc = config["text_config"];
    if (!isObj(tc))
      throw new ConfigError("text_config", `config.json: "text_config" must be an object for gemma4`);
    return { cfg: { ...config, ...tc }, modelType: "gemma4_text" };
  },
};
