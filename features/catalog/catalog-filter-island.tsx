"use client";

import { useEffect, useRef, useState } from "react";
import { applyFilter, filterToQuery, itemFromAttributes, parseFilterQuery } from "@/features/catalog/filter";
import type { FilterState } from "@/features/catalog/filter";
import { replaceQueryOnEntry } from "@/lib/history-entry";

interface Props {
  formId: string;
  listId: string;
  total: number;
}

function formQuery(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (typeof value === "string") params.append(key, value);
  }
  return params;
}

function setFormValues(form: HTMLFormElement, query: URLSearchParams) {
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement) || !element.name)
      continue;
    const value = query.get(element.name);
    if (element instanceof HTMLSelectElement) {
      const fallback = element.options[0]?.value ?? "";
      element.value =
        value !== null && Array.from(element.options).some((o) => o.value === value) ? value : fallback;
    } else {
      element.value = value ?? "";
    }
  }
}

/**
 * Enhances the server-rendered filter form and model list: reads the filter from the URL, hides, shows and orders
 * the list items by their data attributes, keeps the URL in step (history.replaceState) and announces the count.
 */
export function CatalogFilterIsland({ formId, listId, total }: Props) {
  const [visible, setVisible] = useState(total);
  const resetRef = useRef<() => void>(() => {});

  useEffect(() => {
    const form = document.getElementById(formId);
    const list = document.getElementById(listId);
    if (!(form instanceof HTMLFormElement) || !list) return;
    // The page this island belongs to: URL writes go to its history entry only (see lib/history-entry).
    const pathname = window.location.pathname;
    const elements = Array.from(list.querySelectorAll<HTMLElement>(":scope > [data-slug]"));
    const items = elements.map((element) => itemFromAttributes((name) => element.getAttribute(name)));

    const apply = (filter: FilterState, updateUrl: boolean) => {
      const matching = applyFilter(items, filter);
      const bySlug = new Map(elements.map((element, index) => [items[index]?.slug ?? "", element]));
      const shown = new Set(matching);
      // Matches in the chosen order, then the hidden rest in server order. Moving the nodes (rather than CSS
      // order) keeps reading and tab order the same as the visual order; skipped when nothing moves.
      const ordered = [
        ...matching.map((slug) => bySlug.get(slug)).filter((element): element is HTMLElement => !!element),
        ...elements.filter((element, index) => !shown.has(items[index]?.slug ?? "")),
      ];
      elements.forEach((element, index) => {
        element.hidden = !shown.has(items[index]?.slug ?? "");
      });
      if (ordered.some((element, index) => list.children[index] !== element)) list.append(...ordered);
      setVisible(matching.length);
      if (updateUrl) {
        const query = filterToQuery(filter);
        replaceQueryOnEntry(pathname, query);
      }
    };

    // Restore a shared URL: put its values in the form (dropping ones the form cannot show), then filter.
    const restored = new URLSearchParams(window.location.search);
    setFormValues(form, restored);
    // A link with filters set opens the folded filter panel (phones), so the active filters are in view.
    if ([...restored.keys()].some((key) => key !== "q"))
      form.querySelector("details")?.setAttribute("open", "");
    // No URL write on load: this effect runs before Next.js's router has taken over history (child effects run
    // first), and a replaceState then would drop the router's state and break the back button.
    apply(parseFilterQuery(formQuery(form)), false);
    form.dataset.enhanced = "true";
    form.querySelector<HTMLElement>("[data-submit]")?.setAttribute("hidden", "");

    const onChange = () => apply(parseFilterQuery(formQuery(form)), true);
    const onSubmit = (event: Event) => {
      event.preventDefault();
      onChange();
    };
    resetRef.current = () => {
      setFormValues(form, new URLSearchParams());
      onChange();
    };
    form.addEventListener("input", onChange);
    form.addEventListener("change", onChange);
    form.addEventListener("submit", onSubmit);
    return () => {
      form.removeEventListener("input", onChange);
      form.removeEventListener("change", onChange);
      form.removeEventListener("submit", onSubmit);
    };
  }, [formId, listId]);

  return (
    <div className="space-y-2">
      <p
        role="status"
        aria-live="polite"
        className="text-sm font-medium"
        data-testid="catalog-count"
        data-count={visible}
      >
        {visible === total ? `${total} models` : `${visible} of ${total} models match`}
      </p>
      {visible === 0 ? (
        <div
          className="border-line rounded-lg border border-dashed p-6 text-center"
          data-testid="catalog-empty"
        >
          <p className="font-medium">No model matches these filters.</p>
          <button
            type="button"
            onClick={() => resetRef.current()}
            className="text-link mt-2 text-sm font-medium hover:underline"
          >
            Clear all filters
          </button>
        </div>
      ) : null}
    </div>
  );
}
