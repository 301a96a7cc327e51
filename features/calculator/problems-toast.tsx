// The settings a shared link carried that the calculator could not use, each named in plain text.
import type { StateProblem } from "@/features/calculator/state";

export function ProblemsToast({ problems, onDismiss }: { problems: StateProblem[]; onDismiss: () => void }) {
  return (
    // Fixed position: the message appears after hydration without moving the page.
    <div
      role="alert"
      data-testid="state-problems"
      className="fixed inset-x-4 bottom-4 z-40 mx-auto max-w-2xl rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950 shadow-lg dark:bg-amber-950 dark:text-amber-50"
    >
      <p className="font-semibold">Some settings in the link were ignored:</p>
      <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5">
        {problems.map((p, index) => (
          <li key={index}>
            <code>{p.param}</code> = “{p.value}” {p.message}.
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={onDismiss}
        className="mt-2 rounded-md border border-amber-500 px-3 py-1 font-medium hover:bg-amber-100 dark:hover:bg-amber-900"
      >
        Dismiss
      </button>
    </div>
  );
}
