// The calculator's catalog as the server builds it: the compact model and GPU lists the page sends, and the
// estimator configs served apart from the page (app/calculator/configs.json) so they stay out of its payload.
import { isDeepStrictEqual } from "node:util";
import { configSubset } from "@/features/calculator/config-subset";
import type { CalculatorGpuOption, CalculatorModelOption } from "@/features/calculator/results";
import { getGpus, gpuCategoryLabel } from "@/lib/content/gpus";
import { getModels } from "@/lib/content/models";
import { parseConfig } from "@/lib/estimator";

/**
 * The keys of a config.json that lib/estimator reads: a third less than every config whole. Kept only when they
 * parse to the same architecture as the whole config (checked here at build time, for every model).
 */
function estimatorConfig(config: Record<string, unknown>): Record<string, unknown> {
  const subset = configSubset(config, parseConfig);
  return isDeepStrictEqual(parseConfig(subset), parseConfig(config)) ? subset : config;
}

/**
 * The compact, serializable model list the client islands receive (no content-layer objects, no MDX bodies). Only
 * the model named by `withConfig` (the default one) carries its config; the others load theirs after first paint.
 */
export function calculatorModels(withConfig: string | null): CalculatorModelOption[] {
  return getModels().map((model) => ({
    slug: model.slug,
    name: model.name,
    contextLength: model.contextLength,
    huggingFaceId: model.huggingFaceId,
    ...(model.slug === withConfig ? { config: estimatorConfig(model.config) } : {}),
  }));
}

/** Every catalog model's estimator config by slug: the body of /calculator/configs.json. */
export function calculatorConfigs(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(getModels().map((model) => [model.slug, estimatorConfig(model.config)]));
}

export function calculatorGpus(): CalculatorGpuOption[] {
  return getGpus().map((gpu) => ({
    slug: gpu.slug,
    name: gpu.name,
    category: gpu.category,
    categoryLabel: gpuCategoryLabel(gpu.category),
    memoryBytes: gpu.memoryBytes,
    usableBytes: gpu.usableBytes,
    bandwidthBytesPerSecond: gpu.bandwidthBytesPerSecond,
    unifiedMemory: gpu.unifiedMemory === true,
  }));
}
