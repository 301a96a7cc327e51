"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import type { CompareEntry } from "@/features/compare/data";
import { compareQuery, MAX_COMPARED, parseCompareQuery } from "@/features/compare/selection";
import type { CompareSelection } from "@/features/compare/selection";
import { replaceQueryOnEntry } from "@/lib/history-entry";
import { formatDate, formatGibNumber, formatInteger, formatParameters, formatTokens } from "@/lib/format";
import { modelPath } from "@/lib/routes";
import { RowHeader, Table, TableScroll, Td, Th, Tr } from "@/components/ui/table";

interface Props {
  formId: string;
  entries: CompareEntry[];
  formats: { id: string; label: string }[];
  contexts: number[];
}

const EMPTY: CompareSelection = { slugs: [], unknown: [], dropped: [] };

function selectedInForm(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const select of Array.from(form.querySelectorAll<HTMLSelectElement>('select[name="models"]'))) {
    if (select.value) params.append("models", select.value);
  }
  return params;
}

function parametersText(entry: CompareEntry): string {
  const total = formatParameters(entry.statedParameters.total);
  return entry.statedParameters.active !== null
    ? `${total} (${formatParameters(entry.statedParameters.active)} active)`
    : total;
}

interface SpecRow {
  key: string;
  label: string;
  value: (entry: CompareEntry) => string;
}

const SPEC_ROWS: SpecRow[] = [
  { key: "developer", label: "Developer", value: (e) => e.developer },
  { key: "family", label: "Family", value: (e) => e.family },
  { key: "released", label: "Released", value: (e) => formatDate(e.releaseDate) },
  { key: "license", label: "License", value: (e) => e.license },
  { key: "architecture", label: "Architecture", value: (e) => (e.moe ? "Mixture of experts" : "Dense") },
  { key: "parameters", label: "Parameters (stated)", value: parametersText },
  {
    key: "counted",
    label: "Parameters (counted from config.json)",
    value: (e) =>
      e.moe
        ? `${formatInteger(e.countedParameters.total)} (${formatInteger(e.countedParameters.active)} active)`
        : formatInteger(e.countedParameters.total),
  },
  { key: "runs-on", label: "Smallest hardware (Q4_K_M, 8K)", value: (e) => e.runsOn },
  { key: "context", label: "Max context", value: (e) => formatTokens(e.contextLength) },
  { key: "layers", label: "Layers", value: (e) => formatInteger(e.layers) },
  { key: "hidden", label: "Hidden size", value: (e) => formatInteger(e.hiddenSize) },
  {
    key: "attention",
    label: "Attention",
    value: (e) => `${e.attention}, ${e.attentionHeads} heads / ${e.kvHeads} KV`,
  },
  {
    key: "experts",
    label: "Experts",
    value: (e) =>
      e.experts
        ? `${e.experts.perToken} of ${e.experts.routed} routed${e.experts.shared ? ` + ${e.experts.shared} shared` : ""}`
        : "—",
  },
  { key: "vocab", label: "Vocabulary", value: (e) => formatInteger(e.vocabSize) },
];

// Row labels stay in view while the model columns scroll sideways; on a phone they wrap to keep the columns visible.
const ROW_HEADER = "w-28 font-medium sm:w-auto sm:whitespace-nowrap border-r border-line";

/**
 * The side-by-side table. The page is static, so the selection is read from the URL here; all figures were
 * computed at build time by lib/estimator and arrive as props.
 */
export function CompareIsland({ formId, entries, formats, contexts }: Props) {
  const bySlug = useMemo(() => new Map(entries.map((entry) => [entry.slug, entry])), [entries]);
  const [selection, setSelection] = useState<CompareSelection | null>(null);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    // The page this island belongs to: URL writes go to its history entry only (see lib/history-entry).
    const pathname = window.location.pathname;
    const known = new Set(bySlug.keys());
    const selects = Array.from(form.querySelectorAll<HTMLSelectElement>('select[name="models"]'));

    const show = (next: CompareSelection, updateUrl: boolean) => {
      selects.forEach((select, index) => {
        select.value = next.slugs[index] ?? "";
      });
      if (updateUrl) {
        const query = compareQuery(next.slugs);
        replaceQueryOnEntry(pathname, query);
      }
      setSelection(next);
    };

    // No URL write on load: this effect runs before Next.js's router has taken over history (child effects run
    // first), and a replaceState then would drop the router's state and break the back button.
    show(parseCompareQuery(new URLSearchParams(window.location.search), known), false);
    form.querySelector<HTMLElement>("[data-submit]")?.setAttribute("hidden", "");
    const onChange = () => show(parseCompareQuery(selectedInForm(form), known), true);
    const onSubmit = (event: Event) => {
      event.preventDefault();
      onChange();
    };
    form.addEventListener("change", onChange);
    form.addEventListener("submit", onSubmit);
    return () => {
      form.removeEventListener("change", onChange);
      form.removeEventListener("submit", onSubmit);
    };
  }, [formId, bySlug]);

  const current = selection ?? EMPTY;
  const compared = current.slugs
    .map((slug) => bySlug.get(slug))
    .filter((entry): entry is CompareEntry => !!entry);

  return (
    <div className="space-y-4" data-testid="compare" data-ready={selection ? "true" : "false"}>
      {current.unknown.length > 0 ? (
        <p
          role="alert"
          className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm dark:bg-slate-900"
          data-testid="compare-unknown"
        >
          Not in the catalog, so left out: {current.unknown.map((slug) => `“${slug}”`).join(", ")}.
        </p>
      ) : null}
      {current.dropped.length > 0 ? (
        <p
          role="alert"
          className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm dark:bg-slate-900"
          data-testid="compare-dropped"
        >
          At most {MAX_COMPARED} models side by side: showing the first {MAX_COMPARED}, leaving out{" "}
          {current.dropped.map((slug) => bySlug.get(slug)?.name ?? slug).join(", ")}.
        </p>
      ) : null}
      {selection && compared.length === 0 ? (
        <p className="text-muted">Choose up to {MAX_COMPARED} models above to see them side by side.</p>
      ) : null}
      {compared.length === 1 ? (
        <p className="text-muted" data-testid="compare-hint">
          Pick another model above to compare {compared[0]?.name} with.
        </p>
      ) : null}
      {compared.length > 0 ? (
        <TableScroll label="Comparison, scrollable">
          <Table
            data-testid="compare-table"
            header={
              <>
                <Th className="sticky-col bg-surface-muted">
                  <span className="sr-only">Property</span>
                </Th>
                {compared.map((entry) => (
                  <Th key={entry.slug} className="min-w-28 align-bottom" data-slug={entry.slug}>
                    <Link href={modelPath(entry.slug)} className="text-link hover:underline">
                      {entry.name}
                    </Link>
                  </Th>
                ))}
              </>
            }
          >
            {SPEC_ROWS.map((row) => (
              <Tr key={row.key} data-row={row.key}>
                <RowHeader sticky className={ROW_HEADER}>
                  {row.label}
                </RowHeader>
                {compared.map((entry) => (
                  <Td key={entry.slug}>{row.value(entry)}</Td>
                ))}
              </Tr>
            ))}
            <tr className="bg-surface-muted border-line border-t-2">
              <th
                scope="colgroup"
                colSpan={compared.length + 1}
                className="px-3 py-2 text-left font-semibold"
              >
                <span className="sticky left-3">Memory needed (GiB)</span>
              </th>
            </tr>
            {formats.flatMap((format) =>
              contexts.map((contextTokens) => (
                <Tr
                  key={`${format.id}-${contextTokens}`}
                  data-format={format.id}
                  data-context={contextTokens}
                >
                  <RowHeader sticky className={ROW_HEADER}>
                    {format.label}, {formatTokens(contextTokens)} context
                  </RowHeader>
                  {compared.map((entry) => {
                    const cell = entry.memory.find(
                      (m) => m.format === format.id && m.contextTokens === contextTokens,
                    );
                    const bytes = cell?.totalBytes ?? null;
                    return (
                      <Td
                        key={entry.slug}
                        className="tabular-nums"
                        data-slug={entry.slug}
                        {...(bytes !== null ? { "data-total-bytes": bytes } : {})}
                      >
                        {bytes !== null ? formatGibNumber(bytes) : "beyond max context"}
                      </Td>
                    );
                  })}
                </Tr>
              )),
            )}
          </Table>
        </TableScroll>
      ) : null}
    </div>
  );
}
