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

/** The measured row for a format when the table has it (BF16 = the 16-bit reference), else null. */
function measuredQuality(format: WeightFormat, table: QualityTable | null): FormatQuality | null {
  if (!table) return null;
  const row =
    table.rows.find((r) => r.format === format) ??
    (format === "BF16" ? table.rows.find((r) => r.format === "F16") : undefined);
  if (!row) return null;
  return {
    kind: "measured",
    kld: row.kld,
    ppl: row.ppl,
    referencePpl: table.referencePpl,
    row,
    reference: format === "BF16",
  };
}

/** Quality of one format: the measured row when the table has it (BF16 = the 16-bit reference), else bits per weight. */
export function formatQuality(
  arch: ModelArchitecture,
  format: WeightFormat,
  table: QualityTable | null,
): FormatQuality {
  return measuredQuality(format, table) ?? { kind: "bits", bitsPerWeight: bitsPerWeight(arch, format) };
}

interface RankedFormat {
  format: WeightFormat;
  quality: FormatQuality;
}

interface Ranking {
  ranked: readonly RankedFormat[];
  /** The candidate with the fewest weight bytes: if it does not fit, none does. */
  smallest: RankedFormat;
}

// The ranking depends only on the architecture and the quality table, yet the calculator asks for it on every change
// of context or GPU, and each bits-per-weight figure walks every tensor of the model. Kept per architecture object
// (callers cache parsed architectures), so an edit costs the fit tests only.
const rankings = new WeakMap<ModelArchitecture, Map<QualityTable | null, Ranking>>();

function ranking(arch: ModelArchitecture, table: QualityTable | null): Ranking {
  let byTable = rankings.get(arch);
  if (!byTable) {
    byTable = new Map();
    rankings.set(arch, byTable);
  }
  const cached = byTable.get(table);
  if (cached) return cached;
  const parameters = countParameters(arch).total;
  const all = CANDIDATE_FORMATS.map((format) => {
    const bytes = weightBytes(arch, format);
    // The same figure as bitsPerWeight, with the parameter count read once.
    const quality = measuredQuality(format, table) ?? {
      kind: "bits" as const,
      bitsPerWeight: (bytes * 8) / parameters,
    };
    return { candidate: { format, quality }, bytes };
  });
  const measured = all.filter((c) => c.candidate.quality.kind === "measured");
  const ranked =
    table && measured.length === all.length
      ? measured.sort((a, b) => score(a.candidate.quality) - score(b.candidate.quality))
      : // Bits per weight is weight bytes over one parameter count: the same order as the bytes.
        all.sort((a, b) => b.bytes - a.bytes);
  const smallest = all.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  const entry = { ranked: ranked.map((c) => c.candidate), smallest: smallest.candidate };
  byTable.set(table, entry);
  return entry;
}

/** Candidates from best to worst: by measured KLD when the table covers them, otherwise by bits per weight. */
export function rankedFormats(arch: ModelArchitecture, table: QualityTable | null): readonly RankedFormat[] {
  return ranking(arch, table).ranked;
}

function score(q: FormatQuality): number {
  return q.kind === "measured" ? (q.reference ? 0 : q.kld) : Number.POSITIVE_INFINITY;
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
  const { ranked, smallest } = ranking(arch, table);
  // If the smallest candidate does not fit, none does: one placement instead of sixteen.
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
