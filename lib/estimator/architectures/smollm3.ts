/**
 * SmolLM3 (smollm3): the llama block unchanged in its weights. Every fourth layer skips RoPE
 * (`no_rope_layer_interval` 4), which changes no tensor shape and not the KV cache.
 * Sources: llama.cpp src/models/smollm3.cpp (attn_norm, q/k/v/o with optional biases, ffn_norm, SwiGLU
 * gate/up/down, output_norm, output — the same tensors as LLM_ARCH_LLAMA; `use_rope = (il + 1) %
 * n_no_rope_layer_step != 0`) and llama-model.cpp (n_no_rope_layer_step = 4); transformers
 * configuration_smollm3.py (SmolLM3Config: tie_word_embeddings defaults to true, attention_bias and
 * mlp_bias to false).
 */
import { llama } from "./llama";
import type { ArchitectureAdapter } from "./types";

export const smollm3: ArchitectureAdapter = {
  modelTypes: ["smollm3"],
  // the released checkpoint has no lm_head tensor; SmolLM3Config ties it to the embedding by default
  tieDefault: true,
  apply(r, d, base, modelType) {
    llama.apply(r, d, base, modelType);
    d.mlpBias = r.bool("mlp_bias", false);
  },
};
