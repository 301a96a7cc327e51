/**
 * llama.cpp's choice of ggml type per tensor for each GGUF mix (llama_ftype_get_default_type,
 * llama_tensor_get_type_impl and tensor_type_fallback in src/llama-quant.cpp), over our tensor inventory.
 */
import type { ModelArchitecture } from "./config";
import type { WeightFormat } from "./formats";
import { GGML_TYPES, ggmlRowBytes, type GgmlType } from "./ggml-types";
import { listTensors, type TensorInfo } from "./parameters";

export const GGUF_DEFAULT_TYPE: Partial<Record<WeightFormat, GgmlType>> = {
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
  Q4_1: "Q4_1",
  Q5_0: "Q5_0",
  Q5_1: "Q5_1",
  IQ4_NL: "IQ4_NL",
  IQ3_M: "IQ3_S",
  IQ3_S: "IQ3_S",
  IQ3_XS: "IQ3_S",
  IQ2_M: "IQ2_S",
  IQ2_S: "IQ2_XS",
  IQ2_XS: "IQ2_XS",
  IQ1_M: "IQ1_M",
  TQ1_0: "TQ1_0",
  TQ2_0: "TQ2_0",
  // MXFP4_MOE: routed experts in MXFP4, everything else Q8_0 (llama_tensor_get_type: ftype MXFP4_MOE)
  MXFP4_MOE: "Q8_0",
};

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
    case "per_layer_embd": // llama-quant.cpp treats per_layer_token_embd like token_embd
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

/** the 1- and 2-bit i-quant mixes, which share one rule branch in llama_tensor_get_type_impl */
const IQ_LOW: ReadonlySet<WeightFormat> = new Set(["IQ2_XXS", "IQ2_XS", "IQ2_S", "IQ2_M", "IQ1_S", "IQ1_M"]);
/** formats whose main type needs an importance matrix (tensor_requires_imatrix in llama-quant.cpp) */
const IMATRIX_REQUIRED: ReadonlySet<WeightFormat> = new Set([
  "IQ3_XXS",
  "IQ2_XXS",
  "IQ2_XS",
  "IQ2_S",
  "IQ2_M",
  "IQ1_S",
  "IQ1_M",
]);
/** IQ2_S / IQ2_M take IQ3_S where the other low mixes take Q2_K */
const IQ2_SM: ReadonlySet<WeightFormat> = new Set(["IQ2_S", "IQ2_M"]);

function chooseType(fmt: WeightFormat, t: TensorInfo, cat: Category, qs: QuantState): GgmlType {
  let nt = GGUF_DEFAULT_TYPE[fmt]!;
  if (fmt === "MXFP4_MOE") {
    // llama_tensor_get_type_impl: the output tensor takes the usual Q6_K (default type MXFP4 is not Q8_0),
    // every other non-expert tensor Q8_0; routed experts are MXFP4 (handled by the caller).
    if (cat === "output" || (qs.tied && t.role === "token_embd"))
      return t.ne[0] % GGML_TYPES.Q6_K.blockSize === 0 ? "Q6_K" : "Q8_0";
    return "Q8_0";
  }
  if (cat === "output" || (qs.tied && t.role === "token_embd")) {
    if (t.ne[0] % GGML_TYPES[nt].blockSize !== 0) return "Q8_0";
    if (IQ_LOW.has(fmt) || fmt === "IQ3_XXS") return "Q5_K";
    if (nt !== "Q8_0") return "Q6_K";
    return nt;
  }
  if (cat === "token_embd") {
    if (IQ2_SM.has(fmt)) return "IQ3_S";
    if (IQ_LOW.has(fmt)) return "Q2_K";
    if (fmt === "IQ3_XXS" || fmt === "IQ3_S" || fmt === "IQ3_M") return "IQ3_S";
    if (fmt === "TQ1_0" || fmt === "TQ2_0") return "Q4_K";
    return nt;
  }
  if (IQ_LOW.has(fmt)) {
    if (cat === "attn_v_like") {
      nt = qs.nGqa >= 4 || qs.nExpert >= 4 ? "Q4_K" : IQ2_SM.has(fmt) ? "IQ3_S" : "Q2_K";
      qs.iAttnV++;
    } else if (qs.nExpert === 8 && cat === "attn_k") {
      nt = "Q4_K";
    } else if (cat === "ffn_down") {
      if (qs.iFfnDown < Math.floor(qs.nLayer / 8)) nt = IQ2_SM.has(fmt) ? "IQ3_S" : "Q2_K";
      qs.iFfnDown++;
    } else if (cat === "attn_output") {
      if (qs.nExpert === 8) nt = "Q5_K";
      else if (fmt === "IQ1_S" || fmt === "IQ1_M") nt = "IQ2_XXS";
      else if (IQ2_SM.has(fmt)) nt = "IQ3_S";
    }
    return nt;
  }
  if (cat === "attn_v_like") {
    const i = qs.iAttnV;
    if (fmt === "Q2_K") nt = qs.nGqa >= 4 ? "Q4_K" : "Q3_K";
    else if (fmt === "IQ3_XXS") nt = qs.nGqa >= 4 ? "Q4_K" : qs.hasImatrix ? "IQ3_XXS" : "IQ3_S";
    else if ((fmt === "IQ3_XS" || fmt === "IQ3_S") && qs.nGqa >= 4) nt = "Q4_K";
    else if (fmt === "IQ3_M") nt = "Q4_K";
    else if (fmt === "Q3_K_M") nt = i < 2 ? "Q5_K" : "Q4_K";
    else if (fmt === "Q3_K_L") nt = "Q5_K";
    else if ((fmt === "IQ4_XS" || fmt === "IQ4_NL") && qs.nGqa >= 4) nt = "Q5_K";
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
    if (fmt === "IQ3_XS") return "IQ3_XXS";
    if (fmt === "IQ3_XXS") return "IQ2_S";
    return nt;
  }
  if (cat === "attn_q") {
    if (fmt === "IQ3_XS") return "IQ3_XXS";
    if (fmt === "IQ3_XXS") return "IQ2_S";
    return nt;
  }
  if (cat === "ffn_down") {
    const i = t.layer;
    const n = qs.nLayer;
    if (fmt === "Q2_K") nt = "Q3_K";
    else if (fmt === "IQ3_XXS" && !qs.hasImatrix) nt = i < Math.floor(n / 8) ? "Q4_K" : "Q3_K";
    else if (fmt === "Q3_K_M") nt = i < Math.floor(n / 16) ? "Q5_K" : "Q4_K";
    else if (fmt === "IQ3_M" && (i < Math.floor(n / 8) || (qs.nExpert === 8 && wantsMoreBits(i, n))))
      nt = "Q4_K";
    else if (fmt === "Q3_K_L") nt = "Q5_K";
    else if (fmt === "Q4_K_M") {
      if (wantsMoreBits(i, n)) nt = "Q6_K";
    } else if (i < Math.floor(n / 8) && (fmt === "IQ4_XS" || fmt === "IQ4_NL") && !qs.hasImatrix) nt = "Q5_K";
    else if (fmt === "Q5_K_M" && wantsMoreBits(i, n)) nt = "Q6_K";
    else if (fmt === "Q4_K_S" && i < Math.floor(n / 8)) nt = "Q5_K";
    else if ((fmt === "Q4_0" || fmt === "Q5_0") && qs.hasImatrix && i < Math.floor(n / 8))
      nt = fmt === "Q4_0" ? "Q4_1" : "Q5_1";
    qs.iFfnDown++;
    return nt;
  }
  if (cat === "attn_output") {
    if (qs.nExpert === 8) {
      const bump = [
        "Q2_K",
        "IQ3_XS",
        "IQ3_XXS",
        "Q3_K_S",
        "Q3_K_M",
        "IQ4_NL",
        "Q4_K_S",
        "Q4_K_M",
        "IQ3_S",
        "IQ3_M",
        "IQ4_XS",
      ];
      if (bump.includes(fmt)) nt = "Q5_K";
    } else {
      if (fmt === "Q2_K") nt = "Q3_K";
      else if (fmt === "IQ3_XXS") nt = "IQ3_S";
      else if (fmt === "IQ3_M") nt = "Q4_K";
      else if (fmt === "Q3_K_M") nt = "Q4_K";
      else if (fmt === "Q3_K_L") nt = "Q5_K";
    }
    return nt;
  }
  if ((cat === "ffn_gate" || cat === "ffn_up") && fmt === "IQ3_XS") {
    // IQ3_XS keeps the middle three quarters of gate/up in IQ3_XXS (llama_tensor_get_type_impl).
    const i = t.layer;
    if (i >= Math.floor(qs.nLayer / 8) && i < Math.floor((7 * qs.nLayer) / 8)) return "IQ3_XXS";
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
    if ((arch.mxfp4Experts || format === "MXFP4_MOE") && t.routedExpert && !t.oneDim) {
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
