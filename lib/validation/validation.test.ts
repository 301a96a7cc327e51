/**
 * Table-driven validation of the estimator against sourced ground truth (fixtures/*.json).
 * Tolerances and their reasons: TOLERANCES in ./index.ts.
 *
 * - "checked" rows must be within tolerance.
 * - "known-conflict" rows are definitional mismatches (reason on the row); asserted as known failures so a
 *   change that makes them pass is noticed.
 * - "out-of-scope" rows (the source's setup is not one the estimator models; reason on the row) are skipped.
 */
import { describe, expect, it } from "vitest";

import { CONFIGS, runValidation, summarize, TOLERANCES, VALIDATION_KINDS, type ValidationRow } from "./index";
import computeFixtures from "./fixtures/compute-buffers.json";
import ggufFixtures from "./fixtures/gguf-sizes.json";
import kvFixtures from "./fixtures/kv-logs.json";
import mlxFixtures from "./fixtures/mlx-sizes.json";
import recurrentFixtures from "./fixtures/recurrent-logs.json";
import paramFixtures from "./fixtures/official-params.json";
import vllmFixtures from "./fixtures/vllm-logs.json";

const rows = runValidation();

function title(r: ValidationRow): string {
  return `${r.model} — ${r.case}: estimate ${r.estimate}, actual ${r.actual} (${r.errorPercent}% vs ±${r.tolerancePercent}%)`;
}

for (const kind of VALIDATION_KINDS) {
  describe(`validation: ${kind}`, () => {
    const ofKind = rows.filter((r) => r.kind === kind);
    if (ofKind.length === 0) {
      it.skip(`no ${kind} fixtures with a config we hold (see fixtures/README.md)`, () => {});
      return;
    }
    for (const r of ofKind) {
      if (r.status === "checked") {
        it(title(r), () => {
          expect(Math.abs(r.errorPercent)).toBeLessThanOrEqual(r.tolerancePercent);
        });
      } else if (r.status === "known-conflict") {
        it.fails(`${title(r)} — known conflict: ${r.reason ?? ""}`, () => {
          expect(Math.abs(r.errorPercent)).toBeLessThanOrEqual(r.tolerancePercent);
        });
      } else {
        it.skip(`${title(r)} — out of scope: ${r.reason ?? ""}`, () => {});
      }
    }
  });
}

describe("validation fixtures", () => {
  it("every fixture row names a stored config and a source URL", () => {
    const all = [
      ...(paramFixtures as Array<{ config: string; source: string }>),
      ...(ggufFixtures as Array<{ config: string; source: string }>),
      ...(kvFixtures as Array<{ config: string; source: string }>),
      ...(mlxFixtures as Array<{ config: string; source: string }>),
      ...(recurrentFixtures as Array<{ config: string; source: string }>),
      ...(computeFixtures as Array<{ config: string; source: string }>),
      ...(vllmFixtures as Array<{ config: string; source: string }>),
    ];
    for (const f of all) {
      expect(Object.keys(CONFIGS)).toContain(f.config);
      expect(f.source).toMatch(/^https:\/\//);
    }
  });

  it("has the minimum number of points per kind", () => {
    expect((ggufFixtures as unknown[]).length).toBeGreaterThanOrEqual(25);
    expect(rows.filter((r) => r.kind === "parameters").length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.kind === "kv").length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.kind === "compute").length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => r.kind === "mlx").length).toBeGreaterThanOrEqual(2);
  });

  it("rows are plain serializable data", () => {
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  it("states a reason for every tolerance and every row that is not asserted", () => {
    for (const t of Object.values(TOLERANCES)) expect(t.why.length).toBeGreaterThan(20);
    for (const r of rows) if (r.status !== "checked") expect(r.reason).toBeTruthy();
  });

  it("summarize reports median and worst |error| over checked rows", () => {
    const s = summarize(rows);
    expect(s.map((k) => k.kind)).toEqual([...VALIDATION_KINDS]);
    for (const k of s) {
      const checked = rows.filter((r) => r.kind === k.kind && r.status === "checked");
      expect(k.checked).toBe(checked.length);
      if (checked.length === 0) {
        expect(k.medianAbsErrorPercent).toBeNull();
        expect(k.worst).toBeNull();
      } else {
        const worst = Math.max(...checked.map((r) => Math.abs(r.errorPercent)));
        expect(Math.abs(k.worst!.errorPercent)).toBe(worst);
        expect(k.medianAbsErrorPercent!).toBeLessThanOrEqual(worst);
      }
    }
  });
});
