/**
 * Numeric and structural rules for a parsed architecture: every size finite, whole and within a range that real
 * models stay far inside, and the attention layout consistent. Pure: no I/O.
 *
 * parseConfig calls `architectureProblem` once, on its result, so a link or file cannot turn an absurd config.json
 * into "∞ GiB", "NaN %" or a KV cache of zero: 1e308 hidden units, 0 KV heads, 40 KV heads for 32 query heads.
 * The ranges are generous (several times the largest published model) so no real config is refused; they exist to
 * keep every product of sizes far below 2^53 and every loop over layers or experts short.
 */
import type { ModelArchitecture } from "./config";
import { excerpt } from "./json-input";

/** The longest context accepted from a config (16M tokens; Llama 4 Scout, the longest published, has 10M). */
export const MAX_CONTEXT_TOKENS = 16 * 1024 * 1024;

interface Range {
  /** The config.json key that the value comes from, named in the message. */
  key: string;
  min: number;
  max: number;
}

/** Ranges for the architecture's sizes, named by the config.json key they are read from. */
export const FIELD_RANGES = {
  hiddenSize: { key: "hidden_size", min: 1, max: 262_144 },
  numLayers: { key: "num_hidden_layers", min: 1, max: 4096 },
  vocabSize: { key: "vocab_size", min: 1, max: 16_777_216 },
  maxPositionEmbeddings: { key: "max_position_embeddings", min: 1, max: MAX_CONTEXT_TOKENS },
  numAttentionHeads: { key: "num_attention_heads", min: 1, max: 16_384 },
  numKeyValueHeads: { key: "num_key_value_heads", min: 1, max: 16_384 },
  headDim: { key: "head_dim", min: 1, max: 16_384 },
  vHeadDim: { key: "v_head_dim", min: 1, max: 16_384 },
  intermediateSize: { key: "intermediate_size", min: 1, max: 2_097_152 },
  numExperts: { key: "num_experts", min: 1, max: 16_384 },
  expertIntermediateSize: { key: "moe_intermediate_size", min: 1, max: 2_097_152 },
  numSharedExperts: { key: "n_shared_experts", min: 0, max: 16_384 },
  sharedIntermediateSize: { key: "shared_expert_intermediate_size", min: 0, max: 16_777_216 },
  kvLoraRank: { key: "kv_lora_rank", min: 1, max: 262_144 },
  qLoraRank: { key: "q_lora_rank", min: 1, max: 262_144 },
  qkNopeHeadDim: { key: "qk_nope_head_dim", min: 0, max: 16_384 },
  qkRopeHeadDim: { key: "qk_rope_head_dim", min: 0, max: 16_384 },
  window: { key: "sliding_window", min: 1, max: 2 ** 31 },
} as const satisfies Record<string, Range>;

export interface RuleProblem {
  /** The config.json key at fault. */
  field: string;
  /** One line, starting with "config.json: ". */
  message: string;
}

function outOfRange(value: number, range: Range): RuleProblem | null {
  if (typeof value === "number" && Number.isInteger(value) && value >= range.min && value <= range.max) {
    // -0 passes Number.isInteger and >= 0; it is still zero KV heads.
    if (!(Object.is(value, -0) && range.min > 0)) return null;
  }
  const wanted =
    range.min === range.max
      ? `${range.min}`
      : `a whole number from ${range.min.toLocaleString("en-US")} to ${range.max.toLocaleString("en-US")}`;
  return {
    field: range.key,
    message: `config.json: "${range.key}" must be ${wanted}, got ${Object.is(value, -0) ? "-0" : excerpt(value)}`,
  };
}

/**
 * The first rule the architecture breaks, or null. Checks ranges first (so later arithmetic is on sane whole
 * numbers), then the structure: KV heads at most the query heads and a divisor of them (grouped-query attention
 * shares each KV head among an equal group of query heads: transformers' repeat_kv, llama.cpp's n_head / n_head_kv).
 */
export function architectureProblem(arch: ModelArchitecture): RuleProblem | null {
  const r = FIELD_RANGES;
  const checks: [number, Range][] = [
    [arch.hiddenSize, r.hiddenSize],
    [arch.numLayers, r.numLayers],
    [arch.vocabSize, r.vocabSize],
    [arch.maxPositionEmbeddings, r.maxPositionEmbeddings],
    [arch.numAttentionHeads, r.numAttentionHeads],
    [arch.numKeyValueHeads, r.numKeyValueHeads],
    [arch.headDim, r.headDim],
    [arch.vHeadDim, r.vHeadDim],
  ];
  // The dense FFN width only matters when some layer is dense (an all-MoE model may leave it unused).
  if (arch.moe === null || arch.layers.some((layer) => !layer.moe)) {
    checks.push([arch.intermediateSize, r.intermediateSize]);
  }
  if (arch.moe !== null) {
    checks.push(
      [arch.moe.numExperts, r.numExperts],
      [arch.moe.expertIntermediateSize, r.expertIntermediateSize],
      [arch.moe.numSharedExperts, r.numSharedExperts],
      [arch.moe.sharedIntermediateSize, r.sharedIntermediateSize],
    );
  }
  const mla = arch.attention.mla;
  if (mla !== null) {
    checks.push(
      [mla.kvLoraRank, r.kvLoraRank],
      [mla.qkNopeHeadDim, r.qkNopeHeadDim],
      [mla.qkRopeHeadDim, r.qkRopeHeadDim],
    );
    if (mla.qLoraRank !== null) checks.push([mla.qLoraRank, r.qLoraRank]);
  }
  for (const layer of arch.layers) {
    if (layer.window !== null) {
      checks.push([layer.window, r.window]);
      break; // every windowed layer of a config shares the same window key
    }
  }
  for (const [value, range] of checks) {
    const problem = outOfRange(value, range);
    if (problem) return problem;
  }

  const heads = arch.numAttentionHeads;
  const kvHeads = arch.numKeyValueHeads;
  if (kvHeads > heads) {
    return {
      field: "num_key_value_heads",
      message: `config.json: "num_key_value_heads" (${kvHeads}) must not exceed "num_attention_heads" (${heads})`,
    };
  }
  if (heads % kvHeads !== 0) {
    return {
      field: "num_key_value_heads",
      message: `config.json: "num_attention_heads" (${heads}) must be a multiple of "num_key_value_heads" (${kvHeads})`,
    };
  }
  if (arch.layers.length !== arch.numLayers) {
    return {
      field: "num_hidden_layers",
      message: `config.json: ${arch.layers.length} layer entries for "num_hidden_layers" ${arch.numLayers}`,
    };
  }
  return null;
}
