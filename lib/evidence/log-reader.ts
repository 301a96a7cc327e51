// Reads llama.cpp and vLLM start-up logs: the memory each term took on each device and the settings the run used.
// Pure (text in, plain object out) so the calculator, the CLI and the tests share it. Line formats come from
// llama.cpp (src/llama-model.cpp load_tensors, src/llama-context.cpp, src/llama-kv-cache.cpp,
// llama_memory_breakdown_print) and vLLM (gpu_model_runner.py "Model loading took", gpu_worker.py "Available KV cache
// memory", kv_cache_utils.py "GPU KV cache size"), matched anywhere in a line so timestamps and journal prefixes pass.
import type { KvCacheType, WeightFormat } from "@/lib/estimator";
import { GIB } from "@/lib/estimator";

export type LogEngine = "llama.cpp" | "vllm";
export type TermName = "weights" | "kvCache" | "compute";
export const TERM_NAMES: readonly TermName[] = ["weights", "kvCache", "compute"];

export interface DeviceBytes {
  device: string;
  bytes: number;
}

export interface MeasuredTerm {
  /** Sum over devices. */
  bytes: number;
  devices: DeviceBytes[];
}

export interface LogSettings {
  modelName?: string;
  /** Weight format, from the file type (llama.cpp) or dtype / quantization (vLLM). */
  format?: WeightFormat;
  /** The file type as printed, when it has no format of ours. */
  fileTypeLabel?: string;
  /** llama.cpp: total cells (-c); vLLM: max model length. */
  contextTokens?: number;
  /** llama.cpp n_seq_max (-np). */
  sequences?: number;
  ubatchTokens?: number;
  flashAttention?: boolean;
  kvCacheType?: KvCacheType;
  /** vLLM: tokens the KV cache holds ("GPU KV cache size"). */
  kvCacheTokens?: number;
  tensorParallel?: number;
}

export interface LogReading {
  engine: LogEngine;
  terms: Record<TermName, MeasuredTerm | null>;
  settings: LogSettings;
  /** Which lines the terms came from. */
  basis: "buffer lines" | "memory breakdown" | "vLLM start-up lines";
  notes: string[];
}

export type LogReadResult = { ok: true; reading: LogReading } | { ok: false; message: string };

const MIB = 1024 ** 2;
const NUM = String.raw`(\d+(?:\.\d+)?)`;

/** llama.cpp prints the file type as llama_model_ftype_name() text; these are the ones we have a format for. */
const FTYPE_NAMES: Readonly<Record<string, WeightFormat>> = {
  F16: "F16",
  BF16: "BF16",
  Q8_0: "Q8_0",
  Q6_K: "Q6_K",
  "Q5_K - Medium": "Q5_K_M",
  "Q5_K - Small": "Q5_K_S",
  "Q4_K - Medium": "Q4_K_M",
  "Q4_K - Small": "Q4_K_S",
  Q4_0: "Q4_0",
  "IQ4_XS - 4.25 bpw": "IQ4_XS",
  "Q3_K - Large": "Q3_K_L",
  "Q3_K - Medium": "Q3_K_M",
  "Q3_K - Small": "Q3_K_S",
  "IQ3_XXS - 3.0625 bpw": "IQ3_XXS",
  "Q2_K - Medium": "Q2_K",
  "IQ2_XXS - 2.0625 bpw": "IQ2_XXS",
  "IQ1_S - 1.5625 bpw": "IQ1_S",
};

/** general.file_type values (enum llama_ftype in include/llama.h). */
const FTYPE_IDS: Readonly<Record<number, WeightFormat>> = {
  1: "F16",
  2: "Q4_0",
  7: "Q8_0",
  10: "Q2_K",
  11: "Q3_K_S",
  12: "Q3_K_M",
  13: "Q3_K_L",
  14: "Q4_K_S",
  15: "Q4_K_M",
  16: "Q5_K_S",
  17: "Q5_K_M",
  18: "Q6_K",
  19: "IQ2_XXS",
  23: "IQ3_XXS",
  24: "IQ1_S",
  30: "IQ4_XS",
  32: "BF16",
};

function addTo(term: MeasuredTerm | null, device: string, bytes: number): MeasuredTerm {
  const t = term ?? { bytes: 0, devices: [] };
  t.bytes += bytes;
  const existing = t.devices.find((d) => d.device === device);
  if (existing) existing.bytes += bytes;
  else t.devices.push({ device, bytes });
  return t;
}

function mib(value: string): number {
  return Math.round(Number(value) * MIB);
}

function kvType(value: string): KvCacheType | undefined {
  const v = value.toLowerCase();
  return v === "f16" || v === "bf16" || v === "q8_0" || v === "q4_0" ? v : undefined;
}

function emptyTerms(): Record<TermName, MeasuredTerm | null> {
  return { weights: null, kvCache: null, compute: null };
}

interface BreakdownRow {
  device: string;
  model: number;
  context: number;
  compute: number;
}

/** The last complete llama_memory_breakdown_print table (later tables replace fit trials printed before them). */
function lastBreakdown(lines: readonly string[]): BreakdownRow[] | null {
  let current: BreakdownRow[] | null = null;
  let last: BreakdownRow[] | null = null;
  const row = new RegExp(
    String.raw`memory_breakdown_print:\s*\|\s*-\s*(.+?)\s*\|[^|]*?(\d+)\s*=\s*(\d+)\s*\+\s*(\d+)\s*\+\s*(\d+)\s*\)?\s*(?:\+|\|)`,
  );
  for (const line of lines) {
    if (!line.includes("memory_breakdown_print")) {
      if (current && current.length > 0) last = current;
      current = null;
      continue;
    }
    if (/memory breakdown \[MiB\]/.test(line)) {
      if (current && current.length > 0) last = current;
      current = [];
      continue;
    }
    const m = row.exec(line);
    if (m && current) {
      current.push({
        device: m[1]!.trim(),
        model: Number(m[3]),
        context: Number(m[4]),
        compute: Number(m[5]),
      });
    }
  }
  if (current && current.length > 0) last = current;
  return last;
}

function readLlamaCpp(lines: readonly string[]): LogReadResult {
  const terms = emptyTerms();
  const settings: LogSettings = {};
  const notes: string[] = [];
  let contexts = 0;
  let kvSelfBytes: number | null = null;
  let contextDone = false;

  const modelBuffer = new RegExp(
    String.raw`load_tensors:\s+(\S+)\s+(?:model\s+)?buffer size\s*=\s*${NUM}\s*MiB`,
  );
  const kvBuffer = new RegExp(String.raw`(\S+)\s+(?:KV|RS) buffer size\s*=\s*${NUM}\s*MiB`);
  const computeBuffer = new RegExp(String.raw`(\S+)\s+compute buffer size\s*=\s*${NUM}\s*MiB`);

  for (const line of lines) {
    let m: RegExpExecArray | null;
    if ((m = /general\.name\s+(?:str\s+)?=\s*(.+?)\s*$/.exec(line)) && !settings.modelName)
      settings.modelName = m[1];
    if ((m = /general\.file_type\s+u32\s+=\s*(\d+)/.exec(line))) {
      const f = FTYPE_IDS[Number(m[1])];
      if (f) settings.format = f;
      else settings.fileTypeLabel ??= `general.file_type ${m[1]}`;
    }
    if ((m = /(?:file type|model ftype)\s*=\s*(.+?)\s*(?:\(guessed\))?\s*$/.exec(line))) {
      const f = FTYPE_NAMES[m[1]!.trim()];
      if (f) settings.format = f;
      else if (!settings.format) settings.fileTypeLabel = m[1]!.trim();
    }
    if ((m = modelBuffer.exec(line))) {
      terms.weights = addTo(terms.weights, m[1]!, mib(m[2]!));
      continue;
    }
    // A second context (a draft / MTP model, a re-load) starts: keep the first context's buffers only.
    if (/\bn_seq_max\s*=/.test(line)) {
      contexts++;
      if (contexts > 1 && (terms.kvCache || terms.compute)) contextDone = true;
    }
    if (contextDone) continue;
    if ((m = /\bn_seq_max\s*=\s*(\d+)/.exec(line))) settings.sequences = Number(m[1]);
    if ((m = /\bn_ctx\s*=\s*(\d+)/.exec(line)) && settings.contextTokens === undefined) {
      settings.contextTokens = Number(m[1]);
    }
    if ((m = /\bn_ubatch\s*=\s*(\d+)/.exec(line))) settings.ubatchTokens = Number(m[1]);
    if ((m = /\bflash_attn\s*=\s*(\w+)/.exec(line))) {
      const v = m[1]!.toLowerCase();
      if (["1", "true", "enabled", "on"].includes(v)) settings.flashAttention = true;
      else if (["0", "false", "disabled", "off"].includes(v)) settings.flashAttention = false;
      else notes.push(`flash_attn = ${m[1]}: resolved at run time, assumed on`);
    }
    if ((m = /type_k\s*=\s*'?(\w+)'?/.exec(line)) || (m = /\bK \((\w+)\):/.exec(line))) {
      const t = kvType(m[1]!);
      if (t) settings.kvCacheType = t;
    }
    if ((m = kvBuffer.exec(line))) {
      terms.kvCache = addTo(terms.kvCache, m[1]!, mib(m[2]!));
      continue;
    }
    if ((m = new RegExp(String.raw`KV self size\s*=\s*${NUM}\s*MiB`).exec(line))) kvSelfBytes = mib(m[1]!);
    // The vision projector's own compute buffer (clip / mtmd) is not the language model's.
    if ((m = computeBuffer.exec(line)) && !/alloc_compute_meta|clip/.test(line)) {
      terms.compute = addTo(terms.compute, m[1]!, mib(m[2]!));
    }
  }
  if (!terms.kvCache && kvSelfBytes !== null)
    terms.kvCache = { bytes: kvSelfBytes, devices: [{ device: "all", bytes: kvSelfBytes }] };

  let basis: LogReading["basis"] = "buffer lines";
  if (!terms.weights && !terms.kvCache && !terms.compute) {
    const table = lastBreakdown(lines);
    if (table) {
      basis = "memory breakdown";
      for (const row of table) {
        if (row.model > 0) terms.weights = addTo(terms.weights, row.device, row.model * MIB);
        if (row.context > 0) terms.kvCache = addTo(terms.kvCache, row.device, row.context * MIB);
        if (row.compute > 0) terms.compute = addTo(terms.compute, row.device, row.compute * MIB);
      }
      notes.push(
        "read from llama_memory_breakdown_print; its context column also holds the output buffer and any recurrent state",
      );
    }
  }
  if (contexts > 1 && contextDone)
    notes.push("a second context (draft or MTP model) follows; only the first one was read");
  if (!terms.weights && !terms.kvCache && !terms.compute) {
    return {
      ok: false,
      message:
        "no memory lines found: paste the lines with 'model buffer size', 'KV buffer size' and 'compute buffer size' (or the llama_memory_breakdown_print table)",
    };
  }
  return { ok: true, reading: { engine: "llama.cpp", terms, settings, basis, notes } };
}

function vllmFormat(dtype: string | undefined, quantization: string | undefined): WeightFormat | undefined {
  const q = quantization?.toLowerCase();
  if (q && q !== "none") {
    if (q === "fp8") return "FP8";
    if (q.startsWith("awq")) return "AWQ-INT4";
    if (q.startsWith("gptq")) return "GPTQ-INT4";
    return undefined;
  }
  if (dtype === "torch.bfloat16" || dtype === "bfloat16") return "BF16";
  if (dtype === "torch.float16" || dtype === "float16") return "F16";
  return undefined;
}

function readVllm(lines: readonly string[]): LogReadResult {
  const terms = emptyTerms();
  const settings: LogSettings = {};
  const notes: string[] = [];
  let dtype: string | undefined;
  let quantization: string | undefined;
  let kvDtype: string | undefined;
  for (const line of lines) {
    let m: RegExpExecArray | null;
    const who = /\((\w+) pid=(\d+)\)/.exec(line);
    const device = who ? `${who[1]} pid ${who[2]}` : "GPU";
    if ((m = /max_seq_len=(\d+)/.exec(line)) || (m = /Using max model len (\d+)/.exec(line))) {
      settings.contextTokens = Number(m[1]);
    }
    if ((m = /tensor_parallel_size=(\d+)/.exec(line))) settings.tensorParallel = Number(m[1]);
    if ((m = /\bdtype=([\w.]+)/.exec(line))) dtype = m[1];
    if ((m = /\bquantization=(\w+)/.exec(line))) quantization = m[1];
    if ((m = /kv_cache_dtype=(\w+)/.exec(line))) kvDtype = m[1];
    if ((m = /model='([^']+)'/.exec(line)) && !settings.modelName)
      settings.modelName = m[1]!.split("/").pop();
    if ((m = new RegExp(String.raw`Model loading took\s+${NUM}\s*GiB`).exec(line))) {
      terms.weights = addTo(terms.weights, device, Math.round(Number(m[1]) * GIB));
    } else if ((m = new RegExp(String.raw`Loading model weights took\s+${NUM}\s*GB`).exec(line))) {
      // Older vLLM divides by 2^30 but labels the figure "GB".
      terms.weights = addTo(terms.weights, device, Math.round(Number(m[1]) * GIB));
    }
    if ((m = new RegExp(String.raw`Available KV cache memory:\s*${NUM}\s*GiB`).exec(line))) {
      terms.kvCache = addTo(terms.kvCache, device, Math.round(Number(m[1]) * GIB));
    }
    if ((m = /GPU KV cache size:\s*([\d,]+)\s*tokens/.exec(line))) {
      settings.kvCacheTokens = Number(m[1]!.replace(/,/g, ""));
    }
    if ((m = new RegExp(String.raw`torch peak memory increase:\s*${NUM}\s*GiB`).exec(line))) {
      terms.compute = addTo(terms.compute, device, Math.round(Number(m[1]) * GIB));
    }
  }
  const format = vllmFormat(dtype, quantization);
  if (format) settings.format = format;
  else if (dtype || quantization)
    settings.fileTypeLabel = `dtype ${dtype ?? "?"}, quantization ${quantization ?? "?"}`;
  if (kvDtype) {
    if (kvDtype.startsWith("fp8")) settings.kvCacheType = "fp8";
    else if (kvDtype === "auto") settings.kvCacheType = format === "F16" ? "f16" : "bf16";
  }
  if (!terms.compute)
    notes.push("no 'torch peak memory increase' line: this vLLM version does not print the activation peak");
  if (!terms.weights && !terms.kvCache) {
    return {
      ok: false,
      message:
        "no vLLM memory lines found: paste the lines with 'Model loading took' and 'Available KV cache memory'",
    };
  }
  return { ok: true, reading: { engine: "vllm", terms, settings, basis: "vLLM start-up lines", notes } };
}

/** The longest log text read (start-up output is a few KB; a full run log with many requests can reach ~1 MB). */
export const MAX_LOG_CHARS = 2_000_000;

/** Reads a pasted llama.cpp or vLLM log. Never throws; an unreadable log gets a message naming what is missing. */
export function readLog(text: unknown): LogReadResult {
  if (typeof text !== "string" || text.trim() === "") {
    return { ok: false, message: "the log is empty: paste the start-up output of llama.cpp or vLLM" };
  }
  // A pasted or linked log is untrusted: the start-up lines are a few KB, so a huge paste is refused before it is
  // split and scanned line by line.
  if (text.length > MAX_LOG_CHARS) {
    return {
      ok: false,
      message: `the log is ${text.length.toLocaleString("en-US")} characters long; paste the start-up lines only (up to ${MAX_LOG_CHARS.toLocaleString("en-US")})`,
    };
  }
  const lines = text.split(/\r?\n/);
  const looksVllm = lines.some((l) =>
    /Model loading took|Loading model weights took|Available KV cache memory|GPU KV cache size/.test(l),
  );
  const looksLlama = lines.some((l) =>
    /buffer size\s*=|memory_breakdown_print|llama_context|llama_new_context_with_model|load_tensors/.test(l),
  );
  if (looksLlama && !looksVllm) return readLlamaCpp(lines);
  if (looksVllm && !looksLlama) return readVllm(lines);
  if (looksLlama && looksVllm)
    return { ok: false, message: "the log mixes llama.cpp and vLLM lines: paste one engine's output" };
  return {
    ok: false,
    message:
      "not a llama.cpp or vLLM start-up log: no 'model buffer size', 'KV buffer size', 'compute buffer size', memory breakdown, 'Model loading took' or 'Available KV cache memory' line",
  };
}
