// Which models /compare shows, read from its query string. Pure, for the compare island.

export const MAX_COMPARED = 4;

export interface CompareSelection {
  /** Known slugs, in URL order, without duplicates, at most MAX_COMPARED. */
  slugs: string[];
  /** Slugs in the URL that are not in the catalog. */
  unknown: string[];
  /** Known slugs beyond the first MAX_COMPARED, which are not shown. */
  dropped: string[];
}

/**
 * Accepts `models=a,b,c` (the shareable form) and repeated `models=a&models=b` (what the picker form submits);
 * empty entries are ignored.
 */
export function parseCompareQuery(
  params: URLSearchParams,
  knownSlugs: ReadonlySet<string>,
): CompareSelection {
  const requested = params
    .getAll("models")
    .flatMap((value) => value.split(","))
    .map((slug) => slug.trim().toLowerCase())
    .filter((slug) => slug !== "");
  const known: string[] = [];
  const unknown: string[] = [];
  for (const slug of requested) {
    if (!knownSlugs.has(slug)) {
      if (!unknown.includes(slug)) unknown.push(slug);
    } else if (!known.includes(slug)) {
      known.push(slug);
    }
  }
  return { slugs: known.slice(0, MAX_COMPARED), unknown, dropped: known.slice(MAX_COMPARED) };
}

/** The canonical query string for a selection: `models=a,b`. */
export function compareQuery(slugs: readonly string[]): string {
  return slugs.length > 0 ? `models=${slugs.map(encodeURIComponent).join(",")}` : "";
}
