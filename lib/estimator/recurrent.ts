/**
 * Recurrent mixers of hybrid models: their GGUF tensors and their per-sequence state.
 *
 * State sizes follow llama.cpp (src/llama-hparams.cpp):
 *   n_embd_r() = (ssm_d_conv − 1) · (ssm_d_inner + 2 · ssm_n_group · ssm_d_state)   convolution state
 *   n_embd_r() = n_embd · (n_shortconv_l_cache − 1)                                  LFM2 short convolution
 *   n_embd_s() = ssm_d_state · ssm_d_inner                                            SSM / DeltaNet state
 * and src/llama-memory-recurrent.cpp allocates, for every recurrent layer, one f32 row of each per sequence
 * (mem_size = max(1, n_seq_max); type_r = type_s = GGML_TYPE_F32 in llama_model::create_memory).
 * Gated DeltaNet maps onto the same hparams: ssm_d_inner = value heads · value head dim,
 * ssm_n_group = key heads, ssm_d_state = key head dim (convert_hf_to_gguf.py Qwen3NextModel).
 */
import type { ModelArchitecture, RecurrentSpec } from "./config";
import type { Engine } from "./formats";
import type { TensorInfo, TensorRole } from "./parameters";

function mat(name: string, role: TensorRole, layer: number, cols: number, rows: number): TensorInfo {
  return { name, role, layer, ne: [cols, rows, 1], oneDim: false, routedExpert: false };
}

/**
 * 1-D tensors, norms, and the 2-D convolution kernels that convert_hf_to_gguf.py writes in F32 and
 * llama-quantize never touches (SSM_CONV1D / SHORTCONV_CONV, "_norm.weight"): flagged oneDim so formats.ts
 * keeps them in F32.
 */
function f32(name: string, role: TensorRole, layer: number, cols: number, rows = 1): TensorInfo {
  return { name, role, layer, ne: [cols, rows, 1], oneDim: true, routedExpert: false };
}

/** Channels the convolution runs over: d_inner + 2 · n_group · d_state. */
export function convChannels(r: RecurrentSpec): number {
  return r.innerSize + 2 * r.groups * r.stateSize;
}

/** Tensors of one recurrent layer, shapes as llama-model.cpp creates them (ggml order: ne0 = input features). */
export function recurrentTensors(arch: ModelArchitecture, i: number): TensorInfo[] {
  const r = arch.recurrent;
  if (!r) return [];
  const h = arch.hiddenSize;
  const p = `blk.${i}.`;
  const out: TensorInfo[] = [];
  const conv = convChannels(r);
  switch (r.kind) {
    case "mamba2": {
      // LLM_ARCH_MAMBA2 / NEMOTRON_H / GRANITE_HYBRID / FALCON_H1: in_proj emits z, x, B, C and dt.
      out.push(
        mat(p + "ssm_in.weight", "ssm_in", i, h, 2 * r.innerSize + 2 * r.groups * r.stateSize + r.heads),
      );
      out.push(f32(p + "ssm_conv1d.weight", "ssm_conv", i, r.convKernel, conv));
      if (r.convBias) out.push(f32(p + "ssm_conv1d.bias", "bias", i, conv));
      out.push(f32(p + "ssm_dt.bias", "bias", i, r.heads));
      out.push(f32(p + "ssm_a", "ssm_param", i, 1, r.heads));
      out.push(f32(p + "ssm_d", "ssm_param", i, 1, r.heads));
      // grouped RMSNorm before out_proj: {d_inner / n_group, n_group}
      out.push(
        f32(p + "ssm_norm.weight", "norm", i, r.innerSize / Math.max(1, r.groups), Math.max(1, r.groups)),
      );
      out.push(mat(p + "ssm_out.weight", "ssm_out", i, r.innerSize, h));
      break;
    }
    case "gated_deltanet": {
      const keyDim = r.groups * r.stateSize;
      if (arch.modelType === "qwen3_next") {
        // Qwen3-Next: fused in_proj_qkvz and in_proj_ba (llama-model.cpp LLM_ARCH_QWEN3NEXT).
        out.push(mat(p + "ssm_in.weight", "ssm_in", i, h, 2 * keyDim + 2 * r.innerSize));
        out.push(mat(p + "ssm_ba.weight", "ssm_in", i, h, 2 * r.heads));
      } else {
        // Qwen3.5: in_proj_qkv → attn_qkv, in_proj_z → attn_gate, in_proj_b / in_proj_a (LLM_ARCH_QWEN35).
        out.push(mat(p + "attn_qkv.weight", "attn_qkv", i, h, 2 * keyDim + r.innerSize));
        out.push(mat(p + "attn_gate.weight", "ssm_in", i, h, r.innerSize));
        out.push(mat(p + "ssm_beta.weight", "ssm_in", i, h, r.heads));
        out.push(mat(p + "ssm_alpha.weight", "ssm_in", i, h, r.heads));
      }
      out.push(f32(p + "ssm_conv1d.weight", "ssm_conv", i, r.convKernel, conv));
      out.push(f32(p + "ssm_dt.bias", "bias", i, r.heads));
      out.push(f32(p + "ssm_a", "ssm_param", i, r.heads));
      // gated RMSNorm over one value head
      out.push(f32(p + "ssm_norm.weight", "norm", i, r.innerSize / Math.max(1, r.heads)));
      out.push(mat(p + "ssm_out.weight", "ssm_out", i, r.innerSize, h));
      break;
    }
    case "mamba": {
      // Mamba-1 (llama-model.cpp LLM_ARCH_JAMBA): x and z from in_proj, selective-scan projections x_proj / dt_proj,
      // A {d_state, d_inner}, D, and Jamba's dt / B / C RMSNorms.
      const dtRank = r.dtRank ?? Math.ceil(h / 16);
      out.push(mat(p + "ssm_in.weight", "ssm_in", i, h, 2 * r.innerSize));
      out.push(f32(p + "ssm_conv1d.weight", "ssm_conv", i, r.convKernel, r.innerSize));
      if (r.convBias) out.push(f32(p + "ssm_conv1d.bias", "bias", i, r.innerSize));
      out.push(mat(p + "ssm_x.weight", "ssm_in", i, r.innerSize, dtRank + 2 * r.stateSize));
      out.push(mat(p + "ssm_dt.weight", "ssm_in", i, dtRank, r.innerSize));
      out.push(f32(p + "ssm_dt.bias", "bias", i, r.innerSize));
      out.push(f32(p + "ssm_dt_norm.weight", "norm", i, dtRank));
      out.push(f32(p + "ssm_b_norm.weight", "norm", i, r.stateSize));
      out.push(f32(p + "ssm_c_norm.weight", "norm", i, r.stateSize));
      out.push(f32(p + "ssm_a", "ssm_param", i, r.stateSize, r.innerSize));
      out.push(f32(p + "ssm_d", "ssm_param", i, r.innerSize));
      out.push(mat(p + "ssm_out.weight", "ssm_out", i, r.innerSize, h));
      break;
    }
    case "shortconv": {
      // LFM2 (llama-model.cpp LLM_ARCH_LFM2): in_proj → B, C, x; depthwise conv of width L_cache; out_proj.
      out.push(mat(p + "shortconv.in_proj.weight", "ssm_in", i, h, 3 * h));
      out.push(f32(p + "shortconv.conv.weight", "ssm_conv", i, r.convKernel, h));
      if (r.convBias) out.push(f32(p + "shortconv.conv.bias", "bias", i, h));
      out.push(mat(p + "shortconv.out_proj.weight", "ssm_out", i, h, h));
      break;
    }
  }
  return out;
}

/** Elements of state one sequence keeps in one recurrent layer (llama.cpp n_embd_r + n_embd_s). */
export function recurrentElementsPerLayer(r: RecurrentSpec): { conv: number; ssm: number } {
  return {
    conv: Math.max(0, r.convKernel - 1) * convChannels(r),
    ssm: r.stateSize * r.innerSize,
  };
}

export function recurrentLayerCount(arch: ModelArchitecture): number {
  return arch.layers.filter((l) => l.mixer === "recurrent" || l.parallelRecurrent).length;
}

/**
 * Bytes of recurrent state: per sequence, independent of the context length.
 * llama.cpp and mlx-lm: f32 rows (mlx-lm's convolution state is 16-bit, counted as f32: a small overstatement). vLLM: the Mamba / linear-attention state is kept in
 * the model dtype by default (CacheConfig mamba_cache_dtype / mamba_ssm_cache_dtype "auto";
 * vllm/model_executor/layers/mamba/mamba_utils.py MambaStateDtypeCalculator), one slot per running sequence.
 */
export function recurrentStateBytes(
  arch: ModelArchitecture,
  input: { sequences?: number; engine?: Engine },
): number {
  return recurrentStatePerLayer(arch, input).reduce((a, b) => a + b, 0);
}

/** Recurrent-state bytes of each layer (0 for attention and FFN-only layers); llama.cpp keeps each on its layer's device. */
export function recurrentStatePerLayer(
  arch: ModelArchitecture,
  input: { sequences?: number; engine?: Engine },
): number[] {
  const r = arch.recurrent;
  if (!r) return arch.layers.map(() => 0);
  const { conv, ssm } = recurrentElementsPerLayer(r);
  // mlx-lm keeps the gated-delta / SSM state in float32 (mlx_lm/models/gated_delta.py), like llama.cpp.
  const bytesPerElement = input.engine === "vllm" ? 2 : 4;
  const perLayer = (conv + ssm) * bytesPerElement * Math.max(1, input.sequences ?? 1);
  return arch.layers.map((l) => (l.mixer === "recurrent" || l.parallelRecurrent ? perLayer : 0));
}
