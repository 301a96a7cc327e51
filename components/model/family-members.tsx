import type { CatalogModel } from "@/lib/content/catalog";
import { formatParameters } from "@/lib/format";
import { buildDay, familyMembers, formatReleaseMonth, isNewRelease } from "@/lib/views/freshness";
import { getModels } from "@/lib/content/models";
import { modelPath } from "@/lib/routes";

/** The model's whole family, newest release first, so an older page points at its successors. */
export function FamilyMembers({ model }: { model: CatalogModel }) {
  const members = familyMembers(model, getModels());
  if (members.length < 2) return null;
  const today = buildDay();
  return (
    <section aria-labelledby="family" className="space-y-3">
      <h2 id="family" className="text-xl font-semibold">
        The {model.family} family, newest first
      </h2>
      <ol className="divide-line-subtle divide-y text-sm" data-testid="family-members">
        {members.map((member) => (
          <li key={member.slug} data-slug={member.slug} className="flex flex-wrap gap-x-2 py-1.5">
            {member.slug === model.slug ? (
              <span className="font-medium" aria-current="page">
                {member.name} (this page)
              </span>
            ) : (
              <a href={modelPath(member.slug)} className="text-link font-medium hover:underline">
                {member.name}
              </a>
            )}
            <span className="text-muted">
              <time dateTime={member.releaseDate}>{formatReleaseMonth(member.releaseDate)}</time> ·{" "}
              {formatParameters(member.statedParameters.total)}
              {isNewRelease(member.releaseDate, today) ? " · New" : ""}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
