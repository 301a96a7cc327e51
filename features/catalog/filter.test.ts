import { describe, expect, it } from "vitest";
import {
  applyFilter,
  DEFAULT_FILTER,
  filterToQuery,
  itemAttributes,
  itemFromAttributes,
  matchesSearch,
  parseFilterQuery,
} from "@/features/catalog/filter";
import type { CatalogItemData, FilterState } from "@/features/catalog/filter";

const GIB = 1024 ** 3;

function item(partial: Partial<CatalogItemData> & { slug: string }): CatalogItemData {
  return {
    name: partial.slug,
    searchText: partial.slug,
    family: "F",
    developer: "D",
    license: "MIT",
    moe: false,
    parameters: 7e9,
    releaseDate: "2024-01-01",
    contextLength: 32768,
    memoryBytes: 5 * GIB,
    fitGib: 8,
    ...partial,
  };
}

const ITEMS: CatalogItemData[] = [
  item({
    slug: "llama-3-1-8b",
    name: "Llama 3.1 8B",
    searchText: "Llama 3.1 8B | Meta-Llama-3.1-8B-Instruct | llama-3-1-8b",
    family: "Llama 3.1",
    developer: "Meta",
    license: "Llama 3.1 Community License",
    parameters: 8.03e9,
    releaseDate: "2024-07-23",
    contextLength: 131072,
    memoryBytes: 5.6 * GIB,
  }),
  item({
    slug: "qwen-3-30b-a3b",
    name: "Qwen3 30B A3B",
    searchText: "Qwen3 30B A3B | Qwen/Qwen3-30B-A3B | qwen-3-30b-a3b",
    family: "Qwen3",
    developer: "Alibaba",
    license: "Apache-2.0",
    moe: true,
    parameters: 30.5e9,
    releaseDate: "2025-04-29",
    contextLength: 32768,
    memoryBytes: 18.9 * GIB,
    fitGib: 24,
  }),
  item({
    slug: "deepseek-r1",
    name: "DeepSeek R1",
    searchText: "DeepSeek R1 | deepseek-ai/DeepSeek-R1 | deepseek-r1",
    family: "DeepSeek R1",
    developer: "DeepSeek",
    license: "MIT",
    moe: true,
    parameters: 671e9,
    releaseDate: "2025-01-20",
    contextLength: 131072,
    memoryBytes: 380 * GIB,
    fitGib: 0,
  }),
  item({
    slug: "gemma-2-2b",
    name: "Gemma 2 2B",
    searchText: "Gemma 2 2B | google/gemma-2-2b-it | gemma-2-2b",
    family: "Gemma 2",
    developer: "Google",
    license: "Gemma Terms of Use",
    parameters: 2.6e9,
    releaseDate: "2024-07-31",
    contextLength: 8192,
    memoryBytes: 2.1 * GIB,
  }),
];

const state = (partial: Partial<FilterState>): FilterState => ({ ...DEFAULT_FILTER, ...partial });

describe("catalog filter query", () => {
  it("round-trips every field and leaves defaults out of the URL", () => {
    const full = state({
      q: "llama 8b",
      family: "Llama 3.1",
      developer: "Meta",
      license: "MIT",
      arch: "moe",
      size: "large",
      context: 32768,
      fits: 24,
      sort: "release-desc",
    });
    expect(parseFilterQuery(new URLSearchParams(filterToQuery(full)))).toEqual(full);
    expect(filterToQuery(DEFAULT_FILTER)).toBe("");
    expect(filterToQuery(state({ family: "Qwen3" }))).toBe("family=Qwen3");
  });

  it("falls back to 'any' for malformed values", () => {
    const parsed = parseFilterQuery(
      new URLSearchParams("arch=hybrid&size=huge&context=-5&fits=lots&sort=random"),
    );
    expect(parsed).toEqual(DEFAULT_FILTER);
  });

  it("reads what an unenhanced GET form submits (empty fields)", () => {
    const parsed = parseFilterQuery(
      new URLSearchParams("q=&family=&developer=Meta&license=&arch=&size=&context=&fits=16&sort=name"),
    );
    expect(parsed).toEqual(state({ developer: "Meta", fits: 16 }));
  });
});

describe("search", () => {
  it("matches names and aliases with or without separators, every term required", () => {
    expect(matchesSearch("Llama 3.1 8B | Meta-Llama-3.1-8B-Instruct", "llama 8b")).toBe(true);
    expect(matchesSearch("Llama 3.1 8B | Meta-Llama-3.1-8B-Instruct", "llama3.1")).toBe(true);
    expect(matchesSearch("Llama 3.1 8B | Meta-Llama-3.1-8B-Instruct", "instruct")).toBe(true);
    expect(matchesSearch("Llama 3.1 8B | Meta-Llama-3.1-8B-Instruct", "llama 70b")).toBe(false);
    expect(matchesSearch("Qwen3 30B A3B", "  ")).toBe(true);
  });
});

describe("applyFilter", () => {
  const slugs = (partial: Partial<FilterState>) => applyFilter(ITEMS, state(partial));

  it("keeps everything, by name, with no filter", () => {
    expect(slugs({})).toEqual(["deepseek-r1", "gemma-2-2b", "llama-3-1-8b", "qwen-3-30b-a3b"]);
  });

  it("filters by family, developer, license and architecture", () => {
    expect(slugs({ family: "Qwen3" })).toEqual(["qwen-3-30b-a3b"]);
    expect(slugs({ developer: "Meta" })).toEqual(["llama-3-1-8b"]);
    expect(slugs({ license: "MIT" })).toEqual(["deepseek-r1"]);
    expect(slugs({ arch: "moe" })).toEqual(["deepseek-r1", "qwen-3-30b-a3b"]);
    expect(slugs({ arch: "dense" })).toEqual(["gemma-2-2b", "llama-3-1-8b"]);
  });

  it("filters by size band, minimum context and memory budget", () => {
    expect(slugs({ size: "small" })).toEqual(["gemma-2-2b"]);
    expect(slugs({ size: "medium" })).toEqual(["llama-3-1-8b"]);
    expect(slugs({ size: "frontier" })).toEqual(["deepseek-r1"]);
    expect(slugs({ context: 128000 })).toEqual(["deepseek-r1", "llama-3-1-8b"]);
    expect(slugs({ fits: 24 })).toEqual(["gemma-2-2b", "llama-3-1-8b", "qwen-3-30b-a3b"]);
    expect(slugs({ fits: 8 })).toEqual(["gemma-2-2b", "llama-3-1-8b"]);
    // The budget is inclusive: a model whose smallest fitting card is exactly the budget fits; 0 fits nothing.
    expect(applyFilter([item({ slug: "x", fitGib: 16 })], state({ fits: 16 }))).toEqual(["x"]);
    expect(applyFilter([item({ slug: "x", fitGib: 24 })], state({ fits: 16 }))).toEqual([]);
    expect(applyFilter([item({ slug: "x", fitGib: 0 })], state({ fits: 512 }))).toEqual([]);
  });

  it("combines filters and can match nothing", () => {
    expect(slugs({ arch: "moe", fits: 24 })).toEqual(["qwen-3-30b-a3b"]);
    expect(slugs({ q: "deepseek", fits: 24 })).toEqual([]);
  });

  it("sorts by parameters and release date", () => {
    expect(slugs({ sort: "params-desc" })).toEqual([
      "deepseek-r1",
      "qwen-3-30b-a3b",
      "llama-3-1-8b",
      "gemma-2-2b",
    ]);
    expect(slugs({ sort: "params-asc" })).toEqual([
      "gemma-2-2b",
      "llama-3-1-8b",
      "qwen-3-30b-a3b",
      "deepseek-r1",
    ]);
    expect(slugs({ sort: "release-desc" })).toEqual([
      "qwen-3-30b-a3b",
      "deepseek-r1",
      "gemma-2-2b",
      "llama-3-1-8b",
    ]);
    expect(slugs({ sort: "release-asc" })).toEqual([
      "llama-3-1-8b",
      "gemma-2-2b",
      "deepseek-r1",
      "qwen-3-30b-a3b",
    ]);
  });
});

describe("data attributes", () => {
  it("an item survives the trip through its attributes", () => {
    for (const original of ITEMS) {
      const attributes = itemAttributes(original);
      expect(itemFromAttributes((name) => attributes[name] ?? null)).toEqual(original);
    }
  });
});
