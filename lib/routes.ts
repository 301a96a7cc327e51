// Every internal address the site links to, built in one place: pages, sitemap, JSON-LD and the JSON/Markdown data
// all name a model, a GPU, a comparison or a calculator state the same way.

/** A model's page. */
export function modelPath(slug: string): string {
  return `/models/${slug}`;
}

/** The plain-Markdown twin of a model page (app/models/[slug]/index.md/route.ts). */
export function modelMarkdownPath(slug: string): string {
  return `${modelPath(slug)}/index.md`;
}

/** A GPU's page. */
export function gpuPath(slug: string): string {
  return `/gpus/${slug}`;
}

/** The calculator's catalog configs, served apart from its page (app/calculator/configs.json/route.ts). */
export const CALCULATOR_CONFIGS_PATH = "/calculator/configs.json";

/** The canonical query string for a comparison: `models=a,b`. */
export function compareQuery(slugs: readonly string[]): string {
  return slugs.length > 0 ? `models=${slugs.map(encodeURIComponent).join(",")}` : "";
}

/** The compare page with these models selected. */
export function compareHref(slugs: readonly string[]): string {
  const query = compareQuery(slugs);
  return query ? `/compare?${query}` : "/compare";
}

// The calculator's shareable URL: the full set of names and their validation live in features/calculator/state.
export interface CalculatorLinkState {
  model?: string;
  /** Minified config.json, only with model=custom. */
  cfg?: string;
  engine?: string;
  quant?: string;
  context?: number;
  kv?: string;
  seqs?: number;
  gpu?: string;
  /** Memory per GPU in GB, only with gpu=custom. */
  vram?: number;
  gpus?: number;
  /** Mixed cards: a second GPU type and its count. */
  gpu2?: string;
  gpus2?: number;
  /** System RAM in GB for llama.cpp offload. */
  ram?: number;
}

export function calculatorHref(state: CalculatorLinkState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/calculator?${query}` : "/calculator";
}
