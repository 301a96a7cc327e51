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
export { FIELD_RANGES, MAX_CONTEXT_TOKENS, architectureProblem, type RuleProblem } from "./config-rules";
export {
  JSON_INPUT_LIMITS,
  JsonInputError,
  excerpt,
  parseJsonInput,
  stringifyJsonInput,
  type JsonInputOptions,
} from "./json-input";
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
export { averageBitsPerWeight } from "./bits-per-weight";
export {
  ENGINES,
  GGML_TYPES,
  GGUF_FORMATS,
  INT4_GROUP_SIZE,
  MLX_FORMAT_BITS,
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
  MLX_GROUP_SIZE,
  MLX_KV_STEP_TOKENS,
  MLX_PREFILL_STEP_TOKENS,
  mlxQuantizedBytes,
  mlxTensorBits,
} from "./mlx";
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
  mlxActivationBytes,
  VLLM_CUDA_GRAPH_BYTES,
  VLLM_MAX_NUM_BATCHED_TOKENS,
  VLLM_MAX_NUM_SEQS,
  overheadBytesPerGpu,
  vllmActivationBytes,
} from "./runtime";
export {
  DEFAULTS,
  estimateMemory,
  finiteResult,
  resolveInput,
  type EstimateInput,
  type MemoryEstimate,
  type ResolvedInput,
} from "./estimate";
export {
  contextLimits,
  DEFAULT_HOST_BANDWIDTH_BYTES_PER_SECOND,
  longestContext,
  MIN_USEFUL_CONTEXT_TOKENS,
  minUsefulContext,
  needsRopeScaling,
  planFit,
  ropeScalingFlags,
  type ContextLimits,
  type FitAnswer,
  type FitKind,
  type FitRequest,
  type LongestContext,
} from "./plan";
export {
  estimateVisionTower,
  parseVisionTower,
  VISION_COMPUTE_MEASURED,
  type VisionFamily,
  type VisionTower,
  type VisionTowerEstimate,
} from "./vision";
export {
  deviceMemories,
  maxContextThatFits,
  planPlacement,
  type CpuBytesBreakdown,
  smallestGpuCount,
  type Hardware,
  type Placement,
} from "./placement";
export {
  activeWeightBytes,
  decodeTokensPerSecondUpperBound,
  decodeTokensPerSecondWithOffload,
  prefillEstimate,
  prefillFlops,
  type PrefillDevice,
  type PrefillEstimate,
} from "./throughput";
export {
  amdApuDefaultGttBytes,
  amdApuTtmPagesLimitParameter,
  appleDefaultWorkingSetBytes,
  appleWiredLimitCommand,
  OS_RESERVE_BYTES,
  raisedUsableGpuBytes,
  raiseLimitHow,
  usableGpuBytes,
  type MemoryPlatform,
} from "./hardware";
export { GIB } from "./units";
