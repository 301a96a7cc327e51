// The launch command for the calculator's settings, one argument per unbreakable span, with a copy button and the
// command's notes. Rendered inside the island.
import { Fragment, useRef } from "react";
import { CopyAnnouncement, CopyButton, useCopy } from "@/components/ui/copy-button";
import { ENGINE_LABELS } from "@/features/calculator/state";
import type { CalculatorResults } from "./results";

export function CommandView({ results }: { results: CalculatorResults }) {
  const { command } = results;
  const preRef = useRef<HTMLPreElement>(null);
  const { status, copy } = useCopy(preRef);
  return (
    <div className="border-line-subtle space-y-2 rounded-lg border p-4">
      <div className="flex items-center justify-between gap-3">
        <h3 className="font-semibold" id="calc-command-heading">
          {`Launch command (${ENGINE_LABELS[command.engine]})`}
        </h3>
        <CopyButton
          status={status}
          onClick={() => void copy(command.command)}
          label="Copy command"
          testId="copy-command"
        />
      </div>
      {command.prepare ? (
        <div className="space-y-1">
          <p className="text-sm">First, once:</p>
          <pre
            data-testid="command-prepare"
            tabIndex={0}
            className="overflow-auto rounded bg-slate-900 p-3 text-sm whitespace-pre-wrap text-slate-100"
          >
            <Arguments argv={command.prepare.argv} />
          </pre>
          <p className="text-sm">Then:</p>
        </div>
      ) : null}
      <pre
        ref={preRef}
        data-testid="command"
        aria-labelledby="calc-command-heading"
        tabIndex={0}
        className="h-28 overflow-auto rounded bg-slate-900 p-3 text-sm whitespace-pre-wrap text-slate-100"
      >
        <Arguments argv={command.argv} />
      </pre>
      <ul className="text-secondary min-h-16 list-disc space-y-1 pl-5 text-sm" data-testid="command-notes">
        {command.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      <CopyAnnouncement status={status} what="Command" />
    </div>
  );
}

function Arguments({ argv }: { argv: readonly string[] }) {
  return argv.map((arg, index) => (
    // Each argument stays whole; lines break only at the spaces between arguments, which stay outside the
    // spans (a space inside a nowrap span is no break opportunity, and break-words would then split a flag).
    <Fragment key={index}>
      {index > 0 ? " " : ""}
      <span className="whitespace-nowrap">{arg}</span>
    </Fragment>
  ));
}
