import { FAQJsonLd } from "next-seo";
import type { CatalogModel } from "@/lib/content/catalog";
import { modelFaq } from "@/lib/seo/index";

/** Common questions answered with the page's computed figures; the same text is the FAQPage JSON-LD. */
export function ModelFaq({ model }: { model: CatalogModel }) {
  const entries = modelFaq(model);
  return (
    <section aria-labelledby="faq" className="space-y-4" data-testid="faq">
      <h2 id="faq" className="text-xl font-semibold">
        Frequently asked questions
      </h2>
      <dl className="space-y-4">
        {entries.map((entry) => (
          <div key={entry.question}>
            <dt className="font-medium">{entry.question}</dt>
            <dd className="text-secondary mt-1">{entry.answer}</dd>
          </div>
        ))}
      </dl>
      {/* Since 2023 Google shows FAQ rich results only for well-known government and health sites, so this markup
          earns no rich result here. It stays because it costs nothing: the same entries as the visible list, no
          client JavaScript, and other consumers of structured data may still read it. */}
      <FAQJsonLd questions={entries} scriptId="faq-jsonld" />
    </section>
  );
}
