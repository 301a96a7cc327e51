// What an engine switch changed in the calculator, in words. The calculator keeps the weight format and KV-cache
// type when the new engine supports them (features/calculator/state normalizeState); when it cannot, the user is told
// what replaced them and why, instead of a silent swap. MLX also needs a Mac: the hardware follows, with a note.
import { WEIGHT_FORMATS } from "@/lib/estimator";
import type { Engine, KvCacheType, WeightFormat } from "@/lib/estimator";
import { ENGINE_LABELS } from "@/features/calculator/state";
import type { CalculatorState } from "@/features/calculator/state";
import type { CalculatorGpuOption } from "./results";

export interface EngineSettings {
  engine: Engine;
  quant: WeightFormat;
  kv: KvCacheType;
}

const formatLabel = (id: WeightFormat) => WEIGHT_FORMATS.find((f) => f.id === id)?.label ?? id;

/** One sentence per replaced setting; empty when the switch kept everything. */
export function engineSwitchNotes(before: EngineSettings, after: EngineSettings): string[] {
  if (before.engine === after.engine) return [];
  const engine = ENGINE_LABELS[after.engine];
  const notes: string[] = [];
  if (before.quant !== after.quant) {
    const kind = before.engine === "llama.cpp" ? "GGUF files" : "that checkpoint format";
    notes.push(
      `Weight format ${formatLabel(before.quant)} → ${formatLabel(after.quant)}: ${engine} does not load ${kind}; ` +
        `${formatLabel(after.quant)} is its format closest in bits per weight.`,
    );
  }
  if (before.kv !== after.kv) {
    const why =
      after.kv === "f16" ? "its default 16-bit cache is used" : `${after.kv} also stores 8 bits per element`;
    notes.push(`KV cache ${before.kv} → ${after.kv}: ${engine} has no ${before.kv} cache type; ${why}.`);
  }
  return notes;
}

/** The catalog category of Apple silicon Macs (content/gpus.json). */
export const APPLE_SILICON_CATEGORY = "apple-silicon";

type GpuFacts = Pick<CalculatorGpuOption, "slug" | "name" | "category" | "memoryBytes">;
type HardwareSettings = Pick<CalculatorState, "engine" | "gpu" | "gpu2" | "gpus2">;

/**
 * Why the engine's figures do not apply to the chosen hardware, in one sentence; null when they do. The MLX
 * estimate is mlx-lm on Apple silicon: Metal buffers within the Mac's GPU working-set limit (mlx_lm/server.py sets
 * mx.set_wired_limit to max_recommended_working_set_size). mlx-lm also ships a CUDA build for NVIDIA on Linux
 * (setup.py extras cuda12 / cuda13) that this estimate does not size, and there is no AMD or Intel backend. A custom
 * memory size is read as a Mac's unified memory.
 */
export function engineHardwareProblem(state: HardwareSettings, gpus: readonly GpuFacts[]): string | null {
  if (state.engine !== "mlx") return null;
  const notMac = (slug: string | null) => {
    const gpu = gpus.find((g) => g.slug === slug);
    return gpu !== undefined && gpu.category !== APPLE_SILICON_CATEGORY ? gpu.name : null;
  };
  const names = [notMac(state.gpu), state.gpus2 > 0 ? notMac(state.gpu2) : null].filter(
    (name): name is string => name !== null,
  );
  if (names.length === 0) return null;
  return (
    `MLX is estimated for Apple silicon only, not for the ${names.join(" or the ")}: pick a Mac, or use ` +
    "llama.cpp or vLLM on this GPU (mlx-lm's CUDA build for NVIDIA on Linux is not sized here)."
  );
}

/**
 * Switching to MLX from a GPU that cannot run it: the Mac with the least memory that still has at least the GPU's
 * (the same question asked of a Mac), or the largest Mac; a second, non-Apple GPU type is dropped. Null when the
 * hardware can stay as it is.
 */
export function macForMlx(
  state: HardwareSettings,
  gpus: readonly GpuFacts[],
): { patch: Pick<CalculatorState, "gpu" | "gpu2" | "gpus2">; note: string } | null {
  if (engineHardwareProblem(state, gpus) === null) return null;
  const current = gpus.find((g) => g.slug === state.gpu);
  const macs = gpus.filter((g) => g.category === APPLE_SILICON_CATEGORY);
  const bySize = [...macs].sort((a, b) => a.memoryBytes - b.memoryBytes);
  const mac =
    current?.category === APPLE_SILICON_CATEGORY
      ? current
      : (bySize.find((g) => g.memoryBytes >= (current?.memoryBytes ?? 0)) ?? bySize[bySize.length - 1]);
  if (mac === undefined) return null;
  const second = gpus.find((g) => g.slug === state.gpu2);
  const keepSecond = second?.category === APPLE_SILICON_CATEGORY;
  const patch = { gpu: mac.slug, gpu2: keepSecond ? state.gpu2 : null, gpus2: keepSecond ? state.gpus2 : 0 };
  const dropped =
    !keepSecond && state.gpu2 !== null && state.gpus2 > 0 && second ? `, without the ${second.name}` : "";
  const from = current && current.slug !== mac.slug ? `${current.name} → ${mac.name}` : mac.name;
  const which =
    current && current.slug !== mac.slug
      ? mac.memoryBytes >= current.memoryBytes
        ? "the Mac with the least memory that has at least as much"
        : "the Mac with the most memory"
      : "a Mac";
  return {
    patch,
    note: `Hardware ${from}${dropped}: MLX is estimated for Apple silicon only, so ${which} is shown; pick your own Mac under Hardware.`,
  };
}
