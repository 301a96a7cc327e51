// The catalog models' estimator configs on the client. The page carries only the default model's config; the rest
// come from one static JSON file (/calculator/configs.json), fetched once after hydration and kept for the visit.
import { CALCULATOR_CONFIGS_PATH } from "@/lib/routes";
import type { CalculatorModelOption } from "./results";

type Configs = Record<string, Record<string, unknown>>;

let loaded: Configs | null = null;
let loading: Promise<Configs> | null = null;

/** The model's config: from the page, or from the loaded file; undefined while the file is not loaded. */
export function catalogConfig(model: CalculatorModelOption): Record<string, unknown> | undefined {
  return model.config ?? loaded?.[model.slug];
}

/** Loads the configs file once; a failed load can be retried by calling again. */
export function loadCatalogConfigs(): Promise<Configs> {
  loading ??= fetch(CALCULATOR_CONFIGS_PATH)
    .then(async (response) => {
      if (!response.ok) throw new Error(`${CALCULATOR_CONFIGS_PATH} answered ${response.status}`);
      loaded = (await response.json()) as Configs;
      return loaded;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
