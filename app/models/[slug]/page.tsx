import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { notFound } from "next/navigation";
import { DatasetJsonLd } from "next-seo";
import { CompareLink } from "@/features/compare/compare-link";
import { ModelEvidence } from "@/components/evidence/model-evidence";
import { CalculatorCta } from "@/components/model/calculator-cta";
import { ModelFaq } from "@/components/model/faq";
import { FamilyMembers } from "@/components/model/family-members";
import { KeyFigures } from "@/components/model/key-figures";
import { RunAnswerBox } from "@/components/model/run-answer";
import { RelatedModels } from "@/components/model/related-models";
import { StaticHtml } from "@/components/model/static-html";
import { Sources } from "@/components/model/sources";
import { VisionTower } from "@/components/model/vision-tower";
import { ModelBody } from "@/components/mdx";
import { getModel, getModelSlugs } from "@/lib/content/models";
import { modelBreadcrumbs, modelDatasetJsonLd, modelMetadata } from "@/lib/seo/index";

export const dynamicParams = false;

export function generateStaticParams() {
  return getModelSlugs().map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: PageProps<"/models/[slug]">): Promise<Metadata> {
  const model = getModel((await params).slug);
  if (!model) return {};
  return modelMetadata(model);
}

export default async function ModelPage({ params }: PageProps<"/models/[slug]">) {
  const model = getModel((await params).slug);
  if (!model) notFound();
  return (
    <article className="space-y-6 sm:space-y-8" data-model={model.slug}>
      <DatasetJsonLd {...modelDatasetJsonLd(model)} scriptId="dataset-jsonld" />
      <Breadcrumbs steps={modelBreadcrumbs(model)} />
      {/* Everything but the breadcrumbs, the evidence and the compare link is static HTML that React does not
          hydrate (components/model/static-html.tsx): its links are plain <a>, a click loads the prerendered page. */}
      <StaticHtml className="space-y-6 sm:space-y-8">
        <header className="space-y-3">
          <p className="text-link text-sm font-medium">{`${model.developer} · ${model.family}`}</p>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{model.name}</h1>
          <p className="text-secondary max-w-3xl text-lg">{model.summary}</p>
        </header>
        <RunAnswerBox model={model} />
        <KeyFigures model={model} />
        <div className="prose">
          <ModelBody model={model} />
        </div>
        <VisionTower model={model} />
      </StaticHtml>
      <ModelEvidence model={model} />
      <StaticHtml className="space-y-6 sm:space-y-8">
        <ModelFaq model={model} />
        <CalculatorCta model={model} />
      </StaticHtml>
      <CompareLink model={model} />
      <StaticHtml className="space-y-6 sm:space-y-8">
        <FamilyMembers model={model} />
        <RelatedModels model={model} />
        <Sources model={model} />
      </StaticHtml>
    </article>
  );
}
