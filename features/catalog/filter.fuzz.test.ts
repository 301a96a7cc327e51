// Fuzzing the /models filter query string (features/catalog/filter.ts), seeded: any link gives a valid filter, the query
// written back for it reads back as the same filter, and filtering never throws whatever the search text.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_FILTER,
  FILTER_KEYS,
  SIZE_BANDS,
  SORTS,
  applyFilter,
  filterToQuery,
  matchesSearch,
  parseFilterQuery,
} from "@/features/catalog/filter";
import type { CatalogItemData, FilterState } from "@/features/catalog/filter";
import { Fuzzer, HOSTILE_STRINGS, RUNS, SEED } from "../../lib/fuzz/prng";

const ITEMS: CatalogItemData[] = [
  {
    slug: "llama-3-1-8b",
    name: "Llama 3.1 8B",
    searchText: "Llama 3.1 8B llama3.1:8b llama-3-1-8b",
    family: "Llama 3.1",
    developer: "Meta",
    license: "Llama 3.1 Community License",
    moe: false,
    parameters: 8.03e9,
    releaseDate: "2024-07-23",
    contextLength: 131072,
    memoryBytes: 5.5 * 1024 ** 3,
    fitGib: 8,
  },
  {
    slug: "qwen-3-30b-a3b",
    name: "Qwen3 30B A3B",
    searchText: "Qwen3 30B A3B Qwen/Qwen3-30B-A3B qwen-3-30b-a3b",
    family: "Qwen3",
    developer: "Alibaba Cloud (Qwen team)",
    license: "Apache-2.0",
    moe: true,
    parameters: 30.5e9,
    releaseDate: "2025-04-29",
    contextLength: 32768,
    memoryBytes: 18.6 * 1024 ** 3,
    fitGib: 24,
  },
];

function randomValue(f: Fuzzer, key: string): string {
  const roll = f.int(0, 9);
  if (roll < 5) {
    switch (key) {
      case "arch":
        return f.pick(["dense", "moe", "MoE", "", "sparse"]);
      case "size":
        return f.pick([...SIZE_BANDS.map((b) => b.id), "huge"]);
      case "sort":
        return f.pick([...SORTS.map((s) => s.id), "price"]);
      case "context":
      case "fits":
        return f.numberish();
      case "family":
        return f.pick(["Llama 3.1", "Qwen3", "llama"]);
      default:
        return f.text(20);
    }
  }
  if (roll < 8) return f.pick(HOSTILE_STRINGS);
  return f.text(60);
}

function randomParams(f: Fuzzer): URLSearchParams {
  const params = new URLSearchParams();
  for (let i = f.int(0, 12); i > 0; i--) {
    const key = f.bool(0.85) ? f.pick(FILTER_KEYS) : f.pick(HOSTILE_STRINGS);
    params.append(key, randomValue(f, key));
  }
  return params;
}

function expectValidFilter(state: FilterState) {
  expect(["", "dense", "moe"]).toContain(state.arch);
  expect(["", ...SIZE_BANDS.map((b) => b.id)]).toContain(state.size);
  expect(SORTS.map((s) => s.id)).toContain(state.sort);
  for (const n of [state.context, state.fits]) {
    if (n !== null) expect(Number.isSafeInteger(n) && n > 0).toBe(true);
  }
  expect(state.q).toBe(state.q.trim());
}

describe(`/models filter fuzz (seed ${SEED}, ${RUNS} links)`, () => {
  it("parses any query into a valid filter that round-trips through its own link", () => {
    const f = new Fuzzer(SEED + 10);
    for (let run = 0; run < RUNS; run++) {
      const params = randomParams(f);
      const state = parseFilterQuery(params);
      expectValidFilter(state);
      const again = parseFilterQuery(new URLSearchParams(filterToQuery(state)));
      expect(again, params.toString().slice(0, 300)).toEqual(state);
      const slugs = applyFilter(ITEMS, state);
      expect(slugs.every((slug) => ITEMS.some((item) => item.slug === slug))).toBe(true);
    }
  }, 120_000);

  it("writes no query for the default filter", () => {
    expect(filterToQuery(DEFAULT_FILTER)).toBe("");
  });

  it("search never throws and treats its input as text, not a pattern", () => {
    const f = new Fuzzer(SEED + 11);
    for (let run = 0; run < RUNS; run++) {
      const query = f.bool(0.5) ? f.pick(HOSTILE_STRINGS) : f.text(40);
      for (const item of ITEMS) expect(typeof matchesSearch(item.searchText, query)).toBe("boolean");
    }
    // Regular-expression syntax is just characters.
    expect(matchesSearch(ITEMS[0]?.searchText ?? "", ".*")).toBe(true); // no letters or digits: matches everything
    expect(matchesSearch(ITEMS[0]?.searchText ?? "", "(llama")).toBe(true);
    expect(matchesSearch(ITEMS[0]?.searchText ?? "", "[qwen]")).toBe(false);
  }, 120_000);
});
