// Which hardware: a catalog GPU or a custom memory size, how many, an optional second GPU type, and system RAM for
// llama.cpp's offload.
import { Field, FieldHint, SelectField } from "@/components/ui/field";
import { NumberField } from "@/components/ui/number-field";
import { engineHardwareProblem } from "@/features/calculator/engine-switch";
import { CUSTOM, LIMITS } from "@/features/calculator/state";
import type { CalculatorState } from "@/features/calculator/state";
import { GIB } from "@/lib/estimator";
import { formatGib } from "@/lib/format";
import type { CalculatorGpuOption } from "../results";
import type { UpdateState } from "../use-calculator-state";

/** Custom memory offered when the custom size starts from no catalog GPU, in GB. */
const CUSTOM_VRAM_START_GB = 24;

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

/** The catalog GPUs as options, one group per category. */
function GpuOptions({ groups }: { groups: Map<string, CalculatorGpuOption[]> }) {
  return [...groups].map(([group, list]) => (
    <optgroup key={group} label={group}>
      {list.map((g) => (
        <option key={g.slug} value={g.slug}>
          {g.name} · {formatGib(g.memoryBytes)}
        </option>
      ))}
    </optgroup>
  ));
}

/** The groups holding only the given GPU (the lists before they are filled after first paint). */
function onlyGpu(
  gpus: readonly CalculatorGpuOption[],
  slug: string | null,
): Map<string, CalculatorGpuOption[]> {
  const gpu = gpus.find((g) => g.slug === slug);
  return gpu ? new Map([[gpu.categoryLabel, [gpu]]]) : new Map();
}

export function HardwareFieldset({
  fullLists,
  gpus,
  state,
  update,
}: {
  /** false: each GPU list holds its chosen GPU only (the calculator fills them after first paint). */
  fullLists: boolean;
  gpus: CalculatorGpuOption[];
  state: CalculatorState;
  update: UpdateState;
}) {
  const groups = groupBy(gpus, (g) => g.categoryLabel);
  const current = gpus.find((g) => g.slug === state.gpu);
  const engineProblem = engineHardwareProblem(state, gpus);
  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className="text-lg font-semibold">Hardware</legend>
      <SelectField
        id="calc-gpu"
        label="GPU"
        value={state.gpu}
        onChange={(slug) => {
          const fromGb = current ? Math.round(current.memoryBytes / GIB) : CUSTOM_VRAM_START_GB;
          update({ gpu: slug, vram: slug === CUSTOM ? (state.vram ?? fromGb) : null });
        }}
      >
        <GpuOptions groups={fullLists ? groups : onlyGpu(gpus, state.gpu)} />
        <optgroup label="Other">
          <option value={CUSTOM}>Custom memory size</option>
        </optgroup>
      </SelectField>
      <div role="status" data-testid="hardware-engine-note">
        {engineProblem ? (
          <p className="rounded-md border border-red-300 p-2 text-sm text-red-800 dark:text-red-300">
            {engineProblem}
          </p>
        ) : null}
      </div>
      <div className="grid grid-cols-2 gap-3">
        <NumberField
          id="calc-vram"
          label="Custom memory (GB per GPU)"
          value={state.vram ?? (current?.memoryBytes ?? 0) / GIB}
          {...LIMITS.vram}
          disabled={state.gpu !== CUSTOM}
          onCommit={(vram) => update({ vram })}
        />
        <NumberField
          id="calc-gpus"
          label="Number of GPUs"
          value={state.gpus}
          {...LIMITS.gpus}
          integer
          onCommit={(count) => update({ gpus: count })}
        />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          id="calc-gpu2"
          label="Plus a different GPU"
          value={state.gpu2 ?? ""}
          onChange={(slug) =>
            update({ gpu2: slug === "" ? null : slug, gpus2: slug === "" ? 0 : Math.max(1, state.gpus2) })
          }
        >
          <option value="">None</option>
          <GpuOptions groups={fullLists ? groups : onlyGpu(gpus, state.gpu2)} />
        </SelectField>
        <NumberField
          id="calc-gpus2"
          label="How many of it"
          value={state.gpus2}
          min={state.gpu2 === null ? 0 : 1}
          max={LIMITS.gpus.max}
          integer
          disabled={state.gpu2 === null}
          onCommit={(count) => update({ gpus2: count })}
        />
      </div>
      <Field id="calc-ram" label="System RAM for offload (GB)">
        <NumberField
          id="calc-ram"
          value={state.ram}
          {...LIMITS.ram}
          disabled={state.engine !== "llama.cpp"}
          describedBy="calc-ram-hint"
          onCommit={(ram) => update({ ram })}
        />
        <FieldHint id="calc-ram-hint">
          {state.engine === "llama.cpp"
            ? "llama.cpp can keep layers or MoE experts in system RAM. 0 turns offload off."
            : state.engine === "mlx"
              ? "MLX keeps everything in the Mac's unified memory, within the GPU's share; a custom size is read as a Mac's memory."
              : "vLLM keeps everything in GPU memory."}
        </FieldHint>
      </Field>
    </fieldset>
  );
}
