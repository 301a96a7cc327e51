import { describe, expect, it } from "vitest";
import {
  GGML_TYPES,
  WEIGHT_FORMATS,
  ggmlBitsPerWeight,
  ggmlRowBytes,
  ggufTensorBytes,
  isWeightFormat,
  parseConfig,
  tensorBytes,
  weightBytes,
  type GgmlType,
  type ModelArchitecture,
} from "./index";
import { fixtureArch, testdataArch } from "./fixtures.test-utils";

const GiB = 1024 ** 3;

describe("ggml block layouts", () => {
  // "Effectively N bits per weight" / "N bpw" as stated next to each block struct in ggml/src/ggml-common.h
  const stated: [GgmlType, number][] = [
    ["Q2_K", 2.625],
    ["Q3_K", 3.4375],
    ["Q4_K", 4.5],
    ["Q5_K", 5.5],
    ["Q6_K", 6.5625],
    ["IQ2_XXS", 2.0625],
    ["IQ2_XS", 2.3125],
    ["IQ2_S", 2.5625],
    ["IQ3_XXS", 3.0625],
    ["IQ3_S", 3.4375],
    ["IQ1_S", 1.5625],
  ];
  for (const [t, bpw] of stated) {
    it(`${t} is ${bpw} bits per weight`, () => expect(ggmlBitsPerWeight(t)).toBe(bpw));
  }

  it("32-element blocks: fp16 scale (+ fp16 min) + packed quants", () => {
    // block_q8_0 = 2 + 32 bytes, block_q4_0 = 2 + 16, block_q4_1 = 2·2 + 16, block_q5_0 = 2 + 4 + 16,
    // block_q5_1 = 2·2 + 4 + 16, block_mxfp4 = 1 (E8M0) + 16, block_iq4_nl = 2 + 16
    expect(ggmlBitsPerWeight("Q8_0")).toBe((34 * 8) / 32);
    expect(ggmlBitsPerWeight("Q4_0")).toBe((18 * 8) / 32);
    expect(ggmlBitsPerWeight("Q4_1")).toBe((20 * 8) / 32);
    expect(ggmlBitsPerWeight("Q5_0")).toBe((22 * 8) / 32);
    expect(ggmlBitsPerWeight("Q5_1")).toBe((24 * 8) / 32);
    expect(ggmlBitsPerWeight("MXFP4")).toBe((17 * 8) / 32);
    expect(ggmlBitsPerWeight("IQ4_NL")).toBe((18 * 8) / 32);
    // block_iq4_xs = 2 + 2 + 256/64 + 256/2 bytes per 256
    expect(ggmlBitsPerWeight("IQ4_XS")).toBe(((2 + 2 + 4 + 128) * 8) / 256);
  });

  it("row size counts whole blocks", () => {
    expect(ggmlRowBytes("Q4_K", 4096)).toBe(16 * 144);
    expect(ggmlRowBytes("Q8_0", 4096)).toBe(128 * 34);
    expect(ggmlRowBytes("F32", 10)).toBe(40);
    expect(GGML_TYPES.Q6_K.blockSize).toBe(256);
  });
});

describe("format catalogue", () => {
  it("every format of the contract is listed once with its engines", () => {
    const ids = WEIGHT_FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "BF16",
      "F16",
      "Q8_0",
      "Q6_K",
      "Q5_K_M",
      "Q5_K_S",
      "Q4_K_M",
      "Q4_K_S",
      "Q4_0",
      "IQ4_XS",
      "Q3_K_L",
      "Q3_K_M",
      "Q3_K_S",
      "IQ3_XXS",
      "Q2_K",
      "IQ2_XXS",
      "IQ1_S",
      "FP8",
      "INT8",
      "AWQ-INT4",
      "GPTQ-INT4",
    ]) {
      expect(isWeightFormat(id)).toBe(true);
    }
    expect(isWeightFormat("Q4_K")).toBe(false);
    expect(WEIGHT_FORMATS.find((f) => f.id === "Q4_K_M")!.engines).toEqual(["llama.cpp"]);
    expect(WEIGHT_FORMATS.find((f) => f.id === "AWQ-INT4")!.engines).toEqual(["vllm"]);
    expect(WEIGHT_FORMATS.find((f) => f.id === "Q4_K_M")!.nominalBitsPerWeight).toBe(4.5);
  });
});

function typesOf(
  arch: ModelArchitecture,
  format: Parameters<typeof ggufTensorBytes>[1],
  role: string,
): string[] {
  return ggufTensorBytes(arch, format)
    .filter((t) => t.tensor.role === role)
    .map((t) => String(t.type));
}
const count = (xs: string[], v: string) => xs.filter((x) => x === v).length;

describe("llama.cpp mix rules (llama_tensor_get_type)", () => {
  const llama8b = fixtureArch("Llama-3.1-8B-Instruct");

  it("Q4_K_M: attn_v and ffn_down in Q6_K on use_more_bits layers", () => {
    // use_more_bits(i, 32): i < 4, i >= 28, or (i - 4) % 3 == 2 → 4 + 4 + 8 (i = 6, 9, …, 27) = 16 layers
    const v = typesOf(llama8b, "Q4_K_M", "attn_v");
    expect(count(v, "Q6_K")).toBe(16);
    expect(count(v, "Q4_K")).toBe(16);
    expect(v[0]).toBe("Q6_K");
    expect(v[4]).toBe("Q4_K");
    expect(v[6]).toBe("Q6_K");
    const d = typesOf(llama8b, "Q4_K_M", "ffn_down");
    expect(count(d, "Q6_K")).toBe(16);
    expect(typesOf(llama8b, "Q4_K_M", "attn_q").every((t) => t === "Q4_K")).toBe(true);
    expect(typesOf(llama8b, "Q4_K_M", "ffn_up").every((t) => t === "Q4_K")).toBe(true);
  });

  it("output gets Q6_K; untied token_embd keeps the base type; tied token_embd takes the output rule", () => {
    expect(typesOf(llama8b, "Q4_K_M", "output")).toEqual(["Q6_K"]);
    expect(typesOf(llama8b, "Q4_K_M", "token_embd")).toEqual(["Q4_K"]);
    const tied = fixtureArch("Llama-3.2-1B-Instruct");
    expect(typesOf(tied, "Q4_K_M", "token_embd")).toEqual(["Q6_K"]);
    expect(typesOf(llama8b, "Q8_0", "output")).toEqual(["Q8_0"]);
    expect(typesOf(llama8b, "IQ2_XXS", "output")).toEqual(["Q5_K"]);
    expect(typesOf(llama8b, "IQ2_XXS", "token_embd")).toEqual(["Q2_K"]);
  });

  it("1-D tensors (norms, biases) stay F32 in every format", () => {
    for (const f of ["Q4_K_M", "Q8_0", "F16", "IQ1_S"] as const) {
      expect(
        ggufTensorBytes(llama8b, f)
          .filter((t) => t.tensor.oneDim)
          .every((t) => t.type === "F32"),
      ).toBe(true);
    }
  });

  it("Q4_K_S: attn_v Q5_K for the first 4, ffn_down Q5_K for the first n/8 layers", () => {
    expect(count(typesOf(llama8b, "Q4_K_S", "attn_v"), "Q5_K")).toBe(4);
    expect(count(typesOf(llama8b, "Q4_K_S", "ffn_down"), "Q5_K")).toBe(32 / 8);
  });

  it("Q3_K_M: attn_v Q5_K for 2 then Q4_K; ffn_down Q5_K for n/16 then Q4_K; attn_output Q4_K", () => {
    const v = typesOf(llama8b, "Q3_K_M", "attn_v");
    expect(count(v, "Q5_K")).toBe(2);
    expect(count(v, "Q4_K")).toBe(30);
    const d = typesOf(llama8b, "Q3_K_M", "ffn_down");
    expect(count(d, "Q5_K")).toBe(32 / 16);
    expect(count(d, "Q4_K")).toBe(30);
    expect(typesOf(llama8b, "Q3_K_M", "attn_output").every((t) => t === "Q4_K")).toBe(true);
  });

  it("IQ4_XS: attn_v Q5_K when n_gqa >= 4; ffn_down Q5_K for the first n/8 layers without an imatrix", () => {
    expect(typesOf(llama8b, "IQ4_XS", "attn_v").every((t) => t === "Q5_K")).toBe(true);
    expect(count(typesOf(llama8b, "IQ4_XS", "ffn_down"), "Q5_K")).toBe(4);
    const withImatrix = ggufTensorBytes(llama8b, "IQ4_XS", { imatrix: true }).filter(
      (t) => t.tensor.role === "ffn_down",
    );
    expect(withImatrix.every((t) => t.type === "IQ4_XS")).toBe(true);
  });

  it("IQ3_XXS (imatrix required): attn_q/attn_k IQ2_S, attn_output IQ3_S, token_embd IQ3_S", () => {
    expect(typesOf(llama8b, "IQ3_XXS", "attn_q").every((t) => t === "IQ2_S")).toBe(true);
    expect(typesOf(llama8b, "IQ3_XXS", "attn_k").every((t) => t === "IQ2_S")).toBe(true);
    expect(typesOf(llama8b, "IQ3_XXS", "attn_output").every((t) => t === "IQ3_S")).toBe(true);
    expect(typesOf(llama8b, "IQ3_XXS", "token_embd")).toEqual(["IQ3_S"]);
    expect(typesOf(llama8b, "IQ3_XXS", "ffn_up").every((t) => t === "IQ3_XXS")).toBe(true);
  });

  it("Q2_K: attn_v Q4_K when n_gqa >= 4, ffn_down and attn_output Q3_K", () => {
    expect(typesOf(llama8b, "Q2_K", "attn_v").every((t) => t === "Q4_K")).toBe(true);
    expect(typesOf(llama8b, "Q2_K", "ffn_down").every((t) => t === "Q3_K")).toBe(true);
    expect(typesOf(llama8b, "Q2_K", "attn_output").every((t) => t === "Q3_K")).toBe(true);
  });

  it("70B (llama, 80 layers, GQA): attn_v Q4_K is raised to Q5_K", () => {
    const a = fixtureArch("Llama-3.1-70B-Instruct");
    // use_more_bits(i, 80): i < 10, i >= 70, (i - 10) % 3 == 2 → 10 + 10 + 20 = 40 layers in Q6_K
    const v = typesOf(a, "Q4_K_M", "attn_v");
    expect(count(v, "Q6_K")).toBe(40);
    expect(count(v, "Q5_K")).toBe(40);
  });

  it("8-expert models (Mixtral): attn_v and attn_k in Q8_0, attn_output Q5_K for Q4_K_M", () => {
    const a = testdataArch("mixtral-8x7b");
    expect(typesOf(a, "Q4_K_M", "attn_v").every((t) => t === "Q8_0")).toBe(true);
    expect(typesOf(a, "Q4_K_M", "attn_k").every((t) => t === "Q8_0")).toBe(true);
    expect(typesOf(a, "Q4_K_M", "attn_output").every((t) => t === "Q5_K")).toBe(true);
    // expert ffn_down follows the layer index parsed from the tensor name
    expect(count(typesOf(a, "Q4_K_M", "ffn_down_exps"), "Q6_K")).toBe(16);
  });

  it("row length not a multiple of 256 falls back (Q4_K → Q5_0; output → Q8_0)", () => {
    const a = fixtureArch("gpt-oss-120b"); // hidden 2880 = 11.25 × 256
    expect(typesOf(a, "Q4_K_M", "attn_q").every((t) => t === "Q5_0")).toBe(true);
    expect(typesOf(a, "Q4_K_M", "attn_output").every((t) => t === "Q4_K")).toBe(true); // ne0 = 64 heads × 64 = 4096
    expect(typesOf(a, "Q4_K_M", "output")).toEqual(["Q8_0"]);
  });

  it("gpt-oss experts stay MXFP4 in every GGUF mix; routers stay F32", () => {
    const a = fixtureArch("gpt-oss-20b");
    for (const f of ["Q4_K_M", "Q2_K", "Q8_0", "F16"] as const) {
      expect(typesOf(a, f, "ffn_gate_exps").every((t) => t === "MXFP4")).toBe(true);
      expect(typesOf(a, f, "ffn_down_exps").every((t) => t === "MXFP4")).toBe(true);
      expect(typesOf(a, f, "ffn_gate_inp").every((t) => t === "F32")).toBe(true);
    }
  });

  it("DeepSeek GGUFs also carry attn_k_b / attn_v_b split from kv_b_proj: llama.cpp counts 672.05 B", () => {
    // llama-bench row "deepseek2 671B … 672.05 B" (ik_llama.cpp issue #263, quoted in lib/validation/fixtures)
    const ds = fixtureArch("DeepSeek-V3");
    const elems = ggufTensorBytes(ds, "Q4_K_M").reduce(
      (s, t) => s + t.tensor.ne[0] * t.tensor.ne[1] * t.tensor.ne[2],
      0,
    );
    expect(Math.round(elems / 1e7) / 100).toBe(672.05);
    // attn_k_b rows are qk_nope_head_dim = 128 long: Q4_K falls back to Q5_0
    expect(typesOf(ds, "Q4_K_M", "attn_k_b").every((t) => t === "Q5_0")).toBe(true);
    expect(typesOf(ds, "Q4_K_M", "attn_v_b").every((t) => t === "Q4_K")).toBe(true);
  });

  it("F16 / BF16 files: every 2-D tensor 16-bit", () => {
    const t = ggufTensorBytes(llama8b, "BF16").filter((x) => !x.tensor.oneDim);
    expect(t.every((x) => x.type === "BF16")).toBe(true);
  });

  // llama.cpp's load log prints the sum of tensor bytes ("model size = X GiB (Y BPW)"). Logs for
  // Meta Llama 3.1 8B Instruct found with the search tool (find_string "model params     = 8.03 B").
  it("Llama 3.1 8B file sizes match llama.cpp's printed model size to the printed precision", () => {
    const cases: [Parameters<typeof weightBytes>[1], number, number][] = [
      ["Q4_K_M", 4.58, 4.89],
      ["Q3_K_L", 4.02, 4.3],
      ["Q4_0", 4.33, 4.64],
    ];
    for (const [f, gib, bpw] of cases) {
      const w = weightBytes(llama8b, f);
      expect(Math.round((w / GiB) * 100) / 100).toBe(gib);
      expect(Math.round(((w * 8) / 8_030_261_248) * 100) / 100).toBe(bpw);
    }
  });
});

describe("GPU checkpoint layouts", () => {
  // one-layer toy llama: hidden 256, 2 heads × 128, 1 KV head, ff 512, vocab 1000, untied
  const toy = parseConfig({
    model_type: "llama",
    hidden_size: 256,
    intermediate_size: 512,
    num_hidden_layers: 1,
    num_attention_heads: 2,
    num_key_value_heads: 1,
    head_dim: 128,
    vocab_size: 1000,
    max_position_embeddings: 4096,
    tie_word_embeddings: false,
  });
  const bytesOf = (f: Parameters<typeof tensorBytes>[1], role: string) =>
    tensorBytes(toy, f, "vllm")
      .filter((t) => t.tensor.role === role)
      .reduce((s, t) => s + t.bytes, 0);

  it("AWQ-INT4: 4-bit weights + per 128-group fp16 scale and 4-bit zero per output column", () => {
    // ffn_up: 256 inputs → 512 outputs. qweight 256·512/2, groups 256/128 = 2 → 512 · 2 · (2 + 0.5)
    expect(bytesOf("AWQ-INT4", "ffn_up")).toBe((256 * 512) / 2 + 512 * 2 * 2.5);
    // GPTQ adds g_idx: one int32 per input feature
    expect(bytesOf("GPTQ-INT4", "ffn_up")).toBe((256 * 512) / 2 + 512 * 2 * 2.5 + 4 * 256);
  });

  it("FP8 / INT8: one byte per weight + one fp32 scale per output channel", () => {
    expect(bytesOf("FP8", "attn_q")).toBe(256 * 256 + 4 * 256);
    expect(bytesOf("INT8", "ffn_down")).toBe(512 * 256 + 4 * 256);
  });

  it("embeddings, lm_head and norms stay 16-bit in quantized checkpoints", () => {
    for (const f of ["FP8", "AWQ-INT4"] as const) {
      expect(bytesOf(f, "token_embd")).toBe(2 * 1000 * 256);
      expect(bytesOf(f, "output")).toBe(2 * 1000 * 256);
      expect(bytesOf(f, "attn_norm")).toBe(2 * 256);
    }
  });

  it("BF16 is two bytes per parameter", () => {
    const total = tensorBytes(toy, "BF16", "vllm").reduce((s, t) => s + t.bytes, 0);
    const params = tensorBytes(toy, "BF16", "vllm").reduce(
      (s, t) => s + t.tensor.ne[0] * t.tensor.ne[1] * t.tensor.ne[2],
      0,
    );
    expect(total).toBe(2 * params);
  });

  it("gpt-oss keeps MXFP4 experts in vLLM quantized formats, dequantized in BF16", () => {
    const a = fixtureArch("gpt-oss-20b");
    const e = (f: Parameters<typeof tensorBytes>[1]) =>
      tensorBytes(a, f, "vllm")
        .filter((t) => t.tensor.role === "ffn_up_exps")
        .reduce((s, t) => s + t.bytes, 0);
    const n = 24 * 32 * 2880 * 2880;
    expect(e("BF16")).toBe(2 * n);
    expect(e("FP8")).toBe((n / 32) * 17);
  });
});
