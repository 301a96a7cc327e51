import type { ValidationRow } from "@/lib/validation";

function formatValue(value: number, unit: ValidationRow["unit"]): string {
  if (unit === "parameters") return `${(value / 1e9).toFixed(3)}B`;
  return `${(value / 1024 ** 3).toFixed(3)} GiB`;
}

function sourceHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

const STATUS_LABELS: Record<ValidationRow["status"], string> = {
  checked: "Checked",
  "known-conflict": "Counts differ by definition",
  "out-of-scope": "Not modelled",
};

export function ValidationTable({ rows }: { rows: readonly ValidationRow[] }) {
  return (
    <div
      className="not-prose table-scroll p-2"
      tabIndex={0}
      role="region"
      aria-label="Validation data points, scrollable"
    >
      <table className="w-full text-sm" data-testid="validation-rows">
        <caption className="sr-only">Estimate against measured value for each data point</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="py-1 pr-3 text-left">
              Kind
            </th>
            <th scope="col" className="py-1 pr-3 text-left">
              Model
            </th>
            <th scope="col" className="py-1 pr-3 text-left">
              Case
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Estimate
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Real
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Error
            </th>
            <th scope="col" className="py-1 text-left">
              Source
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr
              key={`${row.kind}-${row.model}-${row.case}-${index}`}
              className="border-b border-slate-200 dark:border-slate-800"
              data-kind={row.kind}
              data-error-percent={row.errorPercent}
            >
              <td className="py-1 pr-3">{row.kind}</td>
              <td className="py-1 pr-3">{row.model}</td>
              <td className="py-1 pr-3">{row.case}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{formatValue(row.estimate, row.unit)}</td>
              <td className="py-1 pr-3 text-right tabular-nums" title={row.reported}>
                {formatValue(row.actual, row.unit)}
              </td>
              <td className="py-1 pr-3 text-right tabular-nums">
                {row.errorPercent > 0 ? "+" : ""}
                {row.errorPercent.toFixed(2)}%
                {row.status !== "checked" && (
                  <span
                    className="block text-xs text-slate-600 dark:text-slate-400"
                    title={row.reason ?? undefined}
                  >
                    {STATUS_LABELS[row.status]}
                  </span>
                )}
              </td>
              <td className="py-1">
                <a href={row.source} className="text-brand-700 dark:text-brand-100 underline" rel="noopener">
                  {sourceHost(row.source)}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
