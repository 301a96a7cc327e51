import Link from "next/link";
import type { CatalogModel } from "@/lib/catalog";
import { formatGib, formatGibNumber, formatTokens } from "@/lib/format";
import { FIT_TIERS, requirementsTable, TABLE_PROFILE } from "@/lib/requirements";
import type { FitTierId } from "@/lib/requirements";

// Tiers differ by a mark as well as a colour, and the swatches carry a border of their own hue (≥ 3:1).
const TIER_CLASSES: Record<FitTierId, string> = {
  consumer: "bg-emerald-100 text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50",
  datacenter: "bg-sky-100 text-sky-950 dark:bg-sky-900 dark:text-sky-50",
  node: "bg-amber-100 text-amber-950 dark:bg-amber-900 dark:text-amber-50",
  beyond: "bg-rose-100 text-rose-950 dark:bg-rose-900 dark:text-rose-50",
};

const TIER_SWATCH_BORDERS: Record<FitTierId, string> = {
  consumer: "border-emerald-700",
  datacenter: "border-sky-700",
  node: "border-amber-700",
  beyond: "border-rose-700",
};

const TIER_MARKS: Record<FitTierId, string> = {
  consumer: "●",
  datacenter: "◆",
  node: "▲",
  beyond: "✗",
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
  const recurrentBytes = table.rows[0]?.cells[0]?.recurrentStateBytes ?? 0;
  return (
    <div className="not-prose scroll-mt-4 space-y-3" id="requirements">
      <div
        className="table-scroll"
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
                    <span data-value>{formatGibNumber(cell.totalBytes)}</span>{" "}
                    <span aria-hidden="true" className="text-[0.7em]">
                      {TIER_MARKS[cell.tier]}
                    </span>
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
              className={`inline-flex h-5 w-5 items-center justify-center rounded-sm border-2 text-[0.7rem] ${TIER_CLASSES[tier]} ${TIER_SWATCH_BORDERS[tier]}`}
            >
              {TIER_MARKS[tier]}
            </span>
            {TIER_LABELS[tier]}
          </li>
        ))}
      </ul>
      {recurrentBytes > 0 ? (
        <p className="text-sm" data-testid="recurrent-note">
          {model.name} is a hybrid: most layers keep a fixed-size recurrent state ({formatGib(recurrentBytes)}{" "}
          per sequence, the same at every context) instead of a KV cache, so a longer context costs only the
          attention layers&rsquo; cache.
        </p>
      ) : null}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Figures in GiB (1 GiB = 2<sup>30</sup> bytes; a card sold as &ldquo;24 GB&rdquo; holds 24 GiB). Each
        cell is the total for the {TABLE_PROFILE.engine} profile: the GGUF weights, an{" "}
        {TABLE_PROFILE.kvCacheType} KV cache for {TABLE_PROFILE.sequences} sequence at that context, the
        compute buffers for a {TABLE_PROFILE.ubatchTokens}-token micro-batch, and the CUDA runtime overhead —
        each term explained on the{" "}
        <Link href="/methodology" className="underline">
          methodology page
        </Link>
        . Colours and marks assume the whole model on GPU, split by layers across cards; llama.cpp keeps the
        token embeddings in system RAM, so they are in the total but not counted against the GPU.
      </p>
    </div>
  );
}
