// The calculator's full result: the total with its breakdown bar, the fit verdict per GPU with offload, context and
// speed lines, and the launch command. Rendered inside the island; no state of its own.
import { EvidenceLines } from "@/features/calculator/evidence-lines";
import type { CalculatorState } from "@/features/calculator/state";
import { formatGib, formatInteger } from "@/lib/format";
import { CommandView } from "./command-view";
import {
  decodeText,
  fitBadge,
  gpuLine,
  longestText,
  offloadAdvice,
  percent,
  stateSummary,
} from "./result-text";
import type { CalculatorResults } from "./results";

const PARTS = [
  { key: "weights", label: "Weights", color: "bg-brand-600" },
  { key: "kvCache", label: "KV cache", color: "bg-emerald-500" },
  { key: "recurrentState", label: "Recurrent state", color: "bg-teal-700" },
  { key: "compute", label: "Compute buffers", color: "bg-amber-500" },
  { key: "overhead", label: "Overhead", color: "bg-slate-400" },
] as const;

export function ResultsView({ results, state }: { results: CalculatorResults; state: CalculatorState }) {
  return (
    <>
      <TotalCard results={results} state={state} />
      <FitCard results={results} state={state} />
      <CommandView results={results} />
    </>
  );
}

function TotalCard({ results, state }: { results: CalculatorResults; state: CalculatorState }) {
  const bytes = results.estimate.bytes;
  const total = bytes.total;
  const summary = stateSummary(results, state);
  return (
    <div className="border-line-subtle rounded-lg border p-4">
      <p className="text-sm font-medium">Total memory</p>
      <p className="text-muted truncate text-sm" data-testid="summary" title={summary}>
        {summary}
      </p>
      <p className="mt-1 text-4xl font-bold tabular-nums">
        <span data-testid="total" data-total-bytes={total}>
          {formatGib(total)}
        </span>
      </p>
      <p className="text-muted text-sm tabular-nums">{`${formatInteger(total)} bytes`}</p>
      <div
        className="mt-4 flex h-6 w-full overflow-hidden rounded bg-slate-100 dark:bg-slate-800"
        aria-hidden="true"
      >
        {PARTS.map((part) => (
          <div
            key={part.key}
            className={part.color}
            style={{ width: `${total > 0 ? (bytes[part.key] / total) * 100 : 0}%` }}
          />
        ))}
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4" data-testid="breakdown">
        {/* Recurrent state exists only in hybrid models; a 0 line would only be noise. */}
        {PARTS.filter((part) => part.key !== "recurrentState" || bytes.recurrentState > 0).map((part) => (
          <div key={part.key} data-part={part.key} data-bytes={bytes[part.key]}>
            <dt className="text-muted flex items-center gap-2">
              <span className={`inline-block size-3 rounded-sm ${part.color}`} aria-hidden="true" />
              {part.label}
            </dt>
            <dd className="font-medium tabular-nums">
              {`${formatGib(bytes[part.key])} (${percent(bytes[part.key], total)})`}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function FitCard({ results, state }: { results: CalculatorResults; state: CalculatorState }) {
  const { placement, gpu } = results;
  const badge = fitBadge(results);
  const hardware = gpuLine(results, state);
  return (
    <div className="border-line-subtle space-y-3 rounded-lg border p-4">
      <p>
        <span
          className={`inline-block rounded px-2 py-1 text-sm font-semibold ${badge.className}`}
          data-testid="fit-status"
        >
          {badge.text}
        </span>
      </p>
      <p className="text-muted truncate text-sm" title={hardware}>
        {hardware}
      </p>
      <ul
        className="flex h-20 flex-wrap content-start gap-2 overflow-y-auto text-sm"
        aria-label="Memory per GPU"
        data-testid="devices"
      >
        {placement.perDeviceBytes.map((bytes, index) => {
          const usable = results.devices[index]?.usableBytes ?? gpu.usableBytes;
          const ok = bytes <= usable;
          return (
            <li
              key={index}
              data-device-fits={ok}
              className={`rounded border px-2 py-1 tabular-nums ${ok ? "border-emerald-700 dark:border-emerald-400" : "border-red-600 dark:border-red-400"}`}
            >
              {`GPU ${index + 1}: ${formatGib(bytes)} of ${formatGib(usable)} ${ok ? "✓ within" : "✗ too much"}`}
            </li>
          );
        })}
      </ul>
      <dl className="space-y-2 text-sm">
        <div>
          <dt className="font-medium">Offload</dt>
          <dd data-testid="offload" className="min-h-10">
            {offloadAdvice(results, state)}
          </dd>
        </div>
        <div>
          <dt className="font-medium">Longest context that fits</dt>
          <dd
            data-testid="max-context"
            data-tokens={results.longest.tokens}
            data-limit={results.longest.limit}
          >
            {longestText(results)}
          </dd>
        </div>
        <div>
          <dt className="font-medium">Decode speed, upper bound</dt>
          <dd data-testid="decode-bound" className="min-h-10">
            {decodeText(results, state)}
          </dd>
        </div>
        <EvidenceLines evidence={results.evidence} />
      </dl>
    </div>
  );
}
