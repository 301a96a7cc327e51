// The site-wide share image (home and every page without its own), rendered at build time.
import { getGpus } from "@/lib/content/gpus";
import { getModels } from "@/lib/content/models";
import { shareCardResponse } from "@/lib/publish/og-image";
import { OG_IMAGE_SIZE } from "@/lib/seo/index";
import { site } from "@/lib/site";

export const alt = `${site.name}: ${site.tagline}`;
export const size = OG_IMAGE_SIZE;
export const contentType = "image/png";
export const dynamic = "force-static";

export default async function Image() {
  const models = getModels();
  const developers = new Set(models.map((model) => model.developer));
  return shareCardResponse({
    eyebrow: "Open-weight LLMs",
    title: "How much VRAM does it need?",
    headline: { value: `${models.length} models`, caption: "every quantization, every context length" },
    figures: [
      { label: "Developers", value: String(developers.size) },
      { label: "GPUs", value: String(getGpus().length) },
      { label: "Computed from", value: "config.json" },
    ],
  });
}
