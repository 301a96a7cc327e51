import { describe, expect, it } from "vitest";
import {
  computeBytes,
  countParameters,
  estimateMemory,
  kvCacheBytes,
  overheadBytesPerGpu,
  weightBytes,
  type EstimateInput,
} from "./index";
import { fixtureArch } from "./fixtures.test-utils";

const a = fixtureArch("Llama-3.1-8B-Instruct");

describe("estimateMemory", () => {
  it("total is the sum of its documented parts, all integers", () => {
    const e = estimateMemory(a, { format: "Q4_K_M", contextTokens: 8192 });
    const b = e.bytes;
    expect(b.total).toBe(b.weights + b.kvCache + b.compute + b.overhead);
    expect(b.weights).toBe(weightBytes(a, "Q4_K_M"));
    expect(b.kvCache).toBe(kvCacheBytes(a, { contextTokens: 8192 }));
    expect(b.compute).toBe(computeBytes(a, { contextTokens: 8192 }));
    expect(b.overhead).toBe(overheadBytesPerGpu("llama.cpp"));
    for (const v of Object.values(b)) expect(Number.isInteger(v)).toBe(true);
    expect(e.params).toEqual(countParameters(a));
  });

  it("defaults: llama.cpp, f16 KV, 1 sequence, n_ubatch 512, flash attention", () => {
    const implicit = estimateMemory(a, { format: "Q4_K_M", contextTokens: 4096 });
    const explicit = estimateMemory(a, {
      format: "Q4_K_M",
      contextTokens: 4096,
      engine: "llama.cpp",
      kvCacheType: "f16",
      sequences: 1,
      ubatchTokens: 512,
      flashAttention: true,
    });
    expect(implicit).toEqual(explicit);
  });

  it("more context, more sequences, bigger KV type → more memory", () => {
    const base = estimateMemory(a, { format: "Q4_K_M", contextTokens: 4096 }).bytes.total;
    expect(estimateMemory(a, { format: "Q4_K_M", contextTokens: 8192 }).bytes.total).toBeGreaterThan(base);
    expect(
      estimateMemory(a, { format: "Q4_K_M", contextTokens: 4096, sequences: 2 }).bytes.total,
    ).toBeGreaterThan(base);
    expect(
      estimateMemory(a, { format: "Q4_K_M", contextTokens: 4096, kvCacheType: "q8_0" }).bytes.total,
    ).toBeLessThan(base);
    expect(
      estimateMemory(a, { format: "Q4_K_M", contextTokens: 4096, flashAttention: false }).bytes.compute,
    ).toBeGreaterThan(estimateMemory(a, { format: "Q4_K_M", contextTokens: 4096 }).bytes.compute);
  });

  it("vLLM profile uses its own weights, activation and overhead terms", () => {
    const e = estimateMemory(a, { format: "AWQ-INT4", contextTokens: 4096, engine: "vllm" });
    expect(e.bytes.weights).toBe(weightBytes(a, "AWQ-INT4", "vllm"));
    expect(e.bytes.overhead).toBe(overheadBytesPerGpu("vllm"));
  });

  const bad: [string, Partial<EstimateInput>][] = [
    ["zero context", { contextTokens: 0 }],
    ["negative context", { contextTokens: -5 }],
    ["fractional context", { contextTokens: 1.5 }],
    ["NaN context", { contextTokens: Number.NaN }],
    ["zero sequences", { sequences: 0 }],
    ["fractional ubatch", { ubatchTokens: 2.5 }],
    ["GGUF format on vLLM", { engine: "vllm" }],
    ["vLLM format on llama.cpp", { format: "AWQ-INT4" }],
    ["q8_0 KV on vLLM", { engine: "vllm", format: "BF16", kvCacheType: "q8_0" }],
    ["fp8 KV on llama.cpp", { kvCacheType: "fp8" }],
    ["quantized V cache without flash attention (llama.cpp)", { kvCacheType: "q8_0", flashAttention: false }],
    ["unknown format", { format: "Q4_K" as never }],
    ["unknown engine", { engine: "tgi" as never }],
  ];
  for (const [name, patch] of bad) {
    it(`RangeError: ${name}`, () => {
      expect(() => estimateMemory(a, { format: "Q4_K_M", contextTokens: 4096, ...patch })).toThrow(
        RangeError,
      );
    });
  }
});
