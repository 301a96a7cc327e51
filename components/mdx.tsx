import type { MDXComponents } from "mdx/types";
import { getMDXComponent } from "next-contentlayer2/hooks";
import type { ReactNode } from "react";
import type { CatalogModel } from "@/lib/content/catalog";
import { GpuFit } from "@/components/model/gpu-fit";
import { RequirementsTable } from "@/components/model/requirements-table";
import { SpecSheet } from "@/components/model/spec-sheet";

type MdxBody = (props: { components?: MDXComponents }) => ReactNode;

// Compiled once per document for the whole build, not once per render.
const compiledBodies = new Map<string, MdxBody>();

function compiledBody(model: CatalogModel): MdxBody {
  let body = compiledBodies.get(model.slug);
  if (!body) {
    body = getMDXComponent(model.bodyCode) as MdxBody;
    compiledBodies.set(model.slug, body);
  }
  return body;
}

/** The MDX component map, bound to the page's model so `<SpecSheet />` in prose needs no props. */
function modelComponents(model: CatalogModel) {
  return {
    SpecSheet: () => <SpecSheet model={model} />,
    RequirementsTable: () => <RequirementsTable model={model} />,
    GpuFit: () => <GpuFit model={model} />,
  } satisfies MDXComponents;
}

export function ModelBody({ model }: { model: CatalogModel }) {
  const components = modelComponents(model);
  return compiledBody(model)({ components });
}
