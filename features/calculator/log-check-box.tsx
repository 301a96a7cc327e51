"use client";
// The calculator's "paste your log" box. Closed by default, and most visits never open it: its panel (a second model
// list, the llama.cpp / vLLM log reader) is loaded and rendered only when it is first opened, so neither its code nor
// its markup weighs on the calculator's first paint and hydration.
import dynamic from "next/dynamic";
import { useState } from "react";
import type { CalculatorModelOption } from "@/features/calculator/results";

const LogCheckPanel = dynamic(() => import("./log-check"), {
  ssr: false,
  loading: () => <p className="mt-3 text-sm">Loading the log reader…</p>,
});

export function LogCheck({ models }: { models: readonly CalculatorModelOption[] }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="border-line-subtle rounded-lg border p-4"
      data-testid="log-check"
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary className="cursor-pointer font-semibold">Paste your llama.cpp / vLLM log</summary>
      {opened ? (
        <LogCheckPanel models={models} />
      ) : (
        <noscript>
          <p className="mt-3 text-sm">Reading a log happens in your browser and needs JavaScript.</p>
        </noscript>
      )}
    </details>
  );
}
