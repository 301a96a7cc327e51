// Filtering, search and sorting of the /models list. Pure and dependency-free, so the client island that enhances
// the server-rendered list can import it: it works on the small per-model records below (read from data attributes),
// never on catalog models, and does no memory arithmetic (the memory figure arrives precomputed by the server).

/** What the list needs to know about one model; the server writes it as data attributes on each list item. */
export interface CatalogItemData {
  slug: string;
  name: string;
  /** Name, aliases and slug, for instant search. */
  searchText: string;
  family: string;
  developer: string;
  license: string;
  moe: boolean;
  /** Stated total parameters (as shown in the list). */
  parameters: number;
  releaseDate: string; // YYYY-MM-DD
  contextLength: number;
  /** lib/estimator's total at Q4_K_M, the table profile and the model's headline context. */
  memoryBytes: number;
  /**
   * The smallest "fits in" size (GiB, from FIT_MEMORY_GIB) on which the fit planner runs Q4_K_M at the headline
   * context on one GPU; 0 when none does. Precomputed at build time, so the filter and the pages agree.
   */
  fitGib: number;
}

export const SIZE_BANDS = [
  { id: "small", label: "Under 4B", min: 0, max: 4e9 },
  { id: "medium", label: "4B–15B", min: 4e9, max: 15e9 },
  { id: "large", label: "15B–40B", min: 15e9, max: 40e9 },
  { id: "xlarge", label: "40B–150B", min: 40e9, max: 150e9 },
  { id: "frontier", label: "150B and more", min: 150e9, max: Number.POSITIVE_INFINITY },
] as const;
export type SizeBandId = (typeof SIZE_BANDS)[number]["id"];

/** Minimum context, in tokens. 128K is taken as 128,000 so that models stating "128K" as 128,000 count. */
export const CONTEXT_MINIMUMS = [
  { tokens: 8192, label: "8K or more" },
  { tokens: 32768, label: "32K or more" },
  { tokens: 65536, label: "64K or more" },
  { tokens: 128000, label: "128K or more" },
] as const;

/** "Fits in N GiB" choices (binary GiB, the unit of the whole site and of GPU memory sizes). */
export const FIT_MEMORY_GIB = [8, 12, 16, 24, 32, 48, 64, 80, 96, 128, 192, 256, 512] as const;

export const SORTS = [
  { id: "name", label: "Name (A–Z)" },
  { id: "params-desc", label: "Parameters (largest first)" },
  { id: "params-asc", label: "Parameters (smallest first)" },
  { id: "release-desc", label: "Release date (newest first)" },
  { id: "release-asc", label: "Release date (oldest first)" },
] as const;
export type SortId = (typeof SORTS)[number]["id"];

export type ArchitectureFilter = "" | "dense" | "moe";

export interface FilterState {
  q: string;
  family: string;
  developer: string;
  license: string;
  arch: ArchitectureFilter;
  size: SizeBandId | "";
  /** Minimum context in tokens, or null for any. */
  context: number | null;
  /** Memory budget in GiB, or null for any. */
  fits: number | null;
  sort: SortId;
}

export const DEFAULT_FILTER: FilterState = {
  q: "",
  family: "",
  developer: "",
  license: "",
  arch: "",
  size: "",
  context: null,
  fits: null,
  sort: "name",
};

/** The query-string keys, also the form field names. */
export const FILTER_KEYS = [
  "q",
  "family",
  "developer",
  "license",
  "arch",
  "size",
  "context",
  "fits",
  "sort",
] as const;

function positiveInteger(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Reads the filter from a query string; unknown or malformed values fall back to "any". */
export function parseFilterQuery(params: URLSearchParams): FilterState {
  const text = (key: string) => (params.get(key) ?? "").trim();
  const arch = text("arch");
  const size = text("size");
  const sort = text("sort");
  return {
    q: (params.get("q") ?? "").trim(),
    family: text("family"),
    developer: text("developer"),
    license: text("license"),
    arch: arch === "dense" || arch === "moe" ? arch : "",
    size: SIZE_BANDS.some((band) => band.id === size) ? (size as SizeBandId) : "",
    context: positiveInteger(params.get("context")),
    fits: positiveInteger(params.get("fits")),
    sort: SORTS.some((entry) => entry.id === sort) ? (sort as SortId) : "name",
  };
}

/** The query string for a filter, leaving out every default, so the plain list has a plain URL. */
export function filterToQuery(state: FilterState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set("q", state.q.trim());
  if (state.family) params.set("family", state.family);
  if (state.developer) params.set("developer", state.developer);
  if (state.license) params.set("license", state.license);
  if (state.arch) params.set("arch", state.arch);
  if (state.size) params.set("size", state.size);
  if (state.context !== null) params.set("context", String(state.context));
  if (state.fits !== null) params.set("fits", String(state.fits));
  if (state.sort !== "name") params.set("sort", state.sort);
  return params.toString();
}

/** Lowercase words; "Llama-3.1 8B" → "llama 3 1 8b". */
function words(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Every whitespace-separated term must occur in the name, an alias or the slug, with or without separators. */
export function matchesSearch(searchText: string, query: string): boolean {
  const haystack = words(searchText);
  const compactHaystack = haystack.replace(/ /g, "");
  return query
    .split(/\s+/)
    .map(words)
    .filter((term) => term !== "")
    .every((term) => haystack.includes(term) || compactHaystack.includes(term.replace(/ /g, "")));
}

export function matchesFilter(item: CatalogItemData, state: FilterState): boolean {
  if (state.q && !matchesSearch(item.searchText, state.q)) return false;
  if (state.family && item.family !== state.family) return false;
  if (state.developer && item.developer !== state.developer) return false;
  if (state.license && item.license !== state.license) return false;
  if (state.arch === "moe" && !item.moe) return false;
  if (state.arch === "dense" && item.moe) return false;
  if (state.size) {
    const band = SIZE_BANDS.find((entry) => entry.id === state.size);
    if (band && !(item.parameters >= band.min && item.parameters < band.max)) return false;
  }
  if (state.context !== null && item.contextLength < state.context) return false;
  if (state.fits !== null && !(item.fitGib > 0 && item.fitGib <= state.fits)) return false;
  return true;
}

export function compareItems(a: CatalogItemData, b: CatalogItemData, sort: SortId): number {
  const byName = a.name.localeCompare(b.name, "en");
  switch (sort) {
    case "params-desc":
      return b.parameters - a.parameters || byName;
    case "params-asc":
      return a.parameters - b.parameters || byName;
    case "release-desc":
      return b.releaseDate.localeCompare(a.releaseDate) || byName;
    case "release-asc":
      return a.releaseDate.localeCompare(b.releaseDate) || byName;
    default:
      return byName;
  }
}

/** Slugs of the matching items, in display order. */
export function applyFilter(items: readonly CatalogItemData[], state: FilterState): string[] {
  return items
    .filter((item) => matchesFilter(item, state))
    .sort((a, b) => compareItems(a, b, state.sort))
    .map((item) => item.slug);
}

/** Data attribute names used on the list items (kept here so the server and the island agree). */
export const ITEM_ATTRIBUTES = {
  slug: "data-slug",
  name: "data-name",
  searchText: "data-search",
  family: "data-family",
  developer: "data-developer",
  license: "data-license",
  moe: "data-moe",
  parameters: "data-parameters",
  releaseDate: "data-release",
  contextLength: "data-context",
  memoryBytes: "data-memory-bytes",
  fitGib: "data-fit-gib",
} as const satisfies Record<keyof CatalogItemData, string>;

export function itemAttributes(item: CatalogItemData): Record<string, string> {
  return {
    [ITEM_ATTRIBUTES.slug]: item.slug,
    [ITEM_ATTRIBUTES.name]: item.name,
    [ITEM_ATTRIBUTES.searchText]: item.searchText,
    [ITEM_ATTRIBUTES.family]: item.family,
    [ITEM_ATTRIBUTES.developer]: item.developer,
    [ITEM_ATTRIBUTES.license]: item.license,
    [ITEM_ATTRIBUTES.moe]: item.moe ? "true" : "false",
    [ITEM_ATTRIBUTES.parameters]: String(item.parameters),
    [ITEM_ATTRIBUTES.releaseDate]: item.releaseDate,
    [ITEM_ATTRIBUTES.contextLength]: String(item.contextLength),
    [ITEM_ATTRIBUTES.memoryBytes]: String(item.memoryBytes),
    [ITEM_ATTRIBUTES.fitGib]: String(item.fitGib),
  };
}

/** Reads an item back from its attributes (the island's side of itemAttributes). */
export function itemFromAttributes(get: (name: string) => string | null): CatalogItemData {
  const text = (name: string) => get(name) ?? "";
  return {
    slug: text(ITEM_ATTRIBUTES.slug),
    name: text(ITEM_ATTRIBUTES.name),
    searchText: text(ITEM_ATTRIBUTES.searchText),
    family: text(ITEM_ATTRIBUTES.family),
    developer: text(ITEM_ATTRIBUTES.developer),
    license: text(ITEM_ATTRIBUTES.license),
    moe: get(ITEM_ATTRIBUTES.moe) === "true",
    parameters: Number(text(ITEM_ATTRIBUTES.parameters)),
    releaseDate: text(ITEM_ATTRIBUTES.releaseDate),
    contextLength: Number(text(ITEM_ATTRIBUTES.contextLength)),
    memoryBytes: Number(text(ITEM_ATTRIBUTES.memoryBytes)),
    fitGib: Number(text(ITEM_ATTRIBUTES.fitGib)),
  };
}
