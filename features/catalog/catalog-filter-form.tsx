import type { ReactNode } from "react";
import { CONTEXT_MINIMUMS, FIT_MEMORY_GIB, SIZE_BANDS, SORTS } from "@/features/catalog/filter";
import type { FilterOptions } from "@/features/catalog/items";
import { HEADLINE_FORMAT } from "@/lib/views/requirements";

export const CATALOG_FORM_ID = "catalog-filter";

const FIELD =
  "mt-1 block w-full rounded-md border border-line bg-white px-2 py-1.5 text-sm dark:bg-slate-900";

function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={htmlFor} className="text-muted text-xs font-medium uppercase">
        {label}
      </label>
      {children}
    </div>
  );
}

function Select({
  name,
  any,
  options,
}: {
  name: string;
  any: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <select id={`filter-${name}`} name={name} defaultValue="" className={FIELD}>
      <option value="">{any}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

const plain = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/** A plain GET form: the island filters as you type; without JavaScript it is inert and the full list stays. */
export function CatalogFilterForm({ options }: { options: FilterOptions }) {
  return (
    <form
      id={CATALOG_FORM_ID}
      method="get"
      action="/models"
      role="search"
      aria-label="Filter models"
      className="border-line-subtle grid gap-3 rounded-lg border p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <div className="sm:col-span-2 lg:col-span-4">
        <label htmlFor="filter-q" className="text-muted text-xs font-medium uppercase">
          Search by name or alias
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          autoComplete="off"
          placeholder="e.g. llama 70b, qwen3, r1"
          className={FIELD}
        />
      </div>
      {/* On a phone the filters fold behind a button (no JavaScript needed); from the sm breakpoint up they are
          always shown and the button is hidden. */}
      <details
        className="group sm:col-span-2 sm:details-content:block sm:details-content:[content-visibility:visible] lg:col-span-4"
        data-testid="catalog-filters"
      >
        <summary className="border-line inline-flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-sm font-medium sm:hidden">
          <span aria-hidden="true" className="transition-transform group-open:rotate-90">
            ▸
          </span>
          Filters and sort
        </summary>
        <div className="mt-3 grid gap-3 sm:mt-0 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="Family" htmlFor="filter-family">
            <Select name="family" any="Any family" options={plain(options.families)} />
          </Field>
          <Field label="Developer" htmlFor="filter-developer">
            <Select name="developer" any="Any developer" options={plain(options.developers)} />
          </Field>
          <Field label="License" htmlFor="filter-license">
            <Select name="license" any="Any license" options={plain(options.licenses)} />
          </Field>
          <Field label="Architecture" htmlFor="filter-arch">
            <Select
              name="arch"
              any="Dense or MoE"
              options={[
                { value: "dense", label: "Dense" },
                { value: "moe", label: "Mixture of experts" },
              ]}
            />
          </Field>
          <Field label="Size" htmlFor="filter-size">
            <Select
              name="size"
              any="Any size"
              options={SIZE_BANDS.map((band) => ({ value: band.id, label: band.label }))}
            />
          </Field>
          <Field label="Context" htmlFor="filter-context">
            <Select
              name="context"
              any="Any context"
              options={CONTEXT_MINIMUMS.map((entry) => ({ value: String(entry.tokens), label: entry.label }))}
            />
          </Field>
          <Field label={`Fits in (${HEADLINE_FORMAT})`} htmlFor="filter-fits">
            <Select
              name="fits"
              any="Any memory"
              options={FIT_MEMORY_GIB.map((gib) => ({ value: String(gib), label: `${gib} GiB` }))}
            />
          </Field>
          <Field label="Sort by" htmlFor="filter-sort">
            <select id="filter-sort" name="sort" defaultValue="name" className={FIELD}>
              {SORTS.map((sort) => (
                <option key={sort.id} value={sort.id}>
                  {sort.label}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </details>
      <div className="flex items-end">
        <button
          type="submit"
          data-submit
          className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-1.5 text-sm font-medium text-white"
        >
          Apply
        </button>
      </div>
    </form>
  );
}
