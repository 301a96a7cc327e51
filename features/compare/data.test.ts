import { describe, expect, it } from "vitest";
import { estimateMemory } from "@/lib/estimator";
import { catalogItem, filterOptions } from "@/features/catalog/items";
import { COMPARE_CONTEXTS, COMPARE_FORMATS, compareEntries } from "@/features/compare/data";
import { getModels } from "@/lib/content/models";

const PROFILE = { engine: "llama.cpp", kvCacheType: "f16", sequences: 1, ubatchTokens: 512 } as const;
const models = getModels();

describe("compare data", () => {
  const entries = compareEntries(models);

  it("is plain JSON, one entry per model", () => {
    expect(JSON.parse(JSON.stringify(entries))).toEqual(entries);
    expect(entries.map((e) => e.slug)).toEqual(models.map((m) => m.slug));
  });

  it("holds lib/estimator's totals, and none beyond a model's maximum context", () => {
    for (const [i, entry] of entries.entries()) {
      const model = models[i]!;
      expect(entry.memory).toHaveLength(COMPARE_FORMATS.length * COMPARE_CONTEXTS.length);
      for (const cell of entry.memory) {
        if (cell.contextTokens > model.contextLength) {
          expect(cell.totalBytes).toBeNull();
        } else {
          const expected = estimateMemory(model.architecture, {
            ...PROFILE,
            format: cell.format,
            contextTokens: cell.contextTokens,
          });
          expect(cell.totalBytes).toBe(expected.bytes.total);
        }
      }
    }
  });
});

describe("catalog list items", () => {
  it("carry the Q4_K_M total at an 8K context (or the model's maximum when shorter)", () => {
    for (const model of models) {
      const item = catalogItem(model);
      const context = Math.min(8192, model.contextLength);
      expect(item.memoryContextTokens).toBe(context);
      expect(item.memoryBytes).toBe(
        estimateMemory(model.architecture, { ...PROFILE, format: "Q4_K_M", contextTokens: context }).bytes
          .total,
      );
      expect(item.searchText).toContain(model.name);
      for (const alias of model.aliases) expect(item.searchText).toContain(alias);
    }
  });

  it("offer each family, developer and license once", () => {
    const options = filterOptions(models);
    expect(options.families).toEqual(
      [...new Set(models.map((m) => m.family))].sort((a, b) => a.localeCompare(b, "en")),
    );
    expect(new Set(options.developers).size).toBe(options.developers.length);
    expect(options.licenses).toContain("Apache-2.0");
  });
});
