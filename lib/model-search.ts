// The one rule for finding a model by typing: the /models list, and the calculator's model picker use it alike.
// Pure and dependency-free, so client islands can import it.

/** Lowercase words; "Llama-3.1 8B" → "llama 3 1 8b". */
function words(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Every whitespace-separated term of `query` must occur in `searchText` (names, aliases, slug, Hugging Face id),
 * with or without separators: "llama3.1" finds "Llama 3.1". A query without letters or digits matches everything.
 */
export function matchesSearch(searchText: string, query: string): boolean {
  const haystack = words(searchText);
  const compactHaystack = haystack.replace(/ /g, "");
  return query
    .split(/\s+/)
    .map(words)
    .filter((term) => term !== "")
    .every((term) => haystack.includes(term) || compactHaystack.includes(term.replace(/ /g, "")));
}
