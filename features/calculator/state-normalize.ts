// Brings an edited state back inside the rules (engine, model maximum, limits). Pure.
import {
  CUSTOM,
  DEFAULT_CONTEXT,
  DEFAULT_RAM_GB,
  LIMITS,
  catalogMaxContext,
  defaultContextFor,
  nearestFormat,
  nearestKvType,
} from "./state-rules";
import type { CalculatorCatalog, CalculatorState } from "./state-rules";
import { readCustomConfig } from "./custom-config";

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
