// The calculator's evidence lines for real catalog states.
import { describe, expect, it } from "vitest";
import { getGpu } from "@/lib/content/gpus";
import { getModel } from "@/lib/content/models";
import { calculatorEvidence } from "./calculator-evidence";

const gpu = (slug: string) => {
  const g = getGpu(slug)!;
  return {
    slug: g.slug,
    memoryBytes: g.memoryBytes,
    usableBytes: g.usableBytes,
    bandwidthBytesPerSecond: g.bandwidthBytesPerSecond,
  };
};

describe("calculatorEvidence", () => {
  const llama3 = getModel("llama-3-8b")!;
  const input = { format: "Q4_K_M" as const, contextTokens: 8192 };
  it("gives a prefill time and the measured-quality best format on an RTX 4090", () => {
    const e = calculatorEvidence({
      arch: llama3.architecture,
      modelSlug: llama3.slug,
      input,
      gpu: gpu("rtx-4090"),
      gpuCount: 1,
      maxContextTokens: 8192,
      fitsInGpuOnly: true,
    });
    expect(e.prefill.seconds).toBeGreaterThan(0);
    expect(e.prefill.seconds).toBeLessThan(5);
    expect(e.bestFormat.format).toBe("BF16");
  });
  it("says why a figure is missing", () => {
    const noCompute = calculatorEvidence({
      arch: llama3.architecture,
      modelSlug: llama3.slug,
      input,
      gpu: gpu("rx-7900-xtx"),
      gpuCount: 1,
      maxContextTokens: 8192,
      fitsInGpuOnly: true,
    });
    expect(noCompute.prefill).toEqual({
      seconds: null,
      reason: "no rated FP16 throughput for this GPU in our data yet",
    });
    const custom = calculatorEvidence({
      arch: llama3.architecture,
      modelSlug: null,
      input,
      gpu: {
        slug: null,
        memoryBytes: 8 * 1024 ** 3,
        usableBytes: 8 * 1024 ** 3,
        bandwidthBytesPerSecond: null,
      },
      gpuCount: 1,
      maxContextTokens: 8192,
      fitsInGpuOnly: true,
    });
    expect(custom.prefill.seconds).toBeNull();
    expect(custom.bestFormat.format === null || custom.bestFormat.quality.kind === "bits").toBe(true);
    const vllm = calculatorEvidence({
      arch: llama3.architecture,
      modelSlug: llama3.slug,
      input: { format: "BF16", contextTokens: 8192, engine: "vllm" },
      gpu: gpu("rtx-4090"),
      gpuCount: 1,
      maxContextTokens: 8192,
      fitsInGpuOnly: true,
    });
    expect(vllm.bestFormat).toEqual({
      format: null,
      reason: "the format advice covers llama.cpp's GGUF formats",
    });
  });
});
