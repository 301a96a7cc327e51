import type { Metadata } from "next";
import Link from "next/link";
import { JsonLdScript } from "next-seo";
import { ModelList } from "@/components/model/model-list";
import { byReleaseNewestFirst } from "@/lib/views/freshness";
import { getModels } from "@/lib/content/models";
import { homeMetadata, websiteJsonLd } from "@/lib/seo/index";
import { site } from "@/lib/site";

export function generateMetadata(): Metadata {
  return homeMetadata(getModels().length);
}

export default function HomePage() {
  const models = getModels();
  const newest = [...models].sort(byReleaseNewestFirst).slice(0, 12);
  return (
    <div className="space-y-10">
      <JsonLdScript data={websiteJsonLd()} scriptKey="website-jsonld" />
      <section className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{site.tagline}.</h1>
        <p className="max-w-3xl text-lg text-slate-600 dark:text-slate-300">
          {models.length} open-weight language models with their real architecture, the memory each one needs
          at every quantization and context length, and the GPUs that fit it. Every figure is computed from
          the model&apos;s own config.json by one estimator, checked against real GGUF files and engine logs.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link
            href="/models"
            className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 font-medium text-white"
          >
            Browse all {models.length} models
          </Link>
          <Link
            href="/calculator"
            className="hover:border-brand-500 border-line rounded-md border px-4 py-2 font-medium"
          >
            Open the calculator
          </Link>
        </div>
      </section>
      <section aria-labelledby="newest" className="space-y-4">
        <h2 id="newest" className="text-xl font-semibold">
          Newest releases
        </h2>
        <ModelList models={newest} />
        <p>
          <Link href="/models?sort=release-desc" className="text-link font-medium hover:underline">
            See the full catalog, newest first →
          </Link>
        </p>
      </section>
    </div>
  );
}
