import { getModel, getModelSlugs } from "@/lib/content/models";
import { modelDocument } from "@/lib/publish/model-data";

export const dynamic = "force-static";
export const dynamicParams = false;

// The segment is the file name, "<slug>.json", so the URL ends in .json like the index.
export function generateStaticParams() {
  return getModelSlugs().map((slug) => ({ file: `${slug}.json` }));
}

export async function GET(_request: Request, { params }: RouteContext<"/api/models/[file]">) {
  const { file } = await params;
  const model = file.endsWith(".json") ? getModel(file.slice(0, -".json".length)) : undefined;
  if (!model) return Response.json({ error: "not found" }, { status: 404 });
  return Response.json(modelDocument(model));
}
