// Short labels for evidence figures, shared by the pages and the calculator. No arithmetic beyond rounding.
import type { FormatQuality } from "@/lib/evidence/best-format";

/** Seconds as "0.42 s", "3.1 s", "1 min 12 s". */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "—";
  if (seconds < 1) return `${seconds.toFixed(2)} s`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** What the quality of a format is known from, in words: measured KLD, the reference, or bits per weight. */
export function qualityLabel(q: FormatQuality): string {
  if (q.kind === "bits")
    return `${q.bitsPerWeight.toFixed(2)} bits per weight (no measured quality table for this model)`;
  if (q.reference) return "unquantized: the reference the losses are measured against";
  const delta = (q.ppl / q.referencePpl - 1) * 100;
  const deltaPct = delta < 1 ? delta.toFixed(2) : delta.toFixed(1);
  return `measured KL divergence ${q.kld.toFixed(4)}, perplexity +${deltaPct} % vs FP16`;
}
