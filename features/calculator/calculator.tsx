"use client";
// The calculator island: the only client component of /calculator. It receives the catalog as plain props, keeps the
// whole state in the query string (features/calculator/state) and computes every figure with lib/estimator through
// ./results. The server renders it with the default state; on hydration it applies the URL without changing layout.
import { EvidenceLines } from "@/features/calculator/evidence-lines";
import { Fragment, useEffect, useMemo, useRef, useState } from "react";
import type { ChangeEvent } from "react";
import { WEIGHT_FORMATS, averageBitsPerWeight } from "@/lib/estimator";
import type { Engine, KvCacheType, WeightFormat } from "@/lib/estimator";
import {
  CUSTOM,
  ENGINE_LABELS,
  LIMITS,
  calculatorStateHref,
  formatsForEngine,
  kvTypesForEngine,
  maxContextOf,
  normalizeState,
  parseCalculatorState,
  readCustomConfig,
} from "@/features/calculator/state";
import type { CalculatorState, StateProblem } from "@/features/calculator/state";
import { engineSwitchNotes } from "@/features/calculator/engine-switch";
import { formatGib, formatInteger, formatTokens, formatTokensPerSecond } from "@/lib/format";
import { ConfigLinkNotice } from "./config-link-notice";
import { GIB, architectureOf, deriveResults } from "./results";
import type { CalculatorGpuOption, CalculatorModelOption, CalculatorResults } from "./results";

export interface CalculatorProps {
  models: CalculatorModelOption[];
  gpus: CalculatorGpuOption[];
  initialState: CalculatorState;
}

const KV_LABELS: Readonly<Record<KvCacheType, string>> = {
  f16: "f16 (16-bit, default)",
  bf16: "bf16 (16-bit)",
  q8_0: "q8_0 (8-bit)",
  q4_0: "q4_0 (4-bit)",
  fp8: "fp8 (8-bit)",
};

const PARTS = [
  { key: "weights", label: "Weights", color: "bg-brand-600" },
  { key: "kvCache", label: "KV cache", color: "bg-emerald-500" },
  { key: "recurrentState", label: "Recurrent state", color: "bg-teal-700" },
  { key: "compute", label: "Compute buffers", color: "bg-amber-500" },
  { key: "overhead", label: "Overhead", color: "bg-slate-400" },
] as const;

const URL_WRITE_DELAY_MS = 150;

const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900 disabled:opacity-50 aria-[invalid=true]:border-red-600";
const labelClass = "block text-sm font-medium";

/** Context steps for the slider: powers of two from 256 below the maximum, then the maximum itself. */
function contextSteps(max: number): number[] {
  const steps: number[] = [];
  for (let t = 256; t < max; t *= 2) steps.push(t);
  steps.push(max);
  return steps;
}

function stepIndex(steps: number[], value: number): number {
  let index = 0;
  steps.forEach((step, i) => {
    if (step <= value) index = i;
  });
  return index;
}

export function Calculator({ models, gpus, initialState }: CalculatorProps) {
  const catalog = useMemo(() => ({ models, gpus }), [models, gpus]);
  const [state, setState] = useState<CalculatorState>(initialState);
  const [problems, setProblems] = useState<StateProblem[]>([]);
  const [configDraft, setConfigDraft] = useState("");
  const [configMessage, setConfigMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [filter, setFilter] = useState("");
  // What the last engine switch replaced, and why (empty when it kept the format and KV type).
  const [engineNotes, setEngineNotes] = useState<string[]>([]);
  // The last custom config applied, so the model list can switch back to it.
  const [customConfig, setCustomConfig] = useState<string | null>(initialState.config);
  // false until the island has read the query string (the server rendered the default state).
  const [hydrated, setHydrated] = useState(false);
  // Whether the query string should be rewritten: after any change, or to clean up a link that had one.
  const writeUrl = useRef(false);

  // Apply the shared link once, after hydration.
  useEffect(() => {
    const search = window.location.search;
    /* eslint-disable react-hooks/set-state-in-effect -- the query string is only readable after hydration (the page
       is static): a one-off sync from the browser, the two-pass rendering React recommends for client-only data. */
    if (search && search !== "?") {
      const parsed = parseCalculatorState(search, catalog);
      setState(parsed.state);
      setProblems(parsed.problems);
      if (parsed.state.config) {
        setCustomConfig(parsed.state.config);
        // The minified text as read: never re-parsed or pretty-printed here (a link is untrusted input).
        setConfigDraft(parsed.state.config);
      }
      writeUrl.current = true;
    }
    setHydrated(true);
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [catalog]);

  // Every change rewrites the query string in place (no reload, no history entry). Debounced: a slider drag makes
  // one write, browsers throttle frequent history calls, and the router's update stays off the input's path.
  useEffect(() => {
    if (!hydrated || !writeUrl.current) return;
    const timer = window.setTimeout(() => {
      const href = calculatorStateHref(state);
      // Only on this page's own history entry: after Back, the previous page's URL is left alone.
      if (window.location.pathname !== href.split("?")[0]) return;
      if (window.location.pathname + window.location.search !== href)
        window.history.replaceState(null, "", href);
    }, URL_WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [state, hydrated]);

  function update(patch: Partial<CalculatorState>) {
    writeUrl.current = true;
    setState((previous) => normalizeState({ ...previous, ...patch }, catalog));
  }

  const results = useMemo((): { ok: true; value: CalculatorResults } | { ok: false; message: string } => {
    try {
      return { ok: true, value: deriveResults(state, models, gpus) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [state, models, gpus]);

  function switchEngine(engine: Engine) {
    setEngineNotes(engineSwitchNotes(state, normalizeState({ ...state, engine }, catalog)));
    update({ engine });
  }

  function applyConfig(text: string) {
    const result = readCustomConfig(text);
    if (!result.ok) {
      setConfigMessage({ ok: false, text: result.message });
      return;
    }
    setConfigMessage({
      ok: true,
      text: `Using your ${result.architecture.modelType} config: ${formatInteger(result.architecture.numLayers)} layers, up to ${formatTokens(result.architecture.maxPositionEmbeddings)} tokens.`,
    });
    setCustomConfig(result.config);
    update({ model: CUSTOM, config: result.config });
  }

  async function onUpload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > 1024 * 1024) {
      setConfigMessage({
        ok: false,
        text: `${file.name} is ${formatInteger(file.size)} bytes; a config.json is a few kilobytes.`,
      });
      return;
    }
    const text = await file.text();
    setConfigDraft(text);
    applyConfig(text);
  }

  const maxContext = results.ok ? results.value.model.maxContext : maxContextOf(state, catalog);
  const steps = contextSteps(maxContext);
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shownModels = models.filter((m) => {
    if (m.slug === state.model || words.length === 0) return true;
    const haystack = `${m.name} ${m.huggingFaceId} ${m.slug}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  const gpuGroups = groupBy(gpus, (g) => g.categoryLabel);
  const formats = formatsForEngine(state.engine);
  // Each format's real average for this model (a mix keeps some tensors in other types); nominal if unreadable.
  const bitsPerWeight = useMemo(() => {
    const averages = new Map<WeightFormat, number>();
    try {
      const arch = architectureOf(state, models);
      for (const id of formatsForEngine(state.engine))
        averages.set(id, averageBitsPerWeight(arch, id, state.engine));
    } catch {
      // A custom config that does not parse: the result panel already says why.
    }
    return averages;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the model and engine change the averages
  }, [state.model, state.config, state.engine, models]);
  const customArchName = useMemo(
    () => (customConfig === null ? "" : customModelName(customConfig)),
    [customConfig],
  );

  return (
    <div
      // grid-cols-1 is minmax(0, 1fr): a long option in a select can no longer widen the page on a phone. The bottom
      // padding keeps the last results clear of the compact result bar below lg.
      className="grid grid-cols-1 gap-8 pb-24 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)] lg:pb-0"
      data-testid="calculator"
      data-ready={hydrated}
    >
      <form
        className="min-w-0 space-y-6"
        aria-label="Calculator settings"
        onSubmit={(event) => event.preventDefault()}
      >
        <fieldset className="min-w-0 space-y-3">
          <legend className="text-lg font-semibold">Model</legend>
          <div>
            <label htmlFor="calc-model-search" className={labelClass}>
              Search models
            </label>
            <input
              id="calc-model-search"
              type="search"
              className={inputClass}
              value={filter}
              placeholder="Name or Hugging Face id"
              aria-controls="calc-model"
              aria-describedby="calc-model-count"
              onChange={(event) => setFilter(event.target.value)}
            />
            <p id="calc-model-count" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              {`${shownModels.length} of ${models.length} models in the list below.`}
            </p>
          </div>
          <div>
            <label htmlFor="calc-model" className={labelClass}>
              Model
            </label>
            <select
              id="calc-model"
              className={inputClass}
              value={state.model}
              onChange={(event) =>
                update({
                  model: event.target.value,
                  config: event.target.value === CUSTOM ? customConfig : null,
                })
              }
            >
              {customConfig !== null ? <option value={CUSTOM}>{customArchName}</option> : null}
              {shownModels.map((m) => (
                <option key={m.slug} value={m.slug}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="calc-config" className={labelClass}>
              Or paste a Hugging Face config.json
            </label>
            <textarea
              id="calc-config"
              className={`${inputClass} h-28 font-mono text-xs`}
              value={configDraft}
              spellCheck={false}
              placeholder='{ "model_type": "llama", "hidden_size": 4096, … }'
              aria-describedby="calc-config-message"
              aria-invalid={configMessage !== null && !configMessage.ok}
              onChange={(event) => setConfigDraft(event.target.value)}
            />
            <div className="mt-2 flex flex-wrap items-center gap-3">
              <button
                type="button"
                className="bg-brand-600 hover:bg-brand-700 rounded-md px-3 py-1.5 text-sm font-medium text-white"
                onClick={() => applyConfig(configDraft)}
              >
                Use this config.json
              </button>
              <label className="text-sm">
                <span className="sr-only">Upload a config.json file</span>
                <input
                  type="file"
                  accept="application/json,.json"
                  className="max-w-full text-sm"
                  onChange={onUpload}
                />
              </label>
            </div>
            <p
              id="calc-config-message"
              data-testid="config-message"
              role="status"
              className={`mt-2 min-h-10 text-sm ${configMessage?.ok === false ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}`}
            >
              {configMessage?.text ?? ""}
            </p>
            <ConfigLinkNotice state={state} />
          </div>
        </fieldset>

        <fieldset className="min-w-0 space-y-3">
          <legend className="text-lg font-semibold">Engine and format</legend>
          <div
            role="radiogroup"
            aria-label="Engine"
            aria-describedby="calc-engine-note"
            className="flex gap-4"
          >
            {(["llama.cpp", "vllm"] as const satisfies readonly Engine[]).map((engine) => (
              <label key={engine} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="calc-engine"
                  value={engine}
                  checked={state.engine === engine}
                  onChange={() => switchEngine(engine)}
                />
                {ENGINE_LABELS[engine]}
              </label>
            ))}
          </div>
          <div id="calc-engine-note" role="status" data-testid="engine-note">
            {engineNotes.length > 0 ? (
              <ul className="space-y-1 rounded-md border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50">
                {engineNotes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <div>
            <label htmlFor="calc-quant" className={labelClass}>
              Weight format
            </label>
            <select
              id="calc-quant"
              className={inputClass}
              value={state.quant}
              onChange={(event) => update({ quant: event.target.value as WeightFormat })}
            >
              {WEIGHT_FORMATS.filter((f) => formats.includes(f.id)).map((f) => (
                <option key={f.id} value={f.id}>
                  {bitsPerWeight.has(f.id)
                    ? `${f.label} · ${bitsPerWeight.get(f.id)?.toFixed(2)} bits/weight on average`
                    : `${f.label} · ${f.nominalBitsPerWeight.toFixed(2)} bits/weight`}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="calc-kv" className={labelClass}>
              KV-cache type
            </label>
            <select
              id="calc-kv"
              className={inputClass}
              value={state.kv}
              onChange={(event) => update({ kv: event.target.value as KvCacheType })}
            >
              {kvTypesForEngine(state.engine).map((kv) => (
                <option key={kv} value={kv}>
                  {KV_LABELS[kv]}
                </option>
              ))}
            </select>
          </div>
        </fieldset>

        <fieldset className="min-w-0 space-y-3">
          <legend className="text-lg font-semibold">Context and batch</legend>
          <div>
            <label htmlFor="calc-context" className={labelClass}>
              Context length (tokens per sequence)
            </label>
            <div className="grid grid-cols-[minmax(0,1fr)_8rem] items-center gap-x-3">
              <input
                type="range"
                aria-label="Context length slider"
                className="min-w-0"
                min={0}
                max={steps.length - 1}
                step={1}
                value={stepIndex(steps, state.context)}
                aria-valuetext={`${formatTokens(state.context)} tokens`}
                onChange={(event) => update({ context: steps[Number(event.target.value)] ?? state.context })}
              />
              <NumberField
                id="calc-context"
                className="contents"
                errorClassName="col-span-2"
                unit="tokens"
                value={state.context}
                min={1}
                max={maxContext}
                integer
                describedBy="calc-context-hint"
                onCommit={(context) => update({ context })}
              />
            </div>
            <p id="calc-context-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              {`1 to ${formatInteger(maxContext)} (${formatTokens(maxContext)}), the model's maximum.`}
            </p>
          </div>
          <div>
            <label htmlFor="calc-seqs" className={labelClass}>
              Parallel sequences
            </label>
            <NumberField
              id="calc-seqs"
              value={state.seqs}
              min={LIMITS.seqs.min}
              max={LIMITS.seqs.max}
              integer
              onCommit={(seqs) => update({ seqs })}
            />
          </div>
        </fieldset>

        <fieldset className="min-w-0 space-y-3">
          <legend className="text-lg font-semibold">Hardware</legend>
          <div>
            <label htmlFor="calc-gpu" className={labelClass}>
              GPU
            </label>
            <select
              id="calc-gpu"
              className={inputClass}
              value={state.gpu}
              onChange={(event) => {
                const slug = event.target.value;
                const from = gpus.find((g) => g.slug === state.gpu);
                update({
                  gpu: slug,
                  vram:
                    slug === CUSTOM ? (state.vram ?? (from ? Math.round(from.memoryBytes / GIB) : 24)) : null,
                });
              }}
            >
              {[...gpuGroups].map(([group, list]) => (
                <optgroup key={group} label={group}>
                  {list.map((g) => (
                    <option key={g.slug} value={g.slug}>
                      {g.name} · {formatGib(g.memoryBytes)}
                    </option>
                  ))}
                </optgroup>
              ))}
              <optgroup label="Other">
                <option value={CUSTOM}>Custom memory size</option>
              </optgroup>
            </select>
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div>
              <label htmlFor="calc-vram" className={labelClass}>
                Custom memory (GB per GPU)
              </label>
              <NumberField
                id="calc-vram"
                value={state.vram ?? (gpus.find((g) => g.slug === state.gpu)?.memoryBytes ?? 0) / GIB}
                min={LIMITS.vram.min}
                max={LIMITS.vram.max}
                disabled={state.gpu !== CUSTOM}
                onCommit={(vram) => update({ vram })}
              />
            </div>
            <div>
              <label htmlFor="calc-gpus" className={labelClass}>
                Number of GPUs
              </label>
              <NumberField
                id="calc-gpus"
                value={state.gpus}
                min={LIMITS.gpus.min}
                max={LIMITS.gpus.max}
                integer
                onCommit={(count) => update({ gpus: count })}
              />
            </div>
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div>
              <label htmlFor="calc-gpu2" className={labelClass}>
                Plus a different GPU
              </label>
              <select
                id="calc-gpu2"
                className={inputClass}
                value={state.gpu2 ?? ""}
                onChange={(event) => {
                  const slug = event.target.value;
                  update({
                    gpu2: slug === "" ? null : slug,
                    gpus2: slug === "" ? 0 : Math.max(1, state.gpus2),
                  });
                }}
              >
                <option value="">None</option>
                {[...gpuGroups].map(([group, list]) => (
                  <optgroup key={group} label={group}>
                    {list.map((g) => (
                      <option key={g.slug} value={g.slug}>
                        {g.name} · {formatGib(g.memoryBytes)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="calc-gpus2" className={labelClass}>
                How many of it
              </label>
              <NumberField
                id="calc-gpus2"
                value={state.gpus2}
                min={state.gpu2 === null ? 0 : 1}
                max={LIMITS.gpus.max}
                integer
                disabled={state.gpu2 === null}
                onCommit={(count) => update({ gpus2: count })}
              />
            </div>
          </div>
          <div>
            <label htmlFor="calc-ram" className={labelClass}>
              System RAM for offload (GB)
            </label>
            <NumberField
              id="calc-ram"
              value={state.ram}
              min={LIMITS.ram.min}
              max={LIMITS.ram.max}
              disabled={state.engine !== "llama.cpp"}
              describedBy="calc-ram-hint"
              onCommit={(ram) => update({ ram })}
            />
            <p id="calc-ram-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              {state.engine === "llama.cpp"
                ? "llama.cpp can keep layers or MoE experts in system RAM. 0 turns offload off."
                : "vLLM keeps everything in GPU memory."}
            </p>
          </div>
        </fieldset>
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
          <p
            role="alert"
            className="min-h-96 rounded-md border border-red-300 p-4 text-red-700 dark:text-red-400"
          >
            These settings cannot be estimated: {results.message}
          </p>
        )}
        <LiveTotal results={results.ok ? results.value : null} />
      </section>

      <CompactResult results={results.ok ? results.value : null} state={state} />

      {problems.length > 0 ? <ProblemsToast problems={problems} onDismiss={() => setProblems([])} /> : null}
    </div>
  );
}

function customModelName(config: string): string {
  const custom = readCustomConfig(config);
  return custom.ok
    ? `Custom ${custom.architecture.modelType} model (your config.json)`
    : "Custom config.json";
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function NumberField(props: {
  id: string;
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  disabled?: boolean;
  describedBy?: string;
  className?: string;
  /** Classes for the visible error line (e.g. to span a grid row). */
  errorClassName?: string;
  /** Unit named in the error, e.g. "tokens". */
  unit?: string;
  onCommit: (value: number) => void;
}) {
  const shown = props.integer ? String(props.value) : String(Number(props.value.toFixed(2)));
  const [draft, setDraft] = useState(shown);
  const [lastShown, setLastShown] = useState(shown);
  if (lastShown !== shown) {
    setLastShown(shown);
    setDraft(shown);
  }
  const number = Number(draft);
  const valid =
    draft.trim() !== "" &&
    Number.isFinite(number) &&
    number >= props.min &&
    number <= props.max &&
    (!props.integer || Number.isInteger(number));
  const errorId = `${props.id}-error`;
  return (
    <div className={props.className}>
      <input
        id={props.id}
        type="number"
        inputMode={props.integer ? "numeric" : "decimal"}
        className={inputClass}
        value={draft}
        min={props.min}
        max={props.max}
        step={props.integer ? 1 : "any"}
        disabled={props.disabled}
        aria-invalid={!valid}
        aria-describedby={[props.describedBy, valid ? null : errorId].filter(Boolean).join(" ") || undefined}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          const n = Number(text);
          if (
            text.trim() !== "" &&
            Number.isFinite(n) &&
            n >= props.min &&
            n <= props.max &&
            (!props.integer || Number.isInteger(n))
          ) {
            props.onCommit(n);
          }
        }}
        onBlur={() => setDraft(shown)}
      />
      {valid || props.disabled ? null : (
        <p
          id={errorId}
          data-testid={`${props.id}-error`}
          className={`mt-1 text-xs font-medium text-red-700 dark:text-red-400 ${props.errorClassName ?? ""}`}
        >
          {numberProblem(draft, props)}
        </p>
      )}
    </div>
  );
}

/** What is wrong with a number field's text, and which value the results still use. */
function numberProblem(
  draft: string,
  props: { value: number; min: number; max: number; integer?: boolean; unit?: string },
): string {
  const n = Number(draft);
  const unit = props.unit ? ` ${props.unit}` : "";
  const range = `${formatInteger(props.min)} to ${formatInteger(props.max)}`;
  const problem =
    draft.trim() === "" || !Number.isFinite(n)
      ? `Enter ${props.integer ? "a whole number" : "a number"} from ${range}.`
      : n > props.max
        ? `${formatInteger(n)} is above the maximum of ${formatInteger(props.max)}${unit}.`
        : n < props.min
          ? `${formatInteger(n)} is below the minimum of ${formatInteger(props.min)}${unit}.`
          : `Enter a whole number from ${range}.`;
  const used = props.integer ? formatInteger(props.value) : String(Number(props.value.toFixed(2)));
  return `${problem} The results still use ${used}${unit}.`;
}

function fitBadge(results: CalculatorResults): { text: string; className: string } {
  const { fit } = results;
  if (fit.kind === "gpu")
    return {
      text: "Fits in GPU memory",
      className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
    };
  if (fit.kind === "offload")
    return {
      text: "Fits with offload to system RAM",
      className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
    };
  return {
    text: fit.reason?.startsWith("does not fit")
      ? `D${fit.reason.slice(1)}`
      : `Does not fit: ${fit.reason ?? "not enough memory"}`,
    className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  };
}

// Result lines are single strings (one text node each) so that new figures never move the text around them.
function offloadAdvice(results: CalculatorResults, state: CalculatorState): string {
  const { placement } = results;
  const layers = placement.totalLayers;
  if (placement.fitsInGpuOnly) {
    const embeddings = placement.cpuBreakdown.tokenEmbeddings;
    return (
      `No offload needed: all ${layers} layers on the GPU${state.gpus > 1 ? "s" : ""}.` +
      (embeddings > 0
        ? ` llama.cpp keeps the token embeddings (${formatGib(embeddings)}) in system RAM; they are in the total, not on the GPU.`
        : "")
    );
  }
  if (state.engine === "vllm")
    return "vLLM cannot offload to system RAM: add GPUs or choose a smaller format or context.";
  if (state.ram <= 0) return "Allow some system RAM above to see how many layers or experts to offload.";
  if (!results.fit.fits) {
    return placement.gpuLayers === 0
      ? "Offload would leave no layer on the GPU: that is CPU inference, not counted as running on this GPU."
      : `Even with offload it needs ${formatGib(placement.cpuBytes)} of system RAM, more than the ${state.ram} GB given.`;
  }
  const parts: string[] = [];
  if (placement.offloadedExpertLayers > 0) {
    parts.push(
      `keep the experts of ${placement.offloadedExpertLayers} of ${layers} layers in system RAM (--n-cpu-moe ${placement.offloadedExpertLayers})`,
    );
  }
  if (placement.gpuLayers < layers) {
    parts.push(
      `run ${layers - placement.gpuLayers} of ${layers} layers from system RAM (-ngl ${placement.gpuLayers})`,
    );
  }
  return `To fit: ${parts.join(" and ")}; ${formatGib(placement.cpuBytes)} in system RAM.`;
}

function decodeText(results: CalculatorResults, state: CalculatorState): string {
  const bound = results.decodeBound;
  if (bound.tokensPerSecond === null) return `Not shown: ${bound.reason}.`;
  const gbps = formatInteger(Math.round(bound.bandwidthBytesPerSecond / 1e9));
  const offloaded = bound.offloaded
    ? " The part in system RAM is read at dual-channel DDR5 speed (89.6 GB/s), which dominates."
    : "";
  return (
    `At most ${formatTokensPerSecond(bound.tokensPerSecond)} tokens/s${state.seqs > 1 ? " summed over the sequences" : ""}. ` +
    `A bound, not a prediction: memory bandwidth (${gbps} GB/s) divided by the bytes read per token.${offloaded}`
  );
}

function longestText(results: CalculatorResults): string {
  const { longest } = results;
  if (longest.tokens === 0) return "None: not even a 4K context fits with these settings.";
  const where = longest.kind === "offload" ? " with offload" : " in GPU memory";
  const limit = longest.limit === "model" ? " — the model's own maximum" : " — memory is the limit";
  const yarn = longest.needsRopeScaling ? "; past its native context it needs YaRN (in the command)" : "";
  return `${formatTokens(longest.tokens)} tokens${where}${limit}${yarn}.`;
}

function percent(part: number, total: number): string {
  return `${total > 0 ? Math.round((part / total) * 100) : 0}%`;
}

function ResultsView({ results, state }: { results: CalculatorResults; state: CalculatorState }) {
  const { estimate, placement, gpu } = results;
  const total = estimate.bytes.total;
  const badge = fitBadge(results);
  const sequences = state.seqs > 1 ? ` × ${state.seqs} sequences` : "";
  const summary = `${results.model.name} · ${state.quant} · ${formatTokens(state.context)} context${sequences} · KV ${state.kv} · ${ENGINE_LABELS[state.engine]}`;
  const second = state.gpu2 !== null && state.gpus2 > 0 ? results.devices[state.gpus] : undefined;
  const gpuLine =
    `${state.gpus}× ${gpu.name}, ${formatGib(gpu.usableBytes)} usable each` +
    (second
      ? ` + ${state.gpus2}× ${second.name}, ${formatGib(second.usableBytes)} each (layers split by memory)`
      : "") +
    (gpu.unifiedMemory
      ? ` (unified memory: the GPU may use ${formatGib(gpu.usableBytes)} of ${formatGib(gpu.memoryBytes)} by default)`
      : "");
  return (
    <>
      <div className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <p className="text-sm font-medium">Total memory</p>
        <p
          className="truncate text-sm text-slate-600 dark:text-slate-400"
          data-testid="summary"
          title={summary}
        >
          {summary}
        </p>
        <p className="mt-1 text-4xl font-bold tabular-nums">
          <span data-testid="total" data-total-bytes={total}>
            {formatGib(total)}
          </span>
        </p>
        <p className="text-sm text-slate-600 tabular-nums dark:text-slate-400">{`${formatInteger(total)} bytes`}</p>
        <div
          className="mt-4 flex h-6 w-full overflow-hidden rounded bg-slate-100 dark:bg-slate-800"
          aria-hidden="true"
        >
          {PARTS.map((part) => (
            <div
              key={part.key}
              className={part.color}
              style={{ width: `${total > 0 ? (estimate.bytes[part.key] / total) * 100 : 0}%` }}
            />
          ))}
        </div>
        <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4" data-testid="breakdown">
          {/* Recurrent state exists only in hybrid models; a 0 line would only be noise. */}
          {PARTS.filter((part) => part.key !== "recurrentState" || estimate.bytes.recurrentState > 0).map(
            (part) => (
              <div key={part.key} data-part={part.key} data-bytes={estimate.bytes[part.key]}>
                <dt className="flex items-center gap-2 text-slate-600 dark:text-slate-400">
                  <span className={`inline-block size-3 rounded-sm ${part.color}`} aria-hidden="true" />
                  {part.label}
                </dt>
                <dd className="font-medium tabular-nums">
                  {`${formatGib(estimate.bytes[part.key])} (${percent(estimate.bytes[part.key], total)})`}
                </dd>
              </div>
            ),
          )}
        </dl>
      </div>

      <div className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <p>
          <span
            className={`inline-block rounded px-2 py-1 text-sm font-semibold ${badge.className}`}
            data-testid="fit-status"
          >
            {badge.text}
          </span>
        </p>
        <p className="truncate text-sm text-slate-600 dark:text-slate-400" title={gpuLine}>
          {gpuLine}
        </p>
        <ul
          className="flex h-20 flex-wrap content-start gap-2 overflow-y-auto text-sm"
          aria-label="Memory per GPU"
          data-testid="devices"
        >
          {placement.perDeviceBytes.map((bytes, index) => {
            const usable = results.devices[index]?.usableBytes ?? gpu.usableBytes;
            const ok = bytes <= usable;
            return (
              <li
                key={index}
                data-device-fits={ok}
                className={`rounded border px-2 py-1 tabular-nums ${ok ? "border-emerald-700 dark:border-emerald-400" : "border-red-600 dark:border-red-400"}`}
              >
                {`GPU ${index + 1}: ${formatGib(bytes)} of ${formatGib(usable)} ${ok ? "✓ within" : "✗ too much"}`}
              </li>
            );
          })}
        </ul>
        <dl className="space-y-2 text-sm">
          <div>
            <dt className="font-medium">Offload</dt>
            <dd data-testid="offload" className="min-h-10">
              {offloadAdvice(results, state)}
            </dd>
          </div>
          <div>
            <dt className="font-medium">Longest context that fits</dt>
            <dd
              data-testid="max-context"
              data-tokens={results.longest.tokens}
              data-limit={results.longest.limit}
            >
              {longestText(results)}
            </dd>
          </div>
          <div>
            <dt className="font-medium">Decode speed, upper bound</dt>
            <dd data-testid="decode-bound" className="min-h-10">
              {decodeText(results, state)}
            </dd>
          </div>
          <EvidenceLines evidence={results.evidence} />
        </dl>
      </div>

      <CommandView results={results} />
    </>
  );
}

function CommandView({ results }: { results: CalculatorResults }) {
  const { command } = results;
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const preRef = useRef<HTMLPreElement>(null);
  useEffect(() => {
    if (copied === "idle") return;
    const timer = window.setTimeout(() => setCopied("idle"), 2500);
    return () => window.clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(command.command);
      setCopied("copied");
    } catch {
      // No clipboard permission: select the text so the user can copy it by hand.
      const pre = preRef.current;
      const selection = window.getSelection();
      if (pre && selection) {
        const range = document.createRange();
        range.selectNodeContents(pre);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setCopied("failed");
    }
  }

  return (
    <div className="space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <div className="flex items-center justify-between gap-3">
        <h3 className="font-semibold" id="calc-command-heading">
          {`Launch command (${ENGINE_LABELS[command.engine]})`}
        </h3>
        <button
          type="button"
          onClick={copy}
          data-testid="copy-command"
          className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
        >
          {copied === "copied" ? "Copied" : copied === "failed" ? "Press Ctrl+C to copy" : "Copy command"}
        </button>
      </div>
      <pre
        ref={preRef}
        data-testid="command"
        aria-labelledby="calc-command-heading"
        tabIndex={0}
        className="h-28 overflow-auto rounded bg-slate-900 p-3 text-sm whitespace-pre-wrap text-slate-100"
      >
        {command.argv.map((arg, index) => (
          // Each argument stays whole; lines break only at the spaces between arguments, which stay outside the
          // spans (a space inside a nowrap span is no break opportunity, and break-words would then split a flag).
          <Fragment key={index}>
            {index > 0 ? " " : ""}
            <span className="whitespace-nowrap">{arg}</span>
          </Fragment>
        ))}
      </pre>
      <ul
        className="min-h-16 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300"
        data-testid="command-notes"
      >
        {command.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      <p className="sr-only" aria-live="polite">
        {copied === "copied"
          ? "Command copied to the clipboard."
          : copied === "failed"
            ? "Copy failed; the command is selected."
            : ""}
      </p>
    </div>
  );
}

/** Which hardware the verdict is about, in a few words ("2× RTX 4090 + 1× RTX 3090"). */
function deviceLabel(results: CalculatorResults, state: CalculatorState): string {
  const second = state.gpu2 !== null && state.gpus2 > 0 ? results.devices[state.gpus] : undefined;
  return `${state.gpus}× ${results.gpu.name}` + (second ? ` + ${state.gpus2}× ${second.name}` : "");
}

const COMPACT_VERDICT = {
  gpu: { mark: "✓", text: "Fits in GPU memory", className: "text-emerald-800 dark:text-emerald-300" },
  offload: { mark: "▲", text: "Fits with offload", className: "text-amber-800 dark:text-amber-300" },
  none: { mark: "✗", text: "Does not fit", className: "text-red-700 dark:text-red-400" },
} as const;

/**
 * Below lg the full result sits under the form, off-screen while editing: this bar at the bottom of the screen keeps
 * the total, the verdict and the device in view. It mirrors the result root (data-compact-fits, so [data-fits] stays unique to the root) and links to it.
 */
function CompactResult({ results, state }: { results: CalculatorResults | null; state: CalculatorState }) {
  const verdict = results ? COMPACT_VERDICT[results.fit.kind] : null;
  return (
    <div
      data-testid="compact-result"
      data-compact-fits={results ? String(results.fit.fits) : "error"}
      className="border-line bg-surface fixed inset-x-0 bottom-0 z-30 border-t px-4 py-2 shadow-[0_-2px_8px_rgb(0_0_0/0.08)] lg:hidden"
    >
      <a
        href="#calc-results-heading"
        className="mx-auto flex max-w-6xl items-center gap-3 text-sm"
        aria-label={
          results && verdict
            ? `Total ${formatGib(results.estimate.bytes.total)}, ${verdict.text} on ${deviceLabel(results, state)}: go to the full result`
            : "These settings cannot be estimated: go to the result"
        }
      >
        {results && verdict ? (
          <>
            <span className="text-lg font-bold tabular-nums">{formatGib(results.estimate.bytes.total)}</span>
            <span className="min-w-0 flex-1">
              <span className={`block font-semibold ${verdict.className}`}>
                <span aria-hidden="true">{verdict.mark}</span> {verdict.text}
              </span>
              <span className="text-muted block truncate text-xs">{deviceLabel(results, state)}</span>
            </span>
          </>
        ) : (
          <span className="min-w-0 flex-1 font-semibold text-red-700 dark:text-red-400">
            Cannot estimate these settings
          </span>
        )}
        <span aria-hidden="true" className="text-muted text-xs whitespace-nowrap">
          Details ↓
        </span>
      </a>
    </div>
  );
}

/** Announces the total to screen readers once the inputs settle. */
function LiveTotal({ results }: { results: CalculatorResults | null }) {
  const text = results
    ? `Total ${formatGib(results.estimate.bytes.total)}. ${fitBadge(results).text}.`
    : "These settings cannot be estimated.";
  const [announced, setAnnounced] = useState("");
  useEffect(() => {
    const timer = window.setTimeout(() => setAnnounced(text), 600);
    return () => window.clearTimeout(timer);
  }, [text]);
  return (
    <p className="sr-only" aria-live="polite" aria-atomic="true" data-testid="live-total">
      {announced}
    </p>
  );
}

function ProblemsToast({ problems, onDismiss }: { problems: StateProblem[]; onDismiss: () => void }) {
  return (
    // Fixed position: the message appears after hydration without moving the page.
    <div
      role="alert"
      data-testid="state-problems"
      className="fixed inset-x-4 bottom-4 z-40 mx-auto max-w-2xl rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950 shadow-lg dark:bg-amber-950 dark:text-amber-50"
    >
      <p className="font-semibold">Some settings in the link were ignored:</p>
      <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5">
        {problems.map((p, index) => (
          <li key={index}>
            <code>{p.param}</code> = “{p.value}” {p.message}.
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={onDismiss}
        className="mt-2 rounded-md border border-amber-500 px-3 py-1 font-medium hover:bg-amber-100 dark:hover:bg-amber-900"
      >
        Dismiss
      </button>
    </div>
  );
}
