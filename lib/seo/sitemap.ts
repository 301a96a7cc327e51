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

export function sitemapEntries(input: SitemapInput): MetadataRoute.Sitemap {
  const entries: MetadataRoute.Sitemap = [];
  for (const route of STATIC_ROUTES) {
    entries.push({
      url: absoluteUrl(route),
      lastModified: route === "/gpus" ? input.gpusLastModified : input.contentLastModified,
      changeFrequency: "weekly",
      priority: route === "/" ? 1 : 0.8,
    });
  }
  for (const model of input.models) {
    entries.push({
      url: absoluteUrl(modelPath(model.slug)),
      lastModified: model.lastModified,
      changeFrequency: "monthly",
      priority: 0.7,
    });
  }
  for (const gpu of input.gpus) {
    entries.push({
      url: absoluteUrl(gpuPath(gpu.slug)),
      lastModified: input.gpusLastModified,
      changeFrequency: "monthly",
      priority: 0.5,
    });
  }
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.url)) throw new Error(`sitemap: ${entry.url} is listed twice`);
    seen.add(entry.url);
  }
  return entries;
}

export function robotsRules(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/" }],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
