import { describe, expect, it } from "vitest";
import {
  activeWeightBytes,
  decodeTokensPerSecondUpperBound,
  ggufTensorBytes,
  kvBytesReadPerToken,
  parameterBreakdown,
  prefillEstimate,
  prefillFlops,
  weightBytes,
} from "./index";
import { fixtureArch } from "./fixtures.test-utils";

const llama = fixtureArch("Llama-3.1-8B-Instruct");
const BW = 1.0e12; // 1 TB/s

describe("decode tokens/s upper bound", () => {
  it("dense: bandwidth / (all weights except unread embedding rows + KV read)", () => {
    const tokenEmbd = ggufTensorBytes(llama, "Q4_K_M").find((t) => t.tensor.role === "token_embd")!.bytes;
    const weights = weightBytes(llama, "Q4_K_M") - tokenEmbd + tokenEmbd / 128256;
    expect(activeWeightBytes(llama, { format: "Q4_K_M", contextTokens: 1 })).toBeCloseTo(weights, 3);
    const kv = 32 * 4096 * 2 * 8 * 128 * 2; // 4096 cached tokens, f16
    expect(kvBytesReadPerToken(llama, 4096, "f16", "llama.cpp")).toBe(kv);
    expect(decodeTokensPerSecondUpperBound(llama, { format: "Q4_K_M", contextTokens: 4096 }, BW)).toBeCloseTo(
      BW / (weights + kv),
      6,
    );
  });

  it("smaller quant and shorter context raise the bound", () => {
    const q8 = decodeTokensPerSecondUpperBound(llama, { format: "Q8_0", contextTokens: 4096 }, BW);
    const q4 = decodeTokensPerSecondUpperBound(llama, { format: "Q4_K_M", contextTokens: 4096 }, BW);
    const q4long = decodeTokensPerSecondUpperBound(llama, { format: "Q4_K_M", contextTokens: 65536 }, BW);
    expect(q4).toBeGreaterThan(q8);
    expect(q4long).toBeLessThan(q4);
  });

  it("MoE reads only the routed experts of a token: k/n of each expert tensor", () => {
    const q = fixtureArch("Qwen3-30B-A3B");
    const t = ggufTensorBytes(q, "Q4_K_M");
    const experts = t.filter((x) => x.tensor.routedExpert).reduce((s, x) => s + x.bytes, 0);
    const emb = t.find((x) => x.tensor.role === "token_embd")!.bytes;
    const rest = t.reduce((s, x) => s + x.bytes, 0) - experts - emb;
    expect(activeWeightBytes(q, { format: "Q4_K_M", contextTokens: 1 })).toBeCloseTo(
      rest + (experts * 8) / 128 + emb / 151936,
      3,
    );
  });

  it("batched decoding: aggregate bound grows, expert reads saturate at all experts", () => {
    const q = fixtureArch("Qwen3-30B-A3B");
    const one = decodeTokensPerSecondUpperBound(q, { format: "Q4_K_M", contextTokens: 1024 }, BW);
    const many = decodeTokensPerSecondUpperBound(
      q,
      { format: "Q4_K_M", contextTokens: 1024, sequences: 32 },
      BW,
    );
    expect(many).toBeGreaterThan(one);
    expect(many / 32).toBeLessThan(one);
    const all = ggufTensorBytes(q, "Q4_K_M")
      .filter((x) => x.tensor.routedExpert)
      .reduce((s, x) => s + x.bytes, 0);
    const w32 = activeWeightBytes(q, { format: "Q4_K_M", contextTokens: 1, sequences: 32 });
    const w16 = activeWeightBytes(q, { format: "Q4_K_M", contextTokens: 1, sequences: 16 });
    expect(w32 - w16).toBeLessThan(1e6); // 16 × 8 = 128 ≥ n_experts: every expert already read
    expect(w32).toBeGreaterThan(all);
  });

  it("rejects a non-positive bandwidth", () => {
    expect(() => decodeTokensPerSecondUpperBound(llama, { format: "Q4_K_M", contextTokens: 1 }, 0)).toThrow(
      RangeError,
    );
    expect(() =>
      decodeTokensPerSecondUpperBound(llama, { format: "Q4_K_M", contextTokens: 1 }, Number.NaN),
    ).toThrow(RangeError);
  });
});

describe("prefill FLOPs and time to first token", () => {
  // Llama 3.1 8B: 8.03 B parameters (model card); per prompt token 2 FLOPs per active non-output weight, plus
  // attention 2·n_head·(d_k + d_v) per earlier position and layer, plus the output head once.
  it("matches 2N per token plus causal attention, counted by hand", () => {
    const p = parameterBreakdown(llama);
    const P = 512;
    const attention = 32 * 2 * 32 * (128 + 128) * ((P * (P + 1)) / 2);
    expect(prefillFlops(llama, P)).toBe(2 * (p.active - p.output) * P + 2 * p.output + attention);
    // Model card: 8.03 B parameters, of which 2 × 128256 × 4096 = 1.05 B are the input embedding and the
    // output head: ≈ 2 × 6.98 B FLOPs per prompt token, attention adding ~1 % at 512 tokens.
    const perToken = prefillFlops(llama, P) / P / (2 * (8.03e9 - 2 * 128256 * 4096));
    expect(perToken).toBeGreaterThan(1.0);
    expect(perToken).toBeLessThan(1.02);
  });
  it("sliding-window layers stop growing past the window", () => {
    const gemma = fixtureArch("gemma-2-9b-it");
    const grow = (n: number) => prefillFlops(gemma, 2 * n) - 2 * prefillFlops(gemma, n);
    // Half of gemma-2's layers attend to 4096 tokens at most, so quadratic growth is smaller than a full model's.
    const full = {
      ...gemma,
      layers: gemma.layers.map((l) => ({ ...l, attention: "full" as const, window: null })),
    };
    expect(grow(16384)).toBeLessThan(prefillFlops(full, 32768) - 2 * prefillFlops(full, 16384));
  });
  it("time is the larger of compute time and weight streaming, and bad devices are refused", () => {
    const device = { flopsPerSecond: 100e12, bandwidthBytesPerSecond: 1e12, efficiency: 0.5 };
    const e = prefillEstimate(llama, { format: "Q4_K_M", contextTokens: 4096 }, 4096, device);
    expect(e.computeSeconds).toBeCloseTo(prefillFlops(llama, 4096) / 50e12, 9);
    expect(e.seconds).toBe(Math.max(e.computeSeconds, e.memorySeconds));
    expect(e.tokensPerSecond).toBeCloseTo(4096 / e.seconds, 6);
    expect(() =>
      prefillEstimate(llama, { format: "Q4_K_M", contextTokens: 1 }, 1, { ...device, efficiency: 2 }),
    ).toThrow(RangeError);
    expect(() => prefillFlops(llama, 0)).toThrow(RangeError);
  });
});
