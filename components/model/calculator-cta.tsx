import type { CatalogModel } from "@/lib/content/catalog";
import { calculatorHref } from "@/lib/routes";
import { HEADLINE_FORMAT, headlineContext } from "@/lib/views/requirements";

export function CalculatorCta({ model }: { model: CatalogModel }) {
  const href = calculatorHref({ model: model.slug, quant: HEADLINE_FORMAT, context: headlineContext(model) });
  return (
    <section
      className="border-brand-500 bg-brand-50 rounded-lg border p-5 dark:bg-slate-900"
      aria-labelledby="calculator-cta"
    >
      <h2 id="calculator-cta" className="text-lg font-semibold">
        Find the right hardware for {model.name}
      </h2>
      <p className="text-secondary mt-1 text-sm">
        Pick your GPUs, context length, KV-cache type and engine, and get the memory breakdown and a launch
        command that fits.
      </p>
      <a
        href={href}
        data-testid="calculator-link"
        className="bg-brand-600 hover:bg-brand-700 mt-3 inline-block rounded-md px-4 py-2 font-medium text-white"
      >
        Open {model.name} in the calculator
      </a>
    </section>
  );
}
