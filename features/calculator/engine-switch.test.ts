import { describe, expect, it } from "vitest";
import { KV_TYPES_BY_ENGINE, WEIGHT_FORMATS } from "@/lib/estimator";
import { nearestFormat, nearestKvType } from "@/features/calculator/state";
import catalogGpus from "@/content/gpus.json";
import { engineHardwareProblem, engineSwitchNotes, macForMlx } from "./engine-switch";

function switchTo(engine: "llama.cpp" | "vllm" | "mlx", from: Parameters<typeof engineSwitchNotes>[0]) {
  const after = { engine, quant: nearestFormat(from.quant, engine), kv: nearestKvType(from.kv, engine) };
  return { after, notes: engineSwitchNotes(from, after) };
}

describe("engineSwitchNotes", () => {
  it("says nothing when vLLM supports both the format and the KV type", () => {
    const { after, notes } = switchTo("vllm", { engine: "llama.cpp", quant: "BF16", kv: "bf16" });
    expect(after).toMatchObject({ quant: "BF16", kv: "bf16" });
    expect(notes).toEqual([]);
  });

  it("names the replaced GGUF format and the q8_0 cache (the reported silent swap)", () => {
    const { after, notes } = switchTo("vllm", { engine: "llama.cpp", quant: "Q5_K_M", kv: "q8_0" });
    expect(after.kv).toBe("fp8");
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain("Q5_K_M");
    expect(notes[0]).toContain("does not load GGUF files");
    expect(notes[1]).toBe(
      "KV cache q8_0 → fp8: vLLM has no q8_0 cache type; fp8 also stores 8 bits per element.",
    );
  });

  it("explains the way back to llama.cpp", () => {
    const { notes } = switchTo("llama.cpp", { engine: "vllm", quant: "AWQ-INT4", kv: "fp8" });
    expect(notes.join(" ")).toMatch(/AWQ INT4 → GGUF .*llama\.cpp does not load that checkpoint format/);
    expect(notes.join(" ")).toContain("fp8 → q8_0");
  });

  it("produces a note for every setting a switch replaces, and only those", () => {
    for (const format of WEIGHT_FORMATS) {
      for (const kv of KV_TYPES_BY_ENGINE["llama.cpp"]) {
        if (!format.engines.includes("llama.cpp")) continue;
        const { after, notes } = switchTo("vllm", { engine: "llama.cpp", quant: format.id, kv });
        const changed = Number(after.quant !== format.id) + Number(after.kv !== kv);
        expect(notes).toHaveLength(changed);
      }
    }
  });
});

describe("engineSwitchNotes: to MLX", () => {
  it("turns GGUF Q4_K_M into MLX 4-bit, both 4.5 bits per weight, and says why", () => {
    const { after, notes } = switchTo("mlx", { engine: "llama.cpp", quant: "Q4_K_M", kv: "f16" });
    expect(after).toEqual({ engine: "mlx", quant: "MLX-4bit", kv: "f16" });
    expect(notes).toEqual([
      "Weight format GGUF Q4_K_M → MLX 4-bit: MLX does not load GGUF files; MLX 4-bit is its format closest in bits per weight.",
    ]);
  });

  it("names the 16-bit cache that replaces a quantized one (mlx-lm's server keeps the model's dtype)", () => {
    const { after, notes } = switchTo("mlx", { engine: "vllm", quant: "FP8", kv: "fp8" });
    expect(after).toMatchObject({ quant: "MLX-8bit", kv: "f16" });
    expect(notes[1]).toBe("KV cache fp8 → f16: MLX has no fp8 cache type; its default 16-bit cache is used.");
  });

  it("keeps BF16 (the released checkpoint) and says nothing", () => {
    expect(switchTo("mlx", { engine: "llama.cpp", quant: "BF16", kv: "bf16" }).notes).toEqual([]);
  });
});

describe("MLX and the hardware", () => {
  // The real catalog: an RTX 4090 and the Macs beside it.
  const gpus = catalogGpus;
  const mlxOn = (gpu: string, gpu2: string | null = null) => ({
    engine: "mlx" as const,
    gpu,
    gpu2,
    gpus2: gpu2 === null ? 0 : 1,
  });

  it("has no complaint about a Mac, a custom size (read as a Mac) or another engine on a GeForce", () => {
    expect(engineHardwareProblem(mlxOn("m4-16gb"), gpus)).toBeNull();
    expect(engineHardwareProblem(mlxOn("custom"), gpus)).toBeNull();
    expect(engineHardwareProblem({ ...mlxOn("rtx-4090"), engine: "llama.cpp" }, gpus)).toBeNull();
  });

  it("names every non-Apple GPU MLX is asked to run on", () => {
    expect(engineHardwareProblem(mlxOn("rtx-4090"), gpus)).toBe(
      "MLX is estimated for Apple silicon only, not for the GeForce RTX 4090: pick a Mac, or use llama.cpp or vLLM on this GPU (mlx-lm's CUDA build for NVIDIA on Linux is not sized here).",
    );
    expect(engineHardwareProblem(mlxOn("m4-16gb", "rtx-3090"), gpus)).toContain(
      "not for the GeForce RTX 3090",
    );
  });

  it("moves a 24 GB GeForce to the smallest Mac with 24 GB, and drops a second GeForce", () => {
    const swap = macForMlx(mlxOn("rtx-4090", "rtx-3090"), gpus);
    const mac = gpus.find((g) => g.slug === swap?.patch.gpu);
    expect(mac?.category).toBe("apple-silicon");
    expect(mac?.memoryBytes).toBe(24 * 2 ** 30);
    expect(swap?.patch).toMatchObject({ gpu2: null, gpus2: 0 });
    expect(swap?.note).toBe(
      `Hardware GeForce RTX 4090 → ${mac?.name}, without the GeForce RTX 3090: MLX is estimated for Apple silicon only, so the Mac with the least memory that has at least as much is shown; pick your own Mac under Hardware.`,
    );
    expect(engineHardwareProblem({ engine: "mlx", ...swap!.patch }, gpus)).toBeNull();
  });

  it("leaves a Mac alone", () => {
    expect(macForMlx(mlxOn("m4-16gb"), gpus)).toBeNull();
  });
});
