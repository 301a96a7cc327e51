// The compact per-model records /compare embeds at build time: the compared specs and lib/estimator's totals at a
// few formats and contexts (via lib/views/requirements), for every catalog model. Plain JSON-serializable data, so the
// compare island needs neither the catalog nor the estimator.
import type { WeightFormat } from "@/lib/estimator";
import type { CatalogModel } from "@/lib/content/catalog";
import { estimateFor, TABLE_PROFILE } from "@/lib/views/requirements";
import { cardRunsOn } from "@/lib/views/run-answer";

export const COMPARE_FORMATS: readonly WeightFormat[] = ["BF16", "Q8_0", "Q4_K_M"];
export const COMPARE_CONTEXTS: readonly number[] = [8192, 32768, 131072];
export const COMPARE_PROFILE = TABLE_PROFILE;

export interface CompareMemoryCell {
  format: WeightFormat;
  contextTokens: number;
  /** lib/estimator's total in bytes, or null when the context is longer than the model's maximum. */
  totalBytes: number | null;
}

export interface CompareEntry {
  slug: string;
  name: string;
  developer: string;
  family: string;
  license: string;
  releaseDate: string;
  moe: boolean;
  statedParameters: { total: number; active: number | null };
  countedParameters: { total: number; active: number };
  contextLength: number;
  layers: number;
  hiddenSize: number;
  attentionHeads: number;
  kvHeads: number;
  attention: string;
  experts: { routed: number; perToken: number; shared: number } | null;
  vocabSize: number;
  memory: CompareMemoryCell[];
  /** The fit planner's shortest answer ("Runs on a 12 GB GPU"), the same words as the model cards. */
  runsOn: string;
}

function attentionLabel(model: CatalogModel): string {
  const arch = model.architecture;
  if (arch.attention.kind === "mla") return "MLA (latent KV)";
  if (arch.numKeyValueHeads === 1) return "MQA";
  if (arch.numKeyValueHeads === arch.numAttentionHeads) return "MHA";
  return "GQA";
}

export function compareEntry(model: CatalogModel): CompareEntry {
  const arch = model.architecture;
  const memory: CompareMemoryCell[] = [];
  for (const format of COMPARE_FORMATS) {
    for (const contextTokens of COMPARE_CONTEXTS) {
      memory.push({
        format,
        contextTokens,
        totalBytes:
          contextTokens <= model.contextLength ? estimateFor(model, format, contextTokens).bytes.total : null,
      });
    }
  }
  return {
    slug: model.slug,
    name: model.name,
    developer: model.developer,
    family: model.family,
    license: model.license,
    releaseDate: model.releaseDate,
    moe: model.isMixtureOfExperts,
    statedParameters: { total: model.statedParameters.total, active: model.statedParameters.active },
    countedParameters: { total: model.parameters.total, active: model.parameters.active },
    contextLength: model.contextLength,
    layers: arch.numLayers,
    hiddenSize: arch.hiddenSize,
    attentionHeads: arch.numAttentionHeads,
    kvHeads: arch.numKeyValueHeads,
    attention: attentionLabel(model),
    experts: arch.moe
      ? { routed: arch.moe.numExperts, perToken: arch.moe.expertsPerToken, shared: arch.moe.numSharedExperts }
      : null,
    vocabSize: arch.vocabSize,
    memory,
    runsOn: cardRunsOn(model),
  };
}

export function compareEntries(models: readonly CatalogModel[]): CompareEntry[] {
  return models.map(compareEntry);
}
