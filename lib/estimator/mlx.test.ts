// MLX (mlx-lm) checkpoints: the storage rule of mlx/ops.cpp affine_quantize and mlx-lm's choice of what to quantize,
// checked against published file sizes (Hugging Face file lists; more rows in lib/validation/fixtures/mlx-sizes.json).
import { describe, expect, it } from "vitest";
import {
  averageBitsPerWeight,
  estimateMemory,
  kvCacheBytes,
  MLX_GROUP_SIZE,
  mlxQuantizedBytes,
  mlxTensorBits,
  overheadBytesPerGpu,
  planPlacement,
  GIB,
  resolveInput,
  tensorBytes,
  weightBytes,
  WEIGHT_FORMATS,
  type TensorInfo,
} from "./index";
import { fixtureArch } from "./fixtures.test-utils";

const llama8b = fixtureArch("Llama-3.1-8B-Instruct");
const qwen7b = fixtureArch("Qwen2.5-7B-Instruct");

describe("MLX storage rule", () => {
  it("a quantized matrix is bits/8 bytes per weight plus a 16-bit scale and bias per group of 64", () => {
    // 4096 × 4096 at 4 bits: 8 MiB of packed values + 4096 × 64 groups × (2 + 2) bytes
    expect(mlxQuantizedBytes(4096 * 4096, 4)).toBe(4096 * 4096 * 0.5 + 4096 * 64 * 4);
    expect(MLX_GROUP_SIZE).toBe(64);
  });

  it("the catalogue lists 3/4/6/8-bit at bits + 0.5 nominal bits per weight, on the mlx engine only", () => {
    const mlx = WEIGHT_FORMATS.filter((f) => f.id.startsWith("MLX-"));
    expect(mlx.map((f) => [f.id, f.nominalBitsPerWeight, f.engines])).toEqual([
      ["MLX-3bit", 3.5, ["mlx"]],
      ["MLX-4bit", 4.5, ["mlx"]],
      ["MLX-6bit", 6.5, ["mlx"]],
      ["MLX-8bit", 8.5, ["mlx"]],
    ]);
  });

  it("norms, 1-D parameters and widths that are not a multiple of 64 stay 16-bit", () => {
    const norm: TensorInfo = {
      name: "blk.0.attn_norm.weight",
      role: "attn_norm",
      layer: 0,
      ne: [4096, 1, 1],
      oneDim: true,
      routedExpert: false,
    };
    const odd: TensorInfo = { ...norm, name: "x.weight", role: "ffn_up", ne: [100, 64, 1], oneDim: false };
    expect(mlxTensorBits(llama8b, norm, 4)).toBeNull();
    expect(mlxTensorBits(llama8b, odd, 4)).toBeNull();
    const norms = tensorBytes(llama8b, "MLX-4bit", "mlx").filter((t) => t.tensor.oneDim);
    for (const t of norms) expect(t.bytes).toBe(2 * t.tensor.ne[0] * t.tensor.ne[1] * t.tensor.ne[2]);
  });

  it("Qwen3 MoE routers are kept at 8 bits (mlx_lm/models/qwen3_moe.py quant_predicate); DeepSeek's raw gate stays 16-bit", () => {
    const moe = fixtureArch("Qwen3-30B-A3B");
    const routers = tensorBytes(moe, "MLX-4bit", "mlx").filter((t) => t.tensor.role === "ffn_gate_inp");
    expect(routers.length).toBe(48);
    for (const t of routers) {
      const n = t.tensor.ne[0] * t.tensor.ne[1];
      expect(t.bytes).toBe(mlxQuantizedBytes(n, 8));
    }
    const ds = fixtureArch("DeepSeek-V3");
    const dsRouters = tensorBytes(ds, "MLX-4bit", "mlx").filter((t) => t.tensor.role === "ffn_gate_inp");
    expect(dsRouters.length).toBeGreaterThan(0);
    for (const t of dsRouters) expect(t.bytes).toBe(2 * t.tensor.ne[0] * t.tensor.ne[1]);
  });

  it("gpt-oss keeps its released MXFP4 experts (4.25 bits) under an MLX conversion", () => {
    const oss = fixtureArch("gpt-oss-20b");
    const experts = tensorBytes(oss, "MLX-8bit", "mlx").filter((t) => t.tensor.routedExpert);
    for (const t of experts) {
      const n = t.tensor.ne[0] * t.tensor.ne[1] * t.tensor.ne[2];
      expect(t.bytes / n).toBeCloseTo(4.25 / 8, 6);
    }
  });

  it("a dense model averages bits + 0.5 per weight (embeddings and LM head included)", () => {
    expect(averageBitsPerWeight(llama8b, "MLX-4bit", "mlx")).toBeCloseTo(4.5, 2);
    expect(averageBitsPerWeight(qwen7b, "MLX-3bit", "mlx")).toBeCloseTo(3.5, 2);
  });
});

describe("MLX sizes against published checkpoints", () => {
  // Hugging Face lists GB (10^9 bytes) with three significant figures.
  const cases: [
    string,
    ReturnType<typeof fixtureArch>,
    "MLX-3bit" | "MLX-4bit" | "MLX-6bit" | "MLX-8bit",
    number,
  ][] = [
    // https://huggingface.co/mlx-community/Meta-Llama-3.1-8B-Instruct-4bit/tree/main: model.safetensors 4.52 GB
    ["Llama 3.1 8B 4-bit", llama8b, "MLX-4bit", 4.52e9],
    // https://huggingface.co/mlx-community/Meta-Llama-3.1-8B-Instruct-8bit/tree/main: 5.36 GB + 3.17 GB
    ["Llama 3.1 8B 8-bit", llama8b, "MLX-8bit", 8.53e9],
    // https://huggingface.co/mlx-community/Qwen2.5-7B-Instruct-3bit/tree/main: model.safetensors 3.33 GB
    ["Qwen2.5 7B 3-bit", qwen7b, "MLX-3bit", 3.33e9],
  ];
  for (const [name, arch, format, bytes] of cases) {
    it(`${name}: within 1% of ${bytes / 1e9} GB`, () => {
      const est = weightBytes(arch, format, "mlx");
      expect(Math.abs(est / bytes - 1)).toBeLessThan(0.01);
    });
  }
});

describe("MLX runtime terms", () => {
  it("KV cache grows in steps of 256 tokens in 16-bit (mlx_lm/models/cache.py KVCache)", () => {
    // Llama 3.1 8B: 32 layers × 8 KV heads × 128 × (K + V) × 2 bytes = 128 KiB per token
    expect(kvCacheBytes(llama8b, { contextTokens: 1000, engine: "mlx" })).toBe(1024 * 32 * 8 * 128 * 2 * 2);
  });

  it("sliding-window layers keep the window plus one 2048-token prompt chunk (RotatingKVCache)", () => {
    const gemma = fixtureArch("gemma-2-9b-it");
    const mlx = kvCacheBytes(gemma, { contextTokens: 32768, engine: "mlx" });
    // 21 of 42 layers are windowed (4096): they hold 4096 + 2047 tokens instead of 32768
    const perTokenLayer = 8 * 256 * 2 * 2;
    expect(mlx).toBe(21 * 32768 * perTokenLayer + 21 * (4096 + 2047) * perTokenLayer);
    expect(mlx).toBeLessThan(42 * 32768 * perTokenLayer);
  });

  it("no CUDA context on Apple silicon, and the MLX formats run only on the mlx engine", () => {
    expect(overheadBytesPerGpu("mlx")).toBe(0);
    expect(() => resolveInput({ format: "MLX-4bit", contextTokens: 4096 })).toThrow(
      /not available on llama.cpp/,
    );
    expect(() => resolveInput({ format: "Q4_K_M", contextTokens: 4096, engine: "mlx" })).toThrow(
      /not available on mlx/,
    );
    expect(() =>
      resolveInput({ format: "MLX-4bit", contextTokens: 4096, engine: "mlx", kvCacheType: "q8_0" }),
    ).toThrow(/KV cache type q8_0 is not available on mlx/);
  });

  it("the total is the sum of its terms on mlx too", () => {
    const e = estimateMemory(llama8b, { format: "MLX-4bit", contextTokens: 8192, engine: "mlx" });
    const b = e.bytes;
    expect(b.total).toBe(b.weights + b.kvCache + b.recurrentState + b.compute + b.overhead);
    expect(b.recurrentState).toBe(0);
    expect(b.compute).toBeGreaterThan(0);
  });
});

describe("MLX placement", () => {
  const input = { format: "MLX-4bit", contextTokens: 8192, engine: "mlx" } as const;
  const total = estimateMemory(llama8b, input).bytes.total;

  it("one Mac holds the whole estimate in GPU-visible memory: token embeddings included, nothing on the host", () => {
    const fits = planPlacement(llama8b, input, { gpuMemoryBytes: total, gpuCount: 1 });
    expect(fits).toMatchObject({ fits: true, fitsInGpuOnly: true, perDeviceBytes: [total], cpuBytes: 0 });
    // One byte short: MLX cannot offload (and a 128K vocabulary's embeddings count, unlike llama.cpp's host copy).
    const short = planPlacement(llama8b, input, {
      gpuMemoryBytes: total - 1,
      gpuCount: 1,
      systemRamBytes: 64 * GIB,
    });
    expect(short).toMatchObject({ fits: false, fitsInGpuOnly: false, cpuBytes: 0, offloadedExpertLayers: 0 });
  });

  it("several Macs share weights and cache by memory; each keeps its own activations", () => {
    const compute = estimateMemory(llama8b, input).bytes.compute;
    const two = planPlacement(llama8b, input, {
      gpuMemoryBytes: 0,
      gpuCount: 2,
      deviceMemoryBytes: [32 * GIB, 16 * GIB],
    });
    const [big, small] = two.perDeviceBytes as [number, number];
    expect(big - compute).toBeCloseTo(2 * (small - compute), -1);
    expect(big + small - compute).toBeCloseTo(total, -1);
  });
});
