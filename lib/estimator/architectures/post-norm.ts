/**
 * Attention-only families of 2025-26 whose blocks differ from Llama only in norms and window layout:
 * OLMo 3 / 3.1 (olmo3: post-norms, q/k norm over the whole projection, 3 sliding : 1 full via layer_types;
 * transformers configuration_olmo3.py, llama.cpp LLM_ARCH_OLMO2 tensors) and EXAONE 4.0 (exaone4: post-norms,
 * per-head q/k norm, "LLLG" local/global pattern; configuration_exaone4.py, llama.cpp LLM_ARCH_EXAONE4).
 * Post-norms replace the pre-norms one for one, so the norm count per layer stays two.
 */
import type { ArchitectureAdapter } from "./types";

export const olmo3: ArchitectureAdapter = {
  modelTypes: ["olmo3"],
  tieDefault: false,
  apply(r, d) {
    d.qkNorm = true;
    d.qkNormFull = true;
    d.qkvBias = r.bool("attention_bias", false);
    d.outputBias = d.qkvBias;
    // llama.cpp builds an iSWA cache for OLMo 3's sliding layers (llama-model.cpp LLM_ARCH_OLMO2 with swa_type).
    d.llamaCppWindowedCache = true;
  },
};

export const exaone4: ArchitectureAdapter = {
  modelTypes: ["exaone4"],
  tieDefault: false,
  apply(r, d, base) {
    d.qkNorm = true;
    d.qkvBias = r.bool("attention_bias", false);
    d.outputBias = d.qkvBias;
    d.llamaCppWindowedCache = true;
    // Exaone4Config: without layer_types, sliding_window_pattern "LLLG" repeats (L local, G global).
    const pattern = r.raw("sliding_window_pattern");
    const w = base.slidingWindow;
    if (typeof pattern === "string" && pattern.length > 0 && w !== null) {
      d.layerAttn = (i) =>
        pattern[i % pattern.length] === "L"
          ? { attention: "sliding", window: w }
          : { attention: "full", window: null };
    } else if (typeof pattern === "number" && Number.isInteger(pattern) && pattern > 0 && w !== null) {
      // numeric form: every pattern-th layer is global (as Gemma 3's sliding_window_pattern)
      d.layerAttn = (i) =>
        (i + 1) % pattern !== 0 ? { attention: "sliding", window: w } : { attention: "full", window: null };
    }
  },
};
