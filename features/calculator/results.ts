// What the calculator shows for a state: every figure comes from lib/estimator; this module only picks the inputs
// (model architecture, hardware) and the engine-specific command. Pure, so it runs the same on the server (default
// state) and in the island (every change), and vitest can check it.
import {
  contextLimits,
  estimateMemory,
  longestContext,
  parseConfig,
  planFit,
  ropeScalingFlags,
  usableGpuBytes,
} from "@/lib/estimator";
import type {
  EstimateInput,
  FitAnswer,
  Hardware,
  LongestContext,
  MemoryEstimate,
  ModelArchitecture,
  Placement,
} from "@/lib/estimator";
import { CUSTOM, readCustomConfig } from "@/features/calculator/state";
import { GIB } from "@/lib/estimator/units";
import type { CalculatorState } from "@/features/calculator/state";
import { calculatorEvidence } from "@/lib/evidence/calculator-evidence";
import type { CalculatorEvidence } from "@/lib/evidence/calculator-evidence";
import { buildLaunchCommand } from "@/features/calculator/launch-command";
import type { LaunchCommand } from "@/features/calculator/launch-command";
import { engineHardwareProblem } from "@/features/calculator/engine-switch";
import { catalogConfig } from "@/features/calculator/catalog-configs";

/** One catalog model as the island receives it: serializable, no content-layer objects. */
export interface CalculatorModelOption {
  slug: string;
  name: string;
  contextLength: number;
  huggingFaceId: string;
  /**
   * The model's config.json fields that lib/estimator reads (features/calculator/server-catalog.ts), verbatim: on the
   * default model only; the others come from ./catalog-configs after first paint.
   */
  config?: Record<string, unknown>;
}

export interface CalculatorGpuOption {
  slug: string;
  name: string;
  category: string;
  categoryLabel: string;
  memoryBytes: number;
  /** What the GPU may use: the whole card, or the default GPU share of unified memory. */
  usableBytes: number;
  bandwidthBytesPerSecond: number;
  unifiedMemory: boolean;
}

/** A catalog model whose config is not loaded yet (./catalog-configs): a wait, not an error in the settings. */
export class ConfigPendingError extends Error {
  constructor(modelName: string) {
    super(`the configuration of ${modelName} is loading`);
    this.name = "ConfigPendingError";
  }
}

const archCache = new Map<string, ModelArchitecture>();

/** The architecture of the state's model (parsed once per model / config text). */
export function architectureOf(
  state: CalculatorState,
  models: readonly CalculatorModelOption[],
): ModelArchitecture {
  const key = state.model === CUSTOM ? `custom:${state.config ?? ""}` : state.model;
  const cached = archCache.get(key);
  if (cached) return cached;
  let arch: ModelArchitecture;
  if (state.model === CUSTOM) {
    const custom = readCustomConfig(state.config ?? "");
    if (!custom.ok) throw new RangeError(custom.message);
    arch = custom.architecture;
  } else {
    const model = models.find((m) => m.slug === state.model);
    if (!model) throw new RangeError(`unknown model ${state.model}`);
    const config = catalogConfig(model);
    if (!config) throw new ConfigPendingError(model.name);
    arch = parseConfig(config);
  }
  if (archCache.size > 64) archCache.clear();
  archCache.set(key, arch);
  return arch;
}

export interface ModelInfo {
  name: string;
  huggingFaceId: string | null;
  maxContext: number;
}

export function modelInfo(
  state: CalculatorState,
  models: readonly CalculatorModelOption[],
  arch: ModelArchitecture,
): ModelInfo {
  if (state.model === CUSTOM) {
    return {
      name: `Custom ${arch.modelType} model`,
      huggingFaceId: null,
      maxContext: arch.maxPositionEmbeddings,
    };
  }
  const model = models.find((m) => m.slug === state.model);
  return {
    name: model?.name ?? state.model,
    huggingFaceId: model?.huggingFaceId ?? null,
    maxContext: model?.contextLength ?? arch.maxPositionEmbeddings,
  };
}

export interface GpuChoice {
  name: string;
  memoryBytes: number;
  usableBytes: number;
  bandwidthBytesPerSecond: number | null;
  unifiedMemory: boolean;
}

export function gpuChoice(state: CalculatorState, gpus: readonly CalculatorGpuOption[]): GpuChoice {
  if (state.gpu === CUSTOM) {
    const gb = state.vram ?? 0;
    // MLX runs on a Mac: a custom size is its unified memory, of which the GPU may use the default share.
    if (state.engine === "mlx" && gb > 0) {
      const memoryBytes = Math.round(gb * GIB);
      const usableBytes = usableGpuBytes(memoryBytes, "apple-silicon");
      return {
        name: `${gb} GB Mac`,
        memoryBytes,
        usableBytes,
        bandwidthBytesPerSecond: null,
        unifiedMemory: true,
      };
    }
    return {
      name: `${gb} GB GPU`,
      memoryBytes: Math.round(gb * GIB),
      usableBytes: Math.round(gb * GIB),
      bandwidthBytesPerSecond: null,
      unifiedMemory: false,
    };
  }
  const gpu = gpus.find((g) => g.slug === state.gpu) ?? gpus[0];
  if (!gpu) {
    return {
      name: "GPU",
      memoryBytes: 0,
      usableBytes: 0,
      bandwidthBytesPerSecond: null,
      unifiedMemory: false,
    };
  }
  return {
    name: gpu.name,
    memoryBytes: gpu.memoryBytes,
    usableBytes: gpu.usableBytes,
    bandwidthBytesPerSecond: gpu.bandwidthBytesPerSecond,
    unifiedMemory: gpu.unifiedMemory,
  };
}

export interface CalculatorResults {
  model: ModelInfo;
  gpu: GpuChoice;
  input: EstimateInput;
  hardware: Hardware;
  estimate: MemoryEstimate;
  placement: Placement;
  /** The fit planner's verdict for these settings (the same planner as every page). */
  fit: FitAnswer;
  /** Longest context that fits with these settings (offload included when RAM is given); 0 below 4K. */
  longest: LongestContext;
  /** Largest context (≤ the model's maximum) that fits fully in GPU memory with these settings; 0 if none. */
  maxContextOnGpu: number;
  /** Every GPU in device order, with what it may use. */
  devices: { name: string; usableBytes: number }[];
  /** Upper bound on decode tokens/s summed over the sequences, or null with the reason. */
  decodeBound:
    | { tokensPerSecond: number; bandwidthBytesPerSecond: number; offloaded: boolean }
    | { tokensPerSecond: null; reason: string };
  command: LaunchCommand;
  attentionHeads: number;
  /** Why the engine's figures do not apply to this hardware (MLX on a non-Apple GPU); null when they do. */
  engineProblem: string | null;
  /** Prefill (time to first token) and the best-quality format that fits (lib/evidence). */
  evidence: CalculatorEvidence;
}

export function estimateInputOf(state: CalculatorState): EstimateInput {
  return {
    format: state.quant,
    contextTokens: state.context,
    kvCacheType: state.kv,
    sequences: state.seqs,
    engine: state.engine,
  };
}

/** Mixed cards: the second GPU type of the state, or null. */
export function secondGpuOf(
  state: CalculatorState,
  gpus: readonly CalculatorGpuOption[],
): CalculatorGpuOption | null {
  if (state.gpu2 === null || state.gpus2 <= 0) return null;
  return gpus.find((g) => g.slug === state.gpu2) ?? null;
}

/** Usable bytes of every GPU, in device order: the main type first, then the second type. */
export function deviceMemoriesOf(
  state: CalculatorState,
  gpu: GpuChoice,
  second: CalculatorGpuOption | null,
): number[] {
  return [
    ...new Array<number>(state.gpus).fill(gpu.usableBytes),
    ...(second ? new Array<number>(state.gpus2).fill(second.usableBytes) : []),
  ];
}

export function hardwareOf(
  state: CalculatorState,
  gpu: GpuChoice,
  second: CalculatorGpuOption | null = null,
): Hardware {
  // Only llama.cpp can run layers or experts from system RAM; 0 GB means "no offload"; unified memory has no
  // separate system RAM to offload to.
  const offload = state.engine === "llama.cpp" && state.ram > 0 && !gpu.unifiedMemory;
  const mixed = second !== null;
  return {
    gpuMemoryBytes: gpu.usableBytes,
    gpuCount: state.gpus + (mixed ? state.gpus2 : 0),
    ...(mixed ? { deviceMemoryBytes: deviceMemoriesOf(state, gpu, second) } : {}),
    ...(offload ? { systemRamBytes: Math.round(state.ram * GIB) } : {}),
  };
}

/** Every figure the calculator shows for a state. Throws RangeError for a state the estimator refuses. */
export function deriveResults(
  state: CalculatorState,
  models: readonly CalculatorModelOption[],
  gpus: readonly CalculatorGpuOption[],
): CalculatorResults {
  const arch = architectureOf(state, models);
  const model = modelInfo(state, models, arch);
  const gpu = gpuChoice(state, gpus);
  const second = secondGpuOf(state, gpus);
  const input = estimateInputOf(state);
  const hardware = hardwareOf(state, gpu, second);
  const devices = deviceMemoriesOf(state, gpu, second);
  // A layer split runs at the pace of its slowest card; use that card's bandwidth for the bound.
  const slowestBandwidth =
    gpu.bandwidthBytesPerSecond === null
      ? null
      : Math.min(gpu.bandwidthBytesPerSecond, second?.bandwidthBytesPerSecond ?? Infinity);
  const estimate = estimateMemory(arch, input);
  const limits = contextLimits(arch, model.maxContext);
  const request = {
    arch,
    hardware,
    limits,
    gpuBandwidthBytesPerSecond: slowestBandwidth,
  };
  const engineProblem = engineHardwareProblem(state, gpus);
  const planned = planFit({ ...request, input });
  // No verdict for hardware the engine is not sized for: "does not fit" would be as wrong as "fits".
  const fit = engineProblem
    ? { ...planned, kind: "none" as const, fits: false, reason: engineProblem }
    : planned;
  const placement = fit.placement;
  const withoutContext = {
    format: input.format,
    kvCacheType: state.kv,
    sequences: state.seqs,
    engine: state.engine,
  };
  const longest = engineProblem
    ? { tokens: 0, limit: "memory" as const, needsRopeScaling: false, kind: "none" as const }
    : longestContext({ ...request, input: withoutContext }, hardware.systemRamBytes !== undefined);
  const maxContextOnGpu = longestContext({ ...request, input: withoutContext }, false).tokens;

  let decodeBound: CalculatorResults["decodeBound"];
  if (gpu.bandwidthBytesPerSecond === null) {
    decodeBound = {
      tokensPerSecond: null,
      reason: "needs a GPU from the list (a custom size has no bandwidth)",
    };
  } else if (engineProblem) {
    decodeBound = { tokensPerSecond: null, reason: "MLX needs a Mac" };
  } else if (!fit.fits || fit.decodeTokensPerSecond === null) {
    decodeBound = { tokensPerSecond: null, reason: "these settings do not fit" };
  } else {
    // llama.cpp runs the layer split one GPU after another: one GPU's bandwidth. vLLM tensor parallelism reads
    // every GPU's shard at once: the bandwidths add up.
    const scale = state.engine === "vllm" ? devices.length : 1;
    decodeBound = {
      tokensPerSecond: fit.decodeTokensPerSecond * scale,
      bandwidthBytesPerSecond: (slowestBandwidth ?? gpu.bandwidthBytesPerSecond) * scale,
      offloaded: fit.kind === "offload",
    };
  }

  const command = buildLaunchCommand({
    engine: state.engine,
    format: state.quant,
    contextTokens: state.context,
    kvCacheType: state.kv,
    sequences: state.seqs,
    gpuCount: devices.length,
    deviceMemoryBytes: devices,
    huggingFaceId: model.huggingFaceId,
    attentionHeads: arch.numAttentionHeads,
    placement,
    gpuMemoryBytes: gpu.usableBytes,
    cacheBytes: estimate.bytes.kvCache + estimate.bytes.recurrentState,
    nativeContextTokens: limits.nativeTokens,
    ropeScalingFlags: ropeScalingFlags(limits, state.engine, state.context),
  });

  return {
    model,
    gpu,
    input,
    hardware,
    estimate,
    placement,
    fit,
    longest,
    maxContextOnGpu,
    devices: [
      ...new Array<number>(state.gpus).fill(0).map(() => ({ name: gpu.name, usableBytes: gpu.usableBytes })),
      ...(second
        ? new Array<number>(state.gpus2)
            .fill(0)
            .map(() => ({ name: second.name, usableBytes: second.usableBytes }))
        : []),
    ],
    decodeBound,
    command,
    attentionHeads: arch.numAttentionHeads,
    engineProblem,
    evidence: calculatorEvidence({
      arch,
      modelSlug: state.model === CUSTOM ? null : state.model,
      input,
      gpu: { slug: state.gpu === CUSTOM ? null : state.gpu, ...gpu },
      gpuCount: devices.length,
      maxContextTokens: model.maxContext,
      ...(second ? { deviceMemoryBytes: devices } : {}),
      fitsInGpuOnly: placement.fitsInGpuOnly,
    }),
  };
}
