/**
 * estimateMemory: weights + KV cache + compute buffers + fixed overhead for one GPU-resident
 * deployment, with input validation shared by placement and throughput.
 */
import type { ModelArchitecture } from "./config";
import { MAX_CONTEXT_TOKENS } from "./config-rules";
import { isWeightFormat, weightBytes, weightFormatInfo, type Engine, type WeightFormat } from "./formats";
import { isKvCacheType, kvCacheBytes, KV_TYPES_BY_ENGINE, type KvCacheType } from "./kv-cache";
import { countParameters } from "./parameters";
import { recurrentStateBytes } from "./recurrent";
import { computeBytes, overheadBytesPerGpu } from "./runtime";

export interface EstimateInput {
  format: WeightFormat;
  contextTokens: number;
  kvCacheType?: KvCacheType; // default "f16"
  sequences?: number; // default 1 (parallel sequences, llama.cpp -np / vLLM batch)
  ubatchTokens?: number; // default 512
  engine?: Engine; // default "llama.cpp"
  flashAttention?: boolean; // default: engine default
}

export interface MemoryEstimate {
  /** active: as the family's model cards count it; activeCompute: what one token reads (one embedding row). */
  params: { total: number; active: number; activeCompute: number };
  bytes: {
    weights: number;
    kvCache: number;
    /** hybrids: convolution + SSM / linear-attention state, per sequence and independent of context (0 otherwise). */
    recurrentState: number;
    compute: number;
    overhead: number;
    total: number;
  };
}

/** EstimateInput with every default filled in. */
export interface ResolvedInput {
  format: WeightFormat;
  contextTokens: number;
  kvCacheType: KvCacheType;
  sequences: number;
  ubatchTokens: number;
  engine: Engine;
  flashAttention: boolean;
}

export const DEFAULTS = {
  kvCacheType: "f16" as KvCacheType,
  sequences: 1,
  ubatchTokens: 512,
  engine: "llama.cpp" as Engine,
  /**
   * llama.cpp: flash_attn_type defaults to auto, which enables FA on GPUs that support it (llama-context);
   * vLLM always uses a flash/paged attention kernel.
   */
  flashAttention: true,
};

function positiveInt(name: string, v: unknown, allowZero = false): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < (allowZero ? 0 : 1)) {
    throw new RangeError(
      `${name} must be a ${allowZero ? "non-negative" : "positive"} integer, got ${String(v)}`,
    );
  }
  return v;
}

/** Validate and fill defaults; throws RangeError with a clear message. */
export function resolveInput(input: EstimateInput): ResolvedInput {
  if (typeof input !== "object" || input === null) throw new RangeError("input must be an object");
  if (typeof input.format !== "string" || !isWeightFormat(input.format)) {
    throw new RangeError(`unknown weight format ${JSON.stringify(input.format)}`);
  }
  const engine = input.engine ?? DEFAULTS.engine;
  if (engine !== "llama.cpp" && engine !== "vllm" && engine !== "mlx")
    throw new RangeError(`unknown engine ${JSON.stringify(engine)}`);
  const info = weightFormatInfo(input.format);
  if (!info.engines.includes(engine)) {
    throw new RangeError(
      `format ${input.format} is not available on ${engine} (engines: ${info.engines.join(", ")})`,
    );
  }
  const contextTokens = positiveInt("contextTokens", input.contextTokens);
  if (contextTokens > MAX_CONTEXT_TOKENS) {
    throw new RangeError(
      `contextTokens must be at most ${MAX_CONTEXT_TOKENS.toLocaleString("en-US")} (16M tokens), got ${contextTokens}`,
    );
  }
  const kvCacheType = input.kvCacheType ?? DEFAULTS.kvCacheType;
  if (typeof kvCacheType !== "string" || !isKvCacheType(kvCacheType)) {
    throw new RangeError(`unknown KV cache type ${JSON.stringify(kvCacheType)}`);
  }
  if (!KV_TYPES_BY_ENGINE[engine].includes(kvCacheType)) {
    throw new RangeError(`KV cache type ${kvCacheType} is not available on ${engine}`);
  }
  const sequences = positiveInt("sequences", input.sequences ?? DEFAULTS.sequences);
  const ubatchTokens = positiveInt("ubatchTokens", input.ubatchTokens ?? DEFAULTS.ubatchTokens);
  const flashAttention = input.flashAttention ?? DEFAULTS.flashAttention;
  if (typeof flashAttention !== "boolean") throw new RangeError("flashAttention must be a boolean");
  // llama.cpp refuses a quantized V cache without flash attention (llama-context: "V cache quantization
  // requires flash_attn"); kvCacheType sets both K and V.
  if (engine === "llama.cpp" && !flashAttention && (kvCacheType === "q8_0" || kvCacheType === "q4_0")) {
    throw new RangeError(`llama.cpp needs flash attention for a ${kvCacheType} V cache`);
  }
  return {
    format: input.format,
    contextTokens,
    kvCacheType,
    sequences,
    ubatchTokens,
    engine,
    flashAttention,
  };
}

/**
 * Memory for the whole model on one device: weights (what the GGUF / checkpoint holds), KV cache for
 * `sequences` × `contextTokens` (attention layers only), recurrent state of hybrid models (per sequence),
 * the engine's compute buffers and the per-GPU fixed overhead.
 */
export function estimateMemory(arch: ModelArchitecture, input: EstimateInput): MemoryEstimate {
  const r = resolveInput(input);
  const weights = weightBytes(arch, r.format, r.engine);
  const kvCache = kvCacheBytes(arch, r);
  const recurrentState = recurrentStateBytes(arch, r);
  const compute = computeBytes(arch, r);
  const overhead = overheadBytesPerGpu(r.engine);
  const params = countParameters(arch);
  const bytes = {
    weights,
    kvCache,
    recurrentState,
    compute,
    overhead,
    total: weights + kvCache + recurrentState + compute + overhead,
  };
  for (const [name, value] of Object.entries({ ...params, ...bytes })) finiteResult(name, value);
  return { params, bytes };
}

/**
 * A figure that overflowed to Infinity or became NaN is an error, never a number on a page ("∞ GiB", "NaN %").
 * config-rules keeps sizes far from that; this guard holds for any architecture object passed in directly.
 */
export function finiteResult(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(
      `the estimate's ${name} is not a finite size (${String(value)}): the sizes are too large`,
    );
  }
  return value;
}
