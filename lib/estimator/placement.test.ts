import { describe, expect, it } from "vitest";
import {
  estimateMemory,
  ggufTensorBytes,
  maxContextThatFits,
  planPlacement,
  smallestGpuCount,
  type EstimateInput,
} from "./index";
import { fixtureArch } from "./fixtures.test-utils";

const GiB = 1024 ** 3;
const llama = fixtureArch("Llama-3.1-8B-Instruct");
const q4: EstimateInput = { format: "Q4_K_M", contextTokens: 8192 };

function tokenEmbdBytes(input: EstimateInput) {
  return ggufTensorBytes(llama, input.format).find((t) => t.tensor.role === "token_embd")!.bytes;
}

describe("planPlacement — llama.cpp", () => {
  it("one big GPU: everything but the host-resident token_embd is on the GPU", () => {
    const p = planPlacement(llama, q4, { gpuMemoryBytes: 24 * GiB, gpuCount: 1 });
    const e = estimateMemory(llama, q4);
    expect(p.fitsInGpuOnly).toBe(true);
    expect(p.fits).toBe(true);
    expect(p.gpuLayers).toBe(32);
    expect(p.totalLayers).toBe(32);
    // llama.cpp keeps the input embedding in host memory (get_rows runs on the CPU)
    expect(p.perDeviceBytes).toEqual([e.bytes.total - tokenEmbdBytes(q4)]);
    expect(p.cpuBytes).toBe(tokenEmbdBytes(q4));
    expect(p.offloadedExpertLayers).toBe(0);
  });

  it("layer split over 2 GPUs: each pays a CUDA context, only the last computes logits", () => {
    const one = planPlacement(llama, q4, { gpuMemoryBytes: 24 * GiB, gpuCount: 1 });
    const two = planPlacement(llama, q4, { gpuMemoryBytes: 24 * GiB, gpuCount: 2 });
    expect(two.perDeviceBytes.length).toBe(2);
    expect(two.perDeviceBytes[1]!).toBeGreaterThan(two.perDeviceBytes[0]!);
    const sum = two.perDeviceBytes[0]! + two.perDeviceBytes[1]!;
    expect(sum).toBeGreaterThan(one.perDeviceBytes[0]!);
    expect(Math.max(...two.perDeviceBytes)).toBeLessThan(one.perDeviceBytes[0]!);
  });

  it("too small a GPU with system RAM: partial layer offload (-ngl < n_layer)", () => {
    const hw = { gpuMemoryBytes: 3 * GiB, gpuCount: 1, systemRamBytes: 64 * GiB };
    const p = planPlacement(llama, q4, hw);
    expect(p.fitsInGpuOnly).toBe(false);
    expect(p.fits).toBe(true);
    expect(p.gpuLayers).toBeGreaterThan(0);
    expect(p.gpuLayers).toBeLessThan(32);
    expect(p.perDeviceBytes[0]!).toBeLessThanOrEqual(hw.gpuMemoryBytes);
    // a bigger GPU takes more layers
    const bigger = planPlacement(llama, q4, { ...hw, gpuMemoryBytes: 4 * GiB });
    expect(bigger.gpuLayers).toBeGreaterThan(p.gpuLayers);
    expect(bigger.cpuBytes).toBeLessThan(p.cpuBytes);
  });

  it("without system RAM a model that does not fit does not fit", () => {
    const p = planPlacement(llama, q4, { gpuMemoryBytes: 3 * GiB, gpuCount: 1 });
    expect(p.fits).toBe(false);
    expect(p.fitsInGpuOnly).toBe(false);
  });

  it("system RAM too small for the offloaded part → does not fit", () => {
    const p = planPlacement(llama, q4, { gpuMemoryBytes: 3 * GiB, gpuCount: 1, systemRamBytes: 0.5 * GiB });
    expect(p.fits).toBe(false);
  });

  it("MoE: experts of the first layers go to RAM first (--n-cpu-moe), attention stays on the GPU", () => {
    const qwen = fixtureArch("Qwen3-30B-A3B");
    const input: EstimateInput = { format: "Q4_K_M", contextTokens: 8192 };
    const p = planPlacement(qwen, input, { gpuMemoryBytes: 12 * GiB, gpuCount: 1, systemRamBytes: 64 * GiB });
    expect(p.fits).toBe(true);
    expect(p.fitsInGpuOnly).toBe(false);
    expect(p.gpuLayers).toBe(48);
    expect(p.offloadedExpertLayers).toBeGreaterThan(0);
    expect(p.offloadedExpertLayers).toBeLessThan(48);
    const fewer = planPlacement(qwen, input, {
      gpuMemoryBytes: 16 * GiB,
      gpuCount: 1,
      systemRamBytes: 64 * GiB,
    });
    expect(fewer.offloadedExpertLayers).toBeLessThan(p.offloadedExpertLayers);
  });
});

describe("planPlacement — vLLM tensor parallel", () => {
  it("weights shard 1/N; per-device bytes shrink with more GPUs", () => {
    const input: EstimateInput = { format: "BF16", contextTokens: 8192, engine: "vllm" };
    const one = planPlacement(llama, input, { gpuMemoryBytes: 80 * GiB, gpuCount: 1 });
    const two = planPlacement(llama, input, { gpuMemoryBytes: 80 * GiB, gpuCount: 2 });
    expect(two.perDeviceBytes.length).toBe(2);
    expect(two.perDeviceBytes[0]!).toBeLessThan(one.perDeviceBytes[0]!);
    // BF16 weights ≈ 2 × 8.03e9 bytes: halving saves at least 7 GB per device
    expect(one.perDeviceBytes[0]! - two.perDeviceBytes[0]!).toBeGreaterThan(7e9);
  });

  it("MLA latent cache is replicated on every rank", () => {
    const ds = fixtureArch("DeepSeek-V3");
    const small: EstimateInput = { format: "FP8", contextTokens: 1024, engine: "vllm" };
    const big: EstimateInput = { ...small, contextTokens: 1024 + 65536 };
    const hw = { gpuMemoryBytes: 200 * GiB, gpuCount: 8 };
    const growth =
      planPlacement(ds, big, hw).perDeviceBytes[0]! - planPlacement(ds, small, hw).perDeviceBytes[0]!;
    expect(growth).toBe(61 * 65536 * 576 * 2);
  });
});

describe("smallestGpuCount / maxContextThatFits", () => {
  it("smallest count fits and one fewer does not", () => {
    const ds = fixtureArch("DeepSeek-V3");
    const input: EstimateInput = { format: "Q4_K_M", contextTokens: 8192 };
    const n = smallestGpuCount(ds, input, 80 * GiB, 16)!;
    expect(n).not.toBeNull();
    expect(planPlacement(ds, input, { gpuMemoryBytes: 80 * GiB, gpuCount: n }).fitsInGpuOnly).toBe(true);
    expect(planPlacement(ds, input, { gpuMemoryBytes: 80 * GiB, gpuCount: n - 1 }).fitsInGpuOnly).toBe(false);
    expect(smallestGpuCount(ds, input, 24 * GiB, 8)).toBeNull();
    expect(smallestGpuCount(llama, q4, 24 * GiB)).toBe(1);
  });

  it("largest context fits; the next padded step does not", () => {
    const hw = { gpuMemoryBytes: 8 * GiB, gpuCount: 1 };
    const c = maxContextThatFits(llama, { format: "Q4_K_M" }, hw);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(131072);
    expect(planPlacement(llama, { format: "Q4_K_M", contextTokens: c }, hw).fitsInGpuOnly).toBe(true);
    expect(planPlacement(llama, { format: "Q4_K_M", contextTokens: c + 1 }, hw).fitsInGpuOnly).toBe(false);
    // llama.cpp pads to 256 cells, so the answer is a multiple of 256
    expect(c % 256).toBe(0);
  });

  it("capped at the model's max_position_embeddings; 0 when nothing fits", () => {
    expect(maxContextThatFits(llama, { format: "Q4_K_M" }, { gpuMemoryBytes: 200 * GiB, gpuCount: 1 })).toBe(
      131072,
    );
    expect(maxContextThatFits(llama, { format: "Q4_K_M" }, { gpuMemoryBytes: 2 * GiB, gpuCount: 1 })).toBe(0);
  });

  it("rejects bad hardware", () => {
    expect(() => planPlacement(llama, q4, { gpuMemoryBytes: -1, gpuCount: 1 })).toThrow(RangeError);
    expect(() => planPlacement(llama, q4, { gpuMemoryBytes: 1, gpuCount: 1.5 })).toThrow(RangeError);
  });
});
