import type { Metadata } from "next";
import { isDeepStrictEqual } from "node:util";
import { BreadcrumbJsonLd } from "next-seo";
import { Calculator } from "@/features/calculator/calculator";
import { CalculatorBoundary } from "@/features/calculator/calculator-boundary";
import { configSubset } from "@/features/calculator/config-subset";
import { LogCheck } from "@/features/calculator/log-check-box";
import type { CalculatorGpuOption, CalculatorModelOption } from "@/features/calculator/results";
import { defaultState } from "@/features/calculator/state";
import { getGpus, gpuCategoryLabel } from "@/lib/content/gpus";
import { parseConfig } from "@/lib/estimator";
import { getModels } from "@/lib/content/models";
import { breadcrumbJsonLd, sectionBreadcrumbs, toolPageMetadata } from "@/lib/seo/index";

export const metadata: Metadata = toolPageMetadata("calculator");

/**
 * The keys of a config.json that lib/estimator reads: a third less of the page's payload than every config whole. Kept
 * only when they parse to the same architecture as the whole config (checked here at build time, for every model).
 */
function estimatorConfig(config: Record<string, unknown>): Record<string, unknown> {
  const subset = configSubset(config, parseConfig);
  return isDeepStrictEqual(parseConfig(subset), parseConfig(config)) ? subset : config;
}

/** The compact, serializable catalog the client island receives (no content-layer objects, no MDX bodies). */
function calculatorModels(): CalculatorModelOption[] {
  return getModels().map((model) => ({
    slug: model.slug,
    name: model.name,
    contextLength: model.contextLength,
    huggingFaceId: model.huggingFaceId,
    config: estimatorConfig(model.config),
  }));
}

function calculatorGpus(): CalculatorGpuOption[] {
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

export default function CalculatorPage() {
  const models = calculatorModels();
  const gpus = calculatorGpus();
  // A statically generated page cannot see the query string: the server renders the default state and the island
  // applies the link's settings on hydration, in the same layout.
  const initialState = defaultState({ models, gpus });
  return (
    <div className="space-y-6">
      <BreadcrumbJsonLd
        {...breadcrumbJsonLd(sectionBreadcrumbs("Calculator"))}
        scriptId="breadcrumb-jsonld"
      />
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">VRAM calculator</h1>
        <p className="text-secondary max-w-3xl">
          Pick a model or paste its config.json, a weight format, a context length and your GPUs: the memory
          breakdown, whether it fits and a launch command update as you type. Every figure comes from the same
          estimator as the model pages, and the link in the address bar reproduces exactly what you see.
        </p>
        <noscript>
          <p className="rounded-md border border-amber-400 p-3 text-sm">
            Without JavaScript the calculator shows its default settings only.
          </p>
        </noscript>
      </header>
      <CalculatorBoundary>
        <Calculator models={models} gpus={gpus} initialState={initialState} />
      </CalculatorBoundary>
      <LogCheck models={models} />
    </div>
  );
}
