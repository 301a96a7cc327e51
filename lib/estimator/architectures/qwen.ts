/** Qwen2 / Qwen2-MoE / Qwen3 / Qwen3-MoE (transformers configuration_qwen2*.py, configuration_qwen3*.py). */
import { applyQwenMoe } from "./moe";
import type { ArchitectureAdapter } from "./types";

export const qwen: ArchitectureAdapter = {
  modelTypes: ["qwen2", "qwen2_moe", "qwen3", "qwen3_moe"],
  tieDefault: false,
  apply(r, d, base, modelType) {
    // Qwen2/Qwen2-MoE always use q/k/v biases; Qwen3 uses attention_bias (default False) and q/k norms.
    const isQwen3 = modelType === "qwen3" || modelType === "qwen3_moe";
    d.qkvBias = isQwen3 ? r.bool("attention_bias", false) : true;
    d.outputBias = isQwen3 ? d.qkvBias : false;
    d.qkNorm = isQwen3;
    // Qwen2Config: sliding window only when use_sliding_window, for layers >= max_window_layers.
    const useSw = r.bool("use_sliding_window", false);
    const w = base.slidingWindow;
    if (useSw && w !== null) {
      const mwl = r.optInt("max_window_layers") ?? base.numLayers;
      d.layerAttn = (i) =>
        i >= mwl ? { attention: "sliding", window: w } : { attention: "full", window: null };
    }
    if (modelType === "qwen2_moe" || modelType === "qwen3_moe") {
      applyQwenMoe(r, d, modelType === "qwen2_moe" ? r.int("shared_expert_intermediate_size") : 0);
    }
  },
};
