// Parsers and validators for the sourced measurements in content/evidence/*.json. No JSON imports here, so client
// code can import the types and parsers without pulling every data file into its bundle.
import { isWeightFormat } from "@/lib/estimator";
import type { WeightFormat } from "@/lib/estimator";

export interface SpeedPoint {
  id: string;
  /** Slug in content/gpus.json. */
  gpu: string;
  /** Device name as the source printed it. */
  device: string;
  backend: "CUDA" | "ROCm" | "Vulkan" | "Metal";
  /** Catalog slug, or an id in content/evidence/benchmark-models.json. */
  model: string;
  format: WeightFormat;
  flashAttention: boolean;
  promptTokens: number;
  generatedTokens: number;
  /** Prompt processing (pp) tokens/s; null when the source gives only generation for this format. */
  ppTokensPerSecond: number | null;
  /** Text generation (tg) tokens/s. */
  tgTokensPerSecond: number;
  build: string | null;
  source: string;
  date: string;
  note?: string;
}

export interface QualityRow {
  format: WeightFormat;
  llamaCppType: string;
  imatrix: string | null;
  sizeGiB: number;
  ppl: number;
  /** Mean KL divergence from the FP16 model's token distribution. */
  kld: number;
  source: string;
  date: string;
}

export interface QualityTable {
  model: string;
  referencePpl: number;
  revision: string;
  rows: QualityRow[];
}

export interface GpuCompute {
  gpu: string;
  fp16TensorTflopsDense: number;
  accumulate: string;
  source: string;
  date: string;
  note?: string;
}

export interface BenchmarkModel {
  id: string;
  name: string;
  catalogSlug: string | null;
  source: string;
  date: string;
  config: Record<string, unknown>;
}

const BACKENDS = ["CUDA", "ROCm", "Vulkan", "Metal"] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Row = Record<string, unknown>;

function isRecord(value: unknown): value is Row {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Throws `file[i] (id): "field" problem`. */
function failer(file: string, index: number, id: unknown) {
  const where = typeof id === "string" && id !== "" ? `${file}[${index}] (${id})` : `${file}[${index}]`;
  return (field: string, problem: string): never => {
    throw new Error(`${where}: "${field}" ${problem}`);
  };
}

export function isHttpsUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname !== "";
  } catch {
    return false;
  }
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function positive(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}

function rowsOf(file: string, raw: unknown): unknown[] {
  if (!isRecord(raw) || !Array.isArray(raw["rows"] ?? raw["models"])) {
    throw new Error(`${file}: must be an object with a "rows" array`);
  }
  return (raw["rows"] ?? raw["models"]) as unknown[];
}

function sourced(fail: (f: string, p: string) => never, row: Row): { source: string; date: string } {
  if (!isHttpsUrl(row["source"])) fail("source", "must be an https URL");
  if (!isIsoDate(row["date"])) fail("date", "must be an ISO date (YYYY-MM-DD)");
  return { source: row["source"] as string, date: row["date"] as string };
}

export function parseSpeed(raw: unknown, file = "content/evidence/speed.json"): SpeedPoint[] {
  const seen = new Set<string>();
  return rowsOf(file, raw).map((entry, i): SpeedPoint => {
    if (!isRecord(entry)) throw new Error(`${file}[${i}]: row must be an object`);
    const fail = failer(file, i, entry["id"]);
    const id = entry["id"];
    if (typeof id !== "string" || id === "") fail("id", "must be a non-empty string");
    if (seen.has(id as string)) fail("id", "is used twice");
    seen.add(id as string);
    for (const key of ["gpu", "device", "model"]) {
      if (typeof entry[key] !== "string" || entry[key] === "") fail(key, "must be a non-empty string");
    }
    const backend = entry["backend"];
    if (!(BACKENDS as readonly unknown[]).includes(backend))
      fail("backend", `must be one of ${BACKENDS.join(", ")}`);
    const format = entry["format"];
    if (typeof format !== "string" || !isWeightFormat(format)) fail("format", "must be a weight format id");
    if (typeof entry["flashAttention"] !== "boolean") fail("flashAttention", "must be a boolean");
    for (const key of ["promptTokens", "generatedTokens"]) {
      if (!Number.isInteger(entry[key]) || !positive(entry[key])) fail(key, "must be a positive integer");
    }
    const pp = entry["ppTokensPerSecond"];
    if (pp !== null && !positive(pp)) fail("ppTokensPerSecond", "must be a positive number or null");
    if (!positive(entry["tgTokensPerSecond"])) fail("tgTokensPerSecond", "must be a positive number");
    const build = entry["build"];
    if (build !== null && typeof build !== "string") fail("build", "must be a string or null");
    const note = entry["note"];
    if (note !== undefined && typeof note !== "string") fail("note", "must be a string when present");
    return {
      id: id as string,
      gpu: entry["gpu"] as string,
      device: entry["device"] as string,
      backend: backend as SpeedPoint["backend"],
      model: entry["model"] as string,
      format: format as WeightFormat,
      flashAttention: entry["flashAttention"] as boolean,
      promptTokens: entry["promptTokens"] as number,
      generatedTokens: entry["generatedTokens"] as number,
      ppTokensPerSecond: pp as number | null,
      tgTokensPerSecond: entry["tgTokensPerSecond"] as number,
      build: build as string | null,
      ...sourced(fail, entry),
      ...(note === undefined ? {} : { note: note as string }),
    };
  });
}

export function parseQuality(raw: unknown, file = "content/evidence/quality.json"): QualityTable {
  if (!isRecord(raw)) throw new Error(`${file}: must be an object`);
  if (typeof raw["model"] !== "string") throw new Error(`${file}: "model" must be a catalog slug`);
  if (!positive(raw["referencePpl"])) throw new Error(`${file}: "referencePpl" must be a positive number`);
  const seen = new Set<string>();
  const rows = rowsOf(file, raw).map((entry, i): QualityRow => {
    if (!isRecord(entry)) throw new Error(`${file}[${i}]: row must be an object`);
    const fail = failer(file, i, entry["format"]);
    const format = entry["format"];
    if (typeof format !== "string" || !isWeightFormat(format)) fail("format", "must be a weight format id");
    if (seen.has(format as string)) fail("format", "is listed twice");
    seen.add(format as string);
    if (typeof entry["llamaCppType"] !== "string") fail("llamaCppType", "must be a string");
    const imatrix = entry["imatrix"];
    if (imatrix !== null && typeof imatrix !== "string") fail("imatrix", "must be a string or null");
    for (const key of ["sizeGiB", "ppl"]) if (!positive(entry[key])) fail(key, "must be a positive number");
    if (!(typeof entry["kld"] === "number" && entry["kld"] >= 0))
      fail("kld", "must be a non-negative number");
    return {
      format: format as WeightFormat,
      llamaCppType: entry["llamaCppType"] as string,
      imatrix: imatrix as string | null,
      sizeGiB: entry["sizeGiB"] as number,
      ppl: entry["ppl"] as number,
      kld: entry["kld"] as number,
      ...sourced(fail, entry),
    };
  });
  return {
    model: raw["model"],
    referencePpl: raw["referencePpl"] as number,
    revision: String(raw["revision"] ?? ""),
    rows,
  };
}

export function parseGpuCompute(raw: unknown, file = "content/evidence/gpu-compute.json"): GpuCompute[] {
  const seen = new Set<string>();
  return rowsOf(file, raw).map((entry, i): GpuCompute => {
    if (!isRecord(entry)) throw new Error(`${file}[${i}]: row must be an object`);
    const fail = failer(file, i, entry["gpu"]);
    if (typeof entry["gpu"] !== "string" || entry["gpu"] === "") fail("gpu", "must be a GPU slug");
    if (seen.has(entry["gpu"] as string)) fail("gpu", "is listed twice");
    seen.add(entry["gpu"] as string);
    if (!positive(entry["fp16TensorTflopsDense"])) fail("fp16TensorTflopsDense", "must be a positive number");
    if (typeof entry["accumulate"] !== "string") fail("accumulate", "must be a string");
    const note = entry["note"];
    return {
      gpu: entry["gpu"] as string,
      fp16TensorTflopsDense: entry["fp16TensorTflopsDense"] as number,
      accumulate: entry["accumulate"] as string,
      ...sourced(fail, entry),
      ...(typeof note === "string" ? { note } : {}),
    };
  });
}

export function parseBenchmarkModels(
  raw: unknown,
  file = "content/evidence/benchmark-models.json",
): BenchmarkModel[] {
  return rowsOf(file, raw).map((entry, i): BenchmarkModel => {
    if (!isRecord(entry)) throw new Error(`${file}[${i}]: entry must be an object`);
    const fail = failer(file, i, entry["id"]);
    for (const key of ["id", "name"]) {
      if (typeof entry[key] !== "string" || entry[key] === "") fail(key, "must be a non-empty string");
    }
    if (!isRecord(entry["config"])) fail("config", "must be the model's config.json object");
    const slug = entry["catalogSlug"];
    return {
      id: entry["id"] as string,
      name: entry["name"] as string,
      catalogSlug: typeof slug === "string" ? slug : null,
      config: entry["config"] as Record<string, unknown>,
      ...sourced(fail, entry),
    };
  });
}
