"use client";
// Keeps /calculator usable whatever a shared link holds: if the island throws while rendering or applying the link,
// this replaces only the island with a one-line message and a clean link; the heading, text and site stay.
import { Component } from "react";
import type { ErrorInfo, ReactNode } from "react";

interface State {
  failed: boolean;
}

export class CalculatorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // One line for the console; the stack is not needed to tell the visitor what to do.
    console.error(`calculator: ${error.message}`, info.componentStack?.split("\n")[1]?.trim() ?? "");
  }

  render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div
        role="alert"
        data-testid="calculator-error"
        className="rounded-lg border border-amber-400 p-4 text-sm text-amber-950 dark:text-amber-100"
      >
        <p className="font-semibold">The calculator could not use the settings in this link.</p>
        <p className="mt-1">
          {/* A plain link: a full load with an empty query string starts from the default settings. */}
          <a href="/calculator" className="underline">
            Open the calculator with its default settings
          </a>
          .
        </p>
      </div>
    );
  }
}
