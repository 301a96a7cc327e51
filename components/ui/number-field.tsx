"use client";
// A number input that keeps what the user types: an out-of-range or malformed draft stays on screen with a one-line
// message naming the problem and the value still in use; only a valid number is committed.
import { useState } from "react";
import type { ReactNode } from "react";
import { formatInteger } from "@/lib/format";
import { Field, inputClass } from "@/components/ui/field";

interface NumberRule {
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  /** Unit named in the error, e.g. "tokens". */
  unit?: string;
}

export interface NumberFieldProps extends NumberRule {
  id: string;
  /** The label above the input; leave it out when the caller labels the input itself. */
  label?: ReactNode;
  disabled?: boolean;
  describedBy?: string;
  className?: string;
  /** Classes for the visible error line (e.g. to span a grid row). */
  errorClassName?: string;
  onCommit: (value: number) => void;
}

function accepts(text: string, rule: NumberRule): boolean {
  const n = Number(text);
  return (
    text.trim() !== "" &&
    Number.isFinite(n) &&
    n >= rule.min &&
    n <= rule.max &&
    (!rule.integer || Number.isInteger(n))
  );
}

function shownValue(rule: NumberRule): string {
  return rule.integer ? String(rule.value) : String(Number(rule.value.toFixed(2)));
}

export function NumberField({ label, ...props }: NumberFieldProps) {
  if (label === undefined) return <NumberInput {...props} />;
  return (
    <Field id={props.id} label={label}>
      <NumberInput {...props} />
    </Field>
  );
}

function NumberInput(props: Omit<NumberFieldProps, "label">) {
  const shown = shownValue(props);
  const [draft, setDraft] = useState(shown);
  const [lastShown, setLastShown] = useState(shown);
  if (lastShown !== shown) {
    setLastShown(shown);
    setDraft(shown);
  }
  const valid = accepts(draft, props);
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
          if (accepts(text, props)) props.onCommit(Number(text));
        }}
        onBlur={() => setDraft(shown)}
      />
      {valid || props.disabled ? null : (
        <p
          id={errorId}
          data-testid={`${props.id}-error`}
          className={`text-danger mt-1 text-xs font-medium ${props.errorClassName ?? ""}`}
        >
          {numberProblem(draft, props)}
        </p>
      )}
    </div>
  );
}

/** What is wrong with a number field's text, and which value the results still use. */
export function numberProblem(draft: string, rule: NumberRule): string {
  const n = Number(draft);
  const unit = rule.unit ? ` ${rule.unit}` : "";
  const range = `${formatInteger(rule.min)} to ${formatInteger(rule.max)}`;
  const problem =
    draft.trim() === "" || !Number.isFinite(n)
      ? `Enter ${rule.integer ? "a whole number" : "a number"} from ${range}.`
      : n > rule.max
        ? `${formatInteger(n)} is above the maximum of ${formatInteger(rule.max)}${unit}.`
        : n < rule.min
          ? `${formatInteger(n)} is below the minimum of ${formatInteger(rule.min)}${unit}.`
          : `Enter a whole number from ${range}.`;
  const used = rule.integer ? formatInteger(rule.value) : shownValue(rule);
  return `${problem} The results still use ${used}${unit}.`;
}
