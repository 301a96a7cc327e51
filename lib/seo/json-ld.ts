// JSON-LD props for next-seo's components and schema-dts objects: breadcrumbs, the model page's Dataset, the site and
// the model collection. Pure builders with absolute URLs.
import type { BreadcrumbJsonLdProps, DatasetJsonLdProps } from "next-seo";
import type { CollectionPage, WebSite, WithContext } from "schema-dts";
import type { CatalogModel } from "@/lib/content/catalog";
import type { Gpu } from "@/lib/content/gpus";
import { modelMarkdownPath, modelPath } from "@/lib/routes";
import { absoluteUrl, site } from "@/lib/site";
import { formatLabel, TABLE_PROFILE, tableFormats } from "@/lib/views/requirements";
import { modelDescription } from "./metadata";

export interface BreadcrumbStep {
  name: string;
  /** Site-relative path; omitted for the current page. */
  path?: string;
}

/** Props for next-seo's <BreadcrumbJsonLd>: absolute URLs, the last step (the page itself) without a link. */
export function breadcrumbJsonLd(
  steps: readonly BreadcrumbStep[],
): Extract<BreadcrumbJsonLdProps, { items: unknown }> {
  return {
    items: steps.map((step) =>
      step.path === undefined ? { name: step.name } : { name: step.name, item: absoluteUrl(step.path) },
    ),
  };
}

export function modelBreadcrumbs(model: CatalogModel): BreadcrumbStep[] {
  return [{ name: "Home", path: "/" }, { name: "Models", path: "/models" }, { name: model.name }];
}

/** Home › <section>, for index and tool pages (/models, /gpus, /compare, /calculator, /methodology, /data). */
export function sectionBreadcrumbs(name: string): BreadcrumbStep[] {
  return [{ name: "Home", path: "/" }, { name }];
}

export function gpuBreadcrumbs(gpu: Pick<Gpu, "name">): BreadcrumbStep[] {
  return [{ name: "Home", path: "/" }, { name: "GPUs", path: "/gpus" }, { name: gpu.name }];
}

/**
 * The model page as a schema.org Dataset: the page publishes a table of computed memory requirements (variables:
 * format, context length, memory) with a machine-readable Markdown distribution. SoftwareApplication and Product would
 * need offers and ratings that do not exist for open weights; Dataset's required fields (name, description) are real.
 */
export function modelDatasetJsonLd(model: CatalogModel): DatasetJsonLdProps {
  const url = absoluteUrl(modelPath(model.slug));
  return {
    name: `${model.name} hardware requirements`,
    description: `${modelDescription(model)} Computed from the model's config.json by modelfit's estimator for the ${TABLE_PROFILE.engine} profile (${TABLE_PROFILE.kvCacheType} KV cache, ${TABLE_PROFILE.sequences} sequence, ${TABLE_PROFILE.ubatchTokens}-token micro-batch).`,
    url,
    alternateName: model.aliases.length > 0 ? model.aliases : undefined,
    keywords: [
      ...new Set([
        model.name,
        model.family,
        model.developer,
        "VRAM",
        "GPU memory",
        "GGUF",
        "quantization",
        ...model.tags,
      ]),
    ],
    isAccessibleForFree: true,
    creator: { "@type": "Organization", name: site.name, url: absoluteUrl("/") },
    includedInDataCatalog: { name: site.name, url: absoluteUrl("/models") },
    distribution: [
      {
        contentUrl: absoluteUrl(modelMarkdownPath(model.slug)),
        encodingFormat: "text/markdown",
        description: `Specs, requirements table and GPU fit of ${model.name} as Markdown`,
      },
    ],
    citation: model.sources.map((source) => ({
      "@type": "CreativeWork" as const,
      name: source.label,
      url: source.url,
    })),
    measurementTechnique: `Estimated by modelfit's memory model from the published config.json (${TABLE_PROFILE.engine})`,
    // The model's own licence: what governs the weights the figures describe.
    license: model.licenseUrl,
    variableMeasured: measuredVariables(model) as DatasetJsonLdProps["variableMeasured"],
  };
}

/**
 * schema.org PropertyValue with the unit in `unitText` (not in `value`). next-seo's Dataset type lists only name,
 * value and propertyID, but its builder passes every key through.
 */
interface MeasuredVariable {
  "@type": "PropertyValue";
  name: string;
  description?: string;
  unitText?: string;
}

function measuredVariables(model: CatalogModel): MeasuredVariable[] {
  return [
    {
      "@type": "PropertyValue",
      name: "Weight format",
      description: tableFormats(model).map(formatLabel).join(", "),
    },
    { "@type": "PropertyValue", name: "Context length", unitText: "tokens" },
    { "@type": "PropertyValue", name: "Total GPU memory", unitText: "GiB" },
  ];
}

export function websiteJsonLd(): WithContext<WebSite> {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.name,
    url: absoluteUrl("/"),
    description: site.description,
  };
}

export function modelsCollectionJsonLd(models: readonly CatalogModel[]): WithContext<CollectionPage> {
  return {
    "@context": "https://schema.org",
    "@type": "CollectionPage",
    name: "All open-weight models",
    url: absoluteUrl("/models"),
    mainEntity: {
      "@type": "ItemList",
      numberOfItems: models.length,
      itemListElement: models.map((model, index) => ({
        "@type": "ListItem",
        position: index + 1,
        name: model.name,
        url: absoluteUrl(modelPath(model.slug)),
      })),
    },
  };
}
