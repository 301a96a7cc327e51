// The share image of a model page, rendered once per model at build time.
import { formatGib, formatParameters, formatTokens } from "@/lib/format";
import { getModel, getModelSlugs } from "@/lib/content/models";
import { shareCardResponse } from "@/lib/publish/og-image";
import { estimateFor, HEADLINE_FORMAT, headlineContext } from "@/lib/views/requirements";
import { OG_IMAGE_SIZE } from "@/lib/seo/index";

export const alt = "The model's name, parameter count, context length and the GPU memory it needs at Q4_K_M";
export const size = OG_IMAGE_SIZE;
export const contentType = "image/png";
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return getModelSlugs().map((slug) => ({ slug }));
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const model = getModel((await params).slug);
  if (!model) throw new Error("opengraph-image: unknown model");
  const contextTokens = headlineContext(model);
  const headline = estimateFor(model, HEADLINE_FORMAT, contextTokens);
  const bf16 = estimateFor(model, "BF16", contextTokens);
  return shareCardResponse({
    eyebrow: `${model.developer} · hardware requirements`,
    title: model.name,
    headline: {
      value: formatGib(headline.bytes.total),
      caption: `at ${HEADLINE_FORMAT}, ${formatTokens(contextTokens)} context`,
    },
    figures: [
      { label: "Parameters", value: formatParameters(model.statedParameters.total) },
      ...(model.isMixtureOfExperts
        ? [
            {
              label: "Active",
              value: formatParameters(model.statedParameters.active ?? model.parameters.active),
            },
          ]
        : []),
      { label: "Max context", value: formatTokens(model.contextLength) },
      { label: "BF16", value: formatGib(bf16.bytes.total) },
    ],
  });
}
