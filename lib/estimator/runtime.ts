/**
 * Runtime memory beyond weights and KV cache: the engine's compute (activation) buffers and the
 * fixed per-GPU overhead of the CUDA context and engine bookkeeping. Each term is separate and
 * documented; none is a flat percentage.
 */
import type { ModelArchitecture } from "./config";
import type { Engine } from "./formats";
import { llamaCppCtxPerSequence } from "./kv-cache";
import { MLX_PREFILL_STEP_TOKENS } from "./mlx";

const MiB = 1024 * 1024;
const F32 = 4;

/**
 * CUDA primary context + cuBLAS handles per GPU. llama.cpp PR #20595 reports 120-550 MB per context
 * depending on the GPU (SM count); unsloth PR #6718 measured about 330 MiB under llama-server and
 * reserves 320 MiB. We use 330 MiB.
 */
export const CUDA_CONTEXT_BYTES = 330 * MiB;

export interface ComputeInput {
  contextTokens: number;
  sequences?: number;
  ubatchTokens?: number;
  engine?: Engine;
  flashAttention?: boolean;
}

/** widest FFN a token passes through (dense FFN or the routed experts chosen in parallel + shared). */
function ffnWidth(arch: ModelArchitecture): number {
  let w = arch.layers.some((l) => !l.moe) ? arch.intermediateSize : 0;
  if (arch.moe) {
    w = Math.max(
      w,
      arch.moe.expertIntermediateSize * arch.moe.expertsPerToken,
      arch.moe.sharedIntermediateSize,
    );
  }
  return w;
}

/**
 * llama.cpp compute buffer on the GPU holding the output layer (ggml-alloc reuses memory, so the
 * buffer is the largest simultaneous set of f32 intermediates of one ubatch, not their sum):
 *  - output phase: logits n_vocab × n_ubatch plus one hidden row per token (the normed final state the
 *    LM head reads; the last layer's intermediates are already freed). This is exact against logs:
 *    Qwen2.5-3B 300.75 MiB = 151936 × 512 × 4 B + 2048 × 512 × 4 B (LLamaSharp issue #1099) and
 *    Llama 3 8B 258.50 MiB (llama-cpp-python issue #1815). The graph is reserved with n_outputs = n_ubatch
 *    (llama-context.cpp sched_reserve). Since llama.cpp PR #23861 (2026-06) llama-server may reserve
 *    logits for its slot count only, so for those builds this term is an upper bound;
 *  - FFN phase: gate and up activations (n_ff × n_ubatch each) plus residual/normed hidden states;
 *  - attention phase without flash attention: the KQ scores n_kv × n_ubatch × n_head (f32), which
 *    grow with context (softmax runs in place); with flash attention the scores stay in
 *    on-chip tiles and only Q/K/V/output rows of the ubatch are materialized.
 */
export function llamaCppComputeParts(
  arch: ModelArchitecture,
  input: ComputeInput,
): { withOutput: number; layersOnly: number } {
  // llama-context.cpp: n_batch = min(n_ctx, n_batch), n_ubatch = min(n_batch, n_ubatch), before n_ctx is padded
  const ub = Math.min(input.ubatchTokens ?? 512, input.contextTokens * (input.sequences ?? 1));
  const fa = input.flashAttention ?? true;
  const h = arch.hiddenSize;
  const hidden = h * ub * F32;
  const outputPhase = arch.vocabSize * ub * F32 + hidden;
  const ffnPhase = 2 * ffnWidth(arch) * ub * F32 + 3 * hidden;
  const qDim = arch.numAttentionHeads * Math.max(arch.headDim, arch.vHeadDim);
  const qkvRows = (qDim + 2 * arch.numKeyValueHeads * arch.headDim) * ub * F32;
  let attnPhase = qkvRows + 3 * hidden;
  if (!fa) {
    // KQ scores of the ubatch against one stream's cells (softmax runs in place on the same buffer)
    const nKv = llamaCppCtxPerSequence(input.contextTokens, input.sequences ?? 1);
    attnPhase += nKv * ub * arch.numAttentionHeads * F32;
  }
  const layersOnly = Math.ceil(Math.max(ffnPhase, attnPhase));
  return { withOutput: Math.max(layersOnly, Math.ceil(outputPhase)), layersOnly };
}

/** Compute buffer of the GPU that also holds the output head (the single-GPU case). */
export function llamaCppComputeBytes(arch: ModelArchitecture, input: ComputeInput): number {
  return llamaCppComputeParts(arch, input).withOutput;
}

/**
 * vLLM batch defaults for the OpenAI-compatible server (vllm/engine/arg_utils.py, get_batch_defaults):
 * max_num_batched_tokens 2048 and max_num_seqs 256 on GPUs under 70 GiB or A100s (8192 / 1024 on
 * H100-class cards). The profiling run executes one batch of max_num_batched_tokens tokens and the
 * sampler warm-up runs max_num_seqs rows.
 */
export const VLLM_MAX_NUM_BATCHED_TOKENS = 2048;
export const VLLM_MAX_NUM_SEQS = 256;
/**
 * CUDA-graph pool captured after profiling. vLLM logs "Graph capturing finished ..., took X GiB":
 * 0.21 GiB for Llama-3.2-1B (vllm PR #11349), 0.36 GiB estimated in a TP=2 log (gpustack/runner PR #251),
 * 1.40 GiB for Llama-4-Maverick (sglang issue #8538). We charge 0.5 GiB per GPU.
 */
export const VLLM_CUDA_GRAPH_BYTES = 512 * MiB;

/**
 * vLLM activation peak of the profiling forward pass (the "torch peak increase" of vllm/utils/mem_utils.py),
 * modelled as the 16-bit tensors alive at the FFN of one layer for every batched token — residual,
 * normed input, fused gate/up output (2 × n_ff), activated product (n_ff) and down-projection output —
 * plus the sampler's fp32 logits and probabilities for max_num_seqs rows. Attention scores never
 * materialize (flash / paged kernels). `tensorParallel` shards the FFN width.
 */
export function vllmActivationBytes(
  arch: ModelArchitecture,
  tensorParallel = 1,
  batchedTokens = VLLM_MAX_NUM_BATCHED_TOKENS,
): number {
  const t = batchedTokens;
  const h = arch.hiddenSize;
  const qkv = arch.numAttentionHeads * arch.headDim + 2 * arch.numKeyValueHeads * arch.headDim;
  const perToken = 2 * (3 * h + Math.max(qkv, 3 * ffnWidth(arch)) / tensorParallel);
  const sampler = 2 * VLLM_MAX_NUM_SEQS * arch.vocabSize * F32;
  return Math.ceil(t * perToken + sampler);
}

/**
 * mlx-lm transient memory while it prefills one chunk of MLX_PREFILL_STEP_TOKENS (mlx_lm/generate.py): the 16-bit
 * tensors alive at the widest point of one layer — residual, normed input and output rows plus the FFN's gate, up
 * and activated product (or the q/k/v rows). Attention runs in mx.fast.scaled_dot_product_attention, which does
 * not keep the score matrix for the head sizes mainstream models use, and the logits of the prompt's last token
 * only are computed (one vocabulary row, counted). Not checked against a measurement yet.
 */
export function mlxActivationBytes(arch: ModelArchitecture, contextTokens: number, sequences = 1): number {
  const t = Math.min(MLX_PREFILL_STEP_TOKENS, contextTokens) * sequences;
  const h = arch.hiddenSize;
  const qkv = arch.numAttentionHeads * arch.headDim + 2 * arch.numKeyValueHeads * arch.headDim;
  const perToken = 2 * (3 * h + Math.max(qkv, 3 * ffnWidth(arch)));
  return Math.ceil(t * perToken + sequences * arch.vocabSize * F32);
}

export function computeBytes(arch: ModelArchitecture, input: ComputeInput): number {
  const engine = input.engine ?? "llama.cpp";
  if (engine === "vllm") return vllmActivationBytes(arch);
  if (engine === "mlx") return mlxActivationBytes(arch, input.contextTokens, input.sequences ?? 1);
  return llamaCppComputeBytes(arch, input);
}

/**
 * Fixed per-device overhead: CUDA context for llama.cpp; CUDA context plus CUDA-graph pool for vLLM. mlx-lm runs
 * on Metal with no CUDA context; its own bookkeeping is small and not modelled (0).
 */
export function overheadBytesPerGpu(engine: Engine): number {
  if (engine === "mlx") return 0;
  return engine === "vllm" ? CUDA_CONTEXT_BYTES + VLLM_CUDA_GRAPH_BYTES : CUDA_CONTEXT_BYTES;
}
