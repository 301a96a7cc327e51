// What stays in view while the form is edited: a bar at the bottom of a phone's screen with the total and the
// verdict, and a polite announcement of the total for screen readers.
import { useEffect, useState } from "react";
import type { CalculatorState } from "@/features/calculator/state";
import { formatGib } from "@/lib/format";
import { deviceLabel, fitBadge } from "./result-text";
import type { CalculatorResults } from "./results";

const COMPACT_VERDICT = {
  gpu: { mark: "✓", text: "Fits in GPU memory", className: "text-emerald-800 dark:text-emerald-300" },
  offload: { mark: "▲", text: "Fits with offload", className: "text-amber-800 dark:text-amber-300" },
  none: { mark: "✗", text: "Does not fit", className: "text-danger" },
} as const;

/** How long the inputs must rest before the total is announced. */
const ANNOUNCE_DELAY_MS = 600;

/**
 * Below lg the full result sits under the form, off-screen while editing: this bar at the bottom of the screen keeps
 * the total, the verdict and the device in view. It mirrors the result root (data-compact-fits, so [data-fits] stays unique to the root) and links to it.
 */
export function CompactResult({
  results,
  state,
}: {
  results: CalculatorResults | null;
  state: CalculatorState;
}) {
  const verdict = results?.engineProblem
    ? { ...COMPACT_VERDICT.none, text: "MLX needs a Mac" }
    : results
      ? COMPACT_VERDICT[results.fit.kind]
      : null;
  return (
    <div
      data-testid="compact-result"
      data-compact-fits={results ? String(results.fit.fits) : "error"}
      className="border-line bg-surface fixed inset-x-0 bottom-0 z-30 border-t px-4 py-2 shadow-[0_-2px_8px_rgb(0_0_0/0.08)] lg:hidden"
    >
      <a
        href="#calc-results-heading"
        className="mx-auto flex max-w-6xl items-center gap-3 text-sm"
        aria-label={
          results && verdict
            ? `Total ${formatGib(results.estimate.bytes.total)}, ${verdict.text} on ${deviceLabel(results, state)}: go to the full result`
            : "These settings cannot be estimated: go to the result"
        }
      >
        {results && verdict ? (
          <>
            <span className="text-lg font-bold tabular-nums">{formatGib(results.estimate.bytes.total)}</span>
            <span className="min-w-0 flex-1">
              <span className={`block font-semibold ${verdict.className}`}>
                <span aria-hidden="true">{verdict.mark}</span> {verdict.text}
              </span>
              <span className="text-muted block truncate text-xs">{deviceLabel(results, state)}</span>
            </span>
          </>
        ) : (
          <span className="text-danger min-w-0 flex-1 font-semibold">Cannot estimate these settings</span>
        )}
        <span aria-hidden="true" className="text-muted text-xs whitespace-nowrap">
          Details ↓
        </span>
      </a>
    </div>
  );
}

/** Announces the total to screen readers once the inputs settle. */
export function LiveTotal({ results }: { results: CalculatorResults | null }) {
  const text = results
    ? `Total ${formatGib(results.estimate.bytes.total)}. ${fitBadge(results).text}.`
    : "These settings cannot be estimated.";
  const [announced, setAnnounced] = useState("");
  useEffect(() => {
    const timer = window.setTimeout(() => setAnnounced(text), ANNOUNCE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  return (
    <p className="sr-only" aria-live="polite" aria-atomic="true" data-testid="live-total">
      {announced}
    </p>
  );
}
