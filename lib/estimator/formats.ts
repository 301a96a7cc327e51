/**
 * Weight formats: ggml block layouts, llama.cpp's per-tensor type choice for each quantization mix,
 * and the tensor layouts of GPU-engine checkpoints (FP8, INT8, AWQ, GPTQ).
 */
import type { ModelArchitecture } from "./config";
import { listTensors, tensorElements, type TensorInfo } from "./parameters";

export type Engine = "llama.cpp" | "vllm";
export const ENGINES: readonly Engine[] = ["llama.cpp", "vllm"];

export type WeightFormat =
  | "BF16"
  | "F16"
  | "Q8_0"
  | "Q6_K"
  | "Q5_K_M"
  | "Q5_K_S"
  | "Q4_K_M"
  | "Q4_K_S"
  | "Q4_0"
  | "IQ4_XS"
  | "Q3_K_L"
  | "Q3_K_M"
  | "Q3_K_S"
  | "IQ3_XXS"
  | "Q2_K"
  | "IQ2_XXS"
  | "IQ1_S"
  | "FP8"
  | "INT8"
  | "AWQ-INT4"
  | "GPTQ-INT4";

export interface WeightFormatInfo {
  id: WeightFormat;
  label: string;
  engines: readonly Engine[];
  nominalBitsPerWeight: number;
  description: string;
}

// ---------------------------------------------------------------------------------------------
// ggml tensor types: elements per block and bytes per block, from the block structs in
// ggml/src/ggml-common.h (QK_K = 256 super-blocks; QK4_0 = QK8_0 = QK_MXFP4 = 32).
// ---------------------------------------------------------------------------------------------
export type GgmlType =
  | "F32"
  | "F16"
  | "BF16"
  | "Q8_0"
  | "Q4_0"
  | "Q4_1"
  | "Q5_0"
  | "Q5_1"
  | "Q2_K"
  | "Q3_K"
  | "Q4_K"
  | "Q5_K"
  | "Q6_K"
  | "IQ1_S"
  | "IQ2_XXS"
  | "IQ2_XS"
  | "IQ2_S"
  | "IQ3_XXS"
  | "IQ3_S"
  | "IQ4_NL"
  | "IQ4_XS"
  | "MXFP4";

export interface GgmlTypeLayout {
  blockSize: number;
  bytesPerBlock: number;
}

export const GGML_TYPES: Readonly<Record<GgmlType, GgmlTypeLayout>> = {
  F32: { blockSize: 1, bytesPerBlock: 4 },
  F16: { blockSize: 1, bytesPerBlock: 2 },
  BF16: { blockSize: 1, bytesPerBlock: 2 },
  Q8_0: { blockSize: 32, bytesPerBlock: 2 + 32 }, // block_q8_0: half d + int8 qs[32]
  Q4_0: { blockSize: 32, bytesPerBlock: 2 + 16 }, // block_q4_0: half d + nibbles[16]
  Q4_1: { blockSize: 32, bytesPerBlock: 4 + 16 }, // block_q4_1: half d, m + nibbles[16]
  Q5_0: { blockSize: 32, bytesPerBlock: 2 + 4 + 16 }, // block_q5_0: half d + qh[4] + qs[16]
  Q5_1: { blockSize: 32, bytesPerBlock: 4 + 4 + 16 }, // block_q5_1: half d, m + qh[4] + qs[16]
  Q2_K: { blockSize: 256, bytesPerBlock: 16 + 64 + 4 }, // scales[16] + qs[64] + half d, dmin
  Q3_K: { blockSize: 256, bytesPerBlock: 32 + 64 + 12 + 2 }, // hmask[32] + qs[64] + scales[12] + half d
  Q4_K: { blockSize: 256, bytesPerBlock: 4 + 12 + 128 }, // half d, dmin + scales[12] + qs[128]
  Q5_K: { blockSize: 256, bytesPerBlock: 4 + 12 + 32 + 128 }, // + qh[32]
  Q6_K: { blockSize: 256, bytesPerBlock: 128 + 64 + 16 + 2 }, // ql[128] + qh[64] + scales[16] + half d
  IQ1_S: { blockSize: 256, bytesPerBlock: 2 + 32 + 16 }, // half d + qs[32] + uint16 qh[8]
  IQ2_XXS: { blockSize: 256, bytesPerBlock: 2 + 64 }, // half d + uint16 qs[32]
  IQ2_XS: { blockSize: 256, bytesPerBlock: 2 + 64 + 8 }, // + scales[8]
  IQ2_S: { blockSize: 256, bytesPerBlock: 2 + 64 + 16 }, // half d + qs[64] + qh[8] + scales[8]
  IQ3_XXS: { blockSize: 256, bytesPerBlock: 2 + 96 }, // half d + qs[96]
  IQ3_S: { blockSize: 256, bytesPerBlock: 2 + 64 + 8 + 32 + 4 }, // half d + qs[64] + qh[8] + signs[32] + scales[4]
  IQ4_NL: { blockSize: 32, bytesPerBlock: 2 + 16 },
  IQ4_XS: { blockSize: 256, bytesPerBlock: 2 + 2 + 4 + 128 }, // half d + uint16 scales_h + scales_l[4] + qs[128]
  MXFP4: { blockSize: 32, bytesPerBlock: 1 + 16 }, // block_mxfp4: E8M0 e + qs[16]
};

/** bits per weight of a ggml type. */
export function ggmlBitsPerWeight(t: GgmlType): number {
  const l = GGML_TYPES[t];
  return (l.bytesPerBlock * 8) / l.blockSize;
}

/** ggml_row_size: bytes of one row of `n` elements (n must be a multiple of the block size). */
export function ggmlRowBytes(t: GgmlType, n: number): number {
  const l = GGML_TYPES[t];
  return Math.ceil(n / l.blockSize) * l.bytesPerBlock;
}

// ---------------------------------------------------------------------------------------------
// Format catalogue
// ---------------------------------------------------------------------------------------------
const GGUF_DEFAULT_TYPE: Partial<Record<WeightFormat, GgmlType>> = {
  // llama_ftype_get_default_type (src/llama-quant.cpp)
  BF16: "BF16",
  F16: "F16",
  Q8_0: "Q8_0",
  Q6_K: "Q6_K",
  Q5_K_M: "Q5_K",
  Q5_K_S: "Q5_K",
  Q4_K_M: "Q4_K",
  Q4_K_S: "Q4_K",
  Q4_0: "Q4_0",
  IQ4_XS: "IQ4_XS",
  Q3_K_L: "Q3_K",
  Q3_K_M: "Q3_K",
  Q3_K_S: "Q3_K",
  IQ3_XXS: "IQ3_XXS",
  Q2_K: "Q2_K",
  IQ2_XXS: "IQ2_XXS",
  IQ1_S: "IQ1_S",
};

/** Group size of AWQ / GPTQ 4-bit checkpoints (AutoAWQ q_group_size, GPTQ group_size as published). */
export const INT4_GROUP_SIZE = 128;

const LLAMA: readonly Engine[] = ["llama.cpp"];
const VLLM: readonly Engine[] = ["vllm"];
const BOTH: readonly Engine[] = ["llama.cpp", "vllm"];

function gguf(id: WeightFormat, description: string): WeightFormatInfo {
  const t = GGUF_DEFAULT_TYPE[id]!;
  return { id, label: `GGUF ${id}`, engines: LLAMA, nominalBitsPerWeight: ggmlBitsPerWeight(t), description };
}

export const WEIGHT_FORMATS: readonly WeightFormatInfo[] = [
  {
    id: "BF16",
    label: "BF16",
    engines: BOTH,
    nominalBitsPerWeight: 16,
    description: "Unquantized bfloat16 weights.",
  },
  {
    id: "F16",
    label: "F16",
    engines: BOTH,
    nominalBitsPerWeight: 16,
    description: "Unquantized float16 weights.",
  },
  gguf("Q8_0", "8-bit blocks of 32 with one fp16 scale; near-lossless."),
  gguf("Q6_K", "6-bit k-quant super-blocks of 256."),
  gguf("Q5_K_M", "5-bit k-quant mix; attn_v and some ffn_down tensors in Q6_K."),
  gguf("Q5_K_S", "5-bit k-quant, uniform."),
  gguf(
    "Q4_K_M",
    "4-bit k-quant mix; attn_v and ffn_down get Q6_K in a subset of layers. The common default.",
  ),
  gguf("Q4_K_S", "4-bit k-quant, mostly uniform."),
  gguf("Q4_0", "Legacy 4-bit blocks of 32 with one fp16 scale."),
  gguf("IQ4_XS", "4.25-bit i-quant (non-linear grid), imatrix recommended."),
  gguf("Q3_K_L", "3-bit k-quant mix with attention-v, attn_output and ffn_down in Q5_K."),
  gguf("Q3_K_M", "3-bit k-quant mix with attention-v and ffn_down in Q4_K/Q5_K."),
  gguf("Q3_K_S", "3-bit k-quant, uniform."),
  gguf("IQ3_XXS", "3.06-bit i-quant; needs an importance matrix."),
  gguf("Q2_K", "2-bit k-quant mix (ffn_down and attn_v at 3-4 bits)."),
  gguf("IQ2_XXS", "2.06-bit i-quant; needs an importance matrix."),
  gguf("IQ1_S", "1.56-bit i-quant; needs an importance matrix. Heavy quality loss."),
  {
    id: "FP8",
    label: "FP8 (E4M3)",
    engines: VLLM,
    nominalBitsPerWeight: 8,
    description: "8-bit floating point linear layers with per-channel scales; embeddings stay 16-bit.",
  },
  {
    id: "INT8",
    label: "INT8 (W8A8)",
    engines: VLLM,
    nominalBitsPerWeight: 8,
    description: "8-bit integer linear layers with per-channel scales; embeddings stay 16-bit.",
  },
  {
    id: "AWQ-INT4",
    label: "AWQ INT4",
    engines: VLLM,
    nominalBitsPerWeight: 4 + (16 + 4) / INT4_GROUP_SIZE,
    description: "4-bit AWQ, group size 128 (fp16 scale + 4-bit zero per group).",
  },
  {
    id: "GPTQ-INT4",
    label: "GPTQ INT4",
    engines: VLLM,
    nominalBitsPerWeight: 4 + (16 + 4) / INT4_GROUP_SIZE,
    description: "4-bit GPTQ, group size 128 (fp16 scale + 4-bit zero per group, g_idx per input channel).",
  },
];

export function isWeightFormat(value: string): value is WeightFormat {
  return WEIGHT_FORMATS.some((f) => f.id === value);
}

export function weightFormatInfo(format: WeightFormat): WeightFormatInfo {
  return WEIGHT_FORMATS.find((f) => f.id === format)!;
}

// ---------------------------------------------------------------------------------------------
// llama.cpp per-tensor type selection (llama_tensor_get_type / _impl and tensor_type_fallback in
// src/llama-quant.cpp), reimplemented over our tensor inventory.
// ---------------------------------------------------------------------------------------------
type Category =
  | "token_embd"
  | "output"
  | "attn_q"
  | "attn_k"
  | "attn_v_like"
  | "attn_output"
  | "ffn_up"
  | "ffn_gate"
  | "ffn_down"
  | "other";

function categoryOf(t: TensorInfo): Category {
  switch (t.role) {
    case "token_embd":
      return "token_embd";
    case "output":
      return "output";
    case "attn_qkv":
    case "attn_kv_b":
    case "attn_v":
      return "attn_v_like";
    case "attn_k":
      return "attn_k";
    case "attn_q":
      return "attn_q";
    case "attn_output":
      return "attn_output";
    case "ffn_up":
    case "ffn_up_exps":
    case "ffn_up_shexp":
      return "ffn_up";
    case "ffn_gate":
    case "ffn_gate_exps":
    case "ffn_gate_shexp":
    case "ffn_gate_inp_shexp":
      return "ffn_gate";
    case "ffn_down":
    case "ffn_down_exps":
    case "ffn_down_shexp":
      return "ffn_down";
    default:
      return "other";
  }
}

/** Which tensors llama-quantize may touch (tensor_allows_quantization): 2-D/3-D weights, not norms, not routers. */
function allowsQuantization(t: TensorInfo): boolean {
  if (t.oneDim) return false;
  if (t.role === "ffn_gate_inp") return false;
  // llama-quant.cpp: "these are not too big so keep them as it is" (per_layer_model_proj, Gemma 3n / 4).
  if (t.role === "per_layer_proj") return false;
  return true;
}

/** Type of a tensor in a freshly converted GGUF (convert_hf_to_gguf.py): 1-D and routers in F32. */
function convertedType(t: TensorInfo, base: "F16" | "BF16"): GgmlType {
  if (t.oneDim || t.role === "ffn_gate_inp") return "F32";
  return base;
}

const FALLBACK: Partial<Record<GgmlType, GgmlType>> = {
  // tensor_type_fallback: 256-block types → a 32-block type when ne0 % 256 != 0
  IQ1_S: "IQ4_NL",
  IQ2_XXS: "IQ4_NL",
  IQ2_XS: "IQ4_NL",
  IQ2_S: "IQ4_NL",
  IQ3_XXS: "IQ4_NL",
  IQ3_S: "IQ4_NL",
  IQ4_XS: "IQ4_NL",
  Q2_K: "Q4_0",
  Q3_K: "Q4_0",
  Q4_K: "Q5_0",
  Q5_K: "Q5_1",
  Q6_K: "Q8_0",
};

function withFallback(t: TensorInfo, type: GgmlType): GgmlType {
  const ncols = t.ne[0];
  if (ncols % GGML_TYPES[type].blockSize === 0) return type;
  const fb = FALLBACK[type];
  if (fb === undefined || ncols % GGML_TYPES[fb].blockSize !== 0) return "F16";
  return fb;
}

interface QuantState {
  nAttnV: number;
  iAttnV: number;
  nLayer: number;
  iFfnDown: number;
  nGqa: number;
  nExpert: number;
  is70B: boolean;
  hasImatrix: boolean;
  tied: boolean;
}

/** use_more_bits: first and last eighth of layers plus every third layer in between. */
function wantsMoreBits(i: number, n: number): boolean {
  return i < Math.floor(n / 8) || i >= Math.floor((7 * n) / 8) || (i - Math.floor(n / 8)) % 3 === 2;
}

const IQ_LOW: ReadonlySet<WeightFormat> = new Set(["IQ2_XXS", "IQ1_S"]);
/** formats whose main type needs an importance matrix (tensor_requires_imatrix in llama-quant.cpp) */
const IMATRIX_REQUIRED: ReadonlySet<WeightFormat> = new Set(["IQ3_XXS", "IQ2_XXS", "IQ1_S"]);

function chooseType(fmt: WeightFormat, t: TensorInfo, cat: Category, qs: QuantState): GgmlType {
  let nt = GGUF_DEFAULT_TYPE[fmt]!;
  if (cat === "output" || (qs.tied && cat === "token_embd")) {
    if (t.ne[0] % GGML_TYPES[nt].blockSize !== 0) return "Q8_0";
    if (fmt === "IQ2_XXS" || fmt === "IQ3_XXS" || fmt === "IQ1_S") return "Q5_K";
    if (nt !== "Q8_0") return "Q6_K";
    return nt;
  }
  if (cat === "token_embd") {
    if (IQ_LOW.has(fmt)) return "Q2_K";
    if (fmt === "IQ3_XXS") return "IQ3_S";
    return nt;
  }
  if (IQ_LOW.has(fmt)) {
    if (cat === "attn_v_like") {
      nt = qs.nGqa >= 4 || qs.nExpert >= 4 ? "Q4_K" : "Q2_K";
      qs.iAttnV++;
    } else if (qs.nExpert === 8 && cat === "attn_k") {
      nt = "Q4_K";
    } else if (cat === "ffn_down") {
      if (qs.iFfnDown < Math.floor(qs.nLayer / 8)) nt = "Q2_K";
      qs.iFfnDown++;
    } else if (cat === "attn_output") {
      if (qs.nExpert === 8) nt = "Q5_K";
      else if (fmt === "IQ1_S") nt = "IQ2_XXS";
    }
    return nt;
  }
  if (cat === "attn_v_like") {
    const i = qs.iAttnV;
    if (fmt === "Q2_K") nt = qs.nGqa >= 4 ? "Q4_K" : "Q3_K";
    else if (fmt === "IQ3_XXS") nt = qs.nGqa >= 4 ? "Q4_K" : qs.hasImatrix ? "IQ3_XXS" : "IQ3_S";
    else if (fmt === "Q3_K_M") nt = i < 2 ? "Q5_K" : "Q4_K";
    else if (fmt === "Q3_K_L") nt = "Q5_K";
    else if (fmt === "IQ4_XS" && qs.nGqa >= 4) nt = "Q5_K";
    else if ((fmt === "Q4_K_M" || fmt === "Q5_K_M") && wantsMoreBits(i, qs.nAttnV)) nt = "Q6_K";
    else if (fmt === "Q4_K_S" && i < 4) nt = "Q5_K";
    // LLM_TYPE_70B: attn_v is 8x smaller than attn_q, so it gets Q5_K instead of Q3_K/Q4_K.
    if (qs.is70B && (nt === "Q3_K" || nt === "Q4_K")) nt = "Q5_K";
    if (qs.nExpert === 8) nt = "Q8_0";
    qs.iAttnV++;
    return nt;
  }
  if (cat === "attn_k") {
    if (qs.nExpert === 8) return "Q8_0";
    if (fmt === "IQ3_XXS") return "IQ2_S";
    return nt;
  }
  if (cat === "attn_q") {
    if (fmt === "IQ3_XXS") return "IQ2_S";
    return nt;
  }
  if (cat === "ffn_down") {
    const i = t.layer;
    const n = qs.nLayer;
    if (fmt === "Q2_K") nt = "Q3_K";
    else if (fmt === "IQ3_XXS" && !qs.hasImatrix) nt = i < Math.floor(n / 8) ? "Q4_K" : "Q3_K";
    else if (fmt === "Q3_K_M") nt = i < Math.floor(n / 16) ? "Q5_K" : "Q4_K";
    else if (fmt === "Q3_K_L") nt = "Q5_K";
    else if (fmt === "Q4_K_M") {
      if (wantsMoreBits(i, n)) nt = "Q6_K";
    } else if (i < Math.floor(n / 8) && fmt === "IQ4_XS" && !qs.hasImatrix) nt = "Q5_K";
    else if (fmt === "Q5_K_M" && wantsMoreBits(i, n)) nt = "Q6_K";
    else if (fmt === "Q4_K_S" && i < Math.floor(n / 8)) nt = "Q5_K";
    else if (fmt === "Q4_0" && qs.hasImatrix && i < Math.floor(n / 8)) nt = "Q4_1";
    qs.iFfnDown++;
    return nt;
  }
  if (cat === "attn_output") {
    if (qs.nExpert === 8) {
      if (["Q2_K", "IQ3_XXS", "Q3_K_S", "Q3_K_M", "Q4_K_S", "Q4_K_M", "IQ4_XS"].includes(fmt)) nt = "Q5_K";
    } else {
      if (fmt === "Q2_K") nt = "Q3_K";
      else if (fmt === "IQ3_XXS") nt = "IQ3_S";
      else if (fmt === "Q3_K_M") nt = "Q4_K";
      else if (fmt === "Q3_K_L") nt = "Q5_K";
    }
    return nt;
  }
  return nt;
}

export interface TensorPlacementInfo {
  tensor: TensorInfo;
  type: GgmlType | "GPU";
  bytes: number;
}

export interface QuantOptions {
  /**
   * llama.cpp: an importance matrix was used. Default: only where llama-quantize requires one
   * (tensor_requires_imatrix: IQ3_XXS, IQ2_XXS, IQ1_S); IQ4_XS and k-quants are assumed static.
   */
  imatrix?: boolean;
}

/** Bytes of every weight tensor for a GGUF format, following llama.cpp's choice of type per tensor. */
export function ggufTensorBytes(
  arch: ModelArchitecture,
  format: WeightFormat,
  opts: QuantOptions = {},
): TensorPlacementInfo[] {
  const tensors = listTensors(arch, { gguf: true });
  const base = GGUF_DEFAULT_TYPE[format];
  if (base === undefined) throw new RangeError(`format ${format} is not a GGUF format`);
  const quantized = base !== "F16" && base !== "BF16";
  const nExpert = arch.moe?.numExperts ?? 0;
  const qs: QuantState = {
    nAttnV: tensors.filter((t) => categoryOf(t) === "attn_v_like").length,
    iAttnV: 0,
    // llama.cpp n_layer = GGUF block_count, which counts the MTP blocks too
    nLayer: arch.numLayers + (arch.mtpLayers ?? 0),
    iFfnDown: 0,
    nGqa: arch.numKeyValueHeads > 0 ? Math.floor(arch.numAttentionHeads / arch.numKeyValueHeads) : 1,
    nExpert,
    // LLM_TYPE_70B (llama-model.cpp load_hparams; llama_quant_model_from_metadata): llama-arch models
    // (llama, mistral) with 80 layers and GQA, and qwen2 with 80 layers.
    is70B:
      arch.numLayers === 80 &&
      (((arch.modelType === "llama" || arch.modelType === "mistral") &&
        arch.numAttentionHeads !== arch.numKeyValueHeads) ||
        arch.modelType === "qwen2"),
    hasImatrix: opts.imatrix ?? IMATRIX_REQUIRED.has(format),
    tied: arch.tieWordEmbeddings,
  };
  const convBase: "F16" | "BF16" = format === "F16" ? "F16" : "BF16";
  return tensors.map((t) => {
    let type: GgmlType;
    if (arch.mxfp4Experts && t.routedExpert && !t.oneDim) {
      // gpt-oss GGUFs keep the checkpoint's MXFP4 experts whatever the mix.
      type = "MXFP4";
    } else if (!allowsQuantization(t)) {
      type = convertedType(t, convBase);
    } else if (!quantized) {
      type = base;
    } else {
      type = withFallback(t, chooseType(format, t, categoryOf(t), qs));
    }
    const rows = t.ne[1] * t.ne[2];
    return { tensor: t, type, bytes: rows * ggmlRowBytes(type, t.ne[0]) };
  });
}

// ---------------------------------------------------------------------------------------------
// GPU-engine checkpoint layouts (vLLM).
// ---------------------------------------------------------------------------------------------
/** Linear layers inside the blocks get quantized; embeddings, lm_head, routers, norms and biases stay 16-bit. */
function isQuantizableLinear(t: TensorInfo): boolean {
  if (t.oneDim) return false;
  return (
    t.role !== "token_embd" &&
    t.role !== "output" &&
    t.role !== "ffn_gate_inp" &&
    t.role !== "ffn_gate_inp_shexp"
  );
}

function gpuTensorBytes(arch: ModelArchitecture, format: WeightFormat, t: TensorInfo): number {
  const n = tensorElements(t);
  const inF = t.ne[0];
  const outRows = t.ne[1] * t.ne[2];
  if (format === "BF16" || format === "F16") return 2 * n;
  if (arch.mxfp4Experts && t.routedExpert && !t.oneDim) {
    // MXFP4: 4-bit values + one E8M0 scale byte per 32 (OCP MX spec; ggml block_mxfp4).
    return outRows * ggmlRowBytes("MXFP4", inF);
  }
  if (!isQuantizableLinear(t)) return 2 * n;
  switch (format) {
    case "FP8":
    case "INT8":
      // 1 byte per weight + one fp32 scale per output channel.
      return n + 4 * outRows;
    case "AWQ-INT4":
    case "GPTQ-INT4": {
      // qweight: 4 bits per weight; per group of 128 input features and per output column:
      // fp16 scale (2 bytes) + 4-bit zero point (qzeros packed 8 per int32).
      const groups = Math.ceil(inF / INT4_GROUP_SIZE);
      let b = n / 2 + outRows * groups * (2 + 0.5);
      // GPTQ also stores g_idx: one int32 per input feature.
      if (format === "GPTQ-INT4") b += 4 * inF * t.ne[2];
      return Math.ceil(b);
    }
    default:
      throw new RangeError(`format ${format} is not a GPU-engine format`);
  }
}

export const GGUF_FORMATS: ReadonlySet<WeightFormat> = new Set(
  Object.keys(GGUF_DEFAULT_TYPE) as WeightFormat[],
);

/**
 * Results are memoized per architecture object (placement searches call this many times for one model);
 * the cache is invisible to callers as long as they treat the returned array as read-only.
 */
const MEMO = new WeakMap<ModelArchitecture, Map<string, readonly TensorPlacementInfo[]>>();

/** Per-tensor bytes of the weights in `format` for `engine`. */
export function tensorBytes(
  arch: ModelArchitecture,
  format: WeightFormat,
  engine: Engine = "llama.cpp",
): readonly TensorPlacementInfo[] {
  let m = MEMO.get(arch);
  if (!m) {
    m = new Map();
    MEMO.set(arch, m);
  }
  const key = `${engine}|${format}`;
  const hit = m.get(key);
  if (hit) return hit;
  const result: readonly TensorPlacementInfo[] = Object.freeze(
    engine === "llama.cpp"
      ? ggufTensorBytes(arch, format)
      : listTensors(arch).map((t) => ({
          tensor: t,
          type: "GPU" as const,
          bytes: gpuTensorBytes(arch, format, t),
        })),
  );
  m.set(key, result);
  return result;
}

/** Total weight bytes: what the GGUF file / safetensors checkpoint holds for these tensors (no file headers). */
export function weightBytes(
  arch: ModelArchitecture,
  format: WeightFormat,
  engine: Engine = "llama.cpp",
): number {
  let s = 0;
  for (const t of tensorBytes(arch, format, engine)) s += t.bytes;
  return Math.round(s);
}
