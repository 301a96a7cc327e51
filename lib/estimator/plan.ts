/**
 * The fit planner: the one answer to "does this model run on this hardware, at this format and context?".
 * Every surface that shows a fit verdict (model pages, GPU pages, JSON, Markdown, the calculator) asks here.
 * It adds to the placement model (placement.ts) the rules a person needs to read the answer:
 * - the context limit of the model itself (native training context vs a RoPE-scaled extension);
 * - a smallest useful context, below which a setup does not count as running the model;
 * - offload to system RAM as its own verdict, with the host bytes explained and the speed cost.
 */
import type { ModelArchitecture } from "./config";
import { resolveInput, type EstimateInput } from "./estimate";
import type { Engine } from "./formats";
import {
  deviceMemories,
  planPlacement,
  type CpuBytesBreakdown,
  type Hardware,
  type Placement,
} from "./placement";
import { decodeTokensPerSecondUpperBound, decodeTokensPerSecondWithOffload } from "./throughput";

/**
 * Below 4,096 tokens a chat with a system prompt and a few turns no longer fits, so a setup that only holds a
 * shorter context is not counted as running the model (4K is also the smallest context of the Llama 2 era).
 */
export const MIN_USEFUL_CONTEXT_TOKENS = 4096;
const CONTEXT_PAD_TOKENS = 256;

/**
 * Host memory bandwidth assumed for offloaded layers when none is given: dual-channel DDR5-5600,
 * 5,600 MT/s × 8 bytes × 2 channels = 89.6 GB/s (JEDEC JESD79-5 transfer rate; a common desktop today).
 */
export const DEFAULT_HOST_BANDWIDTH_BYTES_PER_SECOND = 89.6e9;

export interface ContextLimits {
  /** What the config's max_position_embeddings allows without flags (capped at the stated context). */
  nativeTokens: number;
  /** The longest context the model supports, per its model card (≥ native). */
  maxTokens: number;
}

/**
 * Native vs extended context. When the model card states more than max_position_embeddings (Qwen3: 40,960
 * native, 131,072 with YaRN), the extra needs RoPE scaling switched on in the engine; when the config already
 * carries its rope_scaling (DeepSeek-V3's YaRN) the engines read it and max_position_embeddings is the limit.
 */
export function contextLimits(arch: ModelArchitecture, statedContextTokens?: number): ContextLimits {
  const native = arch.maxPositionEmbeddings;
  const stated = statedContextTokens ?? native;
  return { nativeTokens: Math.min(native, stated), maxTokens: Math.max(stated, 1) };
}

/** The smallest useful context for a model (its whole context when that is shorter than 4K). */
export function minUsefulContext(limits: ContextLimits): number {
  return Math.min(MIN_USEFUL_CONTEXT_TOKENS, limits.maxTokens);
}

export function needsRopeScaling(limits: ContextLimits, contextTokens: number): boolean {
  return contextTokens > limits.nativeTokens;
}

/**
 * Engine flags that switch YaRN on for a context beyond the native one. llama.cpp: --rope-scaling yarn
 * --rope-scale F --yarn-orig-ctx N (tools/server README); vLLM: --hf-overrides with a rope_scaling block.
 * Model cards give power-of-two factors over a round original context (Qwen3: factor 4 over 32,768 for 131,072,
 * although max_position_embeddings is 40,960), so F is the stated maximum over the native context rounded up to
 * a power of two, and N = maximum / F.
 */
export function ropeScalingFlags(limits: ContextLimits, engine: Engine, contextTokens: number): string[] {
  // mlx-lm has no flag for it: it reads rope_scaling from config.json (mlx_lm/models/rope_utils.py).
  if (engine === "mlx" || !needsRopeScaling(limits, contextTokens)) return [];
  const factor = 2 ** Math.ceil(Math.log2(limits.maxTokens / limits.nativeTokens));
  const originalTokens = Math.round(limits.maxTokens / factor);
  if (engine === "llama.cpp") {
    return [
      "--rope-scaling",
      "yarn",
      "--rope-scale",
      String(factor),
      "--yarn-orig-ctx",
      String(originalTokens),
    ];
  }
  const overrides = {
    rope_scaling: { rope_type: "yarn", factor, original_max_position_embeddings: originalTokens },
    max_position_embeddings: limits.maxTokens,
  };
  return ["--hf-overrides", `'${JSON.stringify(overrides)}'`];
}

export interface FitRequest {
  arch: ModelArchitecture;
  input: EstimateInput;
  /** GPUs (usable bytes) and, for llama.cpp offload, system RAM; no systemRamBytes = GPU only. */
  hardware: Hardware;
  limits: ContextLimits;
  /** Bandwidth of the slowest GPU, for the decode bound; null when unknown (a custom size). */
  gpuBandwidthBytesPerSecond?: number | null;
  hostBandwidthBytesPerSecond?: number;
}

/** gpu: everything the GPUs run is in GPU memory; offload: needs system RAM for layers or experts; none. */
export type FitKind = "gpu" | "offload" | "none";

export interface FitAnswer {
  kind: FitKind;
  fits: boolean;
  /** Why it does not fit, in words; null when it fits. */
  reason: string | null;
  gpuBytesPerDevice: number[];
  /** Host memory llama.cpp uses, by cause (token embeddings stay there even when every layer is on the GPU). */
  hostBytes: number;
  host: CpuBytesBreakdown;
  /** How the offload is done: GPU layers (-ngl) and layers whose experts stay on the CPU (--n-cpu-moe). */
  offload: { gpuLayers: number; totalLayers: number; cpuMoeLayers: number } | null;
  needsRopeScaling: boolean;
  /** Upper bound on decode tokens/s for this placement; null when it does not fit or bandwidth is unknown. */
  decodeTokensPerSecond: number | null;
  placement: Placement;
}

function noFit(placement: Placement, reason: string, ropeScaling: boolean): FitAnswer {
  return {
    kind: "none",
    fits: false,
    reason,
    gpuBytesPerDevice: placement.perDeviceBytes,
    hostBytes: placement.cpuBytes,
    host: placement.cpuBreakdown,
    offload: null,
    needsRopeScaling: ropeScaling,
    decodeTokensPerSecond: null,
    placement,
  };
}

export function planFit(request: FitRequest): FitAnswer {
  const { arch, hardware, limits } = request;
  const input = resolveInput(request.input);
  const placement = planPlacement(arch, input, hardware);
  const ropeScaling = needsRopeScaling(limits, input.contextTokens);
  if (input.contextTokens > limits.maxTokens) {
    return noFit(placement, `the model supports at most ${limits.maxTokens} tokens of context`, ropeScaling);
  }
  if (deviceMemories(hardware).length === 0) return noFit(placement, "no GPU", ropeScaling);
  // Offload that leaves no layer on the GPU is CPU inference, not a GPU setup.
  const offloadUsable = !placement.fitsInGpuOnly && placement.fits && placement.gpuLayers > 0;
  if (!placement.fitsInGpuOnly && !offloadUsable) {
    const ram = hardware.systemRamBytes;
    const reason =
      ram === undefined
        ? "does not fit in GPU memory"
        : placement.gpuLayers === 0
          ? "does not fit in GPU memory, and offload would leave no layer on the GPU"
          : "does not fit in GPU memory plus system RAM";
    return noFit(placement, reason, ropeScaling);
  }
  const gpuBandwidth = request.gpuBandwidthBytesPerSecond ?? null;
  let decode: number | null = null;
  if (gpuBandwidth !== null) {
    decode = placement.fitsInGpuOnly
      ? decodeTokensPerSecondUpperBound(arch, input, gpuBandwidth)
      : decodeTokensPerSecondWithOffload(
          arch,
          input,
          { gpuLayers: placement.gpuLayers, cpuMoeLayers: placement.offloadedExpertLayers },
          gpuBandwidth,
          request.hostBandwidthBytesPerSecond ?? DEFAULT_HOST_BANDWIDTH_BYTES_PER_SECOND,
        );
  }
  return {
    kind: placement.fitsInGpuOnly ? "gpu" : "offload",
    fits: true,
    reason: null,
    gpuBytesPerDevice: placement.perDeviceBytes,
    hostBytes: placement.cpuBytes,
    host: placement.cpuBreakdown,
    offload: placement.fitsInGpuOnly
      ? null
      : {
          gpuLayers: placement.gpuLayers,
          totalLayers: placement.totalLayers,
          cpuMoeLayers: placement.offloadedExpertLayers,
        },
    needsRopeScaling: ropeScaling,
    decodeTokensPerSecond: decode,
    placement,
  };
}

export interface LongestContext {
  /** Longest context that fits (tokens); 0 when not even the smallest useful context fits. */
  tokens: number;
  /** memory: more context would not fit; model: the model's own maximum is reached. */
  limit: "memory" | "model";
  needsRopeScaling: boolean;
  /** The verdict at that context: "gpu" or "offload"; "none" when tokens is 0. */
  kind: FitKind;
}

/**
 * Longest context that fits, by bisection on the planner's verdict (memory grows with context). With
 * `allowOffload` false only GPU-resident setups count.
 */
export function longestContext(
  request: Omit<FitRequest, "input"> & { input: Omit<EstimateInput, "contextTokens"> },
  allowOffload = true,
): LongestContext {
  const { limits } = request;
  const hardware: Hardware = allowOffload
    ? request.hardware
    : {
        gpuMemoryBytes: request.hardware.gpuMemoryBytes,
        gpuCount: request.hardware.gpuCount,
        ...(request.hardware.deviceMemoryBytes
          ? { deviceMemoryBytes: request.hardware.deviceMemoryBytes }
          : {}),
      };
  const at = (contextTokens: number) =>
    planFit({ ...request, hardware, input: { ...request.input, contextTokens } });
  const min = minUsefulContext(limits);
  const none: LongestContext = { tokens: 0, limit: "memory", needsRopeScaling: false, kind: "none" };
  const atMin = at(min);
  if (!atMin.fits) return none;
  const atMax = at(limits.maxTokens);
  if (atMax.fits) {
    return {
      tokens: limits.maxTokens,
      limit: "model",
      needsRopeScaling: atMax.needsRopeScaling,
      kind: atMax.kind,
    };
  }
  let lo = min;
  let hi = limits.maxTokens;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (at(mid).fits) lo = mid;
    else hi = mid;
  }
  // llama.cpp pads n_ctx up to a multiple of 256 (llama-context.cpp, GGML_PAD(n_ctx, 256)), so a memory-bound
  // answer is a multiple of 256 that still fits once padded.
  lo = Math.max(min, Math.floor(lo / CONTEXT_PAD_TOKENS) * CONTEXT_PAD_TOKENS);
  const best = at(lo);
  return { tokens: lo, limit: "memory", needsRopeScaling: best.needsRopeScaling, kind: best.kind };
}
