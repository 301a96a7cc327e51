// The plain-Markdown twin of /models/<slug>, prerendered at build time as /models/<slug>/index.md.
// (Next.js cannot put a ".md" suffix on the dynamic [slug] segment that already holds the HTML page, and a sibling
// [file] segment would clash with it; a fixed "index.md" child keeps both static, also under `output: export`,
// where the file is written as out/models/<slug>/index.md and any static host serves it as Markdown.)
import { getModel, getModelSlugs } from "@/lib/content/models";
import { modelMarkdown } from "@/lib/publish/model-markdown";

export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return getModelSlugs().map((slug) => ({ slug }));
}

export async function GET(_request: Request, { params }: RouteContext<"/models/[slug]/index.md">) {
  const model = getModel((await params).slug);
  if (!model)
    return new Response("Not found\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return new Response(modelMarkdown(model), {
    headers: { "Content-Type": "text/markdown; charset=utf-8" },
  });
}
