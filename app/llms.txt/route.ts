// https://llmstxt.org — a Markdown index of the site for language models and agents, prerendered at build time.
import { getModels } from "@/lib/content/models";
import { llmsTxt } from "@/lib/publish/model-markdown";

export const dynamic = "force-static";

export function GET() {
  return new Response(llmsTxt(getModels()), {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
