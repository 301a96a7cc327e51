/**
 * LFM2 / LFM2.5 (lfm2, lfm2_moe): gated short-convolution blocks with a few GQA attention layers
 * (transformers configuration_lfm2.py / configuration_lfm2_moe.py; llama.cpp LLM_ARCH_LFM2 / LLM_ARCH_LFM2MOE).
 * The convolution keeps the last conv_L_cache − 1 inputs per sequence (llama-hparams.cpp n_embd_r for LFM2).
 */
import { ConfigError, isObj, type Reader } from "./reader";
import { plainMoe } from "./moe";
import type { ArchDraft, ArchitectureAdapter, BaseFields } from "./types";

function applyShortConv(r: Reader, d: ArchDraft, base: BaseFields): void {
  d.qkNorm = true; // q_layernorm / k_layernorm
  d.useLayerTypes = false;
  const types = r.strArray("layer_types");
  const fullIdx = r.intArray("full_attn_idxs");
  if (types && types.length !== base.numLayers) {
    throw new ConfigError(
      "layer_types",
      `config.json: "layer_types" has ${types.length} entries, expected ${base.numLayers}`,
    );
  }
  if (!types && !fullIdx) {
    throw new ConfigError("layer_types", `config.json: missing "layer_types" or "full_attn_idxs"`);
  }
  const attn = new Set(fullIdx ?? []);
  d.layerMixer = (i) => ((types ? types[i] === "full_attention" : attn.has(i)) ? "attention" : "recurrent");
  d.recurrent = {
    kind: "shortconv",
    convKernel: r.optInt("conv_L_cache") ?? 3,
    innerSize: base.hiddenSize,
    stateSize: 0,
    groups: 0,
    heads: 0,
    convBias: r.bool("conv_bias", false),
  };
}

export const lfm2: ArchitectureAdapter = {
  modelTypes: ["lfm2"],
  tieDefault: true,
  apply(r, d, base) {
    applyShortConv(r, d, base);
    // Lfm2MLP: with block_auto_adjust_ff_dim (default true) the width is 2/3 of intermediate_size, times
    // block_ffn_dim_multiplier, rounded up to block_multiple_of.
    let ff = base.intermediateSize;
    if (r.bool("block_auto_adjust_ff_dim", true)) {
      ff = Math.floor((2 * ff) / 3);
      const mult = r.raw("block_ffn_dim_multiplier");
      if (typeof mult === "number" && Number.isFinite(mult) && mult > 0) ff = Math.floor(mult * ff);
      const multipleOf = r.optInt("block_multiple_of") ?? 256;
      if (multipleOf > 0) ff = multipleOf * Math.ceil(ff / multipleOf);
    }
    d.denseIntermediate = ff;
  },
};

export const lfm2Moe: ArchitectureAdapter = {
  modelTypes: ["lfm2_moe"],
  tieDefault: true,
  apply(r, d, base) {
    applyShortConv(r, d, base);
    // Lfm2MoeDecoderLayer: the first num_dense_layers use a dense MLP of intermediate_size, the rest are MoE
    // with a sigmoid router and a per-expert score bias (use_expert_bias).
    const dense = r.optInt("num_dense_layers") ?? 0;
    d.moe = plainMoe(
      r,
      r.int("num_experts"),
      r.int("moe_intermediate_size"),
      r.bool("use_expert_bias", true),
    );
    d.moeLayer = (i) => i >= dense;
  },
};

/** LFM2-VL (lfm2_vl / lfm2-vl): the language model sits in text_config (the vision tower is an mmproj file). */
export const lfm2Vl: ArchitectureAdapter = {
  ...lfm2,
  modelTypes: ["lfm2_vl", "lfm2-vl"],
  unwrap(config) {
    const tc = config["text_config"];
    if (!isObj(tc))
      throw new ConfigError("text_config", `config.json: "text_config" must be an object for lfm2_vl`);
    const inner = typeof tc["model_type"] === "string" ? tc["model_type"] : "lfm2";
    if (inner !== "lfm2" && inner !== "lfm2_moe") {
      throw new ConfigError(
        "text_config",
        `config.json: unsupported text_config "model_type" ${JSON.stringify(inner)}`,
      );
    }
    return { cfg: { ...config, ...tc }, modelType: inner };
  },
};
