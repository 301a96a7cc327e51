// Fuzzing the /models filter query string (features/catalog/filter.ts) with fast-check, seeded by SEED in lib/fuzz/arbitraries.ts:
// any link gives a valid filter, the query written back for it reads back as the same filter, and filtering never
// throws whatever the search text.
import * as fc from "fast-check";
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
import { RUNS, SEED, hostileString, hostileText, numberish } from "@/lib/fuzz/arbitraries";

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

function plausibleValue(key: string): fc.Arbitrary<string> {
  switch (key) {
    case "arch":
      return fc.constantFrom("dense", "moe", "MoE", "", "sparse");
    case "size":
      return fc.constantFrom(...SIZE_BANDS.map((b) => b.id), "huge");
    case "sort":
      return fc.constantFrom(...SORTS.map((s) => s.id), "price");
    case "context":
    case "fits":
      return numberish;
    case "family":
      return fc.constantFrom("Llama 3.1", "Qwen3", "llama");
    default:
      return hostileText(20);
  }
}

function randomValue(key: string): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: plausibleValue(key), weight: 5 },
    { arbitrary: hostileString, weight: 3 },
    { arbitrary: hostileText(60), weight: 2 },
  );
}

const randomParams: fc.Arbitrary<URLSearchParams> = fc
  .array(
    // Each filter key with a value for it (built once per key), or a hostile key.
    fc.oneof(
      ...FILTER_KEYS.map((key) => ({ arbitrary: fc.tuple(fc.constant(key), randomValue(key)), weight: 85 })),
      { arbitrary: fc.tuple(hostileString, randomValue("")), weight: 15 * FILTER_KEYS.length },
    ),
    { maxLength: 12 },
  )
  .map((pairs) => {
    const params = new URLSearchParams();
    for (const [key, value] of pairs) params.append(key, value);
    return params;
  });

function expectValidFilter(state: FilterState) {
  expect(["", "dense", "moe"]).toContain(state.arch);
  expect(["", ...SIZE_BANDS.map((b) => b.id)]).toContain(state.size);
  expect(SORTS.map((s) => s.id)).toContain(state.sort);
  for (const n of [state.context, state.fits]) {
    if (n !== null) expect(Number.isSafeInteger(n) && n > 0).toBe(true);
  }
  expect(state.q).toBe(state.q.trim());
}

describe(`/models filter fuzz (${RUNS} links per property)`, () => {
  it("parses any query into a valid filter that round-trips through its own link", () => {
    fc.assert(
      fc.property(randomParams, (params) => {
        const state = parseFilterQuery(params);
        expectValidFilter(state);
        const again = parseFilterQuery(new URLSearchParams(filterToQuery(state)));
        expect(again, params.toString().slice(0, 300)).toEqual(state);
        const slugs = applyFilter(ITEMS, state);
        expect(slugs.every((slug) => ITEMS.some((item) => item.slug === slug))).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);

  it("writes no query for the default filter", () => {
    expect(filterToQuery(DEFAULT_FILTER)).toBe("");
  });

  it("search never throws on any text", () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, hostileText(40)), (query) => {
        for (const item of ITEMS) expect(typeof matchesSearch(item.searchText, query)).toBe("boolean");
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);

  it("search treats its input as text, not a pattern", () => {
    // Regular-expression syntax is just characters.
    expect(matchesSearch(ITEMS[0]?.searchText ?? "", ".*")).toBe(true); // no letters or digits: matches everything
    expect(matchesSearch(ITEMS[0]?.searchText ?? "", "(llama")).toBe(true);
    expect(matchesSearch(ITEMS[0]?.searchText ?? "", "[qwen]")).toBe(false);
  });
});
