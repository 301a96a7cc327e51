import { describe, expect, it } from "vitest";
import { ConfigError, countParameters, parseConfig } from "./index";

// Shapes from published configs: Mistral Small 3.1's text_config (mistralai/Mistral-Small-3.1-24B-Instruct-2503) and
// Kimi K2 (moonshotai/Kimi-K2-Instruct), trimmed to the architecture keys.
const mistralSmallText = {
  model_type: "mistral",
  hidden_size: 5120,
  intermediate_size: 32768,
  num_attention_heads: 32,
  num_hidden_layers: 40,
  num_key_value_heads: 8,
  head_dim: 128,
  max_position_embeddings: 131072,
  vocab_size: 131072,
  sliding_window: null,
};

describe("wrapper model types", () => {
  it("mistral3 reads the language model from text_config", () => {
    const arch = parseConfig({
      model_type: "mistral3",
      text_config: mistralSmallText,
      vision_config: { hidden_size: 1024 },
    });
    const direct = parseConfig(mistralSmallText);
    expect(arch.numLayers).toBe(40);
    expect(arch.headDim).toBe(128);
    expect(countParameters(arch)).toEqual(countParameters(direct));
  });

  it("mistral3 without text_config names the field", () => {
    expect(() => parseConfig({ model_type: "mistral3" })).toThrow(ConfigError);
    try {
      parseConfig({ model_type: "mistral3" });
    } catch (error) {
      expect((error as ConfigError).field).toBe("text_config");
    }
  });

  it("kimi_k2 is parsed as DeepSeek-V3's architecture", () => {
    const kimi = {
      model_type: "kimi_k2",
      hidden_size: 7168,
      intermediate_size: 18432,
      moe_intermediate_size: 2048,
      num_hidden_layers: 61,
      num_attention_heads: 64,
      num_key_value_heads: 64,
      n_routed_experts: 384,
      n_shared_experts: 1,
      num_experts_per_tok: 8,
      first_k_dense_replace: 1,
      moe_layer_freq: 1,
      kv_lora_rank: 512,
      q_lora_rank: 1536,
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64,
      v_head_dim: 128,
      vocab_size: 163840,
      max_position_embeddings: 131072,
      tie_word_embeddings: false,
    };
    const arch = parseConfig(kimi);
    const asDeepSeek = parseConfig({ ...kimi, model_type: "deepseek_v3" });
    expect(arch.attention.kind).toBe("mla");
    expect(arch.moe?.numExperts).toBe(384);
    expect(countParameters(arch)).toEqual(countParameters(asDeepSeek));
    // Moonshot's card: 1T total, 32B activated. Rounded card figures, so a loose band.
    expect(countParameters(arch).total / 1e12).toBeGreaterThan(0.98);
    expect(countParameters(arch).total / 1e12).toBeLessThan(1.06);
  });
});
