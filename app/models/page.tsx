import type { Metadata } from "next";
import { BreadcrumbJsonLd, JsonLdScript } from "next-seo";
import { CatalogFilterForm, CATALOG_FORM_ID } from "@/features/catalog/catalog-filter-form";
import { CatalogFilterIsland } from "@/features/catalog/catalog-filter-island";
import { CATALOG_LIST_ID, CatalogList } from "@/features/catalog/catalog-list";
import { filterOptions } from "@/features/catalog/items";
import { getModels } from "@/lib/content/models";
import { HEADLINE_FORMAT } from "@/lib/views/requirements";
import {
  breadcrumbJsonLd,
  modelsCollectionJsonLd,
  modelsIndexMetadata,
  sectionBreadcrumbs,
} from "@/lib/seo/index";

export function generateMetadata(): Metadata {
  return modelsIndexMetadata(getModels().length);
}

export default function ModelsIndexPage() {
  const models = getModels();
  return (
    <div className="space-y-6">
      <JsonLdScript data={modelsCollectionJsonLd(models)} scriptKey="models-jsonld" />
      <BreadcrumbJsonLd {...breadcrumbJsonLd(sectionBreadcrumbs("Models"))} scriptId="breadcrumb-jsonld" />
      <h1 className="text-3xl font-bold tracking-tight">All models</h1>
      <p className="text-slate-600 dark:text-slate-300">
        {models.length} open-weight models. Memory figures are for the {HEADLINE_FORMAT} GGUF format with
        llama.cpp, an f16 KV cache and an 8K context (or the model&apos;s maximum when shorter); &ldquo;fits
        in&rdquo; compares that total with the memory you pick.
      </p>
      <CatalogFilterForm options={filterOptions(models)} />
      <noscript>
        <p className="text-muted text-sm">
          Filtering and search need JavaScript; every model is listed below.
        </p>
      </noscript>
      <CatalogFilterIsland formId={CATALOG_FORM_ID} listId={CATALOG_LIST_ID} total={models.length} />
      <CatalogList models={models} />
    </div>
  );
}
