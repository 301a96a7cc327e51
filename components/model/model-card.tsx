import Link from "next/link";
import type { CatalogModel } from "@/lib/content/catalog";
import { formatGib, formatParameters, formatTokens } from "@/lib/format";
import { buildDay, formatReleaseMonth, isNewRelease } from "@/lib/views/freshness";
import { estimateFor, HEADLINE_FORMAT, headlineContext } from "@/lib/views/requirements";
import { cardRunsOn } from "@/lib/views/run-answer";
import { modelPath } from "@/lib/routes";

export const MODEL_CARD_CLASSES = "hover:border-brand-500 rounded-lg border border-line-subtle p-4";

/** One model in a list: name, shape, and its memory at the headline format and context. */
export function ModelCard({ model }: { model: CatalogModel }) {
  const contextTokens = headlineContext(model);
  const totalBytes = estimateFor(model, HEADLINE_FORMAT, contextTokens).bytes.total;
  return (
    <>
      <Link href={modelPath(model.slug)} className="text-link font-semibold hover:underline">
        {model.name}
      </Link>
      {isNewRelease(model.releaseDate, buildDay()) ? (
        <span className="bg-brand-600 ml-2 rounded px-1.5 py-0.5 align-middle text-xs font-semibold text-white">
          New
        </span>
      ) : null}
      <p className="text-muted mt-1 text-sm">
        {model.developer} · {model.isMixtureOfExperts ? "MoE" : "Dense"} ·{" "}
        {formatParameters(model.statedParameters.total)}
        {model.isMixtureOfExperts && model.statedParameters.active
          ? ` (${formatParameters(model.statedParameters.active)} active)`
          : ""}{" "}
        · {formatTokens(model.contextLength)} context ·{" "}
        <time dateTime={model.releaseDate}>{formatReleaseMonth(model.releaseDate)}</time>
      </p>
      <p className="mt-2 text-sm">
        <span className="font-medium">{formatGib(totalBytes)}</span>{" "}
        <span className="text-muted">
          at {HEADLINE_FORMAT}, {formatTokens(contextTokens)} context
        </span>
      </p>
      <p className="text-muted mt-1 text-sm" data-testid="card-runs-on">
        {cardRunsOn(model)}
      </p>
    </>
  );
}
