/**
 * KV cache size: MHA / GQA / MQA, MLA latent cache, sliding-window and chunked layers,
 * cache element types and parallel sequences, with each engine's cell-count rule.
 */
import type { LayerSpec, ModelArchitecture } from "./config";
import type { Engine } from "./formats";
import { GGML_TYPES } from "./formats";
import { MLX_KV_STEP_TOKENS, MLX_PREFILL_STEP_TOKENS } from "./mlx";

export type KvCacheType = "f16" | "bf16" | "q8_0" | "q4_0" | "fp8";
export const KV_CACHE_TYPES: readonly KvCacheType[] = ["f16", "bf16", "q8_0", "q4_0", "fp8"];

export function isKvCacheType(v: string): v is KvCacheType {
  return (KV_CACHE_TYPES as readonly string[]).includes(v);
}

/**
 * Cache types each engine accepts (llama.cpp --cache-type-k/v; vLLM --kv-cache-dtype auto|fp8). mlx-lm keeps the
 * cache in the model's 16-bit dtype (mlx_lm/models/cache.py KVCache allocates with keys.dtype).
 */
export const KV_TYPES_BY_ENGINE: Readonly<Record<Engine, readonly KvCacheType[]>> = {
  "llama.cpp": ["f16", "bf16", "q8_0", "q4_0"],
  vllm: ["f16", "bf16", "fp8"],
  mlx: ["f16", "bf16"],
};

/** Bytes of `n` cache elements of a type: ggml row size for ggml types (blocks of 32 for q8_0/q4_0), 1 byte for fp8. */
export function kvRowBytes(type: KvCacheType, n: number): number {
  switch (type) {
    case "f16":
      return n * GGML_TYPES.F16.bytesPerBlock;
    case "bf16":
      return n * GGML_TYPES.BF16.bytesPerBlock;
    case "q8_0":
      return Math.ceil(n / GGML_TYPES.Q8_0.blockSize) * GGML_TYPES.Q8_0.bytesPerBlock;
    case "q4_0":
      return Math.ceil(n / GGML_TYPES.Q4_0.blockSize) * GGML_TYPES.Q4_0.bytesPerBlock;
    case "fp8":
      return n;
  }
}

/** llama.cpp pads the context to a multiple of 256 cells (llama-context.cpp: cparams.n_ctx = GGML_PAD(n_ctx, 256)). */
export const LLAMA_CPP_CTX_PAD = 256;
/** llama.cpp pads the SWA cache to 256 cells (llama-kv-cache-iswa.cpp). */
export const LLAMA_CPP_SWA_PAD = 256;
/**
 * vLLM paged-attention block size in tokens: CacheConfig.block_size has no static default and the GPU
 * platform sets 16 when unset (vllm/platforms, check_and_update_configs).
 */
export const VLLM_BLOCK_SIZE = 16;

export function padTo(n: number, multiple: number): number {
  return Math.ceil(n / multiple) * multiple;
}

/** Elements of K and V stored per token for one layer (all KV heads); `layer` for per-layer head sizes (Gemma 4). */
export function kvElementsPerToken(arch: ModelArchitecture, layer?: LayerSpec): { k: number; v: number } {
  if (arch.attention.kind === "mla" && arch.attention.mla) {
    // MLA: one compressed latent (kv_lora_rank) plus the shared RoPE key (qk_rope_head_dim) per token;
    // V is read out of the same latent (vLLM MLA backends; llama.cpp deepseek2 with MLA).
    // DeepSeek-V3.2 also caches one indexer key of index_head_dim per token (llama-kv-cache-dsa.cpp).
    const indexerKey = arch.indexer ? arch.indexer.headDim : 0;
    return { k: arch.attention.mla.kvLoraRank + arch.attention.mla.qkRopeHeadDim + indexerKey, v: 0 };
  }
  const heads = layer?.kvHeads ?? arch.numKeyValueHeads;
  // Gemma 4 global layers: one head size for K and V (global_head_dim), V cached like any other layer's.
  const kDim = layer?.headDim ?? arch.headDim;
  const vDim = layer?.headDim ?? arch.vHeadDim;
  return { k: heads * kDim, v: heads * vDim };
}

export interface KvCacheInput {
  contextTokens: number;
  kvCacheType?: KvCacheType;
  sequences?: number;
  ubatchTokens?: number;
  engine?: Engine;
}

/**
 * Whether a layer keeps K/V: attention layers only. llama.cpp's hybrid memory gives the attention cache the
 * layers that are not recurrent (llama-memory-hybrid.cpp layer filters) and a layer without attention heads
 * (nemotron_h MLP blocks, n_head_kv(il) = 0) allocates zero-width K/V rows.
 */
export function hasKv(layer: LayerSpec): boolean {
  // Gemma 3n / 4 shared-KV layers read an earlier layer's cache (llama-hparams.cpp has_kv, n_layer_kv_from_start).
  return (layer.mixer ?? "attention") === "attention" && layer.kvShared !== true;
}

/** Whether a layer's window is honoured by the engine's cache allocator. */
function windowed(arch: ModelArchitecture, layer: LayerSpec, engine: Engine): boolean {
  if (layer.attention === "full" || layer.window === null) return false;
  // llama.cpp only builds an SWA cache for architectures that implement it (gemma2/3, gpt-oss, llama4 ...);
  // vLLM's hybrid KV cache manager allocates sliding-window layers for the window only, and mlx-lm gives them
  // a RotatingKVCache (make_cache in mlx_lm/models/gemma3_text.py, gpt_oss.py ...).
  return engine === "llama.cpp" ? arch.llamaCppWindowedCache : true;
}

/**
 * llama.cpp context cells per sequence stream (llama-context.cpp): n_ctx = GGML_PAD(n_ctx, 256); with several
 * sequences in separate streams (kv_unified false, the default) n_ctx_seq = GGML_PAD(n_ctx / n_seq, 256).
 * `contextTokens` is the context each sequence gets, so llama.cpp's -c is contextTokens × sequences.
 */
export function llamaCppCtxPerSequence(contextTokens: number, sequences = 1): number {
  return llamaCppCellsPerStream(contextTokens * sequences, sequences);
}

/** The same rule from llama.cpp's own inputs: -c (total) and -np (sequences). */
export function llamaCppCellsPerStream(nCtx: number, nSeq = 1): number {
  const padded = padTo(nCtx, LLAMA_CPP_CTX_PAD);
  if (nSeq <= 1) return padded;
  return padTo(Math.floor(padded / nSeq), LLAMA_CPP_CTX_PAD);
}

/** Cache cells (token slots) one sequence holds for a given layer. */
export function cellsPerSequence(arch: ModelArchitecture, layer: LayerSpec, input: KvCacheInput): number {
  const engine = input.engine ?? "llama.cpp";
  const ubatch = input.ubatchTokens ?? 512;
  if (engine === "llama.cpp") {
    const base = llamaCppCtxPerSequence(input.contextTokens, input.sequences ?? 1);
    if (!windowed(arch, layer, engine)) return base;
    // llama_kv_cache_iswa: min(base, n_swa + n_ubatch) padded to 256 (per stream).
    return padTo(Math.min(base, layer.window! + ubatch), LLAMA_CPP_SWA_PAD);
  }
  if (engine === "mlx") {
    // KVCache grows in steps of 256 tokens; a RotatingKVCache holds its window + one prefill chunk − 1 at most.
    const grown = padTo(input.contextTokens, MLX_KV_STEP_TOKENS);
    if (!windowed(arch, layer, engine)) return grown;
    return Math.min(grown, layer.window! + MLX_PREFILL_STEP_TOKENS - 1);
  }
  const full = padTo(input.contextTokens, VLLM_BLOCK_SIZE);
  if (!windowed(arch, layer, engine)) return full;
  // vLLM's sliding-window KV manager frees blocks that fall out of the window; modelled as the window
  // plus one partially filled block (an approximation of its block accounting).
  return Math.min(full, padTo(layer.window! + VLLM_BLOCK_SIZE, VLLM_BLOCK_SIZE));
}

/**
 * Cache element type actually used for a layer: llama.cpp keeps the SWA half of an iSWA cache in f16 even
 * when --cache-type-k/v is quantized (llama.cpp PR #21277 "kv-cache : do not quantize SWA KV cache").
 */
export function layerCacheType(
  arch: ModelArchitecture,
  layer: LayerSpec,
  type: KvCacheType,
  engine: Engine,
): KvCacheType {
  if (engine === "llama.cpp" && windowed(arch, layer, engine) && (type === "q8_0" || type === "q4_0"))
    return "f16";
  return type;
}

export interface KvCacheBreakdown {
  bytes: number;
  /** bytes per layer (all sequences). */
  perLayer: number[];
  /** bytes of K+V for one token in one sequence, summed over full-attention layers (grows with context). */
  bytesPerTokenFullLayers: number;
}

/** Total KV cache bytes for all layers and sequences. */
export function kvCacheBreakdown(arch: ModelArchitecture, input: KvCacheInput): KvCacheBreakdown {
  const type = input.kvCacheType ?? "f16";
  const engine = input.engine ?? "llama.cpp";
  const seqs = input.sequences ?? 1;
  const perLayer: number[] = [];
  let bytesPerTokenFullLayers = 0;
  for (const layer of arch.layers) {
    // Hybrids: recurrent and FFN-only layers keep no KV (their state is recurrent.ts's term).
    if (!hasKv(layer)) {
      perLayer.push(0);
      continue;
    }
    const tokenBytes = tokenBytesFor(arch, layerCacheType(arch, layer, type, engine), layer);
    const cells = cellsPerSequence(arch, layer, input);
    perLayer.push(cells * tokenBytes * seqs);
    if (!windowed(arch, layer, engine)) bytesPerTokenFullLayers += tokenBytes;
  }
  return { bytes: perLayer.reduce((a, b) => a + b, 0), perLayer, bytesPerTokenFullLayers };
}

/** K+V bytes of one token in one layer. */
function tokenBytesFor(arch: ModelArchitecture, type: KvCacheType, layer?: LayerSpec): number {
  const { k, v } = kvElementsPerToken(arch, layer);
  return kvRowBytes(type, k) + (v > 0 ? kvRowBytes(type, v) : 0);
}

export function kvCacheBytes(arch: ModelArchitecture, input: KvCacheInput): number {
  return kvCacheBreakdown(arch, input).bytes;
}

/**
 * KV bytes read to decode one token of one sequence at position `contextTokens`:
 * every cached token of full layers, at most the window on windowed layers.
 */
export function kvBytesReadPerToken(
  arch: ModelArchitecture,
  contextTokens: number,
  type: KvCacheType,
  engine: Engine,
): number {
  let s = 0;
  for (const layer of arch.layers) {
    if (!hasKv(layer)) continue;
    const n = windowed(arch, layer, engine) ? Math.min(contextTokens, layer.window!) : contextTokens;
    s += n * tokenBytesFor(arch, layerCacheType(arch, layer, type, engine), layer);
  }
  return s;
}
