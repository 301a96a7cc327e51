import { describe, expect, it } from "vitest";
import {
  kvBytesReadPerToken,
  kvCacheBreakdown,
  kvCacheBytes,
  kvElementsPerToken,
  parseConfig,
} from "./index";
import { cellsPerSequence, kvRowBytes, llamaCppCellsPerStream } from "./kv-cache";
import { fixtureArch, fixtureConfig, testdataArch } from "./fixtures.test-utils";

const MiB = 1024 * 1024;

describe("KV cache element types", () => {
  it("f16/bf16 2 bytes, fp8 1 byte, q8_0 / q4_0 in 32-element ggml blocks", () => {
    expect(kvRowBytes("f16", 1024)).toBe(2048);
    expect(kvRowBytes("bf16", 1024)).toBe(2048);
    expect(kvRowBytes("fp8", 1024)).toBe(1024);
    expect(kvRowBytes("q8_0", 1024)).toBe((1024 / 32) * 34);
    expect(kvRowBytes("q4_0", 1024)).toBe((1024 / 32) * 18);
  });
});

describe("GQA cache (llama.cpp)", () => {
  const a = fixtureArch("Llama-3.1-8B-Instruct");

  it("Llama 3.1 8B, 8192 tokens, f16: 32 layers × 8192 × 2 (K,V) × 8 heads × 128 × 2 bytes = 1 GiB", () => {
    expect(kvCacheBytes(a, { contextTokens: 8192 })).toBe(32 * 8192 * 2 * 8 * 128 * 2);
    expect(kvCacheBytes(a, { contextTokens: 8192 })).toBe(1024 * MiB);
  });

  it("llama.cpp pads the context to 256 cells; vLLM to its 16-token blocks", () => {
    const perCell = 32 * 2 * 8 * 128 * 2;
    expect(kvCacheBytes(a, { contextTokens: 8000 })).toBe(8192 * perCell);
    expect(kvCacheBytes(a, { contextTokens: 8000, engine: "vllm" })).toBe(8000 * perCell);
    expect(kvCacheBytes(a, { contextTokens: 8001, engine: "vllm" })).toBe(8016 * perCell);
  });

  it("llama.cpp splits -c across -np streams before padding each to 256", () => {
    // measured on llama-server (unsloth PR #7530, quoted in lib/validation/fixtures/README.md):
    // -c 1024 with 3 slots allocates 1536 cells, with 4 slots 1024 cells
    expect(3 * llamaCppCellsPerStream(1024, 3)).toBe(1536);
    expect(4 * llamaCppCellsPerStream(1024, 4)).toBe(1024);
    expect(llamaCppCellsPerStream(35000)).toBe(35072);
  });

  it("parallel sequences multiply the cache", () => {
    expect(kvCacheBytes(a, { contextTokens: 4096, sequences: 4 })).toBe(
      4 * kvCacheBytes(a, { contextTokens: 4096 }),
    );
  });

  it("q8_0 cache is 34/64 of f16", () => {
    expect(
      kvCacheBytes(a, { contextTokens: 4096, kvCacheType: "q8_0" }) /
        kvCacheBytes(a, { contextTokens: 4096 }),
    ).toBe(34 / 64);
    expect(
      kvCacheBytes(a, { contextTokens: 4096, kvCacheType: "q4_0" }) /
        kvCacheBytes(a, { contextTokens: 4096 }),
    ).toBe(18 / 64);
  });

  it("MQA (1 KV head) is n_head times smaller than MHA", () => {
    const cfg = fixtureConfig("Llama-3.1-8B-Instruct") as Record<string, unknown>;
    const mha = parseConfig({ ...cfg, num_key_value_heads: 32 });
    const mqa = parseConfig({ ...cfg, num_key_value_heads: 1 });
    expect(kvCacheBytes(mha, { contextTokens: 4096 })).toBe(32 * kvCacheBytes(mqa, { contextTokens: 4096 }));
  });
});

describe("MLA latent cache", () => {
  const ds = fixtureArch("DeepSeek-V3");
  it("one kv_lora_rank + qk_rope_head_dim latent per token per layer", () => {
    expect(kvElementsPerToken(ds)).toEqual({ k: 512 + 64, v: 0 });
  });

  it("DeepSeek-V3, 32768 tokens, q8_0: 61 × 32768 × (576/32 blocks × 34 B) = 1166.62 MiB", () => {
    // ik_llama.cpp PR #259 log: "KV self size = 1166.62 MiB, c^KV (q8_0): 1166.62 MiB" at n_ctx 32768
    const b = kvCacheBytes(ds, { contextTokens: 32768, kvCacheType: "q8_0" });
    expect(b).toBe(61 * 32768 * 18 * 34);
    // 1166.625 MiB exactly; C's printf("%.2f") rounds the exact tie to even → "1166.62"
    expect(b / MiB).toBe(1166.625);
  });

  it("vLLM stores the same latent (fp16: 576 × 2 bytes)", () => {
    expect(kvCacheBytes(ds, { contextTokens: 1024, engine: "vllm" })).toBe(61 * 1024 * 576 * 2);
  });
});

describe("sliding-window layers", () => {
  it("gemma2 (llama.cpp): SWA layers hold min(ctx, window + ubatch) padded to 256", () => {
    const g = fixtureArch("gemma-2-9b-it");
    const sliding = g.layers[0]!;
    const full = g.layers[1]!;
    expect(cellsPerSequence(g, sliding, { contextTokens: 32768 })).toBe(4096 + 512);
    expect(cellsPerSequence(g, sliding, { contextTokens: 32768, ubatchTokens: 100 })).toBe(4352); // pad(4196, 256)
    expect(cellsPerSequence(g, sliding, { contextTokens: 2048 })).toBe(2048);
    expect(cellsPerSequence(g, full, { contextTokens: 32768 })).toBe(32768);
  });

  it("gpt-oss: window 128 + ubatch 512 → 768 cells on SWA layers; vLLM keeps window + one block", () => {
    const a = fixtureArch("gpt-oss-120b");
    expect(cellsPerSequence(a, a.layers[0]!, { contextTokens: 131072 })).toBe(768);
    expect(cellsPerSequence(a, a.layers[0]!, { contextTokens: 131072, engine: "vllm" })).toBe(144);
    const perTokenLayer = 2 * 8 * 64 * 2;
    expect(kvCacheBytes(a, { contextTokens: 131072 })).toBe(
      18 * 768 * perTokenLayer + 18 * 131072 * perTokenLayer,
    );
  });

  it("Mixtral's sliding_window is ignored by llama.cpp (llama arch has no SWA cache) but used by vLLM", () => {
    const m = testdataArch("mixtral-8x7b");
    expect(cellsPerSequence(m, m.layers[0]!, { contextTokens: 32768 })).toBe(32768);
    expect(cellsPerSequence(m, m.layers[0]!, { contextTokens: 32768, engine: "vllm" })).toBe(4096 + 16);
  });

  it("llama.cpp keeps the SWA cache in f16 when the KV type is quantized (llama.cpp PR #21277)", () => {
    const a = fixtureArch("gpt-oss-120b");
    const perTokenLayerF16 = 2 * 8 * 64 * 2;
    const perTokenLayerQ8 = 2 * ((8 * 64) / 32) * 34;
    expect(kvCacheBytes(a, { contextTokens: 131072, kvCacheType: "q8_0" })).toBe(
      18 * 768 * perTokenLayerF16 + 18 * 131072 * perTokenLayerQ8,
    );
  });

  it("per-layer breakdown sums to the total", () => {
    const g = fixtureArch("gemma-2-9b-it");
    const b = kvCacheBreakdown(g, { contextTokens: 16384, sequences: 2 });
    expect(b.perLayer.reduce((s, x) => s + x, 0)).toBe(b.bytes);
  });
});

describe("KV bytes read per decoded token", () => {
  it("full layers read the whole context, windowed layers at most the window", () => {
    const a = fixtureArch("gpt-oss-120b");
    const perTokenLayer = 2 * 8 * 64 * 2;
    expect(kvBytesReadPerToken(a, 10000, "f16", "llama.cpp")).toBe(
      18 * 10000 * perTokenLayer + 18 * 128 * perTokenLayer,
    );
    expect(kvBytesReadPerToken(a, 100, "f16", "llama.cpp")).toBe(36 * 100 * perTokenLayer);
  });
});
