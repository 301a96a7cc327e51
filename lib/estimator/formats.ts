/**
 * Weight formats: ggml block layouts, llama.cpp's per-tensor type choice for each quantization mix,
 * and the tensor layouts of GPU-engine checkpoints (FP8, INT8, AWQ, GPTQ) and of MLX checkpoints (mlx.ts).
 */
import type { ModelArchitecture } from "./config";
import { GGUF_DEFAULT_TYPE, ggufTensorBytes, type TensorPlacementInfo } from "./gguf-mix";
import { ggmlBitsPerWeight, ggmlRowBytes } from "./ggml-types";
import { MLX_GROUP_SIZE, mlxTensorBytes } from "./mlx";
import { listTensors, tensorElements, type TensorInfo } from "./parameters";

export {
  GGML_TYPES,
  ggmlBitsPerWeight,
  ggmlRowBytes,
  type GgmlType,
  type GgmlTypeLayout,
} from "./ggml-types";
export { ggufTensorBytes, type QuantOptions, type TensorPlacementInfo } from "./gguf-mix";

/** llama.cpp (GGUF), vLLM (GPU checkpoints) and mlx-lm (MLX checkpoints on Apple silicon). */
export type Engine = "llama.cpp" | "vllm" | "mlx";
export const ENGINES: readonly Engine[] = ["llama.cpp", "vllm", "mlx"];

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
  | "Q4_1"
  | "Q5_0"
  | "Q5_1"
  | "IQ4_NL"
  | "IQ3_M"
  | "IQ3_S"
  | "IQ3_XS"
  | "IQ2_M"
  | "IQ2_S"
  | "IQ2_XS"
  | "IQ1_M"
  | "TQ1_0"
  | "TQ2_0"
  | "MXFP4_MOE"
  | "FP8"
  | "INT8"
  | "AWQ-INT4"
  | "GPTQ-INT4"
  | "NVFP4"
  | "MLX-3bit"
  | "MLX-4bit"
  | "MLX-6bit"
  | "MLX-8bit";

export interface WeightFormatInfo {
  id: WeightFormat;
  label: string;
  engines: readonly Engine[];
  nominalBitsPerWeight: number;
  description: string;
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Format catalogue
// ---------------------------------------------------------------------------------------------
/** Group size of AWQ / GPTQ 4-bit checkpoints (AutoAWQ q_group_size, GPTQ group_size as published). */
export const INT4_GROUP_SIZE = 128;

const LLAMA: readonly Engine[] = ["llama.cpp"];
const VLLM: readonly Engine[] = ["vllm"];
const MLX: readonly Engine[] = ["mlx"];
const ALL: readonly Engine[] = ["llama.cpp", "vllm", "mlx"];

/** Bits of each MLX affine format (mlx_lm convert -q --q-bits; group size 64, see mlx.ts). */
export const MLX_FORMAT_BITS: Readonly<Partial<Record<WeightFormat, number>>> = {
  "MLX-3bit": 3,
  "MLX-4bit": 4,
  "MLX-6bit": 6,
  "MLX-8bit": 8,
};

function mlx(id: WeightFormat, description: string): WeightFormatInfo {
  const bits = MLX_FORMAT_BITS[id]!;
  return {
    id,
    label: `MLX ${bits}-bit`,
    engines: MLX,
    // values + a 16-bit scale and a 16-bit bias per group of 64 (mlx/ops.cpp affine_quantize)
    nominalBitsPerWeight: bits + (2 * 16) / MLX_GROUP_SIZE,
    description,
  };
}

function gguf(id: WeightFormat, description: string): WeightFormatInfo {
  const t = GGUF_DEFAULT_TYPE[id]!;
  return { id, label: `GGUF ${id}`, engines: LLAMA, nominalBitsPerWeight: ggmlBitsPerWeight(t), description };
}

export const WEIGHT_FORMATS: readonly WeightFormatInfo[] = [
  {
    id: "BF16",
    label: "BF16",
    engines: ALL,
    nominalBitsPerWeight: 16,
    description: "Unquantized bfloat16 weights.",
  },
  {
    id: "F16",
    label: "F16",
    engines: ALL,
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
  gguf("Q4_1", "Legacy 4-bit blocks of 32 with a scale and a minimum."),
  gguf("Q5_0", "Legacy 5-bit blocks of 32 with one fp16 scale."),
  gguf("Q5_1", "Legacy 5-bit blocks of 32 with a scale and a minimum."),
  gguf("IQ4_NL", "4.5-bit non-linear blocks of 32."),
  gguf("IQ3_M", "3.4-bit i-quant mix (IQ3_S, attention-v in Q4_K)."),
  gguf("IQ3_S", "3.4-bit i-quant."),
  gguf("IQ3_XS", "3.3-bit i-quant mix (IQ3_S with IQ3_XXS gate/up in the middle layers)."),
  gguf("IQ2_M", "2.7-bit i-quant mix (IQ2_S); needs an importance matrix."),
  gguf("IQ2_S", "2.5-bit i-quant mix (IQ2_XS with IQ3_S attention-v); needs an importance matrix."),
  gguf("IQ2_XS", "2.3-bit i-quant; needs an importance matrix."),
  gguf("IQ1_M", "1.75-bit i-quant; needs an importance matrix. Heavy quality loss."),
  gguf("TQ1_0", "Ternary 1.69-bit packing for ternary-trained models (BitNet-style)."),
  gguf("TQ2_0", "Ternary 2.06-bit packing for ternary-trained models (BitNet-style)."),
  {
    id: "MXFP4_MOE",
    label: "GGUF MXFP4_MOE",
    engines: LLAMA,
    nominalBitsPerWeight: 4.25,
    description: "Routed experts in MXFP4 (4-bit with an E8M0 scale per 32), every other weight Q8_0.",
  },
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
  {
    id: "NVFP4",
    label: "NVFP4",
    engines: VLLM,
    nominalBitsPerWeight: 4 + 8 / 16,
    description:
      "4-bit E2M1 linear layers with an FP8 scale per 16 weights (Blackwell); embeddings stay 16-bit.",
  },
  mlx(
    "MLX-3bit",
    "MLX 3-bit for Apple silicon (mlx-lm): groups of 64 with a 16-bit scale and bias; norms 16-bit.",
  ),
  mlx(
    "MLX-4bit",
    "MLX 4-bit, mlx-lm's default: linear layers and embeddings in groups of 64, MoE routers at 8 bits.",
  ),
  mlx("MLX-6bit", "MLX 6-bit for Apple silicon (mlx-lm): groups of 64 with a 16-bit scale and bias."),
  mlx(
    "MLX-8bit",
    "MLX 8-bit for Apple silicon (mlx-lm): near-lossless, groups of 64 with a 16-bit scale and bias.",
  ),
];

export function isWeightFormat(value: string): value is WeightFormat {
  return WEIGHT_FORMATS.some((f) => f.id === value);
}

export function weightFormatInfo(format: WeightFormat): WeightFormatInfo {
  return WEIGHT_FORMATS.find((f) => f.id === format)!;
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
    case "NVFP4":
      // NVFP4 (compressed-tensors "nvfp4-pack-quantized" / ModelOpt): two E2M1 values per byte, one FP8 (E4M3)
      // scale per 16 input features, and fp32 weight and input global scales per tensor (weight_packed [out, in/2],
      // weight_scale [out, in/16], weight_global_scale [1], input_global_scale [1]).
      return n / 2 + outRows * Math.ceil(inF / 16) + 8 * t.ne[2];
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

function mlxBytes(arch: ModelArchitecture, format: WeightFormat, t: TensorInfo): number {
  // BF16 / F16 on mlx-lm: the unquantized checkpoint.
  if (format === "BF16" || format === "F16") return 2 * tensorElements(t);
  const bits = MLX_FORMAT_BITS[format];
  if (bits === undefined) throw new RangeError(`format ${format} is not an MLX format`);
  return mlxTensorBytes(arch, t, bits);
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
          bytes: engine === "mlx" ? mlxBytes(arch, format, t) : gpuTensorBytes(arch, format, t),
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
