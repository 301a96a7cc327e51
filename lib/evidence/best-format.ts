// "Which format": for a model, a number of equal GPUs and a context, the highest-quality llama.cpp format that fits
// entirely in GPU memory. Quality is the measured mean KL divergence where a table exists for the model, otherwise
// bits per weight (labelled as such). Client-safe. The fit test lives in `fitsOn` only, so it can be swapped for
// another planner in one place.
import { contextLimits, countParameters, longestContext, planFit, weightBytes } from "@/lib/estimator";
import type { EstimateInput, ModelArchitecture, WeightFormat } from "@/lib/estimator";
import type { QualityRow, QualityTable } from "@/lib/evidence/parse";

/** GGUF formats considered, one per size step (F16 is left out: same size and quality as BF16). */
export const CANDIDATE_FORMATS: readonly WeightFormat[] = [
  "BF16",
  "Q8_0",
  "Q6_K",
  "Q5_K_M",
  "Q5_K_S",
  "Q4_K_M",
  "Q4_K_S",
  "IQ4_XS",
  "Q4_0",
  "Q3_K_L",
  "Q3_K_M",
  "IQ3_XXS",
  "Q3_K_S",
  "Q2_K",
  "IQ2_XXS",
  "IQ1_S",
];

const PROFILE = {
  engine: "llama.cpp",
  kvCacheType: "f16",
  sequences: 1,
  ubatchTokens: 512,
} as const satisfies Omit<EstimateInput, "format" | "contextTokens">;

export type FormatQuality =
  | { kind: "measured"; kld: number; ppl: number; referencePpl: number; row: QualityRow; reference: boolean }
  | { kind: "bits"; bitsPerWeight: number };

export interface BestFormat {
  format: WeightFormat;
  quality: FormatQuality;
  gpuCount: number;
  /** Longest context this format allows on the same GPUs (≤ the model's maximum). */
  maxContextTokens: number;
}

export interface BestFormatQuery {
  /** Usable bytes per GPU (lib/content/gpus usableBytes). */
  gpuMemoryBytes: number;
  gpuCount: number;
  contextTokens: number;
  /** The model card's maximum context, when it differs from max_position_embeddings (RoPE scaling). */
  statedContextTokens?: number;
  /** Mixed cards: usable bytes of every GPU (then gpuCount is their number and only the full set is tried). */
  deviceMemoryBytes?: readonly number[];
}

/** Effective bits per weight of a format for this model (weight bytes × 8 / parameters). */
export function bitsPerWeight(arch: ModelArchitecture, format: WeightFormat): number {
  return (weightBytes(arch, format) * 8) / countParameters(arch).total;
}

/** Quality of one format: the measured row when the table has it (BF16 = the 16-bit reference), else bits per weight. */
export function formatQuality(
  arch: ModelArchitecture,
  format: WeightFormat,
  table: QualityTable | null,
): FormatQuality {
  if (table) {
    const row =
      table.rows.find((r) => r.format === format) ??
      (format === "BF16" ? table.rows.find((r) => r.format === "F16") : undefined);
    if (row) {
      return {
        kind: "measured",
        kld: row.kld,
        ppl: row.ppl,
        referencePpl: table.referencePpl,
        row,
        reference: format === "BF16",
      };
    }
  }
  return { kind: "bits", bitsPerWeight: bitsPerWeight(arch, format) };
}

/** Candidates from best to worst: by measured KLD when the table covers them, otherwise by bits per weight. */
export function rankedFormats(
  arch: ModelArchitecture,
  table: QualityTable | null,
): { format: WeightFormat; quality: FormatQuality }[] {
  const all = CANDIDATE_FORMATS.map((format) => ({ format, quality: formatQuality(arch, format, table) }));
  const measured = all.filter((c) => c.quality.kind === "measured");
  if (table && measured.length === all.length) {
    return measured.sort((a, b) => score(a.quality) - score(b.quality));
  }
  return all.sort((a, b) => bitsOf(arch, b.format) - bitsOf(arch, a.format));
}

function score(q: FormatQuality): number {
  return q.kind === "measured" ? (q.reference ? 0 : q.kld) : Number.POSITIVE_INFINITY;
}

function bitsOf(arch: ModelArchitecture, format: WeightFormat): number {
  return bitsPerWeight(arch, format);
}

/** The one fit test of this module, through the fit planner: the smallest count of these GPUs that runs it. */
function fitsOn(arch: ModelArchitecture, format: WeightFormat, q: BestFormatQuery): number | null {
  const limits = contextLimits(arch, q.statedContextTokens);
  const mixed = q.deviceMemoryBytes && q.deviceMemoryBytes.length > 1 ? q.deviceMemoryBytes : null;
  for (let count = mixed ? mixed.length : 1; count <= q.gpuCount; count++) {
    const answer = planFit({
      arch,
      input: { ...PROFILE, format, contextTokens: q.contextTokens },
      hardware: {
        gpuMemoryBytes: q.gpuMemoryBytes,
        gpuCount: count,
        ...(mixed ? { deviceMemoryBytes: mixed } : {}),
      },
      limits,
    });
    if (answer.kind === "gpu") return count;
  }
  return null;
}

/**
 * The highest-quality format that fits `gpuCount` GPUs of `gpuMemoryBytes` at `contextTokens`, or null when even the
 * smallest does not. Throws RangeError for a context beyond the model's maximum or a bad count.
 */
export function bestFormatFor(
  arch: ModelArchitecture,
  table: QualityTable | null,
  q: BestFormatQuery,
): BestFormat | null {
  if (!(Number.isInteger(q.gpuCount) && q.gpuCount >= 1))
    throw new RangeError(`gpuCount must be a positive integer, got ${String(q.gpuCount)}`);
  if (!(Number.isInteger(q.contextTokens) && q.contextTokens >= 1))
    throw new RangeError(`contextTokens must be a positive integer, got ${String(q.contextTokens)}`);
  const ranked = rankedFormats(arch, table);
  // If the smallest candidate does not fit, none does: one placement instead of sixteen.
  const smallest = ranked.reduce((a, b) =>
    weightBytes(arch, b.format) < weightBytes(arch, a.format) ? b : a,
  );
  if (fitsOn(arch, smallest.format, q) === null) return null;
  for (const candidate of ranked) {
    const count = fitsOn(arch, candidate.format, q);
    if (count === null) continue;
    const maxContextTokens = longestContext(
      {
        arch,
        input: { ...PROFILE, format: candidate.format },
        hardware: {
          gpuMemoryBytes: q.gpuMemoryBytes,
          gpuCount: count,
          ...(q.deviceMemoryBytes && q.deviceMemoryBytes.length > 1
            ? { deviceMemoryBytes: q.deviceMemoryBytes }
            : {}),
        },
        limits: contextLimits(arch, q.statedContextTokens),
      },
      false,
    ).tokens;
    return { ...candidate, gpuCount: count, maxContextTokens };
  }
  return null;
}
