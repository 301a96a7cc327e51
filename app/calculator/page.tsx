import type { Metadata } from "next";
import { BreadcrumbJsonLd } from "next-seo";
import { Calculator } from "@/features/calculator/calculator";
import { CalculatorBoundary } from "@/features/calculator/calculator-boundary";
import { LogCheck } from "@/features/calculator/log-check-box";
import { calculatorGpus, calculatorModels } from "@/features/calculator/server-catalog";
import { defaultState } from "@/features/calculator/state";
import { breadcrumbJsonLd, sectionBreadcrumbs, toolPageMetadata } from "@/lib/seo/index";

export const metadata: Metadata = toolPageMetadata("calculator");

export default function CalculatorPage() {
  const gpus = calculatorGpus();
  // A statically generated page cannot see the query string: the server renders the default state and the island
  // applies the link's settings on hydration, in the same layout. Only the default model's config is in the page.
  const initialState = defaultState({ models: calculatorModels(null), gpus });
  const models = calculatorModels(initialState.model);
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
