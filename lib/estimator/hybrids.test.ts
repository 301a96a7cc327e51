/**
 * Hybrid architectures against real data: llama.cpp load logs (file size, tensor-type counts, hparams) and
 * model cards. Each row names its source; tolerances are stated per row.
 */
import { describe, expect, it } from "vitest";
import { testdataArch } from "./fixtures.test-utils";
import { estimateMemory, kvCacheBreakdown, parameterBreakdown, tensorBytes } from "./index";

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
