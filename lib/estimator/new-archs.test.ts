/**
 * Newer attention-only architectures against real data (GGUF sizes from uploaders' pages, llama.cpp logs,
 * model cards). Each row names its source.
 */
import { describe, expect, it } from "vitest";
import { testdataArch } from "./fixtures.test-utils";
import { estimateMemory, listTensors, parameterBreakdown } from "./index";

const GiB = 1024 ** 3;

function weightsGiB(arch: ReturnType<typeof testdataArch>, format: "BF16" | "Q8_0" | "Q4_K_M"): number {
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
