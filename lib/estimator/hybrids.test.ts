/**
 * Hybrid architectures against real data: llama.cpp load logs (file size, tensor-type counts, hparams) and
 * model cards. Each row names its source; tolerances are stated per row.
 */
import { describe, expect, it } from "vitest";
import { testdataArch, testdataConfig } from "./fixtures.test-utils";
import {
  estimateMemory,
  kvCacheBreakdown,
  listTensors,
  parameterBreakdown,
  parseConfig,
  tensorBytes,
} from "./index";

const GiB = 1024 ** 3;

function typeCounts(
  arch: ReturnType<typeof testdataArch>,
  format: "Q4_K_M" | "Q8_0",
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of tensorBytes(arch, format)) out[t.type] = (out[t.type] ?? 0) + 1;
  return out;
}

describe("qwen3_next (Qwen3-Next-80B-A3B / Qwen3-Coder-Next, same shapes)", () => {
  const arch = testdataArch("Qwen3-Coder-Next");

  it("parses 36 Gated DeltaNet layers and 12 gated-attention layers", () => {
    expect(arch.layers.filter((l) => l.mixer === "recurrent").length).toBe(36);
    expect(arch.layers.filter((l) => l.mixer === "attention").length).toBe(12);
    expect(arch.layers[3]!.mixer).toBe("attention");
  });

  // https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/1266 (Qwen3-Next-80B-A3B Q4_K_M load log,
  // 2025-12-02): "type f32: 313, f16: 48, q4_K: 391, q6_K: 55 tensors", "file size = 45.08 GiB (4.86 BPW)".
  it("Q4_K_M: the same tensor types as llama-quantize chose, file size within 0.1 %", () => {
    const t = typeCounts(arch, "Q4_K_M");
    expect(t["Q4_K"]).toBe(391);
    expect(t["Q6_K"]).toBe(55);
    // 313 f32 + 48 f16 (the 1-row shared-expert gates an older converter wrote as f16) = 361 unquantized
    expect(t["F32"]).toBe(361);
    const w = estimateMemory(arch, { format: "Q4_K_M", contextTokens: 4096 }).bytes.weights;
    expect(Math.abs(w / GiB - 45.08) / 45.08).toBeLessThan(0.001);
  });

  it("parameters: 45.08 GiB at 4.86 bits per weight is 79.7 B (the card's 80B total, 3B active)", () => {
    const p = parameterBreakdown(arch);
    const fromLog = (45.08 * GiB * 8) / 4.86;
    expect(Math.abs(p.total - fromLog) / fromLog).toBeLessThan(0.002);
    // card: "3B activated"; 10 of 512 experts + shared expert + attention + embeddings
    expect(p.activeWithEmbedding / 1e9).toBeGreaterThan(3);
    expect(p.activeWithEmbedding / 1e9).toBeLessThan(4);
  });

  // hparams from the same log: ssm_d_conv 4, ssm_d_inner 4096, ssm_d_state 128, ssm_n_group 16;
  // n_embd_k_gqa = n_embd_v_gqa = 512.
  it("recurrent state: 36 layers × (n_embd_r + n_embd_s) f32 per sequence, independent of context", () => {
    const perLayer = (4 - 1) * (4096 + 2 * 16 * 128) + 128 * 4096;
    const a = estimateMemory(arch, { format: "Q4_K_M", contextTokens: 4096 }).bytes;
    const b = estimateMemory(arch, { format: "Q4_K_M", contextTokens: 131072, sequences: 2 }).bytes;
    expect(a.recurrentState).toBe(36 * perLayer * 4);
    expect(b.recurrentState).toBe(2 * a.recurrentState);
  });

  it("KV cache covers the 12 attention layers only", () => {
    const kv = kvCacheBreakdown(arch, { contextTokens: 4096 });
    expect(kv.perLayer.filter((b) => b > 0).length).toBe(12);
    expect(kv.bytes).toBe(12 * 4096 * 2 * 512 * 2);
  });
});

describe("qwen3_5_moe (Qwen3.6-35B-A3B, text_config wrapper)", () => {
  const arch = testdataArch("Qwen3.6-35B-A3B");

  it("unwraps text_config: 30 DeltaNet + 10 attention layers, one MTP block for GGUF", () => {
    expect(arch.modelType).toBe("qwen3_5_moe_text");
    expect(arch.layers.filter((l) => l.mixer === "recurrent").length).toBe(30);
    expect(arch.mtpLayers).toBe(1);
  });

  // https://github.com/ggml-org/llama.cpp/pull/23269 (unsloth Qwen3.6-35B-A3B Q8_0 load log, 2026):
  // "type f32: 308, q8_0: 443, bf16: 2 tensors", "file size = 35.19 GiB (8.51 BPW)".
  it("Q8_0: 443 quantized tensors (MTP block included) and 35.19 GiB within 0.1 %", () => {
    const t = typeCounts(arch, "Q8_0");
    expect(t["Q8_0"]).toBe(443);
    // 308 f32 + 2 bf16 (two small MTP tensors unsloth kept in bf16) = 310 unquantized
    expect(t["F32"]).toBe(310);
    const w = estimateMemory(arch, { format: "Q8_0", contextTokens: 4096 }).bytes.weights;
    expect(Math.abs(w / GiB - 35.19) / 35.19).toBeLessThan(0.001);
  });

  it("parameters: the card's 35B total and 3B active (MTP block not counted)", () => {
    const p = parameterBreakdown(arch);
    expect(Math.abs(p.total / 35e9 - 1)).toBeLessThan(0.02);
    expect(Math.round(p.active / 1e9)).toBe(3);
  });
});

describe("qwen3_5 (Qwen3.6-27B dense, text_config wrapper)", () => {
  const arch = testdataArch("Qwen3.6-27B");

  // https://github.com/ikawrakow/ik_llama.cpp/issues/1790 (Qwen3.6-27B GGUF with MTP, block_count 65):
  // "type f32: 360, q8_0: 8, q4_K: 497, q6_K: 1 tensors" — 360 unquantized and 506 quantized tensors.
  it("tensor inventory matches a 65-block GGUF: 360 f32 and 506 quantized tensors", () => {
    const t = typeCounts(arch, "Q8_0");
    expect(t["F32"]).toBe(360);
    expect(t["Q8_0"]).toBe(506);
  });

  it("parameters: the card's 27B; 48 DeltaNet layers keep 150 MiB of f32 state per sequence", () => {
    expect(Math.abs(parameterBreakdown(arch).total / 27e9 - 1)).toBeLessThan(0.01);
    // llama.cpp log hparams (PR #22673): ssm_d_inner 6144, ssm_d_state 128, ssm_n_group 16, conv 4
    const perLayer = 3 * (6144 + 2 * 16 * 128) + 128 * 6144;
    const rs = estimateMemory(arch, { format: "Q4_K_M", contextTokens: 8192 }).bytes.recurrentState;
    expect(rs).toBe(48 * perLayer * 4);
  });

  it("context costs far less than for an attention-only model: KV on 16 of 64 layers", () => {
    const kv = kvCacheBreakdown(arch, { contextTokens: 32768 });
    expect(kv.perLayer.filter((b) => b > 0).length).toBe(16);
    expect(kv.bytesPerTokenFullLayers).toBe(16 * 2 * 4 * 256 * 2);
  });
});

describe("nemotron_h (Mamba2 hybrids, dense and MoE)", () => {
  // https://huggingface.co/weathermanj/Nemotron-nano-9b-fp8 (model overview of the FP8 copy): "Parameters: 8.89B",
  // "Original Size: 17.78 GB" for the BF16 checkpoint; 27 Mamba2, 4 attention and 25 MLP blocks.
  it("Nemotron Nano 9B v2: 27 Mamba2 / 4 attention / 25 MLP blocks, 8.89 B parameters, 17.78 GB in BF16", () => {
    const arch = testdataArch("NVIDIA-Nemotron-Nano-9B-v2");
    expect(arch.layers.filter((l) => l.mixer === "recurrent").length).toBe(27);
    expect(arch.layers.filter((l) => l.mixer === "attention").length).toBe(4);
    expect(arch.layers.filter((l) => l.mixer === "none").length).toBe(25);
    const p = parameterBreakdown(arch);
    expect(Math.abs(p.total / 8.89e9 - 1)).toBeLessThan(0.001);
    const bf16 = estimateMemory(arch, { format: "BF16", contextTokens: 4096 }).bytes.weights;
    expect(Math.abs(bf16 / 17.78e9 - 1)).toBeLessThan(0.001);
  });

  it("Nemotron Nano 9B v2: KV on 4 layers, Mamba2 state per llama.cpp n_embd_r / n_embd_s", () => {
    const arch = testdataArch("NVIDIA-Nemotron-Nano-9B-v2");
    const e = estimateMemory(arch, { format: "Q8_0", contextTokens: 131072 }).bytes;
    // 4 layers × 131072 cells × 8 KV heads × 128 × (K + V) × 2 bytes
    expect(e.kvCache).toBe(4 * 131072 * 8 * 128 * 2 * 2);
    // d_inner = 128 heads × 80 = 10240, n_group 8, d_state 128, d_conv 4
    expect(e.recurrentState).toBe(27 * (3 * (10240 + 2 * 8 * 128) + 128 * 10240) * 4);
  });

  // https://huggingface.co/nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16 (model card, restated in
  // https://huggingface.co/Tinker-Stack/Nemotron-3-Nano-30B-A3B-IQ4_XS-GGUF): 31.6B total, 3.2B active
  // (3.6B with embeddings); 23 Mamba-2, 23 MoE and 6 attention layers, 128 experts + 1 shared, 6 active.
  it("Nemotron 3 Nano 30B-A3B: 31.6 B total, 3.2 B active, 3.6 B with embeddings", () => {
    const arch = testdataArch("NVIDIA-Nemotron-3-Nano-30B-A3B");
    expect(arch.layers.filter((l) => l.moe).length).toBe(23);
    expect(arch.layers.filter((l) => l.mixer === "attention").length).toBe(6);
    const p = parameterBreakdown(arch);
    expect(Math.round(p.total / 1e8) / 10).toBe(31.6);
    expect(Math.round(p.active / 1e8) / 10).toBe(3.2);
    expect(Math.round(p.activeWithEmbedding / 1e8) / 10).toBe(3.6);
  });
});

describe("lfm2 / lfm2_moe (short-convolution hybrids)", () => {
  // Tensor contract of the official LFM2.5-2.6B checkpoint, as audited in a public script (search-tool file id
  // 60802108935, "assert len(expected) == 266"): 8 attention and 22 conv layers.
  it("LFM2.5-2.6B: the 266 checkpoint tensors, 8 attention and 22 conv layers", () => {
    const arch = testdataArch("LFM2.5-2.6B");
    expect(arch.layers.filter((l) => l.mixer === "attention").length).toBe(8);
    expect(listTensors(arch).length).toBe(266);
  });

  it("LFM2.5-2.6B: conv state is hidden × (L_cache − 1) f32 per conv layer and sequence", () => {
    const arch = testdataArch("LFM2.5-2.6B");
    const e = estimateMemory(arch, { format: "Q4_K_M", contextTokens: 32768, sequences: 4 }).bytes;
    expect(e.recurrentState).toBe(22 * 2048 * 2 * 4 * 4);
    // KV: 8 layers × 8 KV heads × 64 head dim × (K + V) × 2 bytes per token
    expect(kvCacheBreakdown(arch, { contextTokens: 32768 }).bytesPerTokenFullLayers).toBe(8 * 8 * 64 * 2 * 2);
  });

  // https://huggingface.co/unsloth/LFM2-8B-A1B-GGUF (card mirrored at https://mygguf.com/models/unsloth_LFM2-8B-A1B-GGUF):
  // "8.3B total parameters and 1.5B active parameters", 24 layers (18 conv + 6 attn).
  it("LFM2-8B-A1B: 8.3 B total, 1.5 B active", () => {
    const arch = testdataArch("LFM2-8B-A1B");
    const p = parameterBreakdown(arch);
    expect(Math.round(p.total / 1e8) / 10).toBe(8.3);
    expect(Math.round(p.active / 1e8) / 10).toBe(1.6);
    expect(Math.abs(p.active / 1.5e9 - 1)).toBeLessThan(0.05);
  });
});

describe("granitemoehybrid (Granite 4.0 H Small)", () => {
  // https://huggingface.co/ibm-granite/granite-4.0-h-small (card: 32B total, 9B active), layer layout restated in
  // https://huggingface.co/deucebucket/Granite-4.0-H-Small-Cerebellum-GGUF: 36 Mamba-2 layers, attention at
  // positions 5, 15, 25, 35, 72 experts (10 active) of width 768 in every layer.
  it("32 B total, 9 B active; 36 Mamba2 and 4 attention layers, MoE in all 40", () => {
    const arch = testdataArch("granite-4.0-h-small");
    expect(arch.layers.filter((l) => l.mixer === "recurrent").length).toBe(36);
    expect(arch.layers.filter((l) => l.moe).length).toBe(40);
    const p = parameterBreakdown(arch);
    expect(Math.round(p.total / 1e9)).toBe(32);
    expect(Math.round(p.activeWithEmbedding / 1e9)).toBe(9);
  });

  it("state: d_inner 8192 (expand 2), one group, d_state 128 — and KV on 4 layers only", () => {
    const arch = testdataArch("granite-4.0-h-small");
    const e = estimateMemory(arch, { format: "Q4_K_M", contextTokens: 131072 }).bytes;
    expect(e.recurrentState).toBe(36 * (3 * (8192 + 2 * 128) + 128 * 8192) * 4);
    expect(e.kvCache).toBe(4 * 131072 * 8 * 128 * 2 * 2);
  });
});

describe("falcon_h1 and jamba", () => {
  it("Falcon-H1 1.5B: attention and Mamba2 in every layer — KV and state on all 24 layers", () => {
    const arch = testdataArch("Falcon-H1-1.5B");
    // card https://huggingface.co/tiiuae/Falcon-H1-1.5B-Instruct: 1.5B parameters
    expect(Math.abs(parameterBreakdown(arch).total / 1.5e9 - 1)).toBeLessThan(0.05);
    const e = estimateMemory(arch, { format: "Q8_0", contextTokens: 8192 }).bytes;
    expect(e.kvCache).toBe(24 * 8192 * 2 * 128 * 2 * 2);
    // d_ssm 3072, one group, d_state 256, d_conv 4
    expect(e.recurrentState).toBe(24 * (3 * (3072 + 2 * 256) + 256 * 3072) * 4);
  });

  // https://huggingface.co/ai21labs/AI21-Jamba-Mini-1.5 (card): 12B active / 52B total parameters.
  it("Jamba Mini: 52 B total, 12 B active; Mamba-1 state on 28 of 32 layers", () => {
    const arch = testdataArch("Jamba-Mini");
    const p = parameterBreakdown(arch);
    expect(Math.round(p.total / 1e9)).toBe(52);
    expect(Math.round(p.activeWithEmbedding / 1e9)).toBe(12);
    const rs = estimateMemory(arch, { format: "Q8_0", contextTokens: 8192 }).bytes.recurrentState;
    expect(rs).toBe(28 * (3 * 8192 + 16 * 8192) * 4);
  });
});

describe("config spellings seen in published files", () => {
  it("LFM2-VL wraps an lfm2 text_config; LFM2 may give its FFN only as block_ff_dim", () => {
    const lfm = JSON.parse(JSON.stringify(testdataConfig("LFM2.5-2.6B"))) as Record<string, unknown>;
    const wrapped = parseConfig({ model_type: "lfm2_vl", text_config: lfm, vision_config: {} });
    expect(wrapped.modelType).toBe("lfm2");
    const { intermediate_size: ff, ...rest } = lfm;
    const viaBlock = parseConfig({ ...rest, block_ff_dim: ff });
    expect(viaBlock.intermediateSize).toBe(10752);
  });

  it("an unknown model type still fails with one line naming it", () => {
    expect(() => parseConfig({ model_type: "rwkv7", hidden_size: 8 })).toThrow(
      /unsupported "model_type" "rwkv7"/,
    );
  });
});
