// Estimate against a log: rebuilds the run's settings from what the log printed, asks lib/estimator for each term
// and puts it beside the measured sum over devices. Pure; used by the calculator's log paste and scripts/check-log.ts.
import { estimateMemory, kvCacheBytes, vllmActivationBytes } from "@/lib/estimator";
import type { EstimateInput, ModelArchitecture } from "@/lib/estimator";
import { readLog, TERM_NAMES } from "@/lib/evidence/log-reader";
import type { LogReading, TermName } from "@/lib/evidence/log-reader";

export interface TermComparison {
  estimated: number;
  /** Sum over devices; null when the log does not print this term. */
  measured: number | null;
}

export interface LogCheck {
  reading: LogReading;
  input: EstimateInput;
  terms: Record<TermName, TermComparison>;
}

export type LogCheckResult = { ok: true; check: LogCheck } | { ok: false; message: string };

/** The estimator input a log describes, or the one setting it lacks. */
export function inputFromLog(
  reading: LogReading,
): { ok: true; input: EstimateInput } | { ok: false; message: string } {
  const s = reading.settings;
  if (!s.format) {
    return {
      ok: false,
      message: s.fileTypeLabel
        ? `the log's weight format (${s.fileTypeLabel}) is not one the estimator models`
        : reading.engine === "vllm"
          ? "the log does not say the weight format: include the 'Initializing ... engine with config' line (dtype, quantization)"
          : "the log does not say the weight format: include the 'file type' / 'model ftype' or general.file_type line",
    };
  }
  if (reading.engine === "vllm") {
    const tokens = s.kvCacheTokens ?? s.contextTokens;
    if (tokens === undefined) {
      return { ok: false, message: "the log gives neither 'GPU KV cache size' nor the max model length" };
    }
    return {
      ok: true,
      input: {
        engine: "vllm",
        format: s.format,
        contextTokens: tokens,
        ...(s.kvCacheType ? { kvCacheType: s.kvCacheType } : {}),
      },
    };
  }
  if (s.contextTokens === undefined)
    return { ok: false, message: "the log does not print n_ctx (the llama_context lines)" };
  const sequences = s.sequences ?? 1;
  return {
    ok: true,
    input: {
      engine: "llama.cpp",
      format: s.format,
      // llama.cpp's n_ctx is the total over sequences; the estimator takes the context of one sequence.
      contextTokens: Math.max(1, Math.floor(s.contextTokens / sequences)),
      sequences,
      ...(s.ubatchTokens ? { ubatchTokens: s.ubatchTokens } : {}),
      ...(s.kvCacheType ? { kvCacheType: s.kvCacheType } : {}),
      ...(s.flashAttention !== undefined ? { flashAttention: s.flashAttention } : {}),
    },
  };
}

/** Reads the log and compares every term. Never throws: a log or setting it cannot use gets a message. */
export function checkLog(arch: ModelArchitecture, text: unknown): LogCheckResult {
  const read = readLog(text);
  if (!read.ok) return read;
  const reading = read.reading;
  const built = inputFromLog(reading);
  if (!built.ok) return built;
  let estimated: Record<TermName, number>;
  try {
    const e = estimateMemory(arch, built.input).bytes;
    estimated =
      reading.engine === "vllm"
        ? {
            weights: e.weights,
            // vLLM fills the memory left over with cache blocks and reports how many tokens they hold, so the
            // comparable estimate is the KV bytes of that many tokens.
            kvCache: kvCacheBytes(arch, { ...built.input, sequences: 1 }),
            compute: vllmActivationBytes(arch, reading.settings.tensorParallel ?? 1),
          }
        : { weights: e.weights, kvCache: e.kvCache, compute: e.compute };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const terms = Object.fromEntries(
    TERM_NAMES.map((name) => [
      name,
      { estimated: estimated[name], measured: reading.terms[name]?.bytes ?? null },
    ]),
  ) as Record<TermName, TermComparison>;
  return { ok: true, check: { reading, input: built.input, terms } };
}
