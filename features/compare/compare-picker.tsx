import { MAX_COMPARED } from "@/features/compare/selection";

export const COMPARE_FORM_ID = "compare-picker";

/** Server-rendered GET form: one select per column, all named "models" (the island reads them in order). */
export function ComparePicker({ models }: { models: readonly { slug: string; name: string }[] }) {
  const slots = Array.from({ length: MAX_COMPARED }, (_, index) => index + 1);
  return (
    <form
      id={COMPARE_FORM_ID}
      method="get"
      action="/compare"
      aria-label="Choose models to compare"
      className="border-line-subtle grid gap-3 rounded-lg border p-4 sm:grid-cols-2 lg:grid-cols-5"
    >
      {slots.map((slot) => (
        <div key={slot}>
          <label htmlFor={`compare-model-${slot}`} className="text-muted text-xs font-medium uppercase">
            Model {slot}
          </label>
          <select
            id={`compare-model-${slot}`}
            name="models"
            defaultValue=""
            className="border-line mt-1 block w-full rounded-md border bg-white px-2 py-1.5 text-sm dark:bg-slate-900"
          >
            <option value="">— none —</option>
            {models.map((model) => (
              <option key={model.slug} value={model.slug}>
                {model.name}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="flex items-end">
        <button
          type="submit"
          data-submit
          className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-1.5 text-sm font-medium text-white"
        >
          Compare
        </button>
      </div>
    </form>
  );
}
