/**
 * lib/estimator public API — the only door. Pure TypeScript: no React, Next, node:*, content imports.
 * Contract: docs/estimator-api.md.
 */
export {
  ConfigError,
  parseConfig,
  SUPPORTED_MODEL_TYPES,
  type AttentionKind,
  type LayerAttention,
  type LayerMixer,
  type LayerSpec,
  type MlaSpec,
  type ModelArchitecture,
  type MoeSpec,
  type RecurrentKind,
  type RecurrentSpec,
  type SupportedModelType,
} from "./config";
export {
  activeFraction,
  countParameters,
  listTensors,
  parameterBreakdown,
  tensorElements,
  type ParameterBreakdown,
  type TensorInfo,
  type TensorRole,
} from "./parameters";
export {
  ENGINES,
  GGML_TYPES,
  GGUF_FORMATS,
  INT4_GROUP_SIZE,
  WEIGHT_FORMATS,
  ggmlBitsPerWeight,
  ggmlRowBytes,
  ggufTensorBytes,
  isWeightFormat,
  tensorBytes,
  weightBytes,
  weightFormatInfo,
  type Engine,
  type GgmlType,
  type WeightFormat,
  type WeightFormatInfo,
} from "./formats";
export {
  recurrentElementsPerLayer,
  recurrentLayerCount,
  recurrentStateBytes,
  recurrentStatePerLayer,
} from "./recurrent";
export {
  KV_CACHE_TYPES,
  hasKv,
  KV_TYPES_BY_ENGINE,
  isKvCacheType,
  kvCacheBytes,
  kvCacheBreakdown,
  kvBytesReadPerToken,
  kvElementsPerToken,
  type KvCacheType,
} from "./kv-cache";
export {
  CUDA_CONTEXT_BYTES,
  computeBytes,
  llamaCppComputeBytes,
  llamaCppComputeParts,
  VLLM_CUDA_GRAPH_BYTES,
  VLLM_MAX_NUM_BATCHED_TOKENS,
  VLLM_MAX_NUM_SEQS,
  overheadBytesPerGpu,
  vllmActivationBytes,
} from "./runtime";
export {
  DEFAULTS,
  estimateMemory,
  resolveInput,
  type EstimateInput,
  type MemoryEstimate,
  type ResolvedInput,
} from "./estimate";
export {
  maxContextThatFits,
  planPlacement,
  smallestGpuCount,
  type Hardware,
  type Placement,
} from "./placement";
export { activeWeightBytes, decodeTokensPerSecondUpperBound } from "./throughput";
