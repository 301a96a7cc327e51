// A labelled form control: the label above, the control (and any hint) below. No state, so it renders on the server
// or inside a client island alike.
import type { ReactNode } from "react";

/** The text input, select and textarea style of the calculator's form. */
export const inputClass =
  "w-full rounded-md border border-line bg-white px-3 py-2 text-sm dark:bg-slate-900 disabled:opacity-50 aria-[invalid=true]:border-red-600";
export const labelClass = "block text-sm font-medium";

/** One control with its label; `id` is the control's id, which the label points at. */
export function Field({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** A short grey line under a control, e.g. its range; `id` for the control's aria-describedby. */
export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-muted mt-1 text-xs">
      {children}
    </p>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A labelled select; `onChange` receives the chosen option's value. The options come as a flat list, as children
 * (option groups), or both: children first.
 */
export function SelectField<T extends string>({
  id,
  label,
  value,
  options = [],
  onChange,
  children,
}: {
  id: string;
  label: ReactNode;
  value: T;
  options?: readonly SelectOption[];
  onChange: (value: T) => void;
  children?: ReactNode;
}) {
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        className={inputClass}
        value={value}
        // The options are all of type T, so the chosen value is one.
        onChange={(event) => onChange(event.target.value as T)}
      >
        {children}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
