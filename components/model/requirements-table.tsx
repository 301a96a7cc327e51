import Link from "next/link";
import type { CatalogModel } from "@/lib/catalog";
import { formatGib, formatGibNumber, formatTokens } from "@/lib/format";
import { FIT_TIERS, requirementsTable, TABLE_PROFILE } from "@/lib/requirements";
import type { FitTierId } from "@/lib/requirements";

const TIER_CLASSES: Record<FitTierId, string> = {
  consumer: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  datacenter: "bg-sky-50 text-sky-900 dark:bg-sky-950 dark:text-sky-100",
  node: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  beyond: "bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-100",
};

const TIER_LABELS: Record<FitTierId, string> = {
  consumer: FIT_TIERS[0].label,
  datacenter: FIT_TIERS[1].label,
  node: FIT_TIERS[2].label,
  beyond: "Needs more than 8 × 80 GiB",
};

/** Total memory per weight format × context length, computed at build time by lib/estimator. */
export function RequirementsTable({ model }: { model: CatalogModel }) {
  const table = requirementsTable(model);
  return (
    <div className="not-prose space-y-3">
      <div
        className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800"
        tabIndex={0}
        role="region"
        aria-label={`Memory requirements of ${model.name}, scrollable`}
      >
        <table className="w-full border-collapse text-sm" data-testid="requirements-table">
          <caption className="sr-only">
            Total memory in GiB needed to run {model.name}, by weight format (rows) and context length
            (columns)
          </caption>
          <thead className="bg-slate-50 dark:bg-slate-900">
            <tr>
              <th
                scope="col"
                className="sticky left-0 bg-slate-50 px-3 py-2 text-left font-semibold dark:bg-slate-900"
              >
                Format <span className="font-normal text-slate-600 dark:text-slate-400">(weights)</span>
              </th>
              {table.contexts.map((tokens) => (
                <th
                  key={tokens}
                  scope="col"
                  className="px-3 py-2 text-right font-semibold whitespace-nowrap"
                  data-context={tokens}
                >
                  {formatTokens(tokens)} ctx
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr
                key={row.format}
                className="border-t border-slate-200 dark:border-slate-800"
                data-format={row.format}
              >
                <th
                  scope="row"
                  className="sticky left-0 bg-white px-3 py-2 text-left font-medium whitespace-nowrap dark:bg-slate-950"
                >
                  {row.label}
                  <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
                    weights {formatGib(row.weightsBytes)}
                  </span>
                </th>
                {row.cells.map((cell) => (
                  <td
                    key={cell.contextTokens}
                    className={`px-3 py-2 text-right whitespace-nowrap tabular-nums ${TIER_CLASSES[cell.tier]}`}
                    data-total-bytes={cell.totalBytes}
                    data-context={cell.contextTokens}
                    data-tier={cell.tier}
                    title={`${row.label}, ${formatTokens(cell.contextTokens)} context: ${formatGib(cell.totalBytes)} total, of which KV cache ${formatGib(cell.kvCacheBytes)}${cell.recurrentStateBytes > 0 ? ` and recurrent state ${formatGib(cell.recurrentStateBytes)}` : ""} — ${TIER_LABELS[cell.tier]}`}
                  >
                    {formatGibNumber(cell.totalBytes)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Legend">
        {(Object.keys(TIER_LABELS) as FitTierId[]).map((tier) => (
          <li key={tier} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className={`inline-block h-3 w-3 rounded-sm border border-slate-300 ${TIER_CLASSES[tier]}`}
            />
            {TIER_LABELS[tier]}
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Figures in GiB (1 GiB = 2<sup>30</sup> bytes; a card sold as &ldquo;24 GB&rdquo; holds 24 GiB). Each
        cell is the total for the {TABLE_PROFILE.engine} profile: the GGUF weights, an{" "}
        {TABLE_PROFILE.kvCacheType} KV cache for {TABLE_PROFILE.sequences} sequence at that context, the
        compute buffers for a {TABLE_PROFILE.ubatchTokens}-token micro-batch, and the CUDA runtime overhead —
        each term explained on the{" "}
        <Link href="/methodology" className="underline">
          methodology page
        </Link>
        . Colours assume the whole model on GPU, split by layers across cards.
      </p>
    </div>
  );
}
