// The calculator's results with the MLX engine: a Mac's usable share, the mlx-lm command, and no verdict for a GPU
// MLX is not sized for.
import { describe, expect, it } from "vitest";
import catalogGpus from "@/content/gpus.json";
import { usableGpuBytes } from "@/lib/estimator";
import { CUSTOM, defaultState } from "@/features/calculator/state";
import type { CalculatorState } from "@/features/calculator/state";
import { fitBadge, offloadAdvice } from "./result-text";
import { GIB } from "@/lib/estimator/units";
import { deriveResults } from "./results";
import type { CalculatorGpuOption, CalculatorModelOption } from "./results";
import { LLAMA_3_1_8B_CONFIG as LLAMA } from "./fixtures.test-utils";

const MODELS: CalculatorModelOption[] = [
  {
    slug: "llama",
    name: "Llama 3.1 8B",
    contextLength: 131072,
    huggingFaceId: "meta-llama/Llama-3.1-8B-Instruct",
    config: LLAMA,
  },
];

// The real catalog entries, with the usable share the page computes (lib/estimator/hardware.ts).
const GPUS: CalculatorGpuOption[] = catalogGpus
  .filter((g) => ["rtx-4090", "m4-16gb", "m4-pro-48gb"].includes(g.slug))
  .map((g) => ({
    slug: g.slug,
    name: g.name,
    category: g.category,
    categoryLabel: g.category,
    memoryBytes: g.memoryBytes,
    usableBytes:
      g.category === "apple-silicon" ? usableGpuBytes(g.memoryBytes, "apple-silicon") : g.memoryBytes,
    bandwidthBytesPerSecond: g.bandwidthBytesPerSecond,
    unifiedMemory: g.category === "apple-silicon",
  }));

const MLX: CalculatorState = {
  ...defaultState({ models: MODELS, gpus: GPUS }),
  model: "llama",
  engine: "mlx",
  quant: "MLX-4bit",
  gpu: "m4-16gb",
};

describe("deriveResults with MLX", () => {
  it("fits Llama 3.1 8B at 4 bits and 8K in the 10.67 GiB a 16 GB Mac's GPU may use", () => {
    const r = deriveResults(MLX, MODELS, GPUS);
    // macOS's recommendedMaxWorkingSetSize on 16 GiB: 10922.67 MiB (ggml_metal_init logs, hardware.ts).
    expect(r.gpu.usableBytes / 2 ** 20).toBeCloseTo(10922.67, 1);
    expect(r.fit.kind).toBe("gpu");
    expect(r.engineProblem).toBeNull();
    expect(r.hardware.systemRamBytes).toBeUndefined();
    // 8192 tokens × 32 layers × 8 KV heads × 128 × (K + V) × 2 bytes = 1024 MiB, as llama.cpp logs for this model.
    expect(r.command.command).toContain("--prompt-cache-bytes 1074MB");
    expect(r.command.prepare?.command).toContain("--q-bits 4");
    expect(offloadAdvice(r, MLX)).toBe(
      "No offload needed: MLX keeps the whole model in the Mac's unified memory.",
    );
  });

  it("gives no verdict, longest context or speed for a GeForce, and says why", () => {
    const state = { ...MLX, gpu: "rtx-4090" };
    const r = deriveResults(state, MODELS, GPUS);
    expect(r.engineProblem).toMatch(/^MLX is estimated for Apple silicon only, not for the GeForce RTX 4090/);
    expect(r.fit).toMatchObject({ fits: false, kind: "none", reason: r.engineProblem });
    expect(r.longest.tokens).toBe(0);
    expect(r.decodeBound.tokensPerSecond).toBeNull();
    expect(fitBadge(r).text).toBe("No verdict: MLX is estimated for Apple silicon only");
    expect(offloadAdvice(r, state)).toBe(r.engineProblem);
  });

  it("reads a custom size as a Mac's memory: 24 GB gives the GPU two thirds, 16 GiB", () => {
    const r = deriveResults({ ...MLX, gpu: CUSTOM, vram: 24 }, MODELS, GPUS);
    expect(r.gpu).toMatchObject({ name: "24 GB Mac", unifiedMemory: true, usableBytes: 16 * GIB });
  });

  it("offers the wired-limit command when the model does not fit a 48 GB Mac's default share", () => {
    const state = { ...MLX, gpu: "m4-pro-48gb", quant: "BF16" as const, context: 131072, seqs: 2 };
    const r = deriveResults(state, MODELS, GPUS);
    expect(r.fit.fits).toBe(false);
    expect(offloadAdvice(r, state)).toBe(
      "MLX cannot offload: pick a smaller format or context, or raise the GPU's share of memory. Run `sudo sysctl iogpu.wired_limit_mb=40960` in Terminal; it lasts until the next restart.",
    );
  });
});
