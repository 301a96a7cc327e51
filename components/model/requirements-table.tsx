import type { CatalogModel } from "@/lib/content/catalog";
import { formatGib, formatGibNumber, formatTokens } from "@/lib/format";
import { requirementsTable, TABLE_PROFILE } from "@/lib/views/requirements";
import type { FitTierId } from "@/lib/views/requirements";
import { TIER_CLASSES, TIER_LABELS, TIER_MARKS, TIER_SWATCH_BORDERS } from "./tier-styles";

const tierMarksLegend = (Object.keys(TIER_LABELS) as FitTierId[])
  .map(
    (tier) => `${TIER_MARKS[tier]} ${TIER_LABELS[tier].charAt(0).toLowerCase()}${TIER_LABELS[tier].slice(1)}`,
  )
  .join(", ");

/** Total memory per weight format × context length, computed at build time by lib/estimator. */
export function RequirementsTable({ model }: { model: CatalogModel }) {
  const table = requirementsTable(model);
  const kvCacheRow = table.rows[0]?.cells ?? [];
  const recurrentBytes = kvCacheRow[0]?.recurrentStateBytes ?? 0;
  return (
    <div className="not-prose scroll-mt-4 space-y-3" id="requirements">
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={`Memory requirements of ${model.name}, scrollable`}
      >
        {/* Every cell, header and row is styled by the table's class and the tier colours by data-tier
            (app/globals.css), not by classes repeated on each of the ~80 cells: the page's HTML and its RSC payload
            both carry every attribute. */}
        <table className="requirements" data-testid="requirements-table">
          <caption className="sr-only">
            {`Total memory in GiB needed to run ${model.name}, by weight format (rows) and context length (columns). Marks: ${tierMarksLegend}.`}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                Format <span>(weights)</span>
              </th>
              {table.contexts.map((tokens) => (
                <th key={tokens} scope="col" data-context={tokens}>
                  {`${formatTokens(tokens)} ctx`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.format} data-format={row.format}>
                <th scope="row">
                  {row.label}
                  <span>{`weights ${formatGib(row.weightsBytes)}`}</span>
                </th>
                {row.cells.map((cell) => (
                  <td key={cell.contextTokens} data-total-bytes={cell.totalBytes} data-tier={cell.tier}>
                    {`${formatGibNumber(cell.totalBytes)} `}
                    <span>{TIER_MARKS[cell.tier]}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {/* The KV cache depends on the context, not on the weight format: one row instead of a figure per cell. */}
          <tfoot>
            <tr data-testid="requirements-kv-cache">
              <th scope="row">
                KV cache <span>{`${TABLE_PROFILE.kvCacheType}, in each total`}</span>
              </th>
              {kvCacheRow.map((cell) => (
                <td key={cell.contextTokens} data-kv-cache-bytes={cell.kvCacheBytes}>
                  {formatGibNumber(cell.kvCacheBytes)}
                </td>
              ))}
            </tr>
          </tfoot>
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
      <p className="text-muted text-xs">
        Figures in GiB (1 GiB = 2<sup>30</sup> bytes; a card sold as &ldquo;24 GB&rdquo; holds 24 GiB). Each
        cell is the total for the {TABLE_PROFILE.engine} profile: the GGUF weights, an{" "}
        {TABLE_PROFILE.kvCacheType} KV cache for {TABLE_PROFILE.sequences} sequence at that context, the
        compute buffers for a {TABLE_PROFILE.ubatchTokens}-token micro-batch, and the CUDA runtime overhead —
        each term explained on the{" "}
        <a href="/methodology" className="underline">
          methodology page
        </a>
        . Colours and marks assume the whole model on GPU, split by layers across cards; llama.cpp keeps the
        token embeddings in system RAM, so they are in the total but not counted against the GPU.
      </p>
    </div>
  );
}
