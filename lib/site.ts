// One place for what the site calls itself and where it lives.
// MODELFIT_SITE_URL sets the public origin used in canonical URLs, Open Graph tags and the sitemap.
const DEFAULT_SITE_URL = "http://localhost:3000";

function siteUrlFromEnv(): string {
  const raw = process.env.MODELFIT_SITE_URL ?? process.env.NEXT_PUBLIC_SITE_URL ?? DEFAULT_SITE_URL;
  try {
    const url = new URL(raw);
    return url.origin;
  } catch {
    throw new Error(`MODELFIT_SITE_URL is not a valid absolute URL: ${JSON.stringify(raw)}`);
  }
}

export const site = {
  name: "modelfit",
  tagline: "What an open-weight language model is, and what hardware it needs",
  description:
    "Specs, memory requirements and GPU fit for open-weight language models, computed from each model's config.json by an estimator validated against real GGUF files and engine logs.",
  url: siteUrlFromEnv(),
  repositoryUrl: "https://github.com/modelfit/modelfit",
} as const;

export function absoluteUrl(path: string): string {
  return new URL(path, site.url).toString();
}
