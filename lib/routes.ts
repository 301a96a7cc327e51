// The calculator's shareable URL, built in one place so model pages, GPU pages and the calculator agree on names.
// The full set of names and their validation live in features/calculator/state.ts.
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
