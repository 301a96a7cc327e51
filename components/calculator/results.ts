// What the calculator shows for a state: every figure comes from lib/estimator; this module only picks the inputs
// (model architecture, hardware) and the engine-specific command. Pure, so it runs the same on the server (default
// state) and in the island (every change), and vitest can check it.
import {
  decodeTokensPerSecondUpperBound,
  estimateMemory,
  maxContextThatFits,
  parseConfig,
  planPlacement,
} from "@/lib/estimator";
import type { EstimateInput, Hardware, MemoryEstimate, ModelArchitecture, Placement } from "@/lib/estimator";
import { CUSTOM, readCustomConfig } from "@/lib/calculator-state";
import type { CalculatorState } from "@/lib/calculator-state";
import { calculatorEvidence } from "@/lib/evidence/calculator-evidence";
import type { CalculatorEvidence } from "@/lib/evidence/calculator-evidence";
import { buildLaunchCommand } from "@/lib/launch-command";
import type { LaunchCommand } from "@/lib/launch-command";

/** One catalog model as the island receives it: serializable, no content-layer objects. */
export interface CalculatorModelOption {
  slug: string;
  name: string;
  contextLength: number;
  huggingFaceId: string;
  /** The raw config.json fields from the model's frontmatter. */
  config: Record<string, unknown>;
}

export interface CalculatorGpuOption {
  slug: string;
  name: string;
  category: string;
  categoryLabel: string;
  memoryBytes: number;
  bandwidthBytesPerSecond: number;
  unifiedMemory: boolean;
}

export const GIB = 1024 ** 3;

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
    arch = parseConfig(model.config);
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
  bandwidthBytesPerSecond: number | null;
  unifiedMemory: boolean;
}

export function gpuChoice(state: CalculatorState, gpus: readonly CalculatorGpuOption[]): GpuChoice {
  if (state.gpu === CUSTOM) {
    const gb = state.vram ?? 0;
    return {
      name: `${gb} GB GPU`,
      memoryBytes: Math.round(gb * GIB),
      bandwidthBytesPerSecond: null,
      unifiedMemory: false,
    };
  }
  const gpu = gpus.find((g) => g.slug === state.gpu) ?? gpus[0];
  if (!gpu) return { name: "GPU", memoryBytes: 0, bandwidthBytesPerSecond: null, unifiedMemory: false };
  return {
    name: gpu.name,
    memoryBytes: gpu.memoryBytes,
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
  /** Largest context (≤ the model's maximum) that fits fully in GPU memory with these settings; 0 if none. */
  maxContextOnGpu: number;
  /** Upper bound on decode tokens/s summed over the sequences, or null with the reason. */
  decodeBound:
    { tokensPerSecond: number; bandwidthBytesPerSecond: number } | { tokensPerSecond: null; reason: string };
  command: LaunchCommand;
  attentionHeads: number;
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

export function hardwareOf(state: CalculatorState, gpu: GpuChoice): Hardware {
  // Only llama.cpp can run layers or experts from system RAM; 0 GB means "no offload".
  const offload = state.engine === "llama.cpp" && state.ram > 0;
  return {
    gpuMemoryBytes: gpu.memoryBytes,
    gpuCount: state.gpus,
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
  const input = estimateInputOf(state);
  const hardware = hardwareOf(state, gpu);
  const estimate = estimateMemory(arch, input);
  const placement = planPlacement(arch, input, hardware);
  // Bounded by the model's stated context rather than the config's max_position_embeddings (they differ when a
  // model card states a RoPE-scaled context); fitting in GPU memory does not depend on system RAM.
  const gpuOnly: Hardware = { gpuMemoryBytes: hardware.gpuMemoryBytes, gpuCount: hardware.gpuCount };
  const withoutContext = {
    format: input.format,
    kvCacheType: state.kv,
    sequences: state.seqs,
    engine: state.engine,
  };
  const maxContextOnGpu = Math.min(
    model.maxContext,
    maxContextThatFits({ ...arch, maxPositionEmbeddings: model.maxContext }, withoutContext, gpuOnly),
  );

  let decodeBound: CalculatorResults["decodeBound"];
  if (gpu.bandwidthBytesPerSecond === null) {
    decodeBound = {
      tokensPerSecond: null,
      reason: "needs a GPU from the list (a custom size has no bandwidth)",
    };
  } else if (!placement.fitsInGpuOnly) {
    decodeBound = { tokensPerSecond: null, reason: "only computed when everything is in GPU memory" };
  } else {
    // llama.cpp runs the layer split one GPU after another: one GPU's bandwidth. vLLM tensor parallelism reads
    // every GPU's shard at once: the bandwidths add up.
    const bandwidth =
      state.engine === "vllm" ? gpu.bandwidthBytesPerSecond * state.gpus : gpu.bandwidthBytesPerSecond;
    decodeBound = {
      tokensPerSecond: decodeTokensPerSecondUpperBound(arch, input, bandwidth),
      bandwidthBytesPerSecond: bandwidth,
    };
  }

  const command = buildLaunchCommand({
    engine: state.engine,
    format: state.quant,
    contextTokens: state.context,
    kvCacheType: state.kv,
    sequences: state.seqs,
    gpuCount: state.gpus,
    huggingFaceId: model.huggingFaceId,
    attentionHeads: arch.numAttentionHeads,
    placement,
    gpuMemoryBytes: gpu.memoryBytes,
  });

  return {
    model,
    gpu,
    input,
    hardware,
    estimate,
    placement,
    maxContextOnGpu,
    decodeBound,
    command,
    attentionHeads: arch.numAttentionHeads,
    evidence: calculatorEvidence({
      arch,
      modelSlug: state.model === CUSTOM ? null : state.model,
      input,
      gpu: { slug: state.gpu === CUSTOM ? null : state.gpu, ...gpu },
      gpuCount: state.gpus,
      fitsInGpuOnly: placement.fitsInGpuOnly,
    }),
  };
}
