import type { MetadataRoute } from "next";
import { lastModified, latest } from "@/lib/content/content-dates";
import { getGpus } from "@/lib/content/gpus";
import { getModels } from "@/lib/content/models";
import { sitemapEntries } from "@/lib/seo/index";

export const dynamic = "force-static";

export default function sitemap(): MetadataRoute.Sitemap {
  const models = getModels().map((model) => ({
    slug: model.slug,
    lastModified: lastModified(model.sourceFilePath, model.releaseDate),
  }));
  const gpus = getGpus();
  const gpusLastModified = lastModified(
    "content/gpus.json",
    latest(models.map((model) => model.lastModified)),
  );
  return sitemapEntries({
    models,
    gpus,
    gpusLastModified,
    contentLastModified: latest([gpusLastModified, ...models.map((model) => model.lastModified)]),
  });
}
