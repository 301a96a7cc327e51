// Median and worst error per kind of validation row, for /methodology and the tests.
import { VALIDATION_KINDS } from "./tolerances";
import type { ValidationKind, ValidationRow } from "./tolerances";

export interface KindSummary {
  kind: ValidationKind;
  /** Rows asserted against their tolerance. */
  checked: number;
  /** Checked rows within tolerance. */
  passing: number;
  knownConflicts: number;
  outOfScope: number;
  /** Median |errorPercent| over checked rows (null when there are none). */
  medianAbsErrorPercent: number | null;
  /** Largest |errorPercent| over checked rows. */
  worst: { model: string; case: string; errorPercent: number } | null;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const v = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(v * 1000) / 1000;
}

/** Median and worst |error| per kind, over the rows that are asserted ("checked"). */
export function summarize(rows: readonly ValidationRow[]): KindSummary[] {
  return VALIDATION_KINDS.map((kind) => {
    const ofKind = rows.filter((r) => r.kind === kind);
    const checked = ofKind.filter((r) => r.status === "checked");
    let worst: KindSummary["worst"] = null;
    for (const r of checked) {
      if (worst === null || Math.abs(r.errorPercent) > Math.abs(worst.errorPercent)) {
        worst = { model: r.model, case: r.case, errorPercent: r.errorPercent };
      }
    }
    return {
      kind,
      checked: checked.length,
      passing: checked.filter((r) => Math.abs(r.errorPercent) <= r.tolerancePercent).length,
      knownConflicts: ofKind.filter((r) => r.status === "known-conflict").length,
      outOfScope: ofKind.filter((r) => r.status === "out-of-scope").length,
      medianAbsErrorPercent: median(checked.map((r) => Math.abs(r.errorPercent))),
      worst,
    };
  });
}
