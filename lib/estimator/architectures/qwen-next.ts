/**
 * Gated DeltaNet hybrids: Qwen3-Next (qwen3_next) and Qwen3.5 / Qwen3.6 (qwen3_5, qwen3_5_moe and their
 * *_text language models). Three linear-attention (Gated DeltaNet) layers for every gated full-attention layer.
 * Keys and defaults: transformers configuration_qwen3_next.py / configuration_qwen3_5.py; tensors:
 * llama.cpp llama-model.cpp LLM_ARCH_QWEN3NEXT / LLM_ARCH_QWEN35 / LLM_ARCH_QWEN35MOE.
 */
import { ConfigError, isObj, type Reader } from "./reader";
import type { ArchDraft, ArchitectureAdapter, BaseFields } from "./types";
import { excerpt } from "../json-input";
import { applyQwenMoe } from "./moe";

function applyGatedDeltaNet(r: Reader, d: ArchDraft, base: BaseFields): void {
  // Qwen3NextAttention: q_proj doubles as the output gate, per-head q/k RMSNorm, no biases.
  d.qkNorm = true;
  d.gatedQuery = true;
  d.qkvBias = r.bool("attention_bias", false);
  d.outputBias = d.qkvBias;
  // layer_types lists "linear_attention" / "full_attention"; without it, every full_attention_interval-th
  // layer is full attention (Qwen3NextConfig: "full_attention" if (i + 1) % interval == 0).
  d.useLayerTypes = false;
  const types = r.strArray("layer_types");
  if (types && types.length !== base.numLayers) {
    throw new ConfigError(
      "layer_types",
      `config.json: "layer_types" has ${types.length} entries, expected ${base.numLayers}`,
    );
  }
  const interval = r.optInt("full_attention_interval") ?? 4;
  d.layerMixer = (i) => {
    const t = types
      ? types[i]
      : interval > 0 && (i + 1) % interval === 0
        ? "full_attention"
        : "linear_attention";
    return t === "linear_attention" ? "recurrent" : "attention";
  };
  const valueHeads = r.dim("linear_num_value_heads");
  const keyHeads = r.dim("linear_num_key_heads");
  d.recurrent = {
    kind: "gated_deltanet",
    convKernel: r.optInt("linear_conv_kernel_dim") ?? 4,
    innerSize: valueHeads * r.dim("linear_value_head_dim"),
    stateSize: r.dim("linear_key_head_dim"),
    groups: keyHeads,
    heads: valueHeads,
    convBias: false,
  };
  // Qwen3.5 / 3.6 checkpoints ship one MTP block (mtp_num_hidden_layers) and llama.cpp conversions keep it
  // (qwen35.nextn_predict_layers = 1); Qwen3-Next configs do not name one and its GGUFs carry none.
  d.mtpLayers = r.optInt("mtp_num_hidden_layers") ?? 0;
}

export const qwen3Next: ArchitectureAdapter = {
  modelTypes: ["qwen3_next"],
  tieDefault: false,
  // the card's active figure leaves the input-embedding table out
  activeExcludesEmbedding: true,
  apply(r, d, base) {
    applyGatedDeltaNet(r, d, base);
    applyQwenMoe(r, d, r.optInt("shared_expert_intermediate_size") ?? 0);
  },
};

/** Qwen3.5 dense language model (Qwen3_5TextConfig): a dense SwiGLU FFN of intermediate_size in every layer. */
export const qwen35Text: ArchitectureAdapter = {
  modelTypes: ["qwen3_5_text"],
  tieDefault: false,
  // the card's active figure leaves the input-embedding table out
  activeExcludesEmbedding: true,
  apply(r, d, base) {
    applyGatedDeltaNet(r, d, base);
  },
};

/** Qwen3.5 MoE language model (Qwen3_5MoeTextConfig): routed experts plus a gated shared expert in every layer. */
export const qwen35MoeText: ArchitectureAdapter = {
  modelTypes: ["qwen3_5_moe_text"],
  tieDefault: false,
  // the card's active figure leaves the input-embedding table out
  activeExcludesEmbedding: true,
  // The MoE text config has no dense FFN; intermediate_size may be absent.
  defaults: { intermediate_size: 0 },
  apply(r, d, base) {
    applyGatedDeltaNet(r, d, base);
    applyQwenMoe(r, d, r.optInt("shared_expert_intermediate_size") ?? 0);
  },
};

function wrapper(outer: string, inner: string, adapter: ArchitectureAdapter): ArchitectureAdapter {
  return {
    ...adapter,
    modelTypes: [outer],
    // Qwen3_5Config / Qwen3_5MoeConfig: the language model sits in text_config; the vision tower is a separate
    // (mmproj) file for llama.cpp and is not counted here.
    unwrap(config) {
      const tc = config["text_config"];
      if (!isObj(tc)) {
        throw new ConfigError("text_config", `config.json: "text_config" must be an object for ${outer}`);
      }
      const t = typeof tc["model_type"] === "string" ? tc["model_type"] : inner;
      if (t !== inner) {
        throw new ConfigError(
          "text_config",
          `config.json: unsupported text_config "model_type" ${excerpt(t)}`,
        );
      }
      return { cfg: { ...config, ...tc }, modelType: inner };
    },
  };
}

export const qwen35 = wrapper("qwen3_5", "qwen3_5_text", qwen35Text);
export const qwen35Moe = wrapper("qwen3_5_moe", "qwen3_5_moe_text", qwen35MoeText);
