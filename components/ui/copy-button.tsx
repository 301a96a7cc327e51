"use client";
// Copy to the clipboard, with a fallback: without clipboard permission the text is selected for Ctrl+C. The button
// and the screen-reader announcement are separate, so each can sit where its card needs it.
import { useEffect, useState } from "react";
import type { RefObject } from "react";

export type CopyStatus = "idle" | "copied" | "failed";

/** How long "Copied" stays on the button. */
const RESET_MS = 2500;

export function useCopy(fallbackRef: RefObject<HTMLElement | null>) {
  const [status, setStatus] = useState<CopyStatus>("idle");
  useEffect(() => {
    if (status === "idle") return;
    const timer = window.setTimeout(() => setStatus("idle"), RESET_MS);
    return () => window.clearTimeout(timer);
  }, [status]);

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      // No clipboard permission: select the text so the user can copy it by hand.
      const node = fallbackRef.current;
      const selection = window.getSelection();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setStatus("failed");
    }
  }
  return { status, copy };
}

export function CopyButton({
  status,
  onClick,
  label,
  testId,
}: {
  status: CopyStatus;
  onClick: () => void;
  label: string;
  testId?: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      data-testid={testId}
      className="border-line rounded-md border px-3 py-1 text-sm font-medium hover:bg-slate-50 dark:hover:bg-slate-900"
    >
      {status === "copied" ? "Copied" : status === "failed" ? "Press Ctrl+C to copy" : label}
    </button>
  );
}

/** The polite announcement of a copy, for screen readers. */
export function CopyAnnouncement({ status, what }: { status: CopyStatus; what: string }) {
  return (
    <p className="sr-only" aria-live="polite">
      {status === "copied"
        ? `${what} copied to the clipboard.`
        : status === "failed"
          ? `Copy failed; the ${what.toLowerCase()} is selected.`
          : ""}
    </p>
  );
}
