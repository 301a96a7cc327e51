// What an engine switch changed in the calculator, in words. The calculator keeps the weight format and KV-cache
// type when the new engine supports them (features/calculator/state normalizeState); when it cannot, the user is told
// what replaced them and why, instead of a silent swap.
import { WEIGHT_FORMATS } from "@/lib/estimator";
import type { Engine, KvCacheType, WeightFormat } from "@/lib/estimator";
import { ENGINE_LABELS } from "@/features/calculator/state";

export interface EngineSettings {
  engine: Engine;
  quant: WeightFormat;
  kv: KvCacheType;
}

const formatLabel = (id: WeightFormat) => WEIGHT_FORMATS.find((f) => f.id === id)?.label ?? id;

/** One sentence per replaced setting; empty when the switch kept everything. */
export function engineSwitchNotes(before: EngineSettings, after: EngineSettings): string[] {
  if (before.engine === after.engine) return [];
  const engine = ENGINE_LABELS[after.engine];
  const notes: string[] = [];
  if (before.quant !== after.quant) {
    const kind = before.engine === "llama.cpp" ? "GGUF files" : "that checkpoint format";
    notes.push(
      `Weight format ${formatLabel(before.quant)} → ${formatLabel(after.quant)}: ${engine} does not load ${kind}; ` +
        `${formatLabel(after.quant)} is its format closest in bits per weight.`,
    );
  }
  if (before.kv !== after.kv) {
    const why =
      after.kv === "f16" ? "its default 16-bit cache is used" : `${after.kv} also stores 8 bits per element`;
    notes.push(`KV cache ${before.kv} → ${after.kv}: ${engine} has no ${before.kv} cache type; ${why}.`);
  }
  return notes;
}
