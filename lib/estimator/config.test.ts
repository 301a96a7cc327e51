import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, SUPPORTED_MODEL_TYPES } from "./index";
import { fixtureArch, fixtureConfig, LLAMA4_TEXT_CONFIG, testdataArch } from "./fixtures.test-utils";

function expectConfigError(cfg: unknown, field: string, message?: string) {
  let err: unknown;
  try {
    parseConfig(cfg);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ConfigError);
  expect((err as ConfigError).field).toBe(field);
  expect((err as ConfigError).message).toContain(`"${field}"`);
  if (message !== undefined) expect((err as ConfigError).message).toBe(message);
}

describe("parseConfig — real HF configs", () => {
  it("Llama 3.1 8B (llama3 rope_scaling, GQA, untied)", () => {
    const a = fixtureArch("Llama-3.1-8B-Instruct");
    expect(a.modelType).toBe("llama");
    expect(a.numLayers).toBe(32);
    expect(a.numAttentionHeads).toBe(32);
    expect(a.numKeyValueHeads).toBe(8);
    expect(a.headDim).toBe(4096 / 32);
    expect(a.tieWordEmbeddings).toBe(false);
    expect(a.maxPositionEmbeddings).toBe(131072);
    expect(a.attention.kind).toBe("gqa");
    expect(a.layers.every((l) => l.attention === "full" && !l.moe)).toBe(true);
    expect(a.moe).toBeNull();
  });

  it("Llama 3.2 1B: explicit head_dim and tied embeddings", () => {
    const a = fixtureArch("Llama-3.2-1B-Instruct");
    expect(a.headDim).toBe(64);
    expect(a.tieWordEmbeddings).toBe(true);
  });

  it("Qwen2.5 7B: q/k/v biases; use_sliding_window false overrides sliding_window", () => {
    const a = fixtureArch("Qwen2.5-7B-Instruct");
    expect(a.attention.qkvBias).toBe(true);
    expect(a.attention.outputBias).toBe(false);
    expect(a.layers.every((l) => l.attention === "full")).toBe(true);
  });

  it("Qwen2 with use_sliding_window true: layers >= max_window_layers slide", () => {
    const cfg = {
      ...(fixtureConfig("Qwen2.5-7B-Instruct") as object),
      use_sliding_window: true,
      sliding_window: 4096,
      max_window_layers: 20,
    };
    const a = parseConfig(cfg);
    expect(a.layers.slice(0, 20).every((l) => l.attention === "full")).toBe(true);
    expect(a.layers.slice(20).every((l) => l.attention === "sliding" && l.window === 4096)).toBe(true);
  });

  it("Qwen3 8B: q/k norms, no biases", () => {
    const a = fixtureArch("Qwen3-8B");
    expect(a.attention.qkNorm).toBe(true);
    expect(a.attention.qkvBias).toBe(false);
    expect(a.headDim).toBe(128);
  });

  it("Qwen3-30B-A3B: every layer MoE", () => {
    const a = fixtureArch("Qwen3-30B-A3B");
    expect(a.modelType).toBe("qwen3_moe");
    expect(a.moe).not.toBeNull();
    expect(a.moe!.numExperts).toBe(128);
    expect(a.moe!.expertsPerToken).toBe(8);
    expect(a.moe!.expertIntermediateSize).toBe(768);
    expect(a.layers.every((l) => l.moe)).toBe(true);
  });

  it("Gemma 2 9B: even layers slide (window 4096), odd layers global, 4 norms per layer", () => {
    const a = fixtureArch("gemma-2-9b-it");
    expect(a.layers[0]).toEqual({ attention: "sliding", window: 4096, moe: false });
    expect(a.layers[1]!.attention).toBe("full");
    expect(a.layers.filter((l) => l.attention === "sliding").length).toBe(a.numLayers / 2);
    expect(a.normsPerLayer).toBe(4);
    expect(a.tieWordEmbeddings).toBe(true);
  });

  it("Phi-4 (phi3): fused projections, sliding_window null → full attention", () => {
    const a = fixtureArch("Phi-4");
    expect(a.attention.fusedProjections).toBe(true);
    expect(a.layers.every((l) => l.attention === "full")).toBe(true);
    expect(a.numKeyValueHeads).toBe(10);
  });

  it("Mistral 7B v0.3 (transformers to_dict dump): sliding_window null → full", () => {
    const a = testdataArch("Mistral-7B-Instruct-v0.3");
    expect(a.modelType).toBe("mistral");
    expect(a.vocabSize).toBe(32768);
    expect(a.layers.every((l) => l.attention === "full")).toBe(true);
  });

  it("Mixtral: sliding_window applies to every layer, 8 experts top-2", () => {
    const a = testdataArch("mixtral-8x7b");
    expect(a.layers.every((l) => l.attention === "sliding" && l.window === 4096 && l.moe)).toBe(true);
    expect(a.moe!.numExperts).toBe(8);
    expect(a.moe!.expertsPerToken).toBe(2);
    expect(a.moe!.expertIntermediateSize).toBe(14336);
  });

  it("DeepSeek-V3: MLA dims, first 3 layers dense, 256 routed + 1 shared, router bias", () => {
    const a = fixtureArch("DeepSeek-V3");
    expect(a.attention.kind).toBe("mla");
    expect(a.attention.mla).toEqual({
      qLoraRank: 1536,
      kvLoraRank: 512,
      qkNopeHeadDim: 128,
      qkRopeHeadDim: 64,
      vHeadDim: 128,
    });
    expect(a.headDim).toBe(128 + 64);
    expect(a.vHeadDim).toBe(128);
    expect(a.layers.slice(0, 3).every((l) => !l.moe)).toBe(true);
    expect(a.layers.slice(3).every((l) => l.moe)).toBe(true);
    expect(a.moe).toMatchObject({
      numExperts: 256,
      expertsPerToken: 8,
      numSharedExperts: 1,
      sharedIntermediateSize: 2048,
      routerBias: true,
    });
    expect(a.intermediateSize).toBe(18432);
    expect(a.nativeDtype).toBe("fp8");
  });

  it("gpt-oss-120b: layer_types, window 128, sinks, biases, MXFP4 experts", () => {
    const a = fixtureArch("gpt-oss-120b");
    expect(a.layers[0]).toEqual({ attention: "sliding", window: 128, moe: true });
    expect(a.layers[1]).toEqual({ attention: "full", window: null, moe: true });
    expect(a.attention.sinks).toBe(true);
    expect(a.attention.qkvBias && a.attention.outputBias).toBe(true);
    expect(a.moe!.expertBias && a.moe!.routerBias).toBe(true);
    expect(a.moe!.numExperts).toBe(128);
    expect(a.moe!.expertsPerToken).toBe(4);
    expect(a.mxfp4Experts).toBe(true);
  });

  it("gpt-oss-20b copy without quantization_config is still MXFP4 by model_type", () => {
    const a = fixtureArch("gpt-oss-20b");
    expect(a.mxfp4Experts).toBe(true);
    expect(a.moe!.numExperts).toBe(32);
  });
});

describe("parseConfig — model_type rules on synthetic configs", () => {
  // Gemma 3 27B wrapper: the LM sits in text_config and many keys are omitted (values as in google/gemma-3-27b-it,
  // reproduced in TensorRT-LLM's test_modeling_gemma3 GEMMA3_27B_CONFIG, 62 layers restored).
  const gemma3 = {
    architectures: ["Gemma3ForConditionalGeneration"],
    model_type: "gemma3",
    text_config: {
      head_dim: 128,
      hidden_size: 5376,
      intermediate_size: 21504,
      model_type: "gemma3_text",
      num_attention_heads: 32,
      num_hidden_layers: 62,
      num_key_value_heads: 16,
      query_pre_attn_scalar: 168,
      rope_scaling: { factor: 8.0, rope_type: "linear" },
      sliding_window: 1024,
    },
    torch_dtype: "bfloat16",
    vision_config: { hidden_size: 1152, model_type: "siglip_vision_model" },
  };

  it("gemma3: nested text_config, Gemma3TextConfig defaults for omitted keys, 5 local : 1 global", () => {
    const a = parseConfig(gemma3);
    expect(a.modelType).toBe("gemma3_text");
    expect(a.hiddenSize).toBe(5376);
    expect(a.headDim).toBe(128);
    // omitted keys → Gemma3TextConfig.__init__ defaults (configuration_gemma3.py)
    expect(a.vocabSize).toBe(262_208);
    expect(a.maxPositionEmbeddings).toBe(131_072);
    expect(a.tieWordEmbeddings).toBe(true);
    // sliding_window_pattern 6: layers 5, 11, ... global
    expect(a.layers.slice(0, 5).every((l) => l.attention === "sliding" && l.window === 1024)).toBe(true);
    expect(a.layers[5]!.attention).toBe("full");
    expect(a.layers[11]!.attention).toBe("full");
    expect(a.layers.filter((l) => l.attention === "full").length).toBe(Math.floor(62 / 6));
    expect(a.attention.qkNorm).toBe(true);
    expect(a.normsPerLayer).toBe(4);
  });

  it("gemma3_text with only model_type falls back to every Gemma3TextConfig default", () => {
    const a = parseConfig({ model_type: "gemma3_text" });
    expect(a).toMatchObject({
      hiddenSize: 2304,
      numLayers: 26,
      numAttentionHeads: 8,
      numKeyValueHeads: 4,
      headDim: 256,
      intermediateSize: 9216,
    });
    expect(a.layers[0]!.window).toBe(4096);
  });

  it("gemma3 text_config must be an object", () => {
    expectConfigError({ model_type: "gemma3", text_config: 5 }, "text_config");
  });

  it("DeepSeek-V2-Lite style: q_lora_rank null → full q projection, no q_a/q_b", () => {
    // values as in deepseek-ai/DeepSeek-V2-Lite config.json (reproduced in a public Rust test)
    const a = parseConfig({
      model_type: "deepseek_v2",
      hidden_size: 2048,
      intermediate_size: 10944,
      num_hidden_layers: 27,
      num_attention_heads: 16,
      num_key_value_heads: 16,
      vocab_size: 102400,
      max_position_embeddings: 163840,
      q_lora_rank: null,
      kv_lora_rank: 512,
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64,
      v_head_dim: 128,
      n_routed_experts: 64,
      num_experts_per_tok: 6,
      n_shared_experts: 2,
      moe_intermediate_size: 1408,
      first_k_dense_replace: 1,
    });
    expect(a.attention.mla!.qLoraRank).toBeNull();
    expect(a.moe!.sharedIntermediateSize).toBe(2 * 1408);
    expect(a.moe!.routerBias).toBe(false);
    expect(a.layers[0]!.moe).toBe(false);
    expect(a.layers[1]!.moe).toBe(true);
  });

  it("DeepSeek moe_layer_freq 2: MoE on even layers after first_k_dense_replace", () => {
    const base = fixtureConfig("DeepSeek-V3") as Record<string, unknown>;
    const a = parseConfig({ ...base, moe_layer_freq: 2, first_k_dense_replace: 1 });
    expect(a.layers[0]!.moe).toBe(false);
    expect(a.layers[1]!.moe).toBe(false);
    expect(a.layers[2]!.moe).toBe(true);
    expect(a.layers[3]!.moe).toBe(false);
  });

  // Llama 4 Maverick-style text config (values as in TensorRT-LLM's LLAMA_4_MAVERICK_TWO_LAYER_CONFIG, 48 layers).
  const llama4 = {
    model_type: "llama4",
    text_config: {
      ...LLAMA4_TEXT_CONFIG,
      max_position_embeddings: 1048576,
      num_local_experts: 128,
      interleave_moe_layer_step: 2,
    },
    tie_word_embeddings: false,
  };

  it("llama4: interleaved MoE (odd layers), dense layers use intermediate_size_mlp, shared expert", () => {
    const a = parseConfig(llama4);
    expect(a.modelType).toBe("llama4_text");
    expect(a.layers[0]!.moe).toBe(false);
    expect(a.layers[1]!.moe).toBe(true);
    expect(a.layers.filter((l) => l.moe).length).toBe(24);
    expect(a.intermediateSize).toBe(16384);
    expect(a.moe).toMatchObject({
      numExperts: 128,
      expertsPerToken: 1,
      expertIntermediateSize: 8192,
      numSharedExperts: 1,
      sharedIntermediateSize: 8192,
    });
  });

  it("llama4: no_rope_layers absent → every 4th layer is a global NoPE layer, the rest chunked", () => {
    const a = parseConfig(llama4);
    expect(a.layers[0]).toMatchObject({ attention: "chunked", window: 8192 });
    expect(a.layers[3]).toMatchObject({ attention: "full", window: null });
    expect(a.layers.filter((l) => l.attention === "full").length).toBe(12);
  });

  it("llama4: explicit no_rope_layers and moe_layers win", () => {
    const noRope = Array.from({ length: 48 }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const a = parseConfig({
      ...llama4,
      text_config: { ...llama4.text_config, no_rope_layers: noRope, moe_layers: [0, 5] },
    });
    expect(a.layers[1]!.attention).toBe("full");
    expect(a.layers[2]!.attention).toBe("chunked");
    expect(a.layers.filter((l) => l.moe).length).toBe(2);
    expect(a.layers[5]!.moe).toBe(true);
  });

  it("gemma2 without head_dim / sliding_window uses Gemma2Config defaults (256 / 4096), not hidden / heads", () => {
    const g = { ...(fixtureConfig("gemma-2-9b-it") as Record<string, unknown>) };
    delete g["head_dim"];
    delete g["sliding_window"];
    const a = parseConfig(g);
    expect(a.headDim).toBe(256);
    expect(a.hiddenSize / a.numAttentionHeads).not.toBe(256);
    expect(a.layers[0]!.window).toBe(4096);
  });

  it("tie_word_embeddings default per model_type when absent", () => {
    const cfg = { ...(fixtureConfig("Llama-3.1-8B-Instruct") as Record<string, unknown>) };
    delete cfg["tie_word_embeddings"];
    expect(parseConfig(cfg).tieWordEmbeddings).toBe(false); // LlamaConfig default
    const g = { ...(fixtureConfig("gemma-2-9b-it") as Record<string, unknown>) };
    delete g["tie_word_embeddings"];
    expect(parseConfig(g).tieWordEmbeddings).toBe(true); // Gemma2Config default
  });

  it("head_dim is not always hidden / heads (Qwen3: 4096/32 = 128 but Qwen3-4B sets 128 with hidden 2560)", () => {
    const a = fixtureArch("Qwen3-4B");
    expect(a.hiddenSize / a.numAttentionHeads).not.toBe(a.headDim);
    expect(a.headDim).toBe(128);
  });

  it("num_key_value_heads defaults to num_attention_heads (MHA)", () => {
    const cfg = { ...(fixtureConfig("Llama-3.1-8B-Instruct") as Record<string, unknown>) };
    delete cfg["num_key_value_heads"];
    expect(parseConfig(cfg).numKeyValueHeads).toBe(32);
  });

  it("accepts a frontmatter-style plain object with the same keys", () => {
    const fm = {
      model_type: "qwen3",
      hidden_size: 1024,
      num_hidden_layers: 2,
      vocab_size: 1000,
      num_attention_heads: 8,
      num_key_value_heads: 2,
      head_dim: 128,
      max_position_embeddings: 4096,
      intermediate_size: 3072,
    };
    const a = parseConfig(fm);
    expect(a.layers.length).toBe(2);
    expect(a.headDim).toBe(128);
  });
});

describe("parseConfig — output shape", () => {
  it("is a plain, JSON-serializable object (round-trips unchanged)", () => {
    for (const name of ["DeepSeek-V3", "gpt-oss-120b", "gemma-2-9b-it", "Qwen3-30B-A3B"]) {
      const a = fixtureArch(name);
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    }
  });
});

describe("parseConfig — errors", () => {
  it("missing required field names the field", () => {
    const cfg = { ...(fixtureConfig("Llama-3.1-8B-Instruct") as Record<string, unknown>) };
    delete cfg["num_attention_heads"];
    expectConfigError(cfg, "num_attention_heads", 'config.json: missing "num_attention_heads" (number)');
  });

  it("ill-typed field names the field", () => {
    const cfg = {
      ...(fixtureConfig("Llama-3.1-8B-Instruct") as Record<string, unknown>),
      hidden_size: "4096",
    };
    expectConfigError(cfg, "hidden_size");
    expectConfigError({ ...(cfg as object), hidden_size: 4096, num_hidden_layers: 3.5 }, "num_hidden_layers");
  });

  it("MoE keys are required for MoE model types", () => {
    const cfg = { ...(fixtureConfig("Qwen3-30B-A3B") as Record<string, unknown>) };
    delete cfg["moe_intermediate_size"];
    expectConfigError(cfg, "moe_intermediate_size");
  });

  it("MLA keys are required for DeepSeek", () => {
    const cfg = { ...(fixtureConfig("DeepSeek-V3") as Record<string, unknown>) };
    delete cfg["kv_lora_rank"];
    expectConfigError(cfg, "kv_lora_rank");
  });

  it("unknown or missing model_type", () => {
    expectConfigError({ model_type: "bert", hidden_size: 768 }, "model_type");
    expectConfigError({ hidden_size: 768 }, "model_type", 'config.json: missing "model_type" (string)');
  });

  it("non-objects are rejected", () => {
    for (const v of [null, 3, "x", [1, 2]]) expect(() => parseConfig(v)).toThrow(ConfigError);
  });

  it("layer_types length must match num_hidden_layers", () => {
    const cfg = {
      ...(fixtureConfig("gpt-oss-120b") as Record<string, unknown>),
      layer_types: ["full_attention"],
    };
    expectConfigError(cfg, "layer_types");
  });

  it("lists the supported model types", () => {
    for (const t of [
      "llama",
      "mistral",
      "mixtral",
      "qwen2",
      "qwen2_moe",
      "qwen3",
      "qwen3_moe",
      "gemma2",
      "gemma3",
      "gemma3_text",
      "phi3",
      "deepseek_v2",
      "deepseek_v3",
      "gpt_oss",
      "llama4",
    ]) {
      expect(SUPPORTED_MODEL_TYPES).toContain(t);
    }
  });
});
