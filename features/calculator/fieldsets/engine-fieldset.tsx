// Which engine, weight format and KV-cache type; switching the engine says what it replaced and why.
import { useMemo, useState } from "react";
import { SelectField } from "@/components/ui/field";
import { engineSwitchNotes, macForMlx } from "@/features/calculator/engine-switch";
import {
  ENGINE_LABELS,
  formatsForEngine,
  kvTypesForEngine,
  normalizeState,
} from "@/features/calculator/state";
import type { CalculatorCatalog, CalculatorState } from "@/features/calculator/state";
import { WEIGHT_FORMATS, averageBitsPerWeight } from "@/lib/estimator";
import type { Engine, KvCacheType, WeightFormat } from "@/lib/estimator";
import { architectureOf } from "../results";
import type { CalculatorGpuOption, CalculatorModelOption } from "../results";
import type { UpdateState } from "../use-calculator-state";

const KV_LABELS: Readonly<Record<KvCacheType, string>> = {
  f16: "f16 (16-bit, default)",
  bf16: "bf16 (16-bit)",
  q8_0: "q8_0 (8-bit)",
  q4_0: "q4_0 (4-bit)",
  fp8: "fp8 (8-bit)",
};

const ENGINES = ["llama.cpp", "vllm", "mlx"] as const satisfies readonly Engine[];

export function EngineFieldset({
  models,
  gpus,
  catalog,
  state,
  update,
  configs,
}: {
  /** The catalog configs' load state (../catalog-configs): the averages are read again once they arrive. */
  configs: string;
  models: CalculatorModelOption[];
  gpus: CalculatorGpuOption[];
  catalog: CalculatorCatalog;
  state: CalculatorState;
  update: UpdateState;
}) {
  // What the last engine switch replaced, and why (empty when it kept the format and KV type).
  const [engineNotes, setEngineNotes] = useState<string[]>([]);
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
  }, [state.model, state.config, state.engine, models, configs]);

  const formatOptions = WEIGHT_FORMATS.filter((f) => formats.includes(f.id)).map((f) => ({
    value: f.id,
    label: bitsPerWeight.has(f.id)
      ? `${f.label} · ${bitsPerWeight.get(f.id)?.toFixed(2)} bits/weight on average`
      : `${f.label} · ${f.nominalBitsPerWeight.toFixed(2)} bits/weight`,
  }));

  function switchEngine(engine: Engine) {
    // MLX is sized for Macs only: switching to it from another GPU shows a Mac, and says so.
    const mac = engine === "mlx" ? macForMlx({ ...state, engine }, gpus) : null;
    const notes = engineSwitchNotes(state, normalizeState({ ...state, engine }, catalog));
    setEngineNotes(mac ? [...notes, mac.note] : notes);
    update({ engine, ...mac?.patch });
  }

  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className="text-lg font-semibold">Engine and format</legend>
      <div role="radiogroup" aria-label="Engine" aria-describedby="calc-engine-note" className="flex gap-4">
        {ENGINES.map((engine) => (
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
      <SelectField
        id="calc-quant"
        label="Weight format"
        value={state.quant}
        options={formatOptions}
        onChange={(quant) => update({ quant })}
      />
      <SelectField
        id="calc-kv"
        label="KV-cache type"
        value={state.kv}
        options={kvTypesForEngine(state.engine).map((kv) => ({ value: kv, label: KV_LABELS[kv] }))}
        onChange={(kv) => update({ kv })}
      />
    </fieldset>
  );
}
