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

describe.each(models.map((model) => [model.slug, model] as const))("/api/models/%s.json", (slug, model) => {
  const doc = modelDocument(model);
  const raw = rawBySlug.get(slug)!;

  it("is plain JSON with the front-matter facts", () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(modelDataPath(slug)).toBe(`/api/models/${slug}.json`);
    expect(doc.name).toBe(raw.name);
    expect(doc.family).toBe(raw.family);
    expect(doc.developer).toBe(raw.developer);
    expect(doc.license).toBe(raw.license);
    expect(doc.releaseDate).toBe(raw.releaseDate.slice(0, 10));
    expect(doc.sources).toEqual(raw.sources.map(({ label, url }) => ({ label, url })));
    expect(doc.parameters.stated.total).toBe(raw.parameters.total);
    expect(doc.parameters.stated.active).toBe(raw.parameters.active ?? null);
  });

  it("carries config.json under its Hugging Face field names", () => {
    expect(doc.architecture).toEqual(raw.architecture);
  });

  it("has requirements equal to lib/estimator's estimate for every cell", () => {
    const arch = parseConfig(raw.architecture);
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
    expect(doc.requirements.contexts.at(-1)).toBe(raw.contextLength);
    expect(doc.requirements.profile).toEqual(PROFILE);
  });
});
