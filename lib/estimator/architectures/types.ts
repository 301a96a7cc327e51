/**
 * The normalized architecture every estimator module reads, and the adapter interface that turns one
 * family's config.json into it. Plain serializable objects only (pages pass them to the client).
 */
import type { Obj, Reader } from "./reader";
import type { VisionTower } from "../vision";

export type AttentionKind = "gqa" | "mla";
export type LayerAttention = "full" | "sliding" | "chunked";
/** What mixes tokens in a layer: attention (KV cache), a recurrent block (fixed-size state), or nothing. */
export type LayerMixer = "attention" | "recurrent" | "none";

export interface LayerSpec {
  /** full: attends to the whole context; sliding: last `window` tokens; chunked: llama4 local chunks of `window`. */
  attention: LayerAttention;
  window: number | null;
  /** true when this layer's FFN is a mixture of experts. */
  moe: boolean;
  /** hybrids only; absent means "attention". */
  mixer?: LayerMixer;
  /** hybrids only: false when the block has no feed-forward part (nemotron_h mixer-only blocks). */
  ffn?: boolean;
  /** Gemma 4: this layer's own head size and KV heads (global layers differ from sliding ones). */
  headDim?: number;
  kvHeads?: number;
  /** Falcon-H1: attention and a Mamba2 mixer side by side in the same layer. */
  parallelRecurrent?: boolean;
  /** Gemma 4 attention_k_eq_v: the layer has no v_proj (V is computed from K's projection). */
  kEqV?: boolean;
  /** Gemma 3n / 4 num_kv_shared_layers: the layer reuses an earlier layer's cache and keeps none of its own. */
  kvShared?: boolean;
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
  /**
   * LatentMoE (Nemotron 3 Super / Ultra, moe_latent_size): the routed experts work in this smaller width, between
   * a down-projection {hidden → latent} and an up-projection {latent → hidden}; router and shared expert stay at
   * the full hidden size. Absent for ordinary MoE.
   */
  latentSize?: number;
}

/**
 * Recurrent mixer of a hybrid, in llama.cpp's hparams terms (llama-hparams.cpp n_embd_r / n_embd_s):
 * - mamba2: d_inner = heads × headDim, groups = n_group, stateSize = d_state;
 * - gated_deltanet (Qwen3-Next / Qwen3.5): d_inner = value heads × value head dim, groups = key heads,
 *   stateSize = key head dim (llama.cpp maps ssm_n_group / ssm_d_state onto the key side);
 * - shortconv (LFM2): a gated depthwise convolution over the hidden size, no SSM state.
 */
export type RecurrentKind = "mamba2" | "gated_deltanet" | "shortconv" | "mamba";

export interface RecurrentSpec {
  kind: RecurrentKind;
  /** d_conv: convolution kernel width; the cache keeps d_conv − 1 columns. */
  convKernel: number;
  /** d_inner. */
  innerSize: number;
  /** d_state (mamba2) / key head dim (gated DeltaNet); 0 for shortconv. */
  stateSize: number;
  /** n_group (mamba2) / key heads (gated DeltaNet); 0 for shortconv. */
  groups: number;
  /** SSM heads (mamba2) / value heads (gated DeltaNet); 0 for shortconv. */
  heads: number;
  /** bias on the convolution (mamba2 conv1d, LFM2 conv_bias). */
  convBias: boolean;
  /** Mamba-1 (Jamba): rank of the dt projection. */
  dtRank?: number;
  /** Mamba2: grouped RMSNorm before out_proj (Falcon-H1 mamba_rms_norm may drop it). */
  norm?: boolean;
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
    /** Qwen3-Next / Qwen3.5: q_proj also emits a per-head output gate (2 × heads × head_dim rows). */
    gatedQuery?: boolean;
    /** OLMo 2/3, MiniMax-M2: q/k RMSNorm over the whole projection (heads × head_dim), not per head. */
    qkNormFull?: boolean;
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
  /** hybrids: the recurrent mixer of layers whose `mixer` is "recurrent". */
  recurrent?: RecurrentSpec;
  /** FFN without a gate projection (nemotron_h squared-ReLU MLP and experts). */
  ungatedFfn?: boolean;
  /** multi-token-prediction blocks GGUF conversions append after the repeating layers (nextn_predict_layers). */
  mtpLayers?: number;
  /** false when the MTP block has a dense FFN although the model is MoE. */
  mtpMoe?: boolean;
  /** GLM: the MTP block carries its own embed_tokens and shared_head_head copies in GGUF files. */
  mtpVocabTensors?: boolean;
  /** Gemma 3n / 4 per-layer embeddings (hidden_size_per_layer_input): width per layer and their vocabulary. */
  perLayerInput?: { size: number; vocabSize: number };
  /** Gemma 4: one learned scalar per layer (layer_scalar). */
  layerScalar?: boolean;
  /**
   * How the family's model cards count active parameters: true when they leave the input-embedding table out
   * (OpenAI gpt-oss, DeepSeek, NVIDIA Nemotron); absent when they count it (Mistral, Qwen, Meta, Google ...).
   */
  activeExcludesEmbedding?: boolean;
  /** DeepSeek-V3.2 sparse-attention indexer (DSA): its heads and head size. */
  indexer?: { heads: number; headDim: number; topK: number };
  /** multimodal configs: the vision tower llama.cpp loads from a separate mmproj file (see vision.ts). */
  vision?: VisionTower;
}

/** Fields every adapter starts from, read the same way for all families. */
export interface BaseFields {
  hiddenSize: number;
  numLayers: number;
  numAttentionHeads: number;
  intermediateSize: number;
  /** `sliding_window` unless `use_sliding_window` is false (Qwen2Config semantics). */
  slidingWindow: number | null;
}

/** What an adapter may set; starts from llama-style defaults (see config.ts newDraft). */
export interface ArchDraft {
  headDim: number;
  vHeadDim: number;
  kind: AttentionKind;
  mla: MlaSpec | null;
  qkvBias: boolean;
  outputBias: boolean;
  qkNorm: boolean;
  sinks: boolean;
  fused: boolean;
  gatedQuery: boolean;
  qkNormFull: boolean;
  normsPerLayer: number;
  mlpBias: boolean;
  moe: MoeSpec | null;
  mxfp4Experts: boolean;
  llamaCppWindowedCache: boolean;
  moeLayer: (i: number) => boolean;
  /** window used for layer_types entries when the config has no sliding_window / attention_chunk_size */
  windowDefault: number | null;
  layerAttn: (i: number) => { attention: LayerAttention; window: number | null };
  /** Falcon-H1: every layer also runs the recurrent mixer beside attention. */
  parallelRecurrent: boolean;
  indexer: { heads: number; headDim: number; topK: number } | null;
  /** hybrids: per-layer mixer and whether the block has an FFN. */
  layerMixer: ((i: number) => LayerMixer) | null;
  layerHasFfn: ((i: number) => boolean) | null;
  recurrent: RecurrentSpec | null;
  ungatedFfn: boolean;
  /** FFN width of the dense layers (llama4: intermediate_size_mlp). */
  denseIntermediate: number;
  /** num_key_value_heads override (hybrids whose attention config lives under other keys). */
  numKeyValueHeads: number;
  /** per-layer overrides (Gemma 4 head sizes, KV sharing); applied after layer kinds are known. */
  layerExtra: ((i: number, layer: LayerSpec) => void) | null;
  perLayerInput: { size: number; vocabSize: number } | null;
  layerScalar: boolean;
  /** MTP blocks carried by GGUF files (see ModelArchitecture.mtpLayers). */
  mtpLayers: number;
  mtpVocabTensors: boolean;
  /** false when the config's layer_types lists mixers rather than attention windows (qwen3_next, lfm2). */
  useLayerTypes: boolean;
}

export interface ArchitectureAdapter {
  /** model_type values this adapter parses. */
  modelTypes: readonly string[];
  /** tie_word_embeddings when the key is absent: the transformers config class default. */
  tieDefault: boolean;
  /** config-class defaults for keys whose absence would change shapes. */
  defaults?: Obj;
  /** the family's model cards leave the input embedding out of "active parameters" (see ModelArchitecture). */
  activeExcludesEmbedding?: boolean;
  /**
   * Multimodal / renamed wrappers: the config to read and the model_type it really is
   * (gemma3 → gemma3_text, llama4 → llama4_text, mistral3 → mistral, kimi_k2 → deepseek_v3).
   */
  unwrap?: (config: Obj) => { cfg: Obj; modelType: string };
  /** Read the family's keys into the draft. */
  apply: (r: Reader, d: ArchDraft, base: BaseFields, modelType: string) => void;
}
