import { allModels } from "contentlayer/generated";
import { describe, expect, it } from "vitest";
import { estimateMemory, parseConfig } from "@/lib/estimator";
import type { WeightFormat } from "@/lib/estimator";
import { getModels } from "@/lib/content/models";
import { modelDataPath, modelDocument, modelIndex } from "@/lib/publish/model-data";

const PROFILE = { engine: "llama.cpp", kvCacheType: "f16", sequences: 1, ubatchTokens: 512 } as const;
const models = getModels();
const rawBySlug = new Map(allModels.map((doc) => [doc._raw.sourceFileName.replace(/\.mdx$/, ""), doc]));

describe("/api/models.json", () => {
  const index = modelIndex(models);

  it("lists every content file once, with its data URL", () => {
    expect(index.count).toBe(allModels.length);
    expect(index.models.map((m) => m.slug).sort()).toEqual([...rawBySlug.keys()].sort());
    for (const entry of index.models) expect(entry.data).toBe(`/api/models/${entry.slug}.json`);
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(index))).toEqual(index);
  });
});

describe("/api/models/<slug>.json", () => {
  // One pass over the catalog for the facts (a mapping bug would show on some model, not on all)...
  it("carries every model's front-matter facts and its config.json under the Hugging Face field names", () => {
    for (const model of models) {
      const doc = modelDocument(model);
      const raw = rawBySlug.get(model.slug)!;
      expect(JSON.parse(JSON.stringify(doc)), model.slug).toEqual(doc);
      expect(modelDataPath(model.slug)).toBe(`/api/models/${model.slug}.json`);
      expect({
        name: doc.name,
        family: doc.family,
        developer: doc.developer,
        license: doc.license,
        releaseDate: doc.releaseDate,
        sources: doc.sources,
        total: doc.parameters.stated.total,
        active: doc.parameters.stated.active,
        architecture: doc.architecture,
        lastContext: doc.requirements.contexts.at(-1),
      }).toEqual({
        name: raw.name,
        family: raw.family,
        developer: raw.developer,
        license: raw.license,
        releaseDate: raw.releaseDate.slice(0, 10),
        sources: raw.sources.map(({ label, url }) => ({ label, url })),
        total: raw.parameters.total,
        active: raw.parameters.active ?? null,
        architecture: raw.architecture,
        lastContext: raw.contextLength,
      });
    }
  });

  // ...and the requirements plumbing once per kind of model: the figures themselves are checked against real data
  // in lib/validation, so repeating this for every page would only test the estimator against itself.
  it.each(["llama-3-1-8b", "qwen-3-30b-a3b", "qwen-3-6-27b", "nemotron-3-nano-30b-a3b"])(
    "%s: every requirements cell is lib/estimator's estimate at the table profile",
    (slug) => {
      const model = models.find((m) => m.slug === slug)!;
      const doc = modelDocument(model);
      const arch = parseConfig(rawBySlug.get(slug)!.architecture);
      expect(doc.requirements.profile).toEqual(PROFILE);
      expect(doc.requirements.rows.length).toBeGreaterThan(0);
      for (const row of doc.requirements.rows) {
        expect(row.cells.map((cell) => cell.contextTokens)).toEqual(doc.requirements.contexts);
        for (const cell of row.cells) {
          const expected = estimateMemory(arch, {
            ...PROFILE,
            format: row.format as WeightFormat,
            contextTokens: cell.contextTokens,
          });
          expect(cell.totalBytes, `${row.format} @ ${cell.contextTokens}`).toBe(expected.bytes.total);
          expect(cell.kvCacheBytes).toBe(expected.bytes.kvCache);
        }
      }
    },
  );
});
