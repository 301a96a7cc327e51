"use client";
// Says when a custom config.json is too large to travel in the calculator's link, and offers the file instead: a
// link that a server refuses (431) or a chat app cuts is worse than a link without the config and a clear note.
import { useMemo } from "react";
import { CUSTOM, LIMITS, configShareable } from "@/features/calculator/state";
import type { CalculatorState } from "@/features/calculator/state";
import { formatInteger } from "@/lib/format";

export function ConfigLinkNotice({ state }: { state: Pick<CalculatorState, "model" | "config"> }) {
  const { model, config } = state;
  const size = useMemo(() => configShareable({ model, config }), [model, config]);
  if (model !== CUSTOM || config === null || size.shareable) return null;

  function download() {
    if (config === null) return;
    const url = URL.createObjectURL(new Blob([config], { type: "application/json" }));
    const anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = "config.json";
    anchor.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  return (
    <div
      data-testid="config-link-notice"
      role="note"
      className="mt-2 rounded-md border border-amber-400 p-3 text-sm text-amber-950 dark:text-amber-100"
    >
      <p>
        {`This config.json is too large to share as a link (${formatInteger(size.chars)} characters compressed; a link carries up to ${formatInteger(LIMITS.configLinkChars)}). The address bar keeps the other settings: download the config.json and send it with the link, or copy the settings.`}
      </p>
      <button
        type="button"
        onClick={download}
        className="mt-2 rounded-md border border-amber-500 px-3 py-1 font-medium hover:bg-amber-100 dark:hover:bg-amber-900"
      >
        Download config.json
      </button>
    </div>
  );
}
