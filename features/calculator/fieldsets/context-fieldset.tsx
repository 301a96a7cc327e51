// Context length (a slider over powers of two and an exact number) and the number of parallel sequences.
import { Field, FieldHint } from "@/components/ui/field";
import { NumberField } from "@/components/ui/number-field";
import { LIMITS } from "@/features/calculator/state";
import type { CalculatorState } from "@/features/calculator/state";
import { formatInteger, formatTokens } from "@/lib/format";
import { contextSteps, stepIndex } from "../result-text";
import type { UpdateState } from "../use-calculator-state";

export function ContextFieldset({
  state,
  update,
  maxContext,
}: {
  state: CalculatorState;
  update: UpdateState;
  maxContext: number;
}) {
  const steps = contextSteps(maxContext);
  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className="text-lg font-semibold">Context and batch</legend>
      <Field id="calc-context" label="Context length (tokens per sequence)">
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
        <FieldHint id="calc-context-hint">
          {`1 to ${formatInteger(maxContext)} (${formatTokens(maxContext)}), the model's maximum.`}
        </FieldHint>
      </Field>
      <NumberField
        id="calc-seqs"
        label="Parallel sequences"
        value={state.seqs}
        {...LIMITS.seqs}
        integer
        onCommit={(seqs) => update({ seqs })}
      />
    </fieldset>
  );
}
