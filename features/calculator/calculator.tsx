"use client";
// The calculator island: the only client component of /calculator. It receives the catalog as plain props, keeps the
// whole state in the query string (./use-calculator-state) and computes every figure with lib/estimator through
// ./results. The server renders it with the default state; on hydration it applies the URL without changing layout.
import { startTransition, useEffect, useMemo, useState } from "react";
import { maxContextOf } from "@/features/calculator/state";
import type { CalculatorState } from "@/features/calculator/state";
import { CompactResult, LiveTotal } from "./compact-result";
import { ContextFieldset } from "./fieldsets/context-fieldset";
import { EngineFieldset } from "./fieldsets/engine-fieldset";
import { HardwareFieldset } from "./fieldsets/hardware-fieldset";
import { ModelFieldset } from "./fieldsets/model-fieldset";
import { ProblemsToast } from "./problems-toast";
import { ResultsView } from "./result-view";
import { loadCatalogConfigs } from "./catalog-configs";
import { ConfigPendingError, deriveResults } from "./results";
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

  // The other models' configs: one file, fetched once the page is idle (./catalog-configs), so a model switch rarely
  // waits; a result that needs them before that waits for the file, and only then re-renders.
  const [configs, setConfigs] = useState<"loading" | "loaded" | string>("loading");
  useEffect(() => {
    const prefetch = () => void loadCatalogConfigs().catch(() => {});
    if (typeof window.requestIdleCallback !== "function") return void window.setTimeout(prefetch, 1000);
    const id = window.requestIdleCallback(prefetch, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }, []);

  // The long option lists (every model, every GPU twice) are left out of the first HTML and hydration: each select
  // starts with its chosen option and gets its whole list on the first touch, focus or key in the form, or once the
  // page is idle.
  const [fullLists, setFullLists] = useState(false);
  const showLists = () => {
    if (!fullLists) setFullLists(true);
  };
  useEffect(() => {
    const show = () => startTransition(() => setFullLists(true));
    if (typeof window.requestIdleCallback !== "function") return void window.setTimeout(show, 1000);
    const id = window.requestIdleCallback(show, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }, []);

  const results = useMemo(():
    { ok: true; value: CalculatorResults } | { ok: false; pending: boolean; message: string } => {
    try {
      return { ok: true, value: deriveResults(state, models, gpus) };
    } catch (error) {
      if (error instanceof ConfigPendingError && configs === "loading")
        return { ok: false, pending: true, message: error.message };
      const message = error instanceof ConfigPendingError ? `it could not be loaded (${configs})` : null;
      return {
        ok: false,
        pending: false,
        message: message ?? (error instanceof Error ? error.message : String(error)),
      };
    }
  }, [state, models, gpus, configs]);
  const waiting = !results.ok && results.pending;
  useEffect(() => {
    if (!waiting) return;
    let live = true;
    loadCatalogConfigs().then(
      () => live && setConfigs("loaded"),
      (error: unknown) => live && setConfigs(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [waiting]);
  const maxContext = results.ok ? results.value.model.maxContext : maxContextOf(state, catalog);

  return (
    <div
      // grid-cols-1 is minmax(0, 1fr): a long option in a select can no longer widen the page on a phone. The bottom
      // padding keeps the last results clear of the compact result bar below lg.
      className="grid grid-cols-1 gap-8 pb-24 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)] lg:pb-0"
      data-testid="calculator"
      data-ready={calc.hydrated && !waiting}
    >
      <form
        className="min-w-0 space-y-6"
        aria-label="Calculator settings"
        onSubmit={(event) => event.preventDefault()}
        onFocusCapture={showLists}
        onPointerDownCapture={showLists}
        onKeyDownCapture={showLists}
      >
        <ModelFieldset
          fullList={fullLists}
          models={models}
          state={state}
          update={update}
          configDraft={calc.configDraft}
          setConfigDraft={calc.setConfigDraft}
          customConfig={calc.customConfig}
          setCustomConfig={calc.setCustomConfig}
        />
        <EngineFieldset
          configs={configs}
          models={models}
          gpus={gpus}
          catalog={catalog}
          state={state}
          update={update}
        />
        <ContextFieldset state={state} update={update} maxContext={maxContext} />
        <HardwareFieldset fullLists={fullLists} gpus={gpus} state={state} update={update} />
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
        ) : results.pending ? (
          <p role="status" className="min-h-96 rounded-md border border-slate-300 p-4 dark:border-slate-700">
            Loading the model&apos;s configuration…
          </p>
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
