// What a validation row is and how far an estimate may be from its source, with the reason for each tolerance
// (rendered on /methodology).
export type ValidationKind = "parameters" | "gguf" | "mlx" | "kv" | "recurrent" | "compute" | "vllm";
export const VALIDATION_KINDS: readonly ValidationKind[] = [
  "parameters",
  "gguf",
  "mlx",
  "kv",
  "recurrent",
  "compute",
  "vllm",
];

/**
 * - "checked": the row is asserted against its tolerance.
 * - "known-conflict": the source counts something differently from the estimator by definition
 *   (stated in `reason`); shown, asserted as a known failure.
 * - "out-of-scope": the measured setup is not one the estimator models (stated in `reason`); shown, not asserted.
 */
export type RowStatus = "checked" | "known-conflict" | "out-of-scope";

export interface ValidationRow {
  kind: ValidationKind;
  model: string;
  /** e.g. "Q4_K_M", "n_ctx 8192 f16", "total". */
  case: string;
  /** Config file the estimate was made from. */
  config: string;
  estimate: number;
  actual: number;
  unit: "parameters" | "bytes";
  /** 100 × (estimate − actual) / actual, rounded to 3 decimals. */
  errorPercent: number;
  tolerancePercent: number;
  status: RowStatus;
  reason: string | null;
  /** The figure as the source printed it. */
  reported: string;
  source: string;
}

/**
 * Tolerances, each with its reason (also rendered on /methodology).
 */
export const TOLERANCES = {
  parameters: {
    percent: 2,
    why:
      'Model cards round to two or three significant figures ("3.3B", "37B", "117B": up to ±1.5% from rounding alone) ' +
      "and llama.cpp prints two decimals; 2% absorbs that while still catching a missing or double-counted component " +
      "(the LM head alone is 6.5% of Llama 3.1 8B, one expert's share of a MoE is larger still).",
  },
  ggufDense: {
    percent: 1.5,
    why:
      "A GGUF file also holds its metadata (tokenizer vocabulary and merges, chat template: a few MB) and alignment padding, " +
      "and listings print GiB with two decimals; the tensor bytes themselves follow deterministically from the quant mix.",
  },
  ggufMoe: {
    percent: 3,
    why: "As for dense models, plus MoE-specific per-tensor type choices (expert, shared-expert and router tensors) in the quant mixes.",
  },
  mlx: {
    percent: 1,
    why:
      "MLX weights follow from the shapes and the group layout (values plus a 16-bit scale and bias per 64); Hugging Face " +
      "lists file sizes with three significant figures (up to ±0.5% from rounding, summed over shards), and the " +
      "safetensors header adds a few kB.",
  },
  kvExact: {
    percent: 0.01,
    why: "KV-cache bytes are fully determined by the shapes, cell count and cache type; engine logs print MiB with two decimals.",
  },
  kvRounded: {
    percent: 1,
    why: "Published tables print two or three significant figures.",
  },
  recurrent: {
    percent: 0.01,
    why: "Recurrent state is fully determined by the layer shapes and the number of sequences (f32 in llama.cpp); logs print MiB with two decimals.",
  },
  compute: {
    percent: 10,
    why:
      "llama.cpp sizes its compute buffer by planning one worst-case micro-batch through its allocator, which reuses memory " +
      "between layers; the estimate models the largest phase (the logits of the micro-batch, the feed-forward activations, " +
      "or the attention scores without flash attention), not every small tensor the graph keeps alive beside it. " +
      "Logs print MiB with two decimals.",
  },
  vllm: {
    percent: 5,
    why: "vLLM reports weight memory after loading (allocator rounding, CUDA graphs excluded) in GiB with two or four decimals.",
  },
} as const;
