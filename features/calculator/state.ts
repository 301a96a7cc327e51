// The calculator's whole state and its query-string form. Pure: the server page renders `defaultState`, the client
// island parses `location.search` with `parseCalculatorState` and writes `calculatorStateHref` back on every change.
// Anything that is not understood is dropped, named in `problems`, and replaced by a sane value — never echoed as HTML.
import {
  JsonInputError,
  KV_TYPES_BY_ENGINE,
  WEIGHT_FORMATS,
  isKvCacheType,
  isWeightFormat,
  parseConfig,
  parseJsonInput,
  stringifyJsonInput,
} from "@/lib/estimator";
import type { Engine, KvCacheType, ModelArchitecture, WeightFormat } from "@/lib/estimator";
import { calculatorHref } from "@/lib/routes";
import {
  CONFIG_LINK_MAX_CHARS,
  configLinkSize,
  decodeConfigParam,
  encodeConfigParam,
} from "@/features/calculator/config-link";

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

function catalogMaxContext(catalog: CalculatorCatalog, slug: string): number | undefined {
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

export type CustomConfigResult =
  { ok: true; config: string; architecture: ModelArchitecture } | { ok: false; message: string };

/** Replaces quoted input values in an estimator message that look like markup or are long. */
function withoutEchoedMarkup(detail: string): string {
  return detail.replace(/"(?:[^"\\]|\\.)*"/g, (quoted) =>
    /[<>]/.test(quoted) || quoted.length > 42 ? "(the given value)" : quoted,
  );
}

/**
 * Reads a pasted or uploaded config.json. Never throws: malformed JSON, a non-object, an unsupported
 * architecture or a missing field each come back as a message naming the problem.
 */
export function readCustomConfig(text: string): CustomConfigResult {
  const trimmed = text.trim();
  if (trimmed === "")
    return { ok: false, message: "The config.json is empty. Paste the contents of the model's config.json." };
  if (trimmed.length > LIMITS.configChars * 5) {
    return {
      ok: false,
      message: `The text is ${trimmed.length.toLocaleString("en-US")} characters long; a config.json is a few thousand.`,
    };
  }
  // Bounded reader: depth, keys and size are checked while reading, before anything recursive runs on the value
  // (a link nesting thousands of arrays overflowed JSON.stringify's stack and froze the page).
  let raw: unknown;
  try {
    raw = parseJsonInput(trimmed, { maxChars: LIMITS.configChars * 5 });
  } catch (error) {
    const detail = error instanceof JsonInputError ? error.message : "not valid JSON";
    const sentence = detail.startsWith("not valid JSON")
      ? `This is ${detail}`
      : `This config.json cannot be used: ${detail}`;
    return { ok: false, message: `${withoutEchoedMarkup(sentence)}.` };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, message: 'The JSON must be an object like a config.json ({ "model_type": … }).' };
  }
  let architecture: ModelArchitecture;
  try {
    architecture = parseConfig(raw);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `This config.json cannot be used: ${withoutEchoedMarkup(detail.replace(/^config\.json: /, ""))}.`,
    };
  }
  // Minified, keeping Infinity / NaN as the bare tokens the reader accepts (JSON.stringify would write null).
  return { ok: true, config: stringifyJsonInput(raw), architecture };
}

/** The largest context the state's model allows: the catalog's context length or the config's max_position_embeddings. */
export function maxContextOf(
  state: Pick<CalculatorState, "model" | "config">,
  catalog: CalculatorCatalog,
): number {
  if (state.model === CUSTOM && state.config !== null) {
    const custom = readCustomConfig(state.config);
    if (custom.ok) return Math.max(1, custom.architecture.maxPositionEmbeddings);
  }
  return catalogMaxContext(catalog, state.model) ?? DEFAULT_CONTEXT;
}

/**
 * Brings a state edited by the user back inside the rules: format and KV type available on the engine, context
 * within the model's maximum, counts within their limits. Returns a new object.
 */
export function normalizeState(state: CalculatorState, catalog: CalculatorCatalog): CalculatorState {
  const next = { ...state };
  const maxContext = maxContextOf(next, catalog);
  next.quant = nearestFormat(next.quant, next.engine);
  next.kv = nearestKvType(next.kv, next.engine);
  next.context = clampInt(next.context, 1, maxContext, defaultContextFor(maxContext));
  next.seqs = clampInt(next.seqs, LIMITS.seqs.min, LIMITS.seqs.max, 1);
  next.gpus = clampInt(next.gpus, LIMITS.gpus.min, LIMITS.gpus.max, 1);
  if (next.gpu2 !== null && catalog.gpus.some((g) => g.slug === next.gpu2)) {
    next.gpus2 = clampInt(next.gpus2, 1, LIMITS.gpus.max, 1);
  } else {
    next.gpu2 = null;
    next.gpus2 = 0;
  }
  next.ram = clampNumber(next.ram, LIMITS.ram.min, LIMITS.ram.max, DEFAULT_RAM_GB);
  if (next.gpu === CUSTOM) next.vram = clampNumber(next.vram ?? 24, LIMITS.vram.min, LIMITS.vram.max, 24);
  else next.vram = null;
  if (next.model !== CUSTOM) next.config = null;
  return next;
}

function clampInt(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

function clampNumber(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------------------

export type SearchParamsInput =
  URLSearchParams | string | Readonly<Record<string, string | string[] | undefined>>;

function toEntries(input: SearchParamsInput): [string, string][] {
  if (typeof input === "string")
    return [...new URLSearchParams(input.startsWith("?") ? input.slice(1) : input).entries()];
  if (input instanceof URLSearchParams) return [...input.entries()];
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([key, v]);
  }
  return out;
}

/** Shortens text for a message: at most `max` characters, control characters shown as spaces. */
export function shorten(text: string, max = 40): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, " ");
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

const INTEGER = /^\d{1,12}$/;
const DECIMAL = /^\d{1,7}(?:\.\d{1,3})?$/;

type NumberResult = { ok: true; value: number } | { ok: false; why: string };

function readInteger(raw: string, min: number, max: number, unit: string): NumberResult {
  const text = raw.trim();
  if (!INTEGER.test(text)) return { ok: false, why: `is not a whole number of ${unit}` };
  const value = Number(text);
  if (value < min)
    return { ok: false, why: `is below the minimum of ${min.toLocaleString("en-US")} ${unit}` };
  if (value > max)
    return { ok: false, why: `is above the maximum of ${max.toLocaleString("en-US")} ${unit}` };
  return { ok: true, value };
}

function readDecimal(raw: string, min: number, max: number, unit: string): NumberResult {
  const text = raw.trim();
  if (!DECIMAL.test(text)) return { ok: false, why: `is not a number of ${unit}` };
  const value = Number(text);
  if (value < min)
    return { ok: false, why: `is below the minimum of ${min.toLocaleString("en-US")} ${unit}` };
  if (value > max)
    return { ok: false, why: `is above the maximum of ${max.toLocaleString("en-US")} ${unit}` };
  return { ok: true, value };
}

function canonicalFormat(raw: string): WeightFormat | null {
  const text = raw.trim();
  if (isWeightFormat(text)) return text;
  const upper = text.toUpperCase();
  return WEIGHT_FORMATS.find((f) => f.id.toUpperCase() === upper)?.id ?? null;
}

function canonicalKv(raw: string): KvCacheType | null {
  const lower = raw.trim().toLowerCase();
  return isKvCacheType(lower) ? lower : null;
}

function canonicalEngine(raw: string): Engine | null {
  const lower = raw.trim().toLowerCase();
  if (lower === "llama.cpp" || lower === "llamacpp" || lower === "llama-cpp") return "llama.cpp";
  if (lower === "vllm") return "vllm";
  return null;
}

/**
 * Reads the calculator's query string. Every parameter is optional; each value that is unknown, malformed, out of
 * range or inconsistent with the others is reported in `problems` and replaced by a default (or clamped where
 * that is the obvious reading, e.g. a context above the model's maximum).
 */
export function parseCalculatorState(
  input: SearchParamsInput,
  catalog: CalculatorCatalog,
): { state: CalculatorState; problems: StateProblem[] } {
  const problems: StateProblem[] = [];
  const state = defaultState(catalog);
  const values = new Map<string, string>();
  const report = (param: string, value: string, message: string) =>
    problems.push({ param: shorten(param, 24), value: shorten(value), message });

  for (const [key, value] of toEntries(input)) {
    if (!(PARAMS as readonly string[]).includes(key)) {
      report(key, value, "is not a calculator setting; ignored");
      continue;
    }
    if (values.has(key)) {
      report(key, value, "appears more than once; the first value is used");
      continue;
    }
    values.set(key, value);
  }

  // Model (and a custom config).
  const modelRaw = values.get("model");
  const cfgRaw = values.get("cfg");
  let customMax: number | null = null;
  if (modelRaw !== undefined) {
    const slug = modelRaw.trim();
    if (slug === CUSTOM) {
      const decoded = cfgRaw === undefined ? null : decodeConfigParam(cfgRaw);
      if (cfgRaw === undefined || decoded === null) {
        report(
          "model",
          modelRaw,
          "needs a config.json in cfg (a config too large for a link is left out of it: paste it again); using the default model",
        );
      } else if (!decoded.ok) {
        report("cfg", cfgRaw, `${decoded.message}; using the default model`);
      } else if (cfgRaw.length > LIMITS.configChars) {
        report(
          "cfg",
          cfgRaw,
          `is longer than ${LIMITS.configChars.toLocaleString("en-US")} characters; using the default model`,
        );
      } else {
        const custom = readCustomConfig(decoded.text);
        if (custom.ok) {
          state.model = CUSTOM;
          state.config = custom.config;
          customMax = Math.max(1, custom.architecture.maxPositionEmbeddings);
        } else {
          report("cfg", cfgRaw, `${custom.message.replace(/\.$/, "")}; using the default model`);
        }
      }
    } else if (catalog.models.some((m) => m.slug === slug)) {
      state.model = slug;
    } else {
      report("model", modelRaw, "is not a model in the catalog; using the default model");
    }
  }
  if (cfgRaw !== undefined && modelRaw?.trim() !== CUSTOM) {
    report("cfg", cfgRaw, "is only read with model=custom; ignored");
  }
  const maxContext = customMax ?? catalogMaxContext(catalog, state.model) ?? DEFAULT_CONTEXT;
  state.context = defaultContextFor(maxContext);

  // Engine, then what depends on it.
  const engineRaw = values.get("engine");
  if (engineRaw !== undefined) {
    const engine = canonicalEngine(engineRaw);
    if (engine) state.engine = engine;
    else report("engine", engineRaw, "is not an engine (llama.cpp or vllm); using llama.cpp");
  }
  state.quant = DEFAULT_FORMAT[state.engine];

  const quantRaw = values.get("quant");
  if (quantRaw !== undefined) {
    const format = canonicalFormat(quantRaw);
    if (!format) {
      report("quant", quantRaw, `is not a weight format; using ${DEFAULT_FORMAT[state.engine]}`);
    } else if (!formatsForEngine(state.engine).includes(format)) {
      state.quant = nearestFormat(format, state.engine);
      report("quant", quantRaw, `is not available on ${ENGINE_LABELS[state.engine]}; using ${state.quant}`);
    } else {
      state.quant = format;
    }
  }

  const kvRaw = values.get("kv");
  if (kvRaw !== undefined) {
    const kv = canonicalKv(kvRaw);
    if (!kv) {
      report("kv", kvRaw, "is not a KV-cache type; using f16");
    } else if (!KV_TYPES_BY_ENGINE[state.engine].includes(kv)) {
      state.kv = nearestKvType(kv, state.engine);
      report("kv", kvRaw, `is not available on ${ENGINE_LABELS[state.engine]}; using ${state.kv}`);
    } else {
      state.kv = kv;
    }
  }

  const contextRaw = values.get("context");
  if (contextRaw !== undefined) {
    const text = contextRaw.trim();
    if (INTEGER.test(text) && Number(text) > maxContext) {
      state.context = maxContext;
      report(
        "context",
        contextRaw,
        `is above this model's maximum of ${maxContext.toLocaleString("en-US")} tokens; using the maximum`,
      );
    } else {
      const n = readInteger(text, 1, maxContext, "tokens");
      if (n.ok) state.context = n.value;
      else report("context", contextRaw, `${n.why}; using ${state.context.toLocaleString("en-US")}`);
    }
  }

  const seqsRaw = values.get("seqs");
  if (seqsRaw !== undefined) {
    const n = readInteger(seqsRaw, LIMITS.seqs.min, LIMITS.seqs.max, "sequences");
    if (n.ok) state.seqs = n.value;
    else report("seqs", seqsRaw, `${n.why}; using 1`);
  }

  // Hardware.
  const gpuRaw = values.get("gpu");
  const vramRaw = values.get("vram");
  let wantsCustomGpu = false;
  if (gpuRaw !== undefined) {
    const slug = gpuRaw.trim();
    if (slug === CUSTOM) wantsCustomGpu = true;
    else if (catalog.gpus.some((g) => g.slug === slug)) state.gpu = slug;
    else report("gpu", gpuRaw, "is not a GPU in the catalog; using the default GPU");
  } else if (vramRaw !== undefined) {
    wantsCustomGpu = true;
  }
  if (wantsCustomGpu) {
    if (vramRaw === undefined) {
      report("gpu", gpuRaw ?? CUSTOM, "needs a memory size in vram (GB); using the default GPU");
    } else {
      const n = readDecimal(vramRaw, LIMITS.vram.min, LIMITS.vram.max, "GB");
      if (n.ok) {
        state.gpu = CUSTOM;
        state.vram = n.value;
      } else {
        report("vram", vramRaw, `${n.why}; using the default GPU`);
      }
    }
  } else if (vramRaw !== undefined) {
    report("vram", vramRaw, "is only read with gpu=custom; ignored");
  }

  const gpusRaw = values.get("gpus");
  if (gpusRaw !== undefined) {
    const n = readInteger(gpusRaw, LIMITS.gpus.min, LIMITS.gpus.max, "GPUs");
    if (n.ok) state.gpus = n.value;
    else report("gpus", gpusRaw, `${n.why}; using 1`);
  }

  const gpu2Raw = values.get("gpu2");
  const gpus2Raw = values.get("gpus2");
  if (gpu2Raw !== undefined && gpu2Raw.trim() !== "") {
    const slug = gpu2Raw.trim();
    if (catalog.gpus.some((g) => g.slug === slug)) {
      state.gpu2 = slug;
      state.gpus2 = 1;
      if (gpus2Raw !== undefined) {
        const n = readInteger(gpus2Raw, 1, LIMITS.gpus.max, "GPUs");
        if (n.ok) state.gpus2 = n.value;
        else report("gpus2", gpus2Raw, `${n.why}; using 1`);
      }
    } else {
      report("gpu2", gpu2Raw, "is not a GPU in the catalog; no second GPU type");
    }
  } else if (gpus2Raw !== undefined) {
    report("gpus2", gpus2Raw, "is only read with gpu2; ignored");
  }

  const ramRaw = values.get("ram");
  if (ramRaw !== undefined) {
    const n = readDecimal(ramRaw, LIMITS.ram.min, LIMITS.ram.max, "GB");
    if (n.ok) state.ram = n.value;
    else report("ram", ramRaw, `${n.why}; using ${DEFAULT_RAM_GB} GB`);
  }

  return { state, problems };
}

// ---------------------------------------------------------------------------------------------------------------
// Serialising
// ---------------------------------------------------------------------------------------------------------------

/**
 * Whether the state's custom config can travel in a link (compressed, at most CONFIG_LINK_MAX_CHARS characters).
 * Beyond that the link leaves the config out and the calculator says so, rather than writing a link that a server
 * answers with 431 (Request Header Fields Too Large).
 */
export function configShareable(state: Pick<CalculatorState, "model" | "config">): {
  shareable: boolean;
  chars: number;
} {
  if (state.model !== CUSTOM || state.config === null) return { shareable: true, chars: 0 };
  const size = configLinkSize(state.config);
  return { shareable: size.fits, chars: size.chars };
}

/** The link for a state: every setting written out, so a shared link keeps meaning the same even if defaults change. */
export function calculatorStateHref(state: CalculatorState): string {
  const custom = state.model === CUSTOM && state.config !== null;
  const customGpu = state.gpu === CUSTOM && state.vram !== null;
  const cfg = custom && state.config !== null ? encodeConfigParam(state.config) : undefined;
  return calculatorHref({
    model: custom ? CUSTOM : state.model,
    ...(cfg !== undefined && cfg.length <= LIMITS.configLinkChars ? { cfg } : {}),
    engine: state.engine,
    quant: state.quant,
    context: state.context,
    kv: state.kv,
    seqs: state.seqs,
    gpu: customGpu ? CUSTOM : state.gpu,
    ...(customGpu ? { vram: state.vram ?? undefined } : {}),
    gpus: state.gpus,
    ...(state.gpu2 !== null && state.gpus2 > 0 ? { gpu2: state.gpu2, gpus2: state.gpus2 } : {}),
    ram: state.ram,
  });
}
