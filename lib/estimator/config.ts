/**
 * Parse a Hugging Face config.json (or a frontmatter object with the same keys) into a
 * normalized, serializable ModelArchitecture. Pure: no I/O.
 *
 * Defaults per model_type follow the transformers configuration classes
 * (configuration_<model>.py); each one is named where it is applied.
 */
import { architectureProblem } from "./config-rules";
import { excerpt } from "./json-input";

export type AttentionKind = "gqa" | "mla";
export type LayerAttention = "full" | "sliding" | "chunked";

export interface LayerSpec {
  /** full: attends to the whole context; sliding: last `window` tokens; chunked: llama4 local chunks of `window`. */
  attention: LayerAttention;
  window: number | null;
  /** true when this layer's FFN is a mixture of experts. */
  moe: boolean;
}

export interface MlaSpec {
  qLoraRank: number | null;
  kvLoraRank: number;
  qkNopeHeadDim: number;
  qkRopeHeadDim: number;
  vHeadDim: number;
}

export interface MoeSpec {
  numExperts: number;
  expertsPerToken: number;
  /** FFN width of one routed expert. */
  expertIntermediateSize: number;
  /** number of always-on shared experts (DeepSeek n_shared_experts, Llama 4 one shared expert). */
  numSharedExperts: number;
  /** FFN width of the shared expert block (total, all shared experts together). */
  sharedIntermediateSize: number;
  /** qwen2_moe: a sigmoid gate [hidden → 1] on the shared expert. */
  sharedExpertGate: boolean;
  /** DeepSeek-V3 e_score_correction_bias / gpt-oss router bias: one float per expert. */
  routerBias: boolean;
  /** gpt-oss: biases on expert projections. */
  expertBias: boolean;
}

export interface ModelArchitecture {
  modelType: string;
  hiddenSize: number;
  numLayers: number;
  vocabSize: number;
  maxPositionEmbeddings: number;
  tieWordEmbeddings: boolean;
  numAttentionHeads: number;
  numKeyValueHeads: number;
  /** per-head dimension of q/k (for MLA: qk_nope + qk_rope). */
  headDim: number;
  /** per-head dimension of v. */
  vHeadDim: number;
  attention: {
    kind: AttentionKind;
    /** q/k/v projection biases (qwen2, gpt-oss). */
    qkvBias: boolean;
    /** output projection bias (gpt-oss). */
    outputBias: boolean;
    /** per-head RMSNorm on q and k (qwen3, gemma3). */
    qkNorm: boolean;
    /** gpt-oss learned attention sinks, one scalar per head. */
    sinks: boolean;
    /** phi3 stores q/k/v as one fused tensor (qkv_proj) and gate/up as one (gate_up_proj). */
    fusedProjections: boolean;
    mla: MlaSpec | null;
  };
  layers: LayerSpec[];
  /** dense FFN width (layers whose `moe` is false). */
  intermediateSize: number;
  mlpBias: boolean;
  moe: MoeSpec | null;
  /** RMSNorm vectors of width hidden per layer: 2 for llama-style, 4 for gemma2/gemma3 sandwich norms. */
  normsPerLayer: number;
  /** true when llama.cpp implements the sliding/chunked window for this architecture (see kv-cache.ts). */
  llamaCppWindowedCache: boolean;
  /** checkpoint dtype as published (torch_dtype / quantization_config). */
  nativeDtype: "bfloat16" | "float16" | "float32" | "fp8" | "mxfp4";
  /** gpt-oss ships its routed experts as MXFP4; GGUF conversions keep them so. */
  mxfp4Experts: boolean;
}

/** Thrown for a malformed / unsupported config; `field` names the missing or bad key. */
export class ConfigError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = "ConfigError";
    this.field = field;
  }
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describe(expected: string): string {
  return `(${expected})`;
}

class Reader {
  constructor(
    private readonly cfg: Obj,
    private readonly defaults: Obj = {},
  ) {}

  has(key: string): boolean {
    return this.cfg[key] !== undefined && this.cfg[key] !== null;
  }

  raw(key: string): unknown {
    const v = this.cfg[key];
    return v === undefined || v === null ? this.defaults[key] : v;
  }

  int(key: string): number {
    const v = this.raw(key);
    if (v === undefined || v === null) {
      throw new ConfigError(key, `config.json: missing "${key}" ${describe("number")}`);
    }
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
      throw new ConfigError(key, `config.json: "${key}" must be a non-negative integer, got ${excerpt(v)}`);
    }
    return v;
  }

  optInt(key: string): number | null {
    const v = this.raw(key);
    if (v === undefined || v === null) return null;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
      throw new ConfigError(
        key,
        `config.json: "${key}" must be a non-negative integer or null, got ${excerpt(v)}`,
      );
    }
    return v;
  }

  bool(key: string, fallback: boolean): boolean {
    const v = this.raw(key);
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "boolean") {
      throw new ConfigError(key, `config.json: "${key}" must be a boolean, got ${excerpt(v)}`);
    }
    return v;
  }

  str(key: string): string | null {
    const v = this.raw(key);
    if (v === undefined || v === null) return null;
    if (typeof v !== "string") {
      throw new ConfigError(key, `config.json: "${key}" must be a string, got ${excerpt(v)}`);
    }
    return v;
  }

  intArray(key: string): number[] | null {
    const v = this.raw(key);
    if (v === undefined || v === null) return null;
    if (!Array.isArray(v) || !v.every((x) => typeof x === "number" && Number.isInteger(x))) {
      throw new ConfigError(key, `config.json: "${key}" must be an array of integers`);
    }
    return v as number[];
  }

  strArray(key: string): string[] | null {
    const v = this.raw(key);
    if (v === undefined || v === null) return null;
    if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) {
      throw new ConfigError(key, `config.json: "${key}" must be an array of strings`);
    }
    return v as string[];
  }
}

export const SUPPORTED_MODEL_TYPES = [
  "llama",
  "mistral",
  "mixtral",
  "qwen2",
  "qwen2_moe",
  "qwen3",
  "qwen3_moe",
  "gemma2",
  "gemma3",
  "gemma3_text",
  "phi3",
  "deepseek_v2",
  "deepseek_v3",
  "gpt_oss",
  "llama4",
  "llama4_text",
  "mistral3",
  "kimi_k2",
] as const;
export type SupportedModelType = (typeof SUPPORTED_MODEL_TYPES)[number];

/**
 * tie_word_embeddings when the key is absent: the default of each transformers config class
 * (LlamaConfig, MistralConfig, ... : False; Gemma2Config, Gemma3TextConfig: True).
 */
const TIE_DEFAULT: Record<SupportedModelType, boolean> = {
  llama: false,
  mistral: false,
  mixtral: false,
  qwen2: false,
  qwen2_moe: false,
  qwen3: false,
  qwen3_moe: false,
  gemma2: true,
  gemma3: true,
  gemma3_text: true,
  phi3: false,
  deepseek_v2: false,
  deepseek_v3: false,
  gpt_oss: false,
  llama4: false,
  llama4_text: false,
  mistral3: false,
  kimi_k2: false,
};

/** Gemma3TextConfig.__init__ defaults (transformers models/gemma3/configuration_gemma3.py). */
const GEMMA3_TEXT_DEFAULTS: Obj = {
  vocab_size: 262_208,
  hidden_size: 2304,
  intermediate_size: 9216,
  num_hidden_layers: 26,
  num_attention_heads: 8,
  num_key_value_heads: 4,
  head_dim: 256,
  max_position_embeddings: 131_072,
  tie_word_embeddings: true,
  sliding_window: 4096,
  sliding_window_pattern: 6,
};

/** Gemma2Config defaults for keys whose absence would change shapes (transformers configuration_gemma2.py). */
const GEMMA2_DEFAULTS: Obj = {
  head_dim: 256,
  sliding_window: 4096,
  max_position_embeddings: 8192,
};

function isSupported(t: string): t is SupportedModelType {
  return (SUPPORTED_MODEL_TYPES as readonly string[]).includes(t);
}

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

/**
 * Accepts a Hugging Face config.json object (top-level or with nested `text_config`),
 * applying model_type defaults. Throws ConfigError naming the offending field.
 */
export function parseConfig(config: unknown): ModelArchitecture {
  const arch = parseConfigFields(config);
  // One place for the numeric and structural rules (ranges, KV heads), whatever the model type.
  const problem = architectureProblem(arch);
  if (problem) throw new ConfigError(problem.field, problem.message);
  return arch;
}

function parseConfigFields(config: unknown): ModelArchitecture {
  if (!isObj(config)) throw new ConfigError("(root)", "config.json: expected a JSON object");
  const top = new Reader(config);
  const topType = top.str("model_type");
  if (topType === null) throw new ConfigError("model_type", `config.json: missing "model_type" (string)`);
  if (!isSupported(topType)) {
    throw new ConfigError("model_type", `config.json: unsupported "model_type" ${excerpt(topType)}`);
  }

  // Multimodal wrappers (gemma3, llama4) nest the language model in text_config.
  let cfg: Obj = config;
  let modelType: SupportedModelType = topType;
  const tc = config["text_config"];
  if (topType === "gemma3" || topType === "llama4") {
    if (tc !== undefined && !isObj(tc)) {
      throw new ConfigError("text_config", `config.json: "text_config" must be an object`);
    }
    // Keys set at top level (e.g. tie_word_embeddings, torch_dtype) apply unless the text config sets them.
    cfg = { ...config, ...(isObj(tc) ? tc : {}) };
    modelType = topType === "gemma3" ? "gemma3_text" : "llama4_text";
  } else if (topType === "mistral3") {
    // Mistral Small 3.x: Mistral3Config wraps a plain MistralConfig language model in text_config
    // (transformers models/mistral3/configuration_mistral3.py; text_config defaults to "mistral").
    if (!isObj(tc))
      throw new ConfigError("text_config", `config.json: "text_config" must be an object for mistral3`);
    const inner = typeof tc["model_type"] === "string" ? tc["model_type"] : "mistral";
    if (inner !== "mistral") {
      throw new ConfigError(
        "text_config",
        `config.json: unsupported text_config "model_type" ${excerpt(inner)}`,
      );
    }
    cfg = { ...config, ...tc };
    modelType = "mistral";
  } else if (topType === "kimi_k2") {
    // Kimi K2 ships DeepSeek-V3's modelling code ("architectures": ["DeepseekV3ForCausalLM"]) under its own type name.
    modelType = "deepseek_v3";
  } else if (isObj(tc) && typeof tc["model_type"] === "string" && isSupported(tc["model_type"])) {
    cfg = { ...config, ...tc };
  }

  const defaults: Obj =
    modelType === "gemma3_text" ? GEMMA3_TEXT_DEFAULTS : modelType === "gemma2" ? GEMMA2_DEFAULTS : {};
  const r = new Reader(cfg, defaults);

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
      : r.bool("tie_word_embeddings", TIE_DEFAULT[modelType]);
  const intermediateSize = r.int("intermediate_size");

  let headDim = r.optInt("head_dim") ?? Math.floor(hiddenSize / numAttentionHeads);
  let vHeadDim = headDim;
  let kind: AttentionKind = "gqa";
  let mla: MlaSpec | null = null;
  let qkvBias = false;
  let outputBias = false;
  let qkNorm = false;
  let sinks = false;
  let fused = false;
  let normsPerLayer = 2;
  let mlpBias = r.bool("mlp_bias", false);
  let moe: MoeSpec | null = null;
  let mxfp4Experts = false;
  let llamaCppWindowedCache = false;
  let moeLayer: (i: number) => boolean = () => false;
  /** window used for layer_types entries when the config has no sliding_window / attention_chunk_size */
  let windowDefault: number | null = null;
  let layerAttn: (i: number) => { attention: LayerAttention; window: number | null } = () => ({
    attention: "full",
    window: null,
  });

  // Generic sliding window: `use_sliding_window: false` disables `sliding_window` (Qwen2Config semantics).
  const slidingEnabled = r.bool("use_sliding_window", true);
  const slidingWindow = slidingEnabled ? r.optInt("sliding_window") : null;

  switch (modelType) {
    case "llama":
    case "mistral": {
      qkvBias = r.bool("attention_bias", false);
      outputBias = qkvBias;
      if (slidingWindow !== null) layerAttn = () => ({ attention: "sliding", window: slidingWindow });
      break;
    }
    case "mixtral": {
      if (slidingWindow !== null) layerAttn = () => ({ attention: "sliding", window: slidingWindow });
      moe = {
        numExperts: r.int("num_local_experts"),
        expertsPerToken: r.int("num_experts_per_tok"),
        expertIntermediateSize: intermediateSize,
        numSharedExperts: 0,
        sharedIntermediateSize: 0,
        sharedExpertGate: false,
        routerBias: false,
        expertBias: false,
      };
      moeLayer = () => true;
      break;
    }
    case "qwen2":
    case "qwen2_moe":
    case "qwen3":
    case "qwen3_moe": {
      // Qwen2/Qwen2-MoE always use q/k/v biases; Qwen3 uses attention_bias (default False) and q/k norms.
      const isQwen3 = modelType === "qwen3" || modelType === "qwen3_moe";
      qkvBias = isQwen3 ? r.bool("attention_bias", false) : true;
      outputBias = isQwen3 ? qkvBias : false;
      qkNorm = isQwen3;
      // Qwen2Config: sliding window only when use_sliding_window, for layers >= max_window_layers.
      const useSw = r.bool("use_sliding_window", false);
      if (useSw && slidingWindow !== null) {
        const mwl = r.optInt("max_window_layers") ?? numLayers;
        layerAttn = (i) =>
          i >= mwl ? { attention: "sliding", window: slidingWindow } : { attention: "full", window: null };
      }
      if (modelType === "qwen2_moe" || modelType === "qwen3_moe") {
        const shared = modelType === "qwen2_moe" ? r.int("shared_expert_intermediate_size") : 0;
        moe = {
          numExperts: r.int("num_experts"),
          expertsPerToken: r.int("num_experts_per_tok"),
          expertIntermediateSize: r.int("moe_intermediate_size"),
          numSharedExperts: shared > 0 ? 1 : 0,
          sharedIntermediateSize: shared,
          sharedExpertGate: shared > 0,
          routerBias: false,
          expertBias: false,
        };
        // Qwen2MoeDecoderLayer: MoE when not in mlp_only_layers and (i+1) % decoder_sparse_step == 0.
        const step = r.optInt("decoder_sparse_step") ?? 1;
        const mlpOnly = new Set(r.intArray("mlp_only_layers") ?? []);
        moeLayer = (i) => !mlpOnly.has(i) && step > 0 && (i + 1) % step === 0;
      }
      break;
    }
    case "gemma2": {
      normsPerLayer = 4;
      llamaCppWindowedCache = true;
      // Gemma2DecoderLayer: even layers use the sliding window (is_sliding = not bool(layer_idx % 2)).
      const w = r.int("sliding_window");
      layerAttn = (i) =>
        i % 2 === 0 ? { attention: "sliding", window: w } : { attention: "full", window: null };
      qkvBias = r.bool("attention_bias", false);
      outputBias = qkvBias;
      break;
    }
    case "gemma3":
    case "gemma3_text": {
      normsPerLayer = 4;
      qkNorm = true;
      llamaCppWindowedCache = true;
      // Gemma3: layer i is global when (i + 1) % sliding_window_pattern == 0 (5 local : 1 global).
      const w = r.int("sliding_window");
      const pattern = r.int("sliding_window_pattern");
      layerAttn = (i) =>
        pattern > 0 && (i + 1) % pattern !== 0
          ? { attention: "sliding", window: w }
          : { attention: "full", window: null };
      qkvBias = r.bool("attention_bias", false);
      outputBias = qkvBias;
      break;
    }
    case "phi3": {
      fused = true;
      if (slidingWindow !== null) layerAttn = () => ({ attention: "sliding", window: slidingWindow });
      break;
    }
    case "deepseek_v2":
    case "deepseek_v3": {
      kind = "mla";
      const qkNope = r.int("qk_nope_head_dim");
      const qkRope = r.int("qk_rope_head_dim");
      mla = {
        qLoraRank: r.optInt("q_lora_rank"),
        kvLoraRank: r.int("kv_lora_rank"),
        qkNopeHeadDim: qkNope,
        qkRopeHeadDim: qkRope,
        vHeadDim: r.int("v_head_dim"),
      };
      headDim = qkNope + qkRope;
      vHeadDim = mla.vHeadDim;
      qkvBias = false;
      const nRouted = r.optInt("n_routed_experts");
      if (nRouted !== null && nRouted > 0) {
        const nShared = r.optInt("n_shared_experts") ?? 0;
        const moeInter = r.int("moe_intermediate_size");
        moe = {
          numExperts: nRouted,
          expertsPerToken: r.int("num_experts_per_tok"),
          expertIntermediateSize: moeInter,
          numSharedExperts: nShared,
          sharedIntermediateSize: nShared * moeInter,
          sharedExpertGate: false,
          // DeepSeek-V3 noaux_tc routing keeps e_score_correction_bias per expert.
          routerBias: r.str("topk_method") === "noaux_tc",
          expertBias: false,
        };
        // DeepseekV2/V3DecoderLayer: MoE when i >= first_k_dense_replace and i % moe_layer_freq == 0.
        const firstDense = r.optInt("first_k_dense_replace") ?? 0;
        const freq = r.optInt("moe_layer_freq") ?? 1;
        moeLayer = (i) => i >= firstDense && freq > 0 && i % freq === 0;
      }
      break;
    }
    case "gpt_oss": {
      qkvBias = true;
      outputBias = true;
      sinks = true;
      mlpBias = false;
      llamaCppWindowedCache = true;
      // GptOssConfig: without layer_types, even layers slide ("sliding_attention" if (i + 1) % 2).
      const w = r.int("sliding_window");
      layerAttn = (i) =>
        i % 2 === 0 ? { attention: "sliding", window: w } : { attention: "full", window: null };
      const e = r.optInt("num_local_experts") ?? r.int("num_experts");
      const k = r.optInt("num_experts_per_tok") ?? r.int("experts_per_token");
      moe = {
        numExperts: e,
        expertsPerToken: k,
        expertIntermediateSize: intermediateSize,
        numSharedExperts: 0,
        sharedIntermediateSize: 0,
        sharedExpertGate: false,
        routerBias: true,
        expertBias: true,
      };
      moeLayer = () => true;
      // Every gpt-oss release ships its routed experts in MXFP4 (quantization_config quant_method "mxfp4");
      // treat the model type as MXFP4 unless the config names another quantization method.
      const q = r.raw("quantization_config");
      mxfp4Experts = !isObj(q) || q["quant_method"] === "mxfp4";
      break;
    }
    case "llama4":
    case "llama4_text": {
      llamaCppWindowedCache = true;
      qkvBias = r.bool("attention_bias", false);
      outputBias = qkvBias;
      // Llama4TextConfig: MoE every interleave_moe_layer_step-th layer (i % step == step - 1).
      const step = r.optInt("interleave_moe_layer_step") ?? 1;
      const moeLayersList = r.intArray("moe_layers");
      const moeSet = moeLayersList ? new Set(moeLayersList) : null;
      moeLayer = (i) => (moeSet ? moeSet.has(i) : step > 0 && i % step === step - 1);
      moe = {
        numExperts: r.int("num_local_experts"),
        expertsPerToken: r.int("num_experts_per_tok"),
        expertIntermediateSize: intermediateSize,
        numSharedExperts: 1,
        sharedIntermediateSize: intermediateSize,
        sharedExpertGate: false,
        routerBias: false,
        expertBias: false,
      };
      // dense layers use intermediate_size_mlp
      const denseInter = r.optInt("intermediate_size_mlp") ?? intermediateSize;
      // Llama4TextConfig: no_rope_layers[i] == 1 → RoPE layer with chunked attention (attention_chunk_size,
      // default 8192); 0 → NoPE global layer. Absent or empty: int((i + 1) % no_rope_layer_interval != 0), interval 4.
      const chunk = r.optInt("attention_chunk_size") ?? 8192;
      windowDefault = chunk;
      const noRopeRaw = r.intArray("no_rope_layers");
      const noRope = noRopeRaw && noRopeRaw.length > 0 ? noRopeRaw : null;
      const interval = r.optInt("no_rope_layer_interval") ?? 4;
      layerAttn = (i) => {
        const ropeLayer = noRope ? (noRope[i] ?? 1) !== 0 : interval > 0 && (i + 1) % interval !== 0;
        return ropeLayer ? { attention: "chunked", window: chunk } : { attention: "full", window: null };
      };
      return finish(denseInter);
    }
  }
  return finish(intermediateSize);

  function finish(denseIntermediate: number): ModelArchitecture {
    // A router cannot pick more experts per token than there are (found by lib/fuzz: active > total parameters).
    if (moe !== null && (moe.expertsPerToken < 1 || moe.expertsPerToken > moe.numExperts)) {
      throw new ConfigError(
        "num_experts_per_tok",
        `config.json: experts per token must be between 1 and the ${moe.numExperts} routed experts, got ${moe.expertsPerToken}`,
      );
    }
    const fromTypes = layerTypesFrom(
      r,
      numLayers,
      r.optInt("sliding_window") ?? r.optInt("attention_chunk_size") ?? windowDefault,
    );
    const layers: LayerSpec[] = [];
    for (let i = 0; i < numLayers; i++) {
      const a = fromTypes ? fromTypes[i]! : { ...layerAttn(i), moe: false };
      layers.push({ attention: a.attention, window: a.window, moe: moe !== null && moeLayer(i) });
    }
    return {
      modelType,
      hiddenSize,
      numLayers,
      vocabSize,
      maxPositionEmbeddings,
      tieWordEmbeddings,
      numAttentionHeads,
      numKeyValueHeads,
      headDim,
      vHeadDim,
      attention: { kind, qkvBias, outputBias, qkNorm, sinks, fusedProjections: fused, mla },
      layers,
      intermediateSize: denseIntermediate,
      mlpBias,
      moe,
      normsPerLayer,
      llamaCppWindowedCache,
      nativeDtype: dtypeOf(r),
      mxfp4Experts,
    };
  }
}
