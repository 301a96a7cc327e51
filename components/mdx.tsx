import type { MDXComponents } from "mdx/types";
import { getMDXComponent } from "next-contentlayer2/hooks";
import type { CatalogModel } from "@/lib/catalog";
import { GpuFit } from "@/components/model/gpu-fit";
import { RequirementsTable } from "@/components/model/requirements-table";
import { SpecSheet } from "@/components/model/spec-sheet";

/** The MDX component map, bound to the page's model so `<SpecSheet />` in prose needs no props. */
function modelComponents(model: CatalogModel) {
  return {
    SpecSheet: () => <SpecSheet model={model} />,
    RequirementsTable: () => <RequirementsTable model={model} />,
    GpuFit: () => <GpuFit model={model} />,
  } satisfies MDXComponents;
}

export function ModelBody({ model }: { model: CatalogModel }) {
  const Body = getMDXComponent(model.bodyCode);
  return <Body components={modelComponents(model)} />;
}
