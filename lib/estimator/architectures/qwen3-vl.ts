/**
 * Qwen3-VL (qwen3_vl, qwen3_vl_moe): the language model in text_config is a plain Qwen3 / Qwen3-MoE decoder
 * (transformers configuration_qwen3_vl.py Qwen3VLTextConfig, configuration_qwen3_vl_moe.py
 * Qwen3VLMoeTextConfig: same keys and shapes as Qwen3Config / Qwen3MoeConfig, plus interleaved M-RoPE).
 * llama.cpp convert_hf_to_gguf.py Qwen3VLTextModel / Qwen3VLMoeTextModel subclass Qwen3Model / Qwen3MoeModel
 * and only skip the model.visual.* tensors; DeepStack adds an hparam (n_deepstack_layers, the extra visual
 * features the text model adds to its first layers' hidden states) but no text tensor. The vision tower and
 * its DeepStack mergers go to the mmproj file: see ../vision.ts.
 */
import { qwen } from "./qwen";
import { ConfigError, isObj } from "./reader";
import type { ArchitectureAdapter } from "./types";
import { excerpt } from "../json-input";

/** Qwen3VLTextConfig: a dense Qwen3 decoder (q/k RMSNorm, attention_bias default false). */
export const qwen3VlText: ArchitectureAdapter = {
  modelTypes: ["qwen3_vl_text"],
  tieDefault: false,
  apply(r, d, base) {
    qwen.apply(r, d, base, "qwen3");
  },
};

/** Qwen3VLMoeTextConfig: Qwen3-MoE routed experts (no shared expert), decoder_sparse_step / mlp_only_layers. */
export const qwen3VlMoeText: ArchitectureAdapter = {
  modelTypes: ["qwen3_vl_moe_text"],
  tieDefault: false,
  apply(r, d, base) {
    qwen.apply(r, d, base, "qwen3_moe");
  },
};

function wrapper(outer: string, inner: ArchitectureAdapter): ArchitectureAdapter {
  const innerType = inner.modelTypes[0]!;
  return {
    ...inner,
    modelTypes: [outer],
    unwrap(config) {
      const tc = config["text_config"];
      if (!isObj(tc)) {
        throw new ConfigError("text_config", `config.json: "text_config" must be an object for ${outer}`);
      }
      const t = typeof tc["model_type"] === "string" ? tc["model_type"] : innerType;
      if (t !== innerType) {
        throw new ConfigError(
          "text_config",
          `config.json: unsupported text_config "model_type" ${excerpt(t)}`,
        );
      }
      return { cfg: { ...config, ...tc }, modelType: innerType };
    },
  };
}

export const qwen3Vl = wrapper("qwen3_vl", qwen3VlText);
export const qwen3VlMoe = wrapper("qwen3_vl_moe", qwen3VlMoeText);
