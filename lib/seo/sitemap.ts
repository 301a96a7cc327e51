// The sitemap and robots rules, with absolute URLs from lib/site.
import type { MetadataRoute } from "next";
import { gpuPath, modelPath } from "@/lib/routes";
import { absoluteUrl } from "@/lib/site";

/** Every page that is not generated from a content entry. */
export const STATIC_ROUTES = [
  "/",
  "/models",
  "/gpus",
  "/calculator",
  "/compare",
  "/methodology",
  "/data",
] as const;

export interface SitemapInput {
  models: readonly { slug: string; lastModified: string }[];
  gpus: readonly { slug: string }[];
  /** When content/gpus.json last changed. */
  gpusLastModified: string;
  /** When any content last changed: the date of index and tool pages. */
  contentLastModified: string;
}

type SitemapEntry = MetadataRoute.Sitemap[number];

function entry(
  path: string,
  lastModified: string,
  changeFrequency: SitemapEntry["changeFrequency"],
  priority: number,
): SitemapEntry {
  return { url: absoluteUrl(path), lastModified, changeFrequency, priority };
}

export function sitemapEntries(input: SitemapInput): MetadataRoute.Sitemap {
  const entries: MetadataRoute.Sitemap = [
    ...STATIC_ROUTES.map((route) =>
      entry(
        route,
        route === "/gpus" ? input.gpusLastModified : input.contentLastModified,
        "weekly",
        route === "/" ? 1 : 0.8,
      ),
    ),
    ...input.models.map((model) => entry(modelPath(model.slug), model.lastModified, "monthly", 0.7)),
    ...input.gpus.map((gpu) => entry(gpuPath(gpu.slug), input.gpusLastModified, "monthly", 0.5)),
  ];
  const seen = new Set<string>();
  for (const { url } of entries) {
    if (seen.has(url)) throw new Error(`sitemap: ${url} is listed twice`);
    seen.add(url);
  }
  return entries;
}

export function robotsRules(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/" }],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
