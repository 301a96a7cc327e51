import type { CatalogModel } from "@/lib/content/catalog";
import { formatDate, formatParameters, formatTokens } from "@/lib/format";

const MODALITY_LABELS: Record<string, string> = {
  text: "Text",
  "text+image": "Text and images",
  "text+image+audio": "Text, images and audio",
};

export function KeyFigures({ model }: { model: CatalogModel }) {
  const figures = [
    {
      label: "Parameters",
      value: model.statedParameters.nominal
        ? `${formatParameters(model.parameters.total)} (“${formatParameters(model.statedParameters.total)}”)`
        : formatParameters(model.statedParameters.total),
    },
    ...(model.isMixtureOfExperts
      ? [
          {
            label: "Active per token",
            value: formatParameters(model.statedParameters.active ?? model.parameters.active),
          },
        ]
      : []),
    {
      label: "Max context",
      value:
        model.contextLength > model.architecture.maxPositionEmbeddings
          ? `${formatTokens(model.contextLength)} (${formatTokens(model.architecture.maxPositionEmbeddings)} native)`
          : formatTokens(model.contextLength),
    },
    { label: "Architecture", value: model.isMixtureOfExperts ? "Mixture of experts" : "Dense" },
    { label: "Released", value: formatDate(model.releaseDate) },
    { label: "Modality", value: MODALITY_LABELS[model.modality] ?? model.modality },
    { label: "License", value: model.license },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="key-figures">
      {figures.map((figure) => (
        <div key={figure.label} className="border-line-subtle rounded-lg border p-3">
          <dt className="text-muted text-xs uppercase">{figure.label}</dt>
          <dd className="mt-1 text-lg font-semibold">{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}
