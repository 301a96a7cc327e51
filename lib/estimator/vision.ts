/**
 * Vision towers as llama.cpp loads them: the separate projector file (mmproj-*.gguf) that
 * convert_hf_to_gguf.py writes with --mmproj, and the parameters in it. The text-only estimate never includes
 * it; pages and the CLI show it as a line of its own.
 *
 * Tensor lists follow the checkpoints' modules as convert_hf_to_gguf.py maps them (Qwen3VLVisionModel,
 * Gemma3VisionModel) and tools/mtmd/clip.cpp loads them. Storage types follow ModelBase.prepare_tensors:
 * vectors (norms, biases) and V_ENC_EMBD_POS stay F32; MmprojModel.tensor_force_quant keeps the patch embedding
 * F16 in an f16 file and F32 otherwise; 2-D weights take the output type, and a Q8_0 request falls back to F16
 * for a tensor whose rows are not a multiple of 32 (gguf.quants.QuantError → "falling back to F16").
 * Metadata and alignment padding (a few kB) are not counted.
 */
import { ConfigError, isObj, Reader, type Obj } from "./architectures/reader";
import { ggmlRowBytes } from "./ggml-types";

/**
 * How convert_hf_to_gguf.py stores a tensor, which decides its bytes per output type: "f32" always F32
 * (vectors, V_ENC_EMBD_POS, Gemma 3's ".embeddings." tensors), "f16" always F16 (Gemma 3's input_projection,
 * llama.cpp issue 13025), "patch" F16 in an f16 file and F32 otherwise (MmprojModel.tensor_force_quant).
 */
type VisionTensorKind = "matrix" | "f32" | "f16" | "patch";

interface VisionTensor {
  name: string;
  /** ggml ne0: the input width of a Linear weight (its row length). */
  rowSize: number;
  rows: number;
  kind: VisionTensorKind;
}

export type VisionFamily = "qwen3_vl" | "siglip" | "pixtral";

export interface VisionTower {
  family: VisionFamily;
  /** vision transformer blocks. */
  depth: number;
  hiddenSize: number;
  intermediateSize: number;
  patchSize: number;
  /** width the projector writes into: the language model's hidden size. */
  outHiddenSize: number;
  /** learned position embeddings (rows). */
  positionEmbeddings: number;
  inChannels: number;
  /** Qwen3-VL: frames per patch (the Conv3d's temporal kernel). */
  temporalPatchSize: number;
  /** Qwen3-VL: patches merged into one token per side (2 → 2 × 2). */
  spatialMergeSize: number;
  /** Qwen3-VL DeepStack: one extra merger per listed vision layer. */
  deepstackMergers: number;
  /** Mistral 3 (Pixtral): biases on the projector's two linear layers (multimodal_projector_bias). */
  projectorBias?: boolean;
}

export interface VisionTowerEstimate {
  parameters: number;
  mmprojBytes: { f16: number; q8_0: number };
  /** llama.cpp's image-encoder compute buffer, measured per family (see VISION_COMPUTE_MEASURED); null if unmeasured. */
  computeBytes: { flashAttention: number; noFlashAttention: number } | null;
}

const MiB = 1024 ** 2;

/**
 * The encoder's compute buffer as llama.cpp reserves it for its warm-up image (its own report
 * "[mtmd] adding N MiB to fit_params_target"), measured on an MI300X with -c 4096 -np 1 and flash attention
 * off / on: https://github.com/gpustack/gguf-parser-go/issues/44 (2026-08-24). One measurement per family, not
 * a formula: smaller towers of the same family need somewhat less, and larger images than the warm-up more.
 */
export const VISION_COMPUTE_MEASURED: Readonly<
  Partial<Record<VisionFamily, { flashAttention: number; noFlashAttention: number }>>
> = {
  qwen3_vl: { flashAttention: 323 * MiB, noFlashAttention: 4728 * MiB },
  siglip: { flashAttention: 121 * MiB, noFlashAttention: 1132 * MiB },
};

/** model_type values of Qwen3-VL-style towers (Qwen3-VL, Qwen3.5 / 3.6 reuse the same vision module). */
const QWEN3_VL_TYPES = new Set(["qwen3_vl", "qwen3_vl_moe", "qwen3_5", "qwen3_5_moe"]);

function textHidden(config: Obj): number | null {
  const tc = config["text_config"];
  const src = isObj(tc) ? tc : config;
  const h = src["hidden_size"];
  return typeof h === "number" && Number.isInteger(h) && h > 0 ? h : null;
}

// Published towers stay far below this (27 blocks, widths up to a few thousand, a few thousand positions); the
// cap keeps a hostile config from turning the figures into Infinity.
const MAX_VISION_SIZE = 1 << 20;

function positive(r: Reader, key: string, fallback?: number): number {
  const v = r.optInt(key) ?? fallback;
  if (v === undefined || v <= 0 || v > MAX_VISION_SIZE) {
    throw new ConfigError(
      `vision_config.${key}`,
      `config.json: "vision_config.${key}" must be a positive integer up to ${MAX_VISION_SIZE}`,
    );
  }
  return v;
}

/**
 * The vision tower of a multimodal config.json, or null when it has none or one this estimator does not know
 * (the text estimate stays valid either way). A known tower with a bad size fails with a ConfigError.
 */
export function parseVisionTower(config: unknown): VisionTower | null {
  if (!isObj(config)) return null;
  const vc = config["vision_config"];
  if (!isObj(vc)) return null;
  const type = typeof vc["model_type"] === "string" ? vc["model_type"] : "";
  const top = typeof config["model_type"] === "string" ? config["model_type"] : "";
  const r = new Reader(vc);
  const out = textHidden(config);
  if (out === null) return null;
  if (QWEN3_VL_TYPES.has(type) || QWEN3_VL_TYPES.has(top)) {
    // Qwen3VLVisionConfig defaults: depth 27, hidden 1152, intermediate 4304, patch 16, temporal 2, merge 2,
    // 2304 position embeddings, out_hidden_size 3584 (configuration_qwen3_vl.py).
    const deepstack = Array.isArray(vc["deepstack_visual_indexes"])
      ? vc["deepstack_visual_indexes"].length
      : 0;
    return {
      family: "qwen3_vl",
      depth: positive(r, "depth", 27),
      hiddenSize: positive(r, "hidden_size", 1152),
      intermediateSize: positive(r, "intermediate_size", 4304),
      patchSize: positive(r, "patch_size", 16),
      outHiddenSize: positive(r, "out_hidden_size", out),
      positionEmbeddings: positive(r, "num_position_embeddings", 2304),
      inChannels: positive(r, "in_channels", 3),
      temporalPatchSize: positive(r, "temporal_patch_size", 2),
      spatialMergeSize: positive(r, "spatial_merge_size", 2),
      deepstackMergers: deepstack,
    };
  }
  if (type === "siglip_vision_model" && top === "gemma3") {
    // Gemma 3: SigLIP so400m at 896 px (SiglipVisionConfig keys) and Gemma3MultiModalProjector
    // (soft-embedding RMSNorm + one projection into the text hidden size, no bias).
    const patch = positive(r, "patch_size", 14);
    const image = positive(r, "image_size", 896);
    const side = Math.floor(image / patch);
    return {
      family: "siglip",
      depth: positive(r, "num_hidden_layers", 27),
      hiddenSize: positive(r, "hidden_size", 1152),
      intermediateSize: positive(r, "intermediate_size", 4304),
      patchSize: patch,
      outHiddenSize: out,
      positionEmbeddings: side * side,
      inChannels: positive(r, "num_channels", 3),
      temporalPatchSize: 1,
      spatialMergeSize: 1,
      deepstackMergers: 0,
    };
  }
  if (type === "pixtral" && top === "mistral3") {
    // Mistral Small 3.x / Devstral / Ministral 3: Pixtral encoder (PixtralVisionConfig) and Mistral3MultiModalProjector
    // (RMSNorm, patch merger over spatial_merge_size², two linears; Mistral3Config.multimodal_projector_bias
    // defaults to false). No learned position table: Pixtral uses 2-D RoPE.
    const merge = typeof config["spatial_merge_size"] === "number" ? config["spatial_merge_size"] : 2;
    if (!Number.isInteger(merge) || merge <= 0 || merge > 64) {
      throw new ConfigError(
        "spatial_merge_size",
        `config.json: "spatial_merge_size" must be a positive integer`,
      );
    }
    return {
      family: "pixtral",
      depth: positive(r, "num_hidden_layers", 24),
      hiddenSize: positive(r, "hidden_size", 1024),
      intermediateSize: positive(r, "intermediate_size", 4096),
      patchSize: positive(r, "patch_size", 16),
      outHiddenSize: out,
      positionEmbeddings: 0,
      inChannels: positive(r, "num_channels", 3),
      temporalPatchSize: 1,
      spatialMergeSize: merge,
      deepstackMergers: 0,
      projectorBias: config["multimodal_projector_bias"] === true,
    };
  }
  return null;
}

function pixtralTensors(v: VisionTower): VisionTensor[] {
  const h = v.hiddenSize;
  const i = v.intermediateSize;
  const t: VisionTensor[] = [];
  const matrix = (name: string, inDim: number, outDim: number) =>
    t.push({ name: `${name}.weight`, rowSize: inDim, rows: outDim, kind: "matrix" });
  const vector = (name: string, dim: number) => t.push({ name, rowSize: dim, rows: 1, kind: "f32" });
  // patch_conv has no bias; ln_pre and every norm are RMSNorm (weight only); attention and the SiLU-gated MLP
  // have no biases (modeling_pixtral.py).
  t.push({
    name: "v.patch_embd.weight",
    rowSize: v.inChannels * v.patchSize * v.patchSize,
    rows: h,
    kind: "patch",
  });
  vector("v.pre_ln.weight", h);
  for (let b = 0; b < v.depth; b++) {
    const p = `v.blk.${b}`;
    vector(`${p}.ln1.weight`, h);
    vector(`${p}.ln2.weight`, h);
    for (const n of ["attn_q", "attn_k", "attn_v", "attn_out"]) matrix(`${p}.${n}`, h, h);
    matrix(`${p}.ffn_gate`, h, i);
    matrix(`${p}.ffn_up`, h, i);
    matrix(`${p}.ffn_down`, i, h);
  }
  vector("mm.input_norm.weight", h);
  // The patch merger follows the patch embedding's storage rule (MmprojModel.tensor_force_quant).
  t.push({ name: "mm.patch_merger.weight", rowSize: h * v.spatialMergeSize ** 2, rows: h, kind: "patch" });
  matrix("mm.1", h, v.outHiddenSize);
  matrix("mm.2", v.outHiddenSize, v.outHiddenSize);
  if (v.projectorBias) {
    vector("mm.1.bias", v.outHiddenSize);
    vector("mm.2.bias", v.outHiddenSize);
  }
  // LlavaVisionModel copies the text model's [IMG_BREAK] embedding row into the mmproj file.
  vector("v.token_embd.img_break", v.outHiddenSize);
  return t;
}

function visionTensors(v: VisionTower): VisionTensor[] {
  if (v.family === "pixtral") return pixtralTensors(v);
  const h = v.hiddenSize;
  const i = v.intermediateSize;
  const t: VisionTensor[] = [];
  const linear = (name: string, inDim: number, outDim: number, bias: boolean) => {
    t.push({ name: `${name}.weight`, rowSize: inDim, rows: outDim, kind: "matrix" });
    if (bias) t.push({ name: `${name}.bias`, rowSize: outDim, rows: 1, kind: "f32" });
  };
  const layerNorm = (name: string, dim: number) => {
    t.push({ name: `${name}.weight`, rowSize: dim, rows: 1, kind: "f32" });
    t.push({ name: `${name}.bias`, rowSize: dim, rows: 1, kind: "f32" });
  };
  // Patch embedding: a Conv3d (Qwen3-VL, split into temporalPatchSize Conv2d slices by the converter) or a
  // Conv2d (SigLIP), with bias.
  const patchPixels = v.inChannels * v.patchSize * v.patchSize;
  for (let k = 0; k < v.temporalPatchSize; k++) {
    const kind = v.family === "siglip" ? "f32" : "patch";
    t.push({ name: `v.patch_embd.weight${k ? `.${k}` : ""}`, rowSize: patchPixels, rows: h, kind });
  }
  t.push({ name: "v.patch_embd.bias", rowSize: h, rows: 1, kind: "f32" });
  t.push({ name: "v.position_embd.weight", rowSize: h, rows: v.positionEmbeddings, kind: "f32" });
  // Encoder blocks: pre-norm LayerNorms, attention with biases (Qwen3-VL's fused qkv is split into q/k/v
  // by the converter: same count), GELU MLP with biases.
  for (let b = 0; b < v.depth; b++) {
    const p = `v.blk.${b}`;
    layerNorm(`${p}.ln1`, h);
    layerNorm(`${p}.ln2`, h);
    for (const n of ["attn_q", "attn_k", "attn_v", "attn_out"]) linear(`${p}.${n}`, h, h, true);
    linear(`${p}.ffn_up`, h, i, true);
    linear(`${p}.ffn_down`, i, h, true);
  }
  if (v.family === "qwen3_vl") {
    // Qwen3VLVisionPatchMerger: LayerNorm, then fc1 (merged width → merged width) and fc2 (→ text hidden),
    // both with bias; the merged width is hidden × merge². DeepStack mergers normalise after the shuffle.
    const merged = h * v.spatialMergeSize * v.spatialMergeSize;
    layerNorm("v.post_ln", h);
    linear("mm.0", merged, merged, true);
    linear("mm.2", merged, v.outHiddenSize, true);
    for (let k = 0; k < v.deepstackMergers; k++) {
      layerNorm(`v.deepstack.${k}.norm`, merged);
      linear(`v.deepstack.${k}.fc1`, merged, merged, true);
      linear(`v.deepstack.${k}.fc2`, merged, v.outHiddenSize, true);
    }
  } else {
    // SigLIP post_layernorm, then Gemma3MultiModalProjector: RMSNorm weight and [hidden → text hidden].
    layerNorm("v.post_ln", h);
    t.push({ name: "mm.soft_emb_norm.weight", rowSize: h, rows: 1, kind: "f32" });
    // mm_input_projection_weight is stored [vision hidden, text hidden]: ggml rows are text-hidden wide.
    t.push({ name: "mm.input_projection.weight", rowSize: v.outHiddenSize, rows: h, kind: "f16" });
  }
  return t;
}

function tensorBytesAs(x: VisionTensor, out: "F16" | "Q8_0"): number {
  if (x.kind === "f32") return ggmlRowBytes("F32", x.rowSize) * x.rows;
  if (x.kind === "f16") return ggmlRowBytes("F16", x.rowSize) * x.rows;
  if (x.kind === "patch") return ggmlRowBytes(out === "F16" ? "F16" : "F32", x.rowSize) * x.rows;
  const type = out === "Q8_0" && x.rowSize % 32 !== 0 ? "F16" : out;
  return ggmlRowBytes(type, x.rowSize) * x.rows;
}

/**
 * Parameters of the vision tower, the size of its mmproj file as f16 (llama.cpp's default) and q8_0, and the
 * measured compute allowance for encoding an image.
 */
export function estimateVisionTower(v: VisionTower): VisionTowerEstimate {
  const tensors = visionTensors(v);
  const measured = VISION_COMPUTE_MEASURED[v.family];
  let parameters = 0;
  let f16 = 0;
  let q8 = 0;
  for (const x of tensors) {
    parameters += x.rowSize * x.rows;
    f16 += tensorBytesAs(x, "F16");
    q8 += tensorBytesAs(x, "Q8_0");
  }
  return {
    parameters,
    mmprojBytes: { f16, q8_0: q8 },
    computeBytes: measured ? { ...measured } : null,
  };
}
