// The calculator's shareable URL, built in one place so model pages, GPU pages and the calculator agree on names.
export interface CalculatorLinkState {
  model?: string;
  quant?: string;
  context?: number;
  kv?: string;
  gpu?: string;
  gpus?: number;
}

export function calculatorHref(state: CalculatorLinkState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/calculator?${query}` : "/calculator";
}
