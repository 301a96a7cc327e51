/**
 * Parse a Hugging Face config.json (or a frontmatter object with the same keys) into a
 * normalized, serializable ModelArchitecture. Pure: no I/O.
 *
 * Each family's keys are read by its adapter in ./architectures (one file per family, one table line in
 * architectures/index.ts); defaults follow the transformers configuration classes (configuration_<model>.py).
 */
import { adapterFor, MODEL_TYPES } from "./architectures";
import { ConfigError, isObj, Reader, type Obj } from "./architectures/reader";
import type { ArchDraft, BaseFields, LayerSpec, ModelArchitecture } from "./architectures/types";
import { architectureProblem } from "./config-rules";
import { excerpt } from "./json-input";
import { parseVisionTower } from "./vision";

export { ConfigError } from "./architectures/reader";
export type {
  AttentionKind,
  LayerAttention,
  LayerMixer,
  LayerSpec,
  MlaSpec,
  ModelArchitecture,
  MoeSpec,
  RecurrentKind,
  RecurrentSpec,
} from "./architectures/types";

/** Every model_type the estimator parses, in table order. */
export const SUPPORTED_MODEL_TYPES: readonly string[] = MODEL_TYPES;
export type SupportedModelType = string;

function layerTypesFrom(r: Reader, n: number, window: number | null): LayerSpec[] | null {
  const types = r.strArray("layer_types");
  if (!types) return null;
  if (types.length !== n) {
    throw new ConfigError(
      "layer_types",
      `config.json: "layer_types" has ${types.length} entries, expected ${n}`,
    );
  }
  return types.map((t) => {
    if (t === "sliding_attention" || t === "sliding") {
      if (window === null)
        throw new ConfigError("sliding_window", `config.json: missing "sliding_window" (number)`);
      return { attention: "sliding" as const, window, moe: false };
    }
    if (t === "chunked_attention") {
      if (window === null)
        throw new ConfigError("attention_chunk_size", `config.json: missing "attention_chunk_size" (number)`);
      return { attention: "chunked" as const, window, moe: false };
    }
    return { attention: "full" as const, window: null, moe: false };
  });
}

function dtypeOf(r: Reader): ModelArchitecture["nativeDtype"] {
  const q = r.raw("quantization_config");
  if (isObj(q)) {
    const m = q["quant_method"];
    if (m === "fp8") return "fp8";
    if (m === "mxfp4") return "mxfp4";
  }
  if (r.str("model_type") === "gpt_oss" && !isObj(q)) return "mxfp4";
  const d = r.str("torch_dtype") ?? r.str("dtype");
  if (d === "float16") return "float16";
  if (d === "float32") return "float32";
  return "bfloat16";
}

/** Upper bound on num_hidden_layers accepted from a config.json. */
export const MAX_LAYERS = 4096;

/** Llama-style defaults every adapter starts from. */
function newDraft(r: Reader, base: BaseFields, numKeyValueHeads: number): ArchDraft {
  const headDim = r.optInt("head_dim") ?? Math.floor(base.hiddenSize / base.numAttentionHeads);
  return {
    headDim,
    vHeadDim: headDim,
    kind: "gqa",
    mla: null,
    qkvBias: false,
    outputBias: false,
    qkNorm: false,
    sinks: false,
    fused: false,
    gatedQuery: false,
    qkNormFull: false,
    normsPerLayer: 2,
    mlpBias: r.bool("mlp_bias", false),
    moe: null,
    mxfp4Experts: false,
    llamaCppWindowedCache: false,
    moeLayer: () => false,
    windowDefault: null,
    layerAttn: () => ({ attention: "full", window: null }),
    layerMixer: null,
    layerHasFfn: null,
    recurrent: null,
    ungatedFfn: false,
    denseIntermediate: base.intermediateSize,
    numKeyValueHeads,
    useLayerTypes: true,
    mtpLayers: 0,
    mtpVocabTensors: false,
    layerExtra: null,
    perLayerInput: null,
    layerScalar: false,
    parallelRecurrent: false,
    indexer: null,
  };
}

/**
 * Accepts a Hugging Face config.json object (top-level or with nested `text_config`),
 * applying model_type defaults. Throws ConfigError naming the offending field.
 */
export function parseConfig(config: unknown): ModelArchitecture {
  const arch = parseConfigFields(config);
  // One place for the numeric and structural rules (ranges, KV heads), whatever the model type.
  const problem = architectureProblem(arch);
  if (problem) throw new ConfigError(problem.field, problem.message);
  // Multimodal configs: the vision tower is a figure of its own (vision.ts), never part of the text estimate.
  const vision = parseVisionTower(config);
  if (vision) arch.vision = vision;
  return arch;
}

function parseConfigFields(config: unknown): ModelArchitecture {
  if (!isObj(config)) throw new ConfigError("(root)", "config.json: expected a JSON object");
  const top = new Reader(config);
  const topType = top.str("model_type");
  if (topType === null) throw new ConfigError("model_type", `config.json: missing "model_type" (string)`);
  const outer = adapterFor(topType);
  if (!outer) {
    throw new ConfigError("model_type", `config.json: unsupported "model_type" ${excerpt(topType)}`);
  }

  // Multimodal wrappers nest the language model in text_config; renamed types map to their real family.
  let cfg: Obj = config;
  let modelType = topType;
  const tc = config["text_config"];
  if (outer.unwrap) {
    ({ cfg, modelType } = outer.unwrap(config));
  } else if (isObj(tc) && typeof tc["model_type"] === "string" && adapterFor(tc["model_type"])) {
    cfg = { ...config, ...tc };
  }
  const adapter = adapterFor(modelType) ?? outer;
  const r = new Reader(cfg, adapter.defaults ?? {});

  const hiddenSize = r.int("hidden_size");
  const numLayers = r.int("num_hidden_layers");
  const vocabSize = r.int("vocab_size");
  const numAttentionHeads = r.int("num_attention_heads");
  if (numAttentionHeads === 0)
    throw new ConfigError("num_attention_heads", `config.json: "num_attention_heads" must be > 0`);
  if (numLayers === 0)
    throw new ConfigError("num_hidden_layers", `config.json: "num_hidden_layers" must be > 0`);
  // The estimator builds one entry per layer: a config from a link must not be able to ask for billions of them
  // (found by lib/fuzz). The deepest published models have ~130 layers.
  if (numLayers > MAX_LAYERS) {
    throw new ConfigError(
      "num_hidden_layers",
      `config.json: "num_hidden_layers" must be at most ${MAX_LAYERS}, got ${numLayers}`,
    );
  }
  if (hiddenSize === 0) throw new ConfigError("hidden_size", `config.json: "hidden_size" must be > 0`);
  if (vocabSize === 0) throw new ConfigError("vocab_size", `config.json: "vocab_size" must be > 0`);
  // transformers: num_key_value_heads defaults to num_attention_heads when absent.
  const numKeyValueHeads = r.optInt("num_key_value_heads") ?? numAttentionHeads;
  const maxPositionEmbeddings = r.int("max_position_embeddings");
  // Top-level tie_word_embeddings wins for wrappers (PretrainedConfig attribute of the outer class).
  const tieWordEmbeddings =
    typeof config["tie_word_embeddings"] === "boolean"
      ? (config["tie_word_embeddings"] as boolean)
      : r.bool("tie_word_embeddings", r.bool("tie_embedding", adapter.tieDefault));
  // LFM2 configs may give the FFN width only as block_ff_dim (Lfm2Config keeps both names).
  const intermediateSize = r.has("intermediate_size")
    ? r.int("intermediate_size")
    : (r.optInt("block_ff_dim") ?? r.int("intermediate_size"));
  // Generic sliding window: `use_sliding_window: false` disables `sliding_window` (Qwen2Config semantics).
  const slidingEnabled = r.bool("use_sliding_window", true);
  const base: BaseFields = {
    hiddenSize,
    numLayers,
    numAttentionHeads,
    intermediateSize,
    slidingWindow: slidingEnabled ? r.optInt("sliding_window") : null,
  };

  const d = newDraft(r, base, numKeyValueHeads);
  adapter.apply(r, d, base, modelType);

  // A router cannot pick more experts per token than there are (found by lib/fuzz: active > total parameters).
  const moe = d.moe;
  if (moe !== null && (moe.expertsPerToken < 1 || moe.expertsPerToken > moe.numExperts)) {
    throw new ConfigError(
      "num_experts_per_tok",
      `config.json: experts per token must be between 1 and the ${moe.numExperts} routed experts, got ${moe.expertsPerToken}`,
    );
  }
  const fromTypes = d.useLayerTypes
    ? layerTypesFrom(
        r,
        numLayers,
        r.optInt("sliding_window") ?? r.optInt("attention_chunk_size") ?? d.windowDefault,
      )
    : null;
  const layers: LayerSpec[] = [];
  for (let i = 0; i < numLayers; i++) {
    const a = fromTypes ? fromTypes[i]! : { ...d.layerAttn(i), moe: false };
    const layer: LayerSpec = { attention: a.attention, window: a.window, moe: moe !== null && d.moeLayer(i) };
    if (d.layerMixer) layer.mixer = d.layerMixer(i);
    if (d.layerHasFfn) {
      layer.ffn = d.layerHasFfn(i);
      if (!layer.ffn) layer.moe = false;
    }
    if (d.parallelRecurrent) layer.parallelRecurrent = true;
    if (d.layerExtra) d.layerExtra(i, layer);
    layers.push(layer);
  }
  const arch: ModelArchitecture = {
    modelType,
    hiddenSize,
    numLayers,
    vocabSize,
    maxPositionEmbeddings,
    tieWordEmbeddings,
    numAttentionHeads,
    numKeyValueHeads: d.numKeyValueHeads,
    headDim: d.headDim,
    vHeadDim: d.vHeadDim,
    attention: {
      kind: d.kind,
      qkvBias: d.qkvBias,
      outputBias: d.outputBias,
      qkNorm: d.qkNorm,
      sinks: d.sinks,
      fusedProjections: d.fused,
      mla: d.mla,
    },
    layers,
    intermediateSize: d.denseIntermediate,
    mlpBias: d.mlpBias,
    moe,
    normsPerLayer: d.normsPerLayer,
    llamaCppWindowedCache: d.llamaCppWindowedCache,
    nativeDtype: dtypeOf(r),
    mxfp4Experts: d.mxfp4Experts,
  };
  if (d.gatedQuery) arch.attention.gatedQuery = true;
  if (d.qkNormFull) arch.attention.qkNormFull = true;
  if (d.recurrent) arch.recurrent = d.recurrent;
  if (d.ungatedFfn) arch.ungatedFfn = true;
  if (d.mtpLayers > 0) arch.mtpLayers = d.mtpLayers;
  if (d.mtpLayers > 0 && d.mtpVocabTensors) arch.mtpVocabTensors = true;
  if (d.perLayerInput) arch.perLayerInput = d.perLayerInput;
  if (d.layerScalar) arch.layerScalar = true;
  if (d.indexer) arch.indexer = d.indexer;
  if (adapter.activeExcludesEmbedding) arch.activeExcludesEmbedding = true;
  return arch;
}
