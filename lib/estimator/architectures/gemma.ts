/** Gemma 2 and Gemma 3 (transformers configuration_gemma2.py, configuration_gemma3.py). */
import { ConfigError, isObj } from "./reader";
import type { ArchitectureAdapter } from "./types";

export const gemma2: ArchitectureAdapter = {
  modelTypes: ["gemma2"],
  tieDefault: true,
  // Gemma2Config defaults for keys whose absence would change shapes.
  defaults: { head_dim: 256, sliding_window: 4096, max_position_embeddings: 8192 },
  apply(r, d) {
    d.normsPerLayer = 4;
    d.llamaCppWindowedCache = true;
    // Gemma2DecoderLayer: even layers use the sliding window (is_sliding = not bool(layer_idx % 2)).
    const w = r.int("sliding_window");
    d.layerAttn = (i) =>
      i % 2 === 0 ? { attention: "sliding", window: w } : { attention: "full", window: null };
    d.qkvBias = r.bool("attention_bias", false);
    d.outputBias = d.qkvBias;
  },
};

export const gemma3Text: ArchitectureAdapter = {
  modelTypes: ["gemma3_text"],
  tieDefault: true,
  /** Gemma3TextConfig.__init__ defaults (transformers models/gemma3/configuration_gemma3.py). */
  defaults: {
    vocab_size: 262_208,
    hidden_size: 2304,
    intermediate_size: 9216,
    num_hidden_layers: 26,
    num_attention_heads: 8,
    num_key_value_heads: 4,
    head_dim: 256,
    max_position_embeddings: 131_072,
    tie_word_embeddings: true,
    sliding_window: 4096,
    sliding_window_pattern: 6,
  },
  apply(r, d) {
    d.normsPerLayer = 4;
    d.qkNorm = true;
    d.llamaCppWindowedCache = true;
    // Gemma3: layer i is global when (i + 1) % sliding_window_pattern == 0 (5 local : 1 global).
    const w = r.int("sliding_window");
    const pattern = r.int("sliding_window_pattern");
    d.layerAttn = (i) =>
      pattern > 0 && (i + 1) % pattern !== 0
        ? { attention: "sliding", window: w }
        : { attention: "full", window: null };
    d.qkvBias = r.bool("attention_bias", false);
    d.outputBias = d.qkvBias;
  },
};

/** Gemma3Config: the multimodal wrapper; the language model sits in text_config. */
export const gemma3: ArchitectureAdapter = {
  ...gemma3Text,
  modelTypes: ["gemma3"],
  unwrap(config) {
    const tc = config["text_config"];
    if (tc !== undefined && !isObj(tc)) {
      throw new ConfigError("text_config", `config.json: "text_config" must be an object`);
    }
    // Keys set at top level (e.g. tie_word_embeddings, torch_dtype) apply unless the text config sets them.
    return { cfg: { ...config, ...(isObj(tc) ? tc : {}) }, modelType: "gemma3_text" };
  },
};
