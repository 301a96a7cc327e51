// The calculator's state: its shape, limits and defaults, and the nearest format and KV type an engine offers. Pure.
import { KV_TYPES_BY_ENGINE, WEIGHT_FORMATS } from "@/lib/estimator";
import type { Engine, KvCacheType, WeightFormat } from "@/lib/estimator";
import { CONFIG_LINK_MAX_CHARS } from "@/features/calculator/config-link";

export const CUSTOM = "custom";

export interface CalculatorState {
  /** Catalog slug, or "custom" when `config` holds a pasted config.json. */
  model: string;
  /** Minified config.json text when `model` is "custom", otherwise null. */
  config: string | null;
  engine: Engine;
  quant: WeightFormat;
  /** Context length per sequence, in tokens. */
  context: number;
  kv: KvCacheType;
  /** Parallel sequences (llama.cpp -np, vLLM --max-num-seqs). */
  seqs: number;
  /** GPU slug from the catalog, or "custom" when `vram` gives the memory per GPU. */
  gpu: string;
  /** Memory per GPU in GB (read as GiB, like the GPU catalog) when `gpu` is "custom", otherwise null. */
  vram: number | null;
  gpus: number;
  /** Mixed cards: a second catalog GPU type beside `gpu` (e.g. an RTX 3060 12GB next to an RTX 3090), or null. */
  gpu2: string | null;
  /** How many of `gpu2`; 0 when there is none. */
  gpus2: number;
  /** System RAM in GB (GiB) that llama.cpp may use for layers or experts that do not fit on the GPUs. 0: no offload. */
  ram: number;
}

/** What the parser needs to know about the catalog; the page and the island pass the same lists. */
export interface CalculatorCatalog {
  models: readonly { slug: string; contextLength: number }[];
  gpus: readonly { slug: string }[];
  defaultModel?: string;
  defaultGpu?: string;
}

export interface StateProblem {
  /** The query parameter, shortened if very long. */
  param: string;
  /** The rejected value, shortened; plain text for display, never markup. */
  value: string;
  /** What was wrong and what is used instead. */
  message: string;
}

export const ENGINE_LABELS: Readonly<Record<Engine, string>> = {
  "llama.cpp": "llama.cpp",
  vllm: "vLLM",
  mlx: "MLX",
};

export const LIMITS = {
  seqs: { min: 1, max: 256 },
  gpus: { min: 1, max: 64 },
  /** GB per custom GPU. */
  vram: { min: 1, max: 4096 },
  /** GB of system RAM. */
  ram: { min: 0, max: 16384 },
  /** Characters of a `cfg` value read from a link (old links carry plain JSON; see features/calculator/config-link.ts). */
  configChars: 20000,
  /** Characters of a `cfg` value written into a link: compressed; larger configs are left out of the link. */
  configLinkChars: CONFIG_LINK_MAX_CHARS,
} as const;

export const DEFAULT_MODEL = "llama-3-1-8b";
export const DEFAULT_GPU = "rtx-4090";
export const DEFAULT_FORMAT: Readonly<Record<Engine, WeightFormat>> = {
  "llama.cpp": "Q4_K_M",
  vllm: "BF16",
  mlx: "MLX-4bit",
};
export const DEFAULT_CONTEXT = 8192;
export const DEFAULT_RAM_GB = 64;

/** The parameter names, in the order the link writes them. */
export const PARAMS = [
  "model",
  "cfg",
  "engine",
  "quant",
  "context",
  "kv",
  "seqs",
  "gpu",
  "vram",
  "gpus",
  "gpu2",
  "gpus2",
  "ram",
] as const;

export function formatsForEngine(engine: Engine): WeightFormat[] {
  return WEIGHT_FORMATS.filter((f) => f.engines.includes(engine)).map((f) => f.id);
}

export function kvTypesForEngine(engine: Engine): readonly KvCacheType[] {
  return KV_TYPES_BY_ENGINE[engine];
}

/** The format on `engine` closest in bits per weight to `format` (first in catalogue order on ties). */
export function nearestFormat(format: WeightFormat, engine: Engine): WeightFormat {
  const wanted = WEIGHT_FORMATS.find((f) => f.id === format);
  const candidates = WEIGHT_FORMATS.filter((f) => f.engines.includes(engine));
  if (!wanted) return DEFAULT_FORMAT[engine];
  if (wanted.engines.includes(engine)) return format;
  let best = candidates[0];
  for (const c of candidates) {
    if (
      best === undefined ||
      Math.abs(c.nominalBitsPerWeight - wanted.nominalBitsPerWeight) <
        Math.abs(best.nominalBitsPerWeight - wanted.nominalBitsPerWeight)
    ) {
      best = c;
    }
  }
  return best?.id ?? DEFAULT_FORMAT[engine];
}

/** The KV-cache type on `engine` that stores the same number of bytes per element when there is one, else f16. */
export function nearestKvType(kv: KvCacheType, engine: Engine): KvCacheType {
  const allowed = KV_TYPES_BY_ENGINE[engine];
  if (allowed.includes(kv)) return kv;
  if ((kv === "q8_0" || kv === "q4_0") && allowed.includes("fp8")) return "fp8";
  if (kv === "fp8" && allowed.includes("q8_0")) return "q8_0";
  return "f16";
}

function defaultModelSlug(catalog: CalculatorCatalog): string {
  const wanted = catalog.defaultModel ?? DEFAULT_MODEL;
  if (catalog.models.some((m) => m.slug === wanted)) return wanted;
  const first = catalog.models[0];
  if (!first) throw new Error("calculator: the model catalog is empty");
  return first.slug;
}

function defaultGpuSlug(catalog: CalculatorCatalog): string {
  const wanted = catalog.defaultGpu ?? DEFAULT_GPU;
  if (catalog.gpus.some((g) => g.slug === wanted)) return wanted;
  return catalog.gpus[0]?.slug ?? CUSTOM;
}

export function catalogMaxContext(catalog: CalculatorCatalog, slug: string): number | undefined {
  return catalog.models.find((m) => m.slug === slug)?.contextLength;
}

export function defaultContextFor(maxContext: number): number {
  return Math.min(DEFAULT_CONTEXT, maxContext);
}

export function defaultState(catalog: CalculatorCatalog): CalculatorState {
  const model = defaultModelSlug(catalog);
  const gpu = defaultGpuSlug(catalog);
  return {
    model,
    config: null,
    engine: "llama.cpp",
    quant: DEFAULT_FORMAT["llama.cpp"],
    context: defaultContextFor(catalogMaxContext(catalog, model) ?? DEFAULT_CONTEXT),
    kv: "f16",
    seqs: 1,
    gpu,
    vram: gpu === CUSTOM ? 24 : null,
    gpus: 1,
    gpu2: null,
    gpus2: 0,
    ram: DEFAULT_RAM_GB,
  };
}
