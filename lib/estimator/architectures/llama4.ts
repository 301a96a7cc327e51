/** Llama 4 (transformers configuration_llama4.py): interleaved dense / MoE layers, chunked + NoPE attention. */
import { ConfigError, isObj } from "./reader";
import type { ArchitectureAdapter } from "./types";

export const llama4Text: ArchitectureAdapter = {
  modelTypes: ["llama4_text"],
  tieDefault: false,
  apply(r, d, base) {
    d.llamaCppWindowedCache = true;
    d.qkvBias = r.bool("attention_bias", false);
    d.outputBias = d.qkvBias;
    // Llama4TextConfig: MoE every interleave_moe_layer_step-th layer (i % step == step - 1).
    const step = r.optInt("interleave_moe_layer_step") ?? 1;
    const moeLayersList = r.intArray("moe_layers");
    const moeSet = moeLayersList ? new Set(moeLayersList) : null;
    d.moeLayer = (i) => (moeSet ? moeSet.has(i) : step > 0 && i % step === step - 1);
    d.moe = {
      numExperts: r.int("num_local_experts"),
      expertsPerToken: r.int("num_experts_per_tok"),
      expertIntermediateSize: base.intermediateSize,
      numSharedExperts: 1,
      sharedIntermediateSize: base.intermediateSize,
      sharedExpertGate: false,
      routerBias: false,
      expertBias: false,
    };
    // dense layers use intermediate_size_mlp
    d.denseIntermediate = r.optInt("intermediate_size_mlp") ?? base.intermediateSize;
    // Llama4TextConfig: no_rope_layers[i] == 1 → RoPE layer with chunked attention (attention_chunk_size,
    // default 8192); 0 → NoPE global layer. Absent or empty: int((i + 1) % no_rope_layer_interval != 0), interval 4.
    const chunk = r.optInt("attention_chunk_size") ?? 8192;
    d.windowDefault = chunk;
    const noRopeRaw = r.intArray("no_rope_layers");
    const noRope = noRopeRaw && noRopeRaw.length > 0 ? noRopeRaw : null;
    const interval = r.optInt("no_rope_layer_interval") ?? 4;
    d.layerAttn = (i) => {
      const ropeLayer = noRope ? (noRope[i] ?? 1) !== 0 : interval > 0 && (i + 1) % interval !== 0;
      return ropeLayer ? { attention: "chunked", window: chunk } : { attention: "full", window: null };
    };
  },
};

/** Llama4Config: the multimodal wrapper; the language model sits in text_config. */
export const llama4: ArchitectureAdapter = {
  ...llama4Text,
  modelTypes: ["llama4"],
  unwrap(config) {
    const tc = config["text_config"];
    if (tc !== undefined && !isObj(tc)) {
      throw new ConfigError("text_config", `config.json: "text_config" must be an object`);
    }
    return { cfg: { ...config, ...(isObj(tc) ? tc : {}) }, modelType: "llama4_text" };
  },
};
