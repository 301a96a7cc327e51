// The calculator's state as a query string: read (every unusable value named in `problems` and replaced by a sane
// one, never echoed as HTML) and written back as a full link.
import { KV_TYPES_BY_ENGINE, WEIGHT_FORMATS, isKvCacheType, isWeightFormat } from "@/lib/estimator";
import type { Engine, KvCacheType, WeightFormat } from "@/lib/estimator";
import { calculatorHref } from "@/lib/routes";
import { configLinkSize, decodeConfigParam, encodeConfigParam } from "@/features/calculator/config-link";
import { readCustomConfig } from "./custom-config";
import {
  CUSTOM,
  DEFAULT_CONTEXT,
  DEFAULT_FORMAT,
  DEFAULT_RAM_GB,
  ENGINE_LABELS,
  LIMITS,
  PARAMS,
  catalogMaxContext,
  defaultContextFor,
  defaultState,
  formatsForEngine,
  nearestFormat,
  nearestKvType,
} from "./state-rules";
import type { CalculatorCatalog, CalculatorState, StateProblem } from "./state-rules";

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

/** Reads a number written in `shape` within [min, max]; `kind` names it in the message ("whole number", "number"). */
function readNumber(
  raw: string,
  shape: RegExp,
  kind: string,
  min: number,
  max: number,
  unit: string,
): NumberResult {
  const text = raw.trim();
  if (!shape.test(text)) return { ok: false, why: `is not a ${kind} of ${unit}` };
  const value = Number(text);
  if (value < min)
    return { ok: false, why: `is below the minimum of ${min.toLocaleString("en-US")} ${unit}` };
  if (value > max)
    return { ok: false, why: `is above the maximum of ${max.toLocaleString("en-US")} ${unit}` };
  return { ok: true, value };
}

function readInteger(raw: string, min: number, max: number, unit: string): NumberResult {
  return readNumber(raw, INTEGER, "whole number", min, max, unit);
}

function readDecimal(raw: string, min: number, max: number, unit: string): NumberResult {
  return readNumber(raw, DECIMAL, "number", min, max, unit);
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
  if (lower === "mlx" || lower === "mlx-lm" || lower === "mlx_lm") return "mlx";
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
    else report("engine", engineRaw, "is not an engine (llama.cpp, vllm or mlx); using llama.cpp");
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

  /** Reads an optional number parameter into the state; a value it rejects is reported and the default stays. */
  const readInto = (
    param: string,
    read: (raw: string) => NumberResult,
    kept: string,
    set: (value: number) => void,
  ) => {
    const raw = values.get(param);
    if (raw === undefined) return;
    const n = read(raw);
    if (n.ok) set(n.value);
    else report(param, raw, `${n.why}; using ${kept}`);
  };

  readInto(
    "seqs",
    (raw) => readInteger(raw, LIMITS.seqs.min, LIMITS.seqs.max, "sequences"),
    "1",
    (seqs) => (state.seqs = seqs),
  );

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

  readInto(
    "gpus",
    (raw) => readInteger(raw, LIMITS.gpus.min, LIMITS.gpus.max, "GPUs"),
    "1",
    (gpus) => (state.gpus = gpus),
  );

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

  readInto(
    "ram",
    (raw) => readDecimal(raw, LIMITS.ram.min, LIMITS.ram.max, "GB"),
    `${DEFAULT_RAM_GB} GB`,
    (ram) => (state.ram = ram),
  );

  return { state, problems };
}

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
