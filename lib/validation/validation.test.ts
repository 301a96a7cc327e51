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

import {
  CONFIGS,
  FIXTURES,
  runValidation,
  summarize,
  TOLERANCES,
  VALIDATION_KINDS,
  type ValidationRow,
} from "./index";
import { GgufFixture, KvFixture, parseFixture } from "./fixtures";
import ggufJson from "./fixtures/gguf-sizes.json";
import kvJson from "./fixtures/kv-logs.json";

const rows = runValidation();

function title(r: ValidationRow): string {
  return `${r.model} — ${r.case}: estimate ${r.estimate}, actual ${r.actual} (${r.errorPercent}% vs ±${r.tolerancePercent}%)`;
}

// Kinds with no rows yet (vLLM) have no suite; "has the minimum number of points per kind" below guards the rest.
for (const kind of VALIDATION_KINDS.filter((k) => rows.some((r) => r.kind === k))) {
  describe(`validation: ${kind}`, () => {
    const ofKind = rows.filter((r) => r.kind === kind);
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
        // Out of scope (the row is published with its reason, not counted): the reason must be there to read.
        it(`${title(r)} — out of scope, with its reason`, () => {
          expect(r.reason ?? "").toMatch(/\w{3,}/);
        });
      }
    }
  });
}

describe("validation fixtures", () => {
  it("every fixture row names a stored config and a source URL", () => {
    const all = Object.values(FIXTURES).flat();
    for (const f of all) {
      expect(Object.keys(CONFIGS)).toContain(f.config);
      expect(f.source).toMatch(/^https:\/\//);
    }
  });

  it("has the minimum number of points per kind", () => {
    expect(FIXTURES.gguf.length).toBeGreaterThanOrEqual(25);
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

  it("parses every row of the files, none dropped", () => {
    expect(FIXTURES.gguf).toHaveLength(ggufJson.length);
    expect(FIXTURES.kv).toHaveLength(kvJson.length);
  });
});

describe("a broken fixture row fails naming the file, the row and the field", () => {
  const gguf = ggufJson[0] as Record<string, unknown>;
  const kv = kvJson[0] as Record<string, unknown>;
  it.each([
    [
      "bytes as a string",
      "gguf-sizes.json",
      GgufFixture,
      { ...gguf, bytes: "4.9 GB" },
      "[1].bytes: must be a positive integer (bytes)",
    ],
    [
      "unknown config",
      "gguf-sizes.json",
      GgufFixture,
      { ...gguf, config: "Nope.json" },
      '[1].config: names "Nope.json", which is not a config',
    ],
    [
      "unknown format",
      "gguf-sizes.json",
      GgufFixture,
      { ...gguf, format: "Q4_K_X" },
      '[1].format: must be a weight format of lib/estimator (e.g. Q4_K_M), got "Q4_K_X"',
    ],
    [
      "http source",
      "gguf-sizes.json",
      GgufFixture,
      { ...gguf, source: "http://example.com" },
      "[1].source: must be an https URL",
    ],
    [
      "missing model",
      "kv-logs.json",
      KvFixture,
      { ...kv, model: undefined },
      "[1].model: is missing; it must be a non-empty string",
    ],
    [
      "unknown cache type",
      "kv-logs.json",
      KvFixture,
      { ...kv, cacheTypeK: "q3" },
      '[1].cacheTypeK: must be a KV-cache type of lib/estimator (e.g. f16, q8_0), got "q3"',
    ],
  ] as const)("%s", (_label, file, schema, broken, message) => {
    const first = file === "kv-logs.json" ? kv : gguf;
    expect(() => parseFixture(file, schema, [first, broken])).toThrow(
      `lib/validation/fixtures/${file}${message}`,
    );
    expect(() => parseFixture(file, schema, [first, first])).not.toThrow();
  });

  it("rejects a file that is not a list of rows", () => {
    expect(() => parseFixture("kv-logs.json", KvFixture, { rows: [] })).toThrow(
      "lib/validation/fixtures/kv-logs.json: must be a JSON array of rows",
    );
  });
});
