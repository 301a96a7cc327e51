// The fit planner on real catalog models and real GPUs: the cases that were wrong before it existed.
import { describe, expect, it } from "vitest";
import { contextLimits, planFit, ropeScalingFlags } from "@/lib/estimator";
import {
  bestFormatOnGpu,
  contextFits,
  fitOnGpu,
  gpuFitRows,
  longestContextOnGpu,
  smallestConsumerSetup,
  smallestUnifiedSetup,
} from "@/lib/views/gpu-fit";
import { getGpu } from "@/lib/content/gpus";
import type { Gpu } from "@/lib/content/gpus";
import { getModel } from "@/lib/content/models";
import type { CatalogModel } from "@/lib/content/catalog";
import { estimateFor, tableFormats } from "@/lib/views/requirements";

const GIB = 1024 ** 3;

function model(slug: string): CatalogModel {
  const found = getModel(slug);
  if (!found) throw new Error(`no model ${slug}`);
  return found;
}

function gpu(slug: string): Gpu {
  const found = getGpu(slug);
  if (!found) throw new Error(`no GPU ${slug}`);
  return found;
}

describe("context limits: the model's, not the card's", () => {
  it("Qwen3 8B: 40,960 native (config), 131,072 with YaRN (model card), factor 4 over 32,768", () => {
    // Qwen3-8B config.json: max_position_embeddings 40960; model card: 131,072 tokens with YaRN,
    // rope_scaling {"rope_type":"yarn","factor":4.0,"original_max_position_embeddings":32768}.
    const qwen = model("qwen-3-8b");
    const limits = contextLimits(qwen.architecture, qwen.contextLength);
    expect(limits).toEqual({ nativeTokens: 40960, maxTokens: 131072 });
    expect(ropeScalingFlags(limits, "llama.cpp", 131072)).toEqual([
      "--rope-scaling",
      "yarn",
      "--rope-scale",
      "4",
      "--yarn-orig-ctx",
      "32768",
    ]);
    expect(ropeScalingFlags(limits, "llama.cpp", 40960)).toEqual([]);
  });

  it("Qwen3 8B at Q4_K_M holds its full 131,072 tokens on a 24 GB card: the limit is the model's", () => {
    const longest = longestContextOnGpu(model("qwen-3-8b"), gpu("rtx-4090"), "Q4_K_M");
    expect(longest).toMatchObject({ tokens: 131072, limit: "model", needsRopeScaling: true, kind: "gpu" });
  });

  it("the longest context differs between a 16 GB and an 80 GB card unless the model's limit is reached", () => {
    const qwen = model("qwen-3-32b");
    const small = longestContextOnGpu(qwen, gpu("rtx-4060-ti-16gb"), "Q4_K_M");
    const large = longestContextOnGpu(qwen, gpu("h100-sxm"), "Q4_K_M");
    expect(large.limit).toBe("model");
    expect(small.tokens).toBeLessThan(large.tokens);
  });
});

describe("smallest useful context (4K)", () => {
  it("Gemma 2 27B at Q4_K_M on a 16 GB card: no answer rather than a few dozen tokens", () => {
    const longest = longestContextOnGpu(model("gemma-2-27b"), gpu("rtx-4060-ti-16gb"), "Q4_K_M");
    expect(longest.tokens).toBe(0);
  });

  it("Mixtral 8x22B at Q4_K_M on one 80 GB card: none either", () => {
    // 141B parameters at ~4.9 bits ≈ 80 GiB of weights alone.
    expect(longestContextOnGpu(model("mixtral-8x22b"), gpu("h100-sxm"), "Q4_K_M").tokens).toBe(0);
  });

  it("every context the model pages show is 0 or at least 4K", () => {
    for (const slug of ["gemma-2-27b", "llama-3-1-70b", "mixtral-8x22b", "qwen-3-32b"]) {
      for (const fit of contextFits(model(slug), "Q4_K_M")) {
        expect(fit.gpuOnly.tokens === 0 || fit.gpuOnly.tokens >= 4096, `${slug} ${fit.gpu.slug}`).toBe(true);
      }
    }
  });
});

describe("offload", () => {
  it("gpt-oss-120b runs on one 24 GB card with its experts in system RAM (--n-cpu-moe)", () => {
    const m = model("gpt-oss-120b");
    const gpuOnly = fitOnGpu(m, gpu("rtx-4090"), "Q4_K_M", 8192);
    expect(gpuOnly.kind).toBe("none");
    const offload = fitOnGpu(m, gpu("rtx-4090"), "Q4_K_M", 8192, { offload: true });
    expect(offload.kind).toBe("offload");
    expect(offload.offload?.gpuLayers).toBe(offload.offload?.totalLayers);
    expect(offload.offload?.cpuMoeLayers).toBeGreaterThan(0);
    expect(offload.host.experts).toBeGreaterThan(30 * GIB);
    // Slower than on the GPU alone, but a usable bound: DDR5 reads of the active experts dominate.
    expect(offload.decodeTokensPerSecond).toBeGreaterThan(5);
  });

  it("no offload on unified memory: it is the same RAM", () => {
    const answer = fitOnGpu(model("deepseek-r1"), gpu("m4-max-128gb"), "IQ1_S", 8192, { offload: true });
    expect(answer.kind).toBe("none");
  });

  it("offload that leaves no layer on the GPU is not counted", () => {
    const m = model("llama-3-1-405b");
    const answer = planFit({
      arch: m.architecture,
      input: { format: "Q4_K_M", contextTokens: 8192 },
      hardware: { gpuMemoryBytes: 1 * GIB, gpuCount: 1, systemRamBytes: 512 * GIB },
      limits: contextLimits(m.architecture, m.contextLength),
    });
    expect(answer.fits).toBe(false);
  });
});

describe("unified memory: what the GPU may use by default", () => {
  it("a 64 GB Mac is counted with 48 GiB (recommendedMaxWorkingSetSize), not 64", () => {
    const mac = gpu("m4-max-64gb");
    expect(mac.usableBytes).toBe(48 * GIB);
    // Find a table cell between 48 and 64 GiB: it must not fit the Mac by default.
    const m = model("llama-3-3-70b");
    const format = tableFormats(m).find((f) => {
      const total = estimateFor(m, f, 8192).bytes.total;
      return total > 50 * GIB && total < 62 * GIB;
    });
    expect(format).toBeDefined();
    expect(fitOnGpu(m, mac, format!, 8192).fits).toBe(false);
  });

  it("the smallest Mac for an 8B model at Q4_K_M is a 16 GB one", () => {
    const setup = smallestUnifiedSetup(model("llama-3-1-8b"), "Q4_K_M", 8192);
    expect(setup?.gpu.memoryBytes).toBe(16 * GIB);
  });
});

describe("token embeddings stay in system RAM with llama.cpp", () => {
  it("Llama 3.1 8B BF16 totals more than 16 GiB yet runs on a 16 GB card", () => {
    // token_embd: vocab 128,256 × hidden 4,096 × 2 bytes (config.json) = 1,050,673,152 bytes in host memory.
    const m = model("llama-3-1-8b");
    const total = estimateFor(m, "BF16", 8192).bytes.total;
    expect(total).toBeGreaterThan(16 * GIB);
    const answer = fitOnGpu(m, gpu("rtx-4060-ti-16gb"), "BF16", 8192);
    expect(answer.kind).toBe("gpu");
    expect(answer.host.tokenEmbeddings).toBe(128256 * 4096 * 2);
    expect(answer.gpuBytesPerDevice[0]).toBeLessThanOrEqual(16 * GIB);
  });
});

describe("the hardware people own", () => {
  it("SmolLM2 135M needs the smallest card of each ladder, not an H100", () => {
    const [row] = gpuFitRows(model("smollm2-135m"), ["Q4_K_M"]);
    expect(row?.consumer?.gpu.memoryBytes).toBe(8 * GIB);
    expect(row?.unified?.gpu.memoryBytes).toBe(16 * GIB);
    expect(row?.datacenter?.gpu.slug).not.toBe("h100-sxm");
  });

  it("an 8B model at Q4_K_M fits an 8 GB card; a 70B model needs more than one 24 GB card", () => {
    expect(smallestConsumerSetup(model("llama-3-1-8b"), "Q4_K_M", 8192)?.gpu.memoryBytes).toBe(8 * GIB);
    expect(smallestConsumerSetup(model("llama-3-3-70b"), "Q4_K_M", 8192)?.count).toBeGreaterThan(1);
  });

  it("the best format on a 24 GB card for Llama 3.3 70B is a 2-bit one", () => {
    expect(bestFormatOnGpu(model("llama-3-3-70b"), gpu("rtx-4090"), 8192)?.format).toBe("IQ2_XXS");
  });
});
