import Link from "next/link";
import type { CatalogModel } from "@/lib/content/catalog";
import { compareHref } from "@/lib/routes";
import { getModels } from "@/lib/content/models";
import { relatedModels } from "@/lib/views/related";

/** "Compare with…" on a model page: the compare picker preloaded with this model, plus its closest relatives. */
export function CompareLink({ model }: { model: CatalogModel }) {
  const related = relatedModels(model, getModels(), 3);
  return (
    <p className="text-sm" data-testid="compare-link">
      <Link
        href={compareHref([model.slug])}
        prefetch={false}
        className="text-link font-medium hover:underline"
      >
        Compare {model.name} with…
      </Link>
      {related.length > 0 ? (
        <>
          {" "}
          <span className="text-muted">for example</span>{" "}
          {related.map(({ model: other }, index) => (
            <span key={other.slug}>
              {index > 0 ? ", " : ""}
              <Link
                href={compareHref([model.slug, other.slug])}
                prefetch={false}
                className="text-link hover:underline"
              >
                {other.name}
              </Link>
            </span>
          ))}
        </>
      ) : null}
    </p>
  );
}
