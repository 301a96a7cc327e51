// The calculator's state and its two-way tie to the query string: the server renders the default state, the island
// reads the shared link once after hydration, and every change is written back in place (no reload, no history).
import { useEffect, useRef, useState } from "react";
import { calculatorStateHref, normalizeState, parseCalculatorState } from "@/features/calculator/state";
import type { CalculatorCatalog, CalculatorState, StateProblem } from "@/features/calculator/state";

const URL_WRITE_DELAY_MS = 150;

export function useCalculatorState(initialState: CalculatorState, catalog: CalculatorCatalog) {
  const [state, setState] = useState<CalculatorState>(initialState);
  const [problems, setProblems] = useState<StateProblem[]>([]);
  // The text in the config box, and the last custom config applied (so the model list can switch back to it).
  const [configDraft, setConfigDraft] = useState("");
  const [customConfig, setCustomConfig] = useState<string | null>(initialState.config);
  // false until the island has read the query string (the server rendered the default state).
  const [hydrated, setHydrated] = useState(false);
  // Whether the query string should be rewritten: after any change, or to clean up a link that had one.
  const writeUrl = useRef(false);

  // Apply the shared link once, after hydration.
  useEffect(() => {
    const search = window.location.search;
    /* eslint-disable react-hooks/set-state-in-effect -- the query string is only readable after hydration (the page
       is static): a one-off sync from the browser, the two-pass rendering React recommends for client-only data. */
    if (search && search !== "?") {
      const parsed = parseCalculatorState(search, catalog);
      setState(parsed.state);
      setProblems(parsed.problems);
      if (parsed.state.config) {
        setCustomConfig(parsed.state.config);
        // The minified text as read: never re-parsed or pretty-printed here (a link is untrusted input).
        setConfigDraft(parsed.state.config);
      }
      writeUrl.current = true;
    }
    setHydrated(true);
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [catalog]);

  // Every change rewrites the query string in place (no reload, no history entry). Debounced: a slider drag makes
  // one write, browsers throttle frequent history calls, and the router's update stays off the input's path.
  useEffect(() => {
    if (!hydrated || !writeUrl.current) return;
    const timer = window.setTimeout(() => {
      const href = calculatorStateHref(state);
      // Only on this page's own history entry: after Back, the previous page's URL is left alone.
      if (window.location.pathname !== href.split("?")[0]) return;
      if (window.location.pathname + window.location.search !== href)
        window.history.replaceState(null, "", href);
    }, URL_WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [state, hydrated]);

  function update(patch: Partial<CalculatorState>) {
    writeUrl.current = true;
    setState((previous) => normalizeState({ ...previous, ...patch }, catalog));
  }

  return {
    state,
    update,
    problems,
    dismissProblems: () => setProblems([]),
    hydrated,
    configDraft,
    setConfigDraft,
    customConfig,
    setCustomConfig,
  };
}

/** A state change, as the fieldsets call it: the patch is merged and brought back inside the rules. */
export type UpdateState = (patch: Partial<CalculatorState>) => void;
