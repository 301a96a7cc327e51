import type { CatalogModel } from "@/lib/content/catalog";

export function Sources({ model }: { model: CatalogModel }) {
  return (
    <section aria-labelledby="sources" className="space-y-2">
      <h2 id="sources" className="text-xl font-semibold">
        Sources
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="sources">
        {model.sources.map((source) => (
          <li key={source.url}>
            <a href={source.url} className="text-link hover:underline" rel="noopener">
              {source.label}
            </a>
          </li>
        ))}
        <li>
          <a href={model.licenseUrl} className="text-link hover:underline" rel="noopener">
            License: {model.license}
          </a>
        </li>
      </ul>
    </section>
  );
}
