"use client";
// The calculator island: the only client component of /calculator. It receives the catalog as plain props, keeps the
// whole state in the query string (./use-calculator-state) and computes every figure with lib/estimator through
// ./results. The server renders it with the default state; on hydration it applies the URL without changing layout.
import { useMemo } from "react";
import { maxContextOf } from "@/features/calculator/state";
import type { CalculatorState } from "@/features/calculator/state";
import { CompactResult, LiveTotal } from "./compact-result";
import { ContextFieldset } from "./fieldsets/context-fieldset";
import { EngineFieldset } from "./fieldsets/engine-fieldset";
import { HardwareFieldset } from "./fieldsets/hardware-fieldset";
import { ModelFieldset } from "./fieldsets/model-fieldset";
import { ProblemsToast } from "./problems-toast";
import { ResultsView } from "./result-view";
import { deriveResults } from "./results";
import type { CalculatorGpuOption, CalculatorModelOption, CalculatorResults } from "./results";
import { useCalculatorState } from "./use-calculator-state";

export interface CalculatorProps {
  models: CalculatorModelOption[];
  gpus: CalculatorGpuOption[];
  initialState: CalculatorState;
}

export function Calculator({ models, gpus, initialState }: CalculatorProps) {
  const catalog = useMemo(() => ({ models, gpus }), [models, gpus]);
  const calc = useCalculatorState(initialState, catalog);
  const { state, update } = calc;

  const results = useMemo((): { ok: true; value: CalculatorResults } | { ok: false; message: string } => {
    try {
      return { ok: true, value: deriveResults(state, models, gpus) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [state, models, gpus]);
  const maxContext = results.ok ? results.value.model.maxContext : maxContextOf(state, catalog);

  return (
    <div
      // grid-cols-1 is minmax(0, 1fr): a long option in a select can no longer widen the page on a phone. The bottom
      // padding keeps the last results clear of the compact result bar below lg.
      className="grid grid-cols-1 gap-8 pb-24 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)] lg:pb-0"
      data-testid="calculator"
      data-ready={calc.hydrated}
    >
      <form
        className="min-w-0 space-y-6"
        aria-label="Calculator settings"
        onSubmit={(event) => event.preventDefault()}
      >
        <ModelFieldset
          models={models}
          state={state}
          update={update}
          configDraft={calc.configDraft}
          setConfigDraft={calc.setConfigDraft}
          customConfig={calc.customConfig}
          setCustomConfig={calc.setCustomConfig}
        />
        <EngineFieldset models={models} gpus={gpus} catalog={catalog} state={state} update={update} />
        <ContextFieldset state={state} update={update} maxContext={maxContext} />
        <HardwareFieldset gpus={gpus} state={state} update={update} />
      </form>

      <section aria-labelledby="calc-results-heading" className="space-y-6 lg:sticky lg:top-4 lg:self-start">
        <h2 id="calc-results-heading" className="text-lg font-semibold">
          Result
        </h2>
        {results.ok ? (
          <div
            data-testid="result-root"
            data-fits={String(results.value.fit.fits)}
            data-fit-kind={results.value.fit.kind}
            data-longest-context={results.value.longest.tokens}
            className="space-y-6"
          >
            <ResultsView results={results.value} state={state} />
          </div>
        ) : (
          <p role="alert" className="text-danger min-h-96 rounded-md border border-red-300 p-4">
            These settings cannot be estimated: {results.message}
          </p>
        )}
        <LiveTotal results={results.ok ? results.value : null} />
      </section>

      <CompactResult results={results.ok ? results.value : null} state={state} />

      {calc.problems.length > 0 ? (
        <ProblemsToast problems={calc.problems} onDismiss={calc.dismissProblems} />
      ) : null}
    </div>
  );
}
