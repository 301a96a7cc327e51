// Every sourced row is well-formed: an https source, an ISO date, known GPUs and formats; bad rows fail loudly.
import { describe, expect, it } from "vitest";
import rawBenchmarkModels from "../../content/evidence/benchmark-models.json";
import rawGpuCompute from "../../content/evidence/gpu-compute.json";
import rawQuality from "../../content/evidence/quality.json";
import rawSpeed from "../../content/evidence/speed.json";
import { getGpu } from "@/lib/content/gpus";
import { getModel } from "@/lib/content/models";
import { BENCHMARK_MODELS, GPU_COMPUTE, QUALITY, SPEED_POINTS } from "./data";
import { isHttpsUrl, isIsoDate, parseGpuCompute, parseQuality, parseSpeed } from "./parse";

const FILES: [string, { rows?: unknown[]; models?: unknown[] }][] = [
  ["speed.json", rawSpeed],
  ["quality.json", rawQuality],
  ["gpu-compute.json", rawGpuCompute],
  ["benchmark-models.json", rawBenchmarkModels],
];

describe("content/evidence rows", () => {
  it.each(FILES)("%s: every row has an https source and an ISO date", (_file, raw) => {
    const rows = (raw.rows ?? raw.models ?? []) as { source?: unknown; date?: unknown }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(isHttpsUrl(row.source), String(row.source)).toBe(true);
      expect(isIsoDate(row.date), String(row.date)).toBe(true);
    }
  });
  it("speed points name catalog GPUs and known models", () => {
    for (const p of SPEED_POINTS) {
      expect(getGpu(p.gpu), p.id).toBeDefined();
      expect(getModel(p.model) ?? BENCHMARK_MODELS.find((m) => m.id === p.model), p.id).toBeDefined();
    }
  });
  it("compute figures name catalog GPUs", () => {
    for (const row of GPU_COMPUTE) expect(getGpu(row.gpu), row.gpu).toBeDefined();
  });
  it("the quality table belongs to a catalog model and its PPL rises as KLD rises", () => {
    expect(getModel(QUALITY.model)).toBeDefined();
    const byKld = [...QUALITY.rows].sort((a, b) => a.kld - b.kld);
    // Not strictly monotone in the source (q3_K_S vs iq3_XXS), so compare the ends.
    expect(byKld[0]!.ppl).toBeLessThan(byKld.at(-1)!.ppl);
  });
});

describe("validation rejects bad rows with the file, row and field", () => {
  const good = rawSpeed.rows[0]!;
  it.each([
    [{ ...good, source: "http://example.com" }, /"source" must be an https URL/],
    [{ ...good, date: "2026-13-01" }, /"date" must be an ISO date/],
    [{ ...good, format: "Q4_X" }, /"format" must be a weight format id/],
    [{ ...good, tgTokensPerSecond: -1 }, /"tgTokensPerSecond" must be a positive number/],
  ])("speed row %#", (row, message) => {
    expect(() => parseSpeed({ rows: [row] })).toThrow(message);
    expect(() => parseSpeed({ rows: [row] })).toThrow(/speed\.json\[0\]/);
  });
  it("quality and compute rows", () => {
    expect(() => parseQuality({ ...rawQuality, rows: [{ ...rawQuality.rows[0]!, kld: "small" }] })).toThrow(
      /"kld"/,
    );
    expect(() =>
      parseGpuCompute({ rows: [{ ...rawGpuCompute.rows[0]!, fp16TensorTflopsDense: 0 }] }),
    ).toThrow(/"fp16TensorTflopsDense"/);
  });
  it("a file that is not an object with rows", () => {
    expect(() => parseSpeed([])).toThrow(/must be an object with a "rows" array/);
  });
});
