/**
 * MLX (Apple silicon) checkpoints as mlx-lm writes and runs them.
 *
 * Storage (ml-explore/mlx mlx/ops.cpp affine_quantize): a quantized matrix keeps its values packed into uint32
 * words, `in × bits / 32` words per row (so exactly bits/8 bytes per weight, 3- and 6-bit included), plus one
 * scale and one bias per group of `group_size` inputs, both in the weight's own dtype (bf16 / fp16, 2 bytes).
 * With the default group of 64 a weight costs bits + 2 × 16 / 64 = bits + 0.5 bits.
 *
 * What gets quantized (mlx_lm/utils.py quantize_model, mlx/nn/layers/quantized.py quantize): every module with
 * `to_quantized` — Linear, Embedding and the MoE SwitchLinear experts — whose input width is a multiple of the
 * group size. Norms, biases, convolution kernels and other parameters stay in the checkpoint dtype (mlx_lm
 * convert casts them to the config's torch_dtype, 16-bit). Model-specific `quant_predicate`s keep MoE routers at
 * 8 bits; models whose router is a raw parameter (DeepSeek, GLM-4.5, Nemotron-H) keep it 16-bit.
 */
import type { ModelArchitecture } from "./config";
import { ggmlRowBytes } from "./ggml-types";
import { tensorElements, type TensorInfo } from "./parameters";

/** mlx_lm convert --q-group-size default for affine quantization (quantize_model defaults_for_mode). */
export const MLX_GROUP_SIZE = 64;

/** Bytes per weight element of the 16-bit parameters mlx-lm leaves unquantized. */
const MLX_DENSE_BYTES = 2;

/**
 * Model types whose mlx-lm `quant_predicate` quantizes the MoE router (and Qwen's shared-expert gate) at 8 bits,
 * group 64, whatever bits the rest gets (mlx_lm/models/qwen3_moe.py, qwen3_next.py, qwen3_5.py, qwen3_vl_moe.py,
 * gpt_oss.py, gemma4_text.py, granitemoe.py, granitemoehybrid.py, lfm2_moe.py, minimax.py; minimax_m2 maps to
 * minimax in mlx_lm/utils.py MODEL_REMAPPING).
 */
const ROUTER_8BIT_MODEL_TYPES: ReadonlySet<string> = new Set([
  "qwen3_moe",
  "qwen3_next",
  "qwen3_5",
  "qwen3_5_text",
  "qwen3_5_moe",
  "qwen3_5_moe_text",
  "qwen3_vl_moe",
  "qwen3_vl_moe_text",
  "gpt_oss",
  "gemma4",
  "gemma4_text",
  "granitemoe",
  "granitemoehybrid",
  "lfm2_moe",
  "minimax",
  "minimax_m2",
]);

/**
 * Model types whose router is a raw weight parameter rather than a Linear layer, so nn.quantize skips it
 * (mlx_lm/models/deepseek_v2.py / deepseek_v3.py / deepseek_v32.py / glm4_moe.py / nemotron_h.py MoEGate).
 */
const ROUTER_RAW_MODEL_TYPES: ReadonlySet<string> = new Set([
  "deepseek",
  "deepseek_v2",
  "deepseek_v3",
  "deepseek_v32",
  "kimi_k2",
  "glm4_moe",
  "glm4_moe_lite",
  "dots1",
  "nemotron_h",
]);

const ROUTER_ROLES: ReadonlySet<TensorInfo["role"]> = new Set(["ffn_gate_inp", "ffn_gate_inp_shexp"]);

/** Bytes of one affine-quantized matrix of `elements` weights (packed values + 16-bit scale and bias per group). */
export function mlxQuantizedBytes(elements: number, bits: number, groupSize = MLX_GROUP_SIZE): number {
  return (elements * bits) / 8 + (elements / groupSize) * 2 * MLX_DENSE_BYTES;
}

/** Bits a tensor is stored with in an mlx-lm `bits`-bit conversion, or null when it stays 16-bit. */
export function mlxTensorBits(arch: ModelArchitecture, t: TensorInfo, bits: number): number | null {
  // 1-D parameters, convolution kernels and SSM parameters have no to_quantized (flagged oneDim upstream).
  if (t.oneDim) return null;
  if (t.ne[0] % MLX_GROUP_SIZE !== 0) return null;
  if (ROUTER_ROLES.has(t.role)) {
    if (ROUTER_RAW_MODEL_TYPES.has(arch.modelType)) return null;
    if (ROUTER_8BIT_MODEL_TYPES.has(arch.modelType)) return 8;
  }
  return bits;
}

/** Stored bytes of one tensor in an mlx-lm `bits`-bit checkpoint. */
export function mlxTensorBytes(arch: ModelArchitecture, t: TensorInfo, bits: number): number {
  const n = tensorElements(t);
  // gpt-oss: mlx-lm keeps the released MXFP4 experts as they are (mlx_lm/models/gpt_oss.py sanitize maps the
  // *_blocks / *_scales tensors onto an mxfp4 SwitchLinear): 4-bit values + one E8M0 scale per 32.
  if (arch.mxfp4Experts && t.routedExpert) return t.ne[1] * t.ne[2] * ggmlRowBytes("MXFP4", t.ne[0]);
  const b = mlxTensorBits(arch, t, bits);
  return b === null ? n * MLX_DENSE_BYTES : mlxQuantizedBytes(n, b);
}

/**
 * mlx-lm processes a prompt in chunks of `prefill_step_size` tokens (mlx_lm/generate.py generate_step, default
 * 2048); only the cache state is evaluated per chunk, and logits are computed for the last token alone.
 */
export const MLX_PREFILL_STEP_TOKENS = 2048;

/**
 * mlx-lm's KVCache grows in steps of 256 tokens (mlx_lm/models/cache.py KVCache.step); a RotatingKVCache for a
 * sliding-window layer holds at most max_size + S − 1 tokens while a chunk of S tokens is added.
 */
export const MLX_KV_STEP_TOKENS = 256;
