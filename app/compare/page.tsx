import type { Metadata } from "next";
import Link from "next/link";
import { BreadcrumbJsonLd } from "next-seo";
import { CompareIsland } from "@/features/compare/compare-island";
import { COMPARE_FORM_ID, ComparePicker } from "@/features/compare/compare-picker";
import { COMPARE_CONTEXTS, COMPARE_FORMATS, compareEntries } from "@/features/compare/data";
import { MAX_COMPARED } from "@/features/compare/selection";
import { getModels } from "@/lib/content/models";
import { formatLabel } from "@/lib/views/requirements";
import { breadcrumbJsonLd, sectionBreadcrumbs, toolPageMetadata } from "@/lib/seo/index";

export const metadata: Metadata = toolPageMetadata("compare");

// Static page: the picker is plain HTML; the island reads ?models=a,b,c and renders the table from figures that
// lib/estimator computed at build time for every catalog model (a few kB per model).
export default function ComparePage() {
  const models = getModels();
  return (
    <div className="space-y-6">
      <BreadcrumbJsonLd {...breadcrumbJsonLd(sectionBreadcrumbs("Compare"))} scriptId="breadcrumb-jsonld" />
      <h1 className="text-3xl font-bold tracking-tight">Compare models</h1>
      <p className="max-w-3xl text-slate-600 dark:text-slate-300">
        Up to {MAX_COMPARED} models side by side. Memory is the total for llama.cpp with an f16 KV cache, one
        sequence and a 512-token micro-batch — the same profile as every model page&apos;s requirements table
        (see the{" "}
        <Link href="/methodology" className="underline">
          methodology
        </Link>
        ).
      </p>
      <ComparePicker models={models.map((model) => ({ slug: model.slug, name: model.name }))} />
      <noscript>
        <p className="text-muted text-sm">
          The side-by-side table needs JavaScript. Each model&apos;s figures are also on its{" "}
          <Link href="/models">page</Link> and in the <Link href="/data">open data</Link>.
        </p>
      </noscript>
      <CompareIsland
        formId={COMPARE_FORM_ID}
        entries={compareEntries(models)}
        formats={COMPARE_FORMATS.map((format) => ({ id: format, label: formatLabel(format) }))}
        contexts={[...COMPARE_CONTEXTS]}
      />
    </div>
  );
}
