import type { ValidationRow } from "@/lib/validation";
import { GIB } from "@/lib/estimator";
import { Table, TableScroll, Td, Tr } from "@/components/ui/table";
import type { TableColumn } from "@/components/ui/table";

const COLUMNS: readonly TableColumn[] = [
  { label: "Kind" },
  { label: "Model" },
  { label: "Case" },
  { label: "Estimate", align: "right" },
  { label: "Real", align: "right" },
  { label: "Error", align: "right" },
  { label: "Source" },
];

function formatValue(value: number, unit: ValidationRow["unit"]): string {
  if (unit === "parameters") return `${(value / 1e9).toFixed(3)}B`;
  return `${(value / GIB).toFixed(3)} GiB`;
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
    <TableScroll label="Validation data points, scrollable" className="not-prose p-2">
      <Table
        density="compact"
        columns={COLUMNS}
        caption="Estimate against measured value for each data point"
        data-testid="validation-rows"
      >
        {rows.map((row, index) => (
          <Tr
            density="compact"
            key={`${row.kind}-${row.model}-${row.case}-${index}`}
            data-kind={row.kind}
            data-error-percent={row.errorPercent}
          >
            <Td density="compact">{row.kind}</Td>
            <Td density="compact">{row.model}</Td>
            <Td density="compact">{row.case}</Td>
            <Td density="compact" numeric>
              {formatValue(row.estimate, row.unit)}
            </Td>
            <Td density="compact" numeric title={row.reported}>
              {formatValue(row.actual, row.unit)}
            </Td>
            <Td density="compact" numeric>
              {row.errorPercent > 0 ? "+" : ""}
              {row.errorPercent.toFixed(2)}%
              {row.status !== "checked" && (
                <span className="text-muted block text-xs" title={row.reason ?? undefined}>
                  {STATUS_LABELS[row.status]}
                </span>
              )}
            </Td>
            <Td density="compact">
              <a href={row.source} className="text-link underline" rel="noopener">
                {sourceHost(row.source)}
              </a>
            </Td>
          </Tr>
        ))}
      </Table>
    </TableScroll>
  );
}
