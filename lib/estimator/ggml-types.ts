/**
 * ggml tensor types and their block layouts (the one place bytes per weight come from).
 */

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
  | "IQ1_M"
  | "IQ2_XXS"
  | "IQ2_XS"
  | "IQ2_S"
  | "IQ3_XXS"
  | "IQ3_S"
  | "IQ4_NL"
  | "IQ4_XS"
  | "MXFP4"
  | "TQ1_0"
  | "TQ2_0";

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
  IQ1_M: { blockSize: 256, bytesPerBlock: 32 + 16 + 8 }, // block_iq1_m: qs[32] + qh[16] + scales[8]
  IQ2_XXS: { blockSize: 256, bytesPerBlock: 2 + 64 }, // half d + uint16 qs[32]
  IQ2_XS: { blockSize: 256, bytesPerBlock: 2 + 64 + 8 }, // + scales[8]
  IQ2_S: { blockSize: 256, bytesPerBlock: 2 + 64 + 16 }, // half d + qs[64] + qh[8] + scales[8]
  IQ3_XXS: { blockSize: 256, bytesPerBlock: 2 + 96 }, // half d + qs[96]
  IQ3_S: { blockSize: 256, bytesPerBlock: 2 + 64 + 8 + 32 + 4 }, // half d + qs[64] + qh[8] + signs[32] + scales[4]
  IQ4_NL: { blockSize: 32, bytesPerBlock: 2 + 16 },
  IQ4_XS: { blockSize: 256, bytesPerBlock: 2 + 2 + 4 + 128 }, // half d + uint16 scales_h + scales_l[4] + qs[128]
  MXFP4: { blockSize: 32, bytesPerBlock: 1 + 16 }, // block_mxfp4: E8M0 e + qs[16]
  TQ1_0: { blockSize: 256, bytesPerBlock: 48 + 4 + 2 }, // block_tq1_0: qs[48] (5 trits/byte) + qh[4] + half d
  TQ2_0: { blockSize: 256, bytesPerBlock: 64 + 2 }, // block_tq2_0: qs[64] (2 bits) + half d
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
