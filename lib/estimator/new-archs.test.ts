/**
 * Newer attention-only architectures against real data (GGUF sizes from uploaders' pages, llama.cpp logs,
 * model cards). Each row names its source.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_DIR, testdataArch } from "./fixtures.test-utils";
import { estimateMemory, listTensors, parameterBreakdown, parseConfig, tensorBytes } from "./index";

const GiB = 1024 ** 3;

function weightsGiB(
  arch: ReturnType<typeof testdataArch>,
  format: "BF16" | "F16" | "Q8_0" | "Q4_K_M",
): number {
  return estimateMemory(arch, { format, contextTokens: 4096 }).bytes.weights / GiB;
}

describe("glm4_moe (GLM-4.5-Air)", () => {
  const arch = testdataArch("GLM-4.5-Air");

  // https://github.com/ggml-org/llama.cpp/pull/14939 (GLM-4.5-Air Q3_K_M load log): "803 tensors", block_count 47.
  it("GGUF carries 803 tensors: 46 layers plus the MTP block with its own embedding and head copies", () => {
    expect(listTensors(arch, { gguf: true }).length).toBe(803);
    expect(arch.mtpLayers).toBe(1);
  });

  // https://huggingface.co/ubergarm/GLM-4.5-Air-GGUF (README, quant collection): "BF16 205.811 GiB (16.004 BPW)",
  // "Q8_0 109.381 GiB (8.505 BPW)".
  it("BF16 and Q8_0 file sizes within 0.05 %", () => {
    expect(Math.abs(weightsGiB(arch, "BF16") / 205.811 - 1)).toBeLessThan(0.0005);
    expect(Math.abs(weightsGiB(arch, "Q8_0") / 109.381 - 1)).toBeLessThan(0.0005);
  });

  // https://huggingface.co/zai-org/GLM-4.5-Air (model card): 106B total, 12B active parameters.
  it("parameters: the card's 106B total and 12B active (MTP block not counted)", () => {
    const p = parameterBreakdown(arch);
    expect(Math.round(p.total / 1e9)).toBe(107);
    expect(Math.abs(p.total / 106e9 - 1)).toBeLessThan(0.01);
    expect(Math.round(p.active / 1e9)).toBe(13);
    expect(Math.abs(p.active / 12e9 - 1)).toBeLessThan(0.07);
  });
});

describe("gemma4 (Gemma 4 31B, text_config wrapper)", () => {
  const arch = testdataArch("gemma-4-31B-it");

  // Shapes of the released checkpoint (listing of gemma-4-31B-it's safetensors, see testdata/SOURCES.md):
  // sliding layers q 8192 / k,v 4096 (16 KV heads × 256); global layers q 16384 / k 2048 (4 × 512), no v_proj.
  it("global layers use their own head size and KV heads, and have no v_proj", () => {
    const t = listTensors(arch);
    const k5 = t.find((x) => x.name === "blk.5.attn_k.weight")!;
    const k4 = t.find((x) => x.name === "blk.4.attn_k.weight")!;
    expect(k5.ne[1]).toBe(2048);
    expect(k4.ne[1]).toBe(4096);
    expect(t.some((x) => x.name === "blk.5.attn_v.weight")).toBe(false);
    expect(t.find((x) => x.name === "blk.5.attn_q.weight")!.ne[1]).toBe(16384);
  });

  // https://huggingface.co/unsloth/gemma-4-31B-it-qat-GGUF (page summary: "30.7 billion parameters");
  // https://huggingface.co/pearsonkyle/gemma4-31b-imatrix-mtp-GGUF ("57.2 GiB FP16");
  // https://huggingface.co/steampunque/gemma-4-31B-it-MP-GGUF (comparison table: "Q4_K_M 18.7e9").
  it("30.7 B parameters; F16 57.2 GiB and Q4_K_M 18.7 GB within 0.3 %", () => {
    expect(Math.round(parameterBreakdown(arch).total / 1e8) / 10).toBe(30.7);
    expect(Math.abs(weightsGiB(arch, "F16") / 57.2 - 1)).toBeLessThan(0.003);
    const q4 = estimateMemory(arch, { format: "Q4_K_M", contextTokens: 4096 }).bytes.weights;
    expect(Math.abs(q4 / 18.7e9 - 1)).toBeLessThan(0.003);
  });

  it("KV: 50 sliding layers hold the window, 10 global layers the whole context with 4 × 512 K and V", () => {
    const kv = estimateMemory(arch, { format: "Q4_K_M", contextTokens: 32768 }).bytes.kvCache;
    const sliding = 50 * 1536 * 16 * 256 * 2 * 2; // min(ctx, 1024 + 512) cells, padded to 256
    const global = 10 * 32768 * 4 * 512 * 2 * 2;
    expect(kv).toBe(sliding + global);
  });
});

describe("olmo3, exaone4, minimax_m2, ministral3, deepseek_v32 (checked against model-card sizes)", () => {
  const billions = (name: string) => parameterBreakdown(testdataArch(name)).total / 1e9;

  // https://huggingface.co/allenai/Olmo-3-1025-7B (card: 7B, 3 sliding-window layers per full-attention layer)
  it("Olmo 3 7B: 7.3 B; q/k norms span all heads; 8 full-attention layers", () => {
    const arch = testdataArch("olmo3-7b");
    expect(Math.round(billions("olmo3-7b") * 10) / 10).toBe(7.3);
    expect(listTensors(arch).find((t) => t.name === "blk.0.attn_q_norm.weight")!.ne[0]).toBe(4096);
    expect(arch.layers.filter((l) => l.attention === "full").length).toBe(8);
  });

  // https://huggingface.co/LGAI-EXAONE/EXAONE-4.0-32B (card: 32.0B parameters, hybrid attention 3 local : 1 global)
  // https://huggingface.co/LGAI-EXAONE/EXAONE-4.0-1.2B (card: 1.28B parameters)
  it("EXAONE 4.0: 32.0 B with LLLG layout, 1.28 B tied", () => {
    expect(Math.round(billions("exaone4-32b") * 10) / 10).toBe(32.0);
    expect(testdataArch("exaone4-32b").layers.filter((l) => l.attention === "sliding").length).toBe(48);
    expect(Math.round(billions("exaone4-1.2b") * 100) / 100).toBe(1.28);
  });

  // https://huggingface.co/MiniMaxAI/MiniMax-M2 (card: 230B total, 10B active parameters)
  it("MiniMax-M2: 230 B total, 10 B active", () => {
    const p = parameterBreakdown(testdataArch("minimax-m2"));
    expect(Math.abs(p.total / 230e9 - 1)).toBeLessThan(0.01);
    expect(Math.round(p.active / 1e9)).toBe(10);
  });

  // https://huggingface.co/mistralai/Devstral-Small-2-24B-Instruct-2512 (card: 24B); text_config of type ministral3
  it("Devstral Small 2: mistral3 wrapper with a ministral3 text config, 24 B", () => {
    expect(testdataArch("devstral-small-2").modelType).toBe("ministral3");
    expect(Math.round(billions("devstral-small-2"))).toBe(24);
  });

  // https://huggingface.co/deepseek-ai/DeepSeek-V3.2-Exp (card: 685B including the 14B MTP module; V3's shapes plus
  // the indexer: index_n_heads 64, index_head_dim 128, index_topk 2048)
  it("DeepSeek-V3.2: V3 plus the lightning indexer; its keys join the MLA cache", () => {
    const v3 = JSON.parse(readFileSync(join(FIXTURE_DIR, "DeepSeek-V3.json"), "utf8")) as Record<
      string,
      unknown
    >;
    const v32 = parseConfig({
      ...v3,
      model_type: "deepseek_v32",
      index_n_heads: 64,
      index_head_dim: 128,
      index_topk: 2048,
    });
    const p = parameterBreakdown(v32);
    expect(Math.abs((p.total + 14e9) / 685e9 - 1)).toBeLessThan(0.01);
    const kv = estimateMemory(v32, { format: "Q4_K_M", contextTokens: 4096 }).bytes.kvCache;
    expect(kv).toBe(61 * 4096 * (512 + 64 + 128) * 2);
  });
});

describe("NVFP4 layout (vLLM)", () => {
  // Tensor shapes of RedHatAI/Qwen3-Coder-Next-NVFP4 (compressed-tensors nvfp4-pack-quantized), as checked in a public
  // binding test (search-tool file id 70175107227): q_proj weight_packed U8 [8192, 1024], weight_scale F8_E4M3
  // [8192, 128], weight_global_scale F32 [1], input_global_scale F32 [1] for a 2048 → 8192 projection.
  it("a 2048 → 8192 projection takes 8192 × 1024 + 8192 × 128 + 8 bytes", () => {
    const arch = testdataArch("Qwen3-Coder-Next");
    const q = tensorBytes(arch, "NVFP4", "vllm").find((t) => t.tensor.name === "blk.3.attn_q.weight")!;
    // Qwen3-Next's gated q_proj is 2048 → 2 × 16 × 256 = 8192 rows
    expect(q.tensor.ne).toEqual([2048, 8192, 1]);
    expect(q.bytes).toBe(8192 * 1024 + 8192 * 128 + 8);
  });
});
