/** Llama, Mistral, Mixtral and Phi-3: the llama-style block with optional sliding window. */
import { plainMoe } from "./moe";
import type { ArchitectureAdapter } from "./types";

/** LlamaConfig / MistralConfig (transformers): plain GQA, attention_bias for q/k/v/o. */
export const llama: ArchitectureAdapter = {
  modelTypes: ["llama", "mistral"],
  tieDefault: false,
  apply(r, d, base) {
    d.qkvBias = r.bool("attention_bias", false);
    d.outputBias = d.qkvBias;
    const w = base.slidingWindow;
    if (w !== null) d.layerAttn = () => ({ attention: "sliding", window: w });
  },
};

/** MixtralConfig: every layer is a top-k of num_local_experts MoE of width intermediate_size. */
export const mixtral: ArchitectureAdapter = {
  modelTypes: ["mixtral"],
  tieDefault: false,
  apply(r, d, base) {
    const w = base.slidingWindow;
    if (w !== null) d.layerAttn = () => ({ attention: "sliding", window: w });
    d.moe = plainMoe(r, r.int("num_local_experts"), base.intermediateSize);
    d.moeLayer = () => true;
  },
};

/** Phi3Config: fused qkv_proj and gate_up_proj. */
export const phi3: ArchitectureAdapter = {
  modelTypes: ["phi3"],
  tieDefault: false,
  apply(_r, d, base) {
    d.fused = true;
    const w = base.slidingWindow;
    if (w !== null) d.layerAttn = () => ({ attention: "sliding", window: w });
  },
};
