/**
 * Tensor inventory of a model and exact parameter counts derived from it.
 *
 * Tensors are named the way llama.cpp's GGUF files name them (llama-arch.cpp LLM_TENSOR_NAMES),
 * because formats.ts applies llama.cpp's per-tensor quantization rules to this same list.
 * Shapes are ggml order: ne0 = row length (input features), ne1 = rows, ne2 = experts.
 */
import type { LayerSpec, ModelArchitecture } from "./config";
import { recurrentTensors } from "./recurrent";

export type TensorRole =
  | "token_embd"
  | "output"
  | "output_norm"
  | "attn_norm"
  | "attn_q"
  | "attn_k"
  | "attn_v"
  | "attn_qkv"
  | "attn_output"
  | "attn_q_a"
  | "attn_q_b"
  | "attn_kv_a_mqa"
  | "attn_kv_b"
  | "attn_k_b"
  | "attn_v_b"
  | "attn_sinks"
  | "norm"
  | "bias"
  | "ffn_gate"
  | "ffn_up"
  | "ffn_down"
  | "ffn_gate_inp"
  | "ffn_gate_inp_shexp"
  | "exp_probs_b"
  | "ffn_gate_exps"
  | "ffn_up_exps"
  | "ffn_down_exps"
  | "ffn_gate_shexp"
  | "ffn_up_shexp"
  | "ffn_down_shexp"
  | "ffn_latent_down"
  | "ffn_latent_up"
  | "attn_gate"
  | "ssm_in"
  | "ssm_out"
  | "ssm_conv"
  | "ssm_param"
  | "nextn_eh_proj"
  | "per_layer_embd"
  | "per_layer_proj";

export interface TensorInfo {
  /** GGUF-style name, e.g. "blk.3.attn_v.weight". */
  name: string;
  role: TensorRole;
  /** layer index, or -1 for token_embd / output / output_norm. */
  layer: number;
  /** ggml shape: [row length, rows, experts]; 1-D tensors have rows = experts = 1. */
  ne: [number, number, number];
  /** 1-D tensors (norms, biases, sinks) are never quantized by llama.cpp (tensor_allows_quantization). */
  oneDim: boolean;
  /** routed-expert tensor (3-D, one slice per expert). */
  routedExpert: boolean;
  /** a re-layout of other weights stored only in GGUF files (not a model parameter). */
  ggufOnly?: boolean;
}

export function tensorElements(t: TensorInfo): number {
  return t.ne[0] * t.ne[1] * t.ne[2];
}

function mat(
  name: string,
  role: TensorRole,
  layer: number,
  cols: number,
  rows: number,
  experts = 1,
): TensorInfo {
  return { name, role, layer, ne: [cols, rows, experts], oneDim: false, routedExpert: experts > 1 };
}

function vec(name: string, role: TensorRole, layer: number, n: number, experts = 1): TensorInfo {
  return { name, role, layer, ne: [n, 1, experts], oneDim: true, routedExpert: experts > 1 };
}

export interface ListOptions {
  /**
   * Include tensors that only GGUF files carry: for DeepSeek-V2/V3, convert_hf_to_gguf.py writes
   * kv_b_proj both as attn_kv_b and split into attn_k_b (transposed) / attn_v_b for the MLA path;
   * llama.cpp counts 672.05 B parameters in such a DeepSeek-R1 GGUF vs 671.03 B in the checkpoint.
   */
  gguf?: boolean;
}

/** Tensors of one repeating block (layer `i`). */
function layerTensors(arch: ModelArchitecture, i: number, layer: LayerSpec, opts: ListOptions): TensorInfo[] {
  const h = arch.hiddenSize;
  const out: TensorInfo[] = [];
  const p = `blk.${i}.`;
  out.push(vec(p + "attn_norm.weight", "attn_norm", i, h));

  // --- token mixer: attention, a recurrent block (hybrids), or none (nemotron_h FFN-only blocks) ---
  const mixer = layer.mixer ?? "attention";
  const nH = arch.numAttentionHeads;
  const nKV = arch.numKeyValueHeads;
  if (mixer === "recurrent") {
    out.push(...recurrentTensors(arch, i));
  } else if (mixer === "none") {
    // the block's only norm (attn_norm above) feeds its FFN
  } else if (arch.attention.kind === "mla" && arch.attention.mla) {
    // DeepSeek-V2/V3 MLA (modeling_deepseek.py DeepseekV2Attention): low-rank q (optional) and kv.
    const m = arch.attention.mla;
    const qHead = m.qkNopeHeadDim + m.qkRopeHeadDim;
    if (m.qLoraRank !== null) {
      out.push(mat(p + "attn_q_a.weight", "attn_q_a", i, h, m.qLoraRank));
      out.push(vec(p + "attn_q_a_norm.weight", "norm", i, m.qLoraRank));
      out.push(mat(p + "attn_q_b.weight", "attn_q_b", i, m.qLoraRank, nH * qHead));
    } else {
      out.push(mat(p + "attn_q.weight", "attn_q", i, h, nH * qHead));
    }
    out.push(mat(p + "attn_kv_a_mqa.weight", "attn_kv_a_mqa", i, h, m.kvLoraRank + m.qkRopeHeadDim));
    out.push(vec(p + "attn_kv_a_norm.weight", "norm", i, m.kvLoraRank));
    out.push(mat(p + "attn_kv_b.weight", "attn_kv_b", i, m.kvLoraRank, nH * (m.qkNopeHeadDim + m.vHeadDim)));
    if (opts.gguf) {
      // attn_k_b {qk_nope, kv_lora_rank, n_head} and attn_v_b {kv_lora_rank, v_head, n_head} (llama-model.cpp)
      out.push({
        ...mat(p + "attn_k_b.weight", "attn_k_b", i, m.qkNopeHeadDim, m.kvLoraRank * nH),
        ggufOnly: true,
      });
      out.push({
        ...mat(p + "attn_v_b.weight", "attn_v_b", i, m.kvLoraRank, m.vHeadDim * nH),
        ggufOnly: true,
      });
    }
    out.push(mat(p + "attn_output.weight", "attn_output", i, nH * m.vHeadDim, h));
    if (arch.indexer) {
      // DSA lightning indexer: q from the q_lora latent, one shared key head (+ LayerNorm), per-head weights.
      const ix = arch.indexer;
      out.push(mat(p + "indexer.attn_q_b.weight", "attn_q_b", i, m.qLoraRank ?? h, ix.heads * ix.headDim));
      out.push(mat(p + "indexer.attn_k.weight", "attn_k", i, h, ix.headDim));
      out.push(vec(p + "indexer.k_norm.weight", "norm", i, ix.headDim));
      out.push(vec(p + "indexer.k_norm.bias", "bias", i, ix.headDim));
      out.push(mat(p + "indexer.proj.weight", "ssm_in", i, h, ix.heads));
    }
  } else {
    // Gemma 4 global layers have their own head size and KV heads.
    const hd = layer.headDim ?? arch.headDim;
    const kvH = layer.kvHeads ?? nKV;
    const qDim = nH * hd;
    const kvDim = kvH * hd;
    const vDim = kvH * (layer.headDim ?? arch.vHeadDim);
    if (arch.attention.fusedProjections) {
      out.push(mat(p + "attn_qkv.weight", "attn_qkv", i, h, qDim + kvDim + vDim));
      if (arch.attention.qkvBias) out.push(vec(p + "attn_qkv.bias", "bias", i, qDim + kvDim + vDim));
    } else {
      // Qwen3-Next / Qwen3.5 gated attention: q_proj also emits the per-head output gate.
      out.push(mat(p + "attn_q.weight", "attn_q", i, h, arch.attention.gatedQuery ? 2 * qDim : qDim));
      out.push(mat(p + "attn_k.weight", "attn_k", i, h, kvDim));
      if (!layer.kEqV) out.push(mat(p + "attn_v.weight", "attn_v", i, h, vDim));
      if (arch.attention.qkvBias) {
        out.push(vec(p + "attn_q.bias", "bias", i, qDim));
        out.push(vec(p + "attn_k.bias", "bias", i, kvDim));
        out.push(vec(p + "attn_v.bias", "bias", i, vDim));
      }
    }
    out.push(mat(p + "attn_output.weight", "attn_output", i, nH * (layer.headDim ?? arch.vHeadDim), h));
    if (arch.attention.outputBias) out.push(vec(p + "attn_output.bias", "bias", i, h));
    if (arch.attention.qkNorm) {
      // OLMo 2/3 and MiniMax-M2 normalise the whole projection (llama-model.cpp: attn_q_norm {n_embd_head·n_head}).
      out.push(vec(p + "attn_q_norm.weight", "norm", i, arch.attention.qkNormFull ? qDim : hd));
      out.push(vec(p + "attn_k_norm.weight", "norm", i, arch.attention.qkNormFull ? kvDim : hd));
    }
    if (arch.attention.sinks) out.push(vec(p + "attn_sinks.weight", "attn_sinks", i, nH));
  }

  // Falcon-H1 runs a Mamba2 mixer beside attention in every layer.
  if (layer.parallelRecurrent) out.push(...recurrentTensors(arch, i));

  // --- norms beyond attn_norm: ffn_norm (+ gemma post-attention / post-ffw norms) ---
  // nemotron_h blocks hold one mixer or one FFN behind a single norm.
  const hasFfn = layer.ffn ?? true;
  if (!hasFfn) return out;
  if (mixer !== "none") out.push(vec(p + "ffn_norm.weight", "norm", i, h));
  if (arch.normsPerLayer === 4) {
    out.push(vec(p + "post_attention_norm.weight", "norm", i, h));
    out.push(vec(p + "post_ffw_norm.weight", "norm", i, h));
  }
  if (arch.layerScalar) out.push(vec(p + "layer_output_scale.weight", "norm", i, 1));
  if (arch.perLayerInput) {
    // Gemma 3n / 4 per-layer input: gate {n_embd → ple}, projection back {ple → n_embd}, and its norm.
    const ple = arch.perLayerInput.size;
    out.push(mat(p + "inp_gate.weight", "ssm_in", i, h, ple));
    out.push(mat(p + "proj.weight", "ssm_out", i, ple, h));
    out.push(vec(p + "post_norm.weight", "norm", i, h));
  }

  // --- feed-forward ---
  const moe = arch.moe;
  if (layer.moe && moe) {
    const e = moe.numExperts;
    const f = moe.expertIntermediateSize;
    out.push(mat(p + "ffn_gate_inp.weight", "ffn_gate_inp", i, h, e));
    if (moe.routerBias) {
      // gpt-oss router.bias / DeepSeek-V3 e_score_correction_bias: one value per expert.
      out.push(
        vec(
          p + (arch.modelType === "gpt_oss" ? "ffn_gate_inp.bias" : "exp_probs_b.bias"),
          "exp_probs_b",
          i,
          e,
        ),
      );
    }
    // LatentMoE: the experts read and write the latent width, wrapped by ffn_latent_down / ffn_latent_up
    // (llama.cpp src/models/nemotron-h.cpp load_arch_tensors: {n_embd, moe_n_embd} and {moe_n_embd, n_embd}).
    const x = moe.latentSize ?? h;
    if (moe.latentSize) {
      out.push(mat(p + "ffn_latent_down.weight", "ffn_latent_down", i, h, x));
      out.push(mat(p + "ffn_latent_up.weight", "ffn_latent_up", i, x, h));
    }
    if (!arch.ungatedFfn) out.push(mat(p + "ffn_gate_exps.weight", "ffn_gate_exps", i, x, f, e));
    out.push(mat(p + "ffn_up_exps.weight", "ffn_up_exps", i, x, f, e));
    out.push(mat(p + "ffn_down_exps.weight", "ffn_down_exps", i, f, x, e));
    if (moe.expertBias) {
      out.push(vec(p + "ffn_gate_exps.bias", "bias", i, f, e));
      out.push(vec(p + "ffn_up_exps.bias", "bias", i, f, e));
      out.push(vec(p + "ffn_down_exps.bias", "bias", i, x, e));
    }
    if (moe.numSharedExperts > 0 && moe.sharedIntermediateSize > 0) {
      const s = moe.sharedIntermediateSize;
      if (!arch.ungatedFfn) out.push(mat(p + "ffn_gate_shexp.weight", "ffn_gate_shexp", i, h, s));
      out.push(mat(p + "ffn_up_shexp.weight", "ffn_up_shexp", i, h, s));
      out.push(mat(p + "ffn_down_shexp.weight", "ffn_down_shexp", i, s, h));
      // qwen2_moe shared_expert_gate [1, hidden]: a 1-D {n_embd} tensor in llama.cpp (llama-model.cpp)
      if (moe.sharedExpertGate) out.push(vec(p + "ffn_gate_inp_shexp.weight", "ffn_gate_inp_shexp", i, h));
    }
  } else {
    const f = arch.intermediateSize;
    if (arch.attention.fusedProjections) {
      out.push(mat(p + "ffn_up.weight", "ffn_up", i, h, 2 * f));
    } else {
      // nemotron_h squared-ReLU MLP has no gate projection.
      if (!arch.ungatedFfn) out.push(mat(p + "ffn_gate.weight", "ffn_gate", i, h, f));
      out.push(mat(p + "ffn_up.weight", "ffn_up", i, h, f));
    }
    out.push(mat(p + "ffn_down.weight", "ffn_down", i, f, h));
    if (arch.mlpBias) {
      if (!arch.attention.fusedProjections && !arch.ungatedFfn)
        out.push(vec(p + "ffn_gate.bias", "bias", i, f));
      out.push(vec(p + "ffn_up.bias", "bias", i, arch.attention.fusedProjections ? 2 * f : f));
      out.push(vec(p + "ffn_down.bias", "bias", i, h));
    }
  }
  return out;
}

/**
 * Multi-token-prediction blocks that GGUF conversions carry after the repeating layers (block_count includes
 * them; llama.cpp hparams nextn_predict_layers): one full-attention block with the model's FFN (MoE when the
 * model is) plus eh_proj {2·n_embd → n_embd}, enorm, hnorm and shared_head_norm (llama-model.cpp GLM4_MOE /
 * QWEN35MOE LLM_TENSOR_NEXTN_*). Not model parameters by the card convention, so ggufOnly.
 */
function mtpTensors(arch: ModelArchitecture, opts: ListOptions): TensorInfo[] {
  const out: TensorInfo[] = [];
  const h = arch.hiddenSize;
  for (let j = 0; j < (arch.mtpLayers ?? 0); j++) {
    const i = arch.numLayers + j;
    const block: LayerSpec = {
      attention: "full",
      window: null,
      moe: arch.moe !== null && (arch.mtpMoe ?? true),
    };
    const p = `blk.${i}.nextn.`;
    out.push(...layerTensors(arch, i, block, opts));
    out.push(mat(p + "eh_proj.weight", "nextn_eh_proj", i, 2 * h, h));
    out.push(vec(p + "enorm.weight", "norm", i, h));
    out.push(vec(p + "hnorm.weight", "norm", i, h));
    out.push(vec(p + "shared_head_norm.weight", "norm", i, h));
    if (arch.mtpVocabTensors) {
      out.push(mat(p + "embed_tokens.weight", "nextn_eh_proj", i, h, arch.vocabSize));
      out.push(mat(p + "shared_head_head.weight", "nextn_eh_proj", i, h, arch.vocabSize));
    }
  }
  return out.map((t) => ({ ...t, ggufOnly: true }));
}

/** Every weight tensor of the language model, in llama.cpp load order (by layer, then name). */
export function listTensors(arch: ModelArchitecture, opts: ListOptions = {}): TensorInfo[] {
  const h = arch.hiddenSize;
  const out: TensorInfo[] = [];
  out.push(mat("token_embd.weight", "token_embd", -1, h, arch.vocabSize));

  for (let i = 0; i < arch.numLayers; i++) out.push(...layerTensors(arch, i, arch.layers[i]!, opts));
  if (opts.gguf) out.push(...mtpTensors(arch, opts));

  if (arch.perLayerInput) {
    // per_layer_token_embd {L·ple, vocab_per_layer}, per_layer_model_proj {n_embd → L·ple} and its norm
    // (llama-model.cpp LLM_ARCH_GEMMA3N / GEMMA4: LLM_TENSOR_PER_LAYER_*).
    const width = arch.numLayers * arch.perLayerInput.size;
    out.push(mat("per_layer_token_embd.weight", "per_layer_embd", -1, width, arch.perLayerInput.vocabSize));
    out.push(mat("per_layer_model_proj.weight", "per_layer_proj", -1, h, width));
    out.push(vec("per_layer_proj_norm.weight", "norm", -1, arch.perLayerInput.size));
  }
  out.push(vec("output_norm.weight", "output_norm", -1, h));
  if (!arch.tieWordEmbeddings) out.push(mat("output.weight", "output", -1, h, arch.vocabSize));
  return out;
}

/**
 * Fraction of a tensor one decoded token reads.
 * Routed experts: top-k of n. Input embedding: one row of the table — unless tied, where the same matrix
 * is read in full as the output projection (the untied output matrix is always read in full).
 * This is the "active parameters" convention of the gpt-oss model card (embedding excluded, unembedding
 * included); Mixtral's and DeepSeek's cards also count the input embedding matrix, so their official
 * active figures sit slightly above this (measured in parameters.test.ts).
 */
export function activeFraction(arch: ModelArchitecture, t: TensorInfo): number {
  if (t.routedExpert && arch.moe) return arch.moe.expertsPerToken / arch.moe.numExperts;
  if (t.role === "token_embd") return arch.tieWordEmbeddings ? 1 : 1 / arch.vocabSize;
  // Gemma 3n / 4 per-layer embeddings: one row looked up per token.
  if (t.role === "per_layer_embd") return 1 / t.ne[1];
  return 1;
}

export interface ParameterBreakdown {
  total: number;
  /** what one token touches, input embedding counted as one row (see activeFraction). */
  active: number;
  /** the same with the whole input-embedding matrix counted (Mixtral's and Qwen's model-card convention). */
  activeWithEmbedding: number;
  /** input embedding matrix. */
  embedding: number;
  /** untied output projection (0 when tied). */
  output: number;
}

/** Parameter counts with the embedding conventions spelled out. */
export function parameterBreakdown(arch: ModelArchitecture): ParameterBreakdown {
  let total = 0;
  let active = 0;
  let embedding = 0;
  let output = 0;
  for (const t of listTensors(arch)) {
    const n = tensorElements(t);
    total += n;
    active += n * activeFraction(arch, t);
    if (t.role === "token_embd") embedding += n;
    if (t.role === "output") output += n;
  }
  const a = Math.round(active);
  const embActive = arch.tieWordEmbeddings ? 0 : Math.round(embedding - embedding / arch.vocabSize);
  return { total, active: a, activeWithEmbedding: a + embActive, embedding, output };
}

/**
 * Exact parameter totals from tensor shapes (language model only; vision towers and MTP heads excluded).
 * `active` follows the family's model cards: the whole input-embedding table counted (Mistral, Qwen, Meta, Google:
 * Mixtral 8x7B's 12.9B, Qwen3-30B-A3B's 3.3B, Llama 4 Scout's 17B), or left out where the vendor leaves it out
 * (gpt-oss, DeepSeek, Nemotron, GLM, MiniMax, Qwen3-Next / 3.5). `activeCompute` is what one token reads (one embedding row), the figure the
 * decode-speed bound uses.
 */
export function countParameters(arch: ModelArchitecture): {
  total: number;
  active: number;
  activeCompute: number;
} {
  const b = parameterBreakdown(arch);
  return {
    total: b.total,
    // min(): floating-point sums of absurd shapes (lib/fuzz) must not put active above total
    active: Math.min(b.total, arch.activeExcludesEmbedding ? b.active : b.activeWithEmbedding),
    activeCompute: b.active,
  };
}
