// The public origin a build bakes into every absolute URL (canonicals, og:url, og:image, JSON-LD, sitemap, robots).
// Checked when next.config.mjs loads for a production build: a build without MODELFIT_SITE_URL warns loudly, and the
// static export (the build that gets deployed) refuses a localhost origin unless told it is a local export.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "0.0.0.0", "[::1]", "[::]"]);

/** Whether a URL's host only means something on the machine that built it. */
export function isLocalOrigin(url) {
  try {
    const host = new URL(url).hostname;
    return LOCAL_HOSTS.has(host) || host.endsWith(".localhost") || host.startsWith("127.");
  } catch {
    return false;
  }
}

/**
 * What to say about the origin of a build: `error` stops it, `warning` is printed.
 * @param {Record<string, string | undefined>} env
 * @returns {{ origin: string; error?: string; warning?: string }}
 */
export function checkBuildOrigin(env) {
  const raw = env.MODELFIT_SITE_URL ?? env.NEXT_PUBLIC_SITE_URL;
  const origin = raw ?? "http://localhost:3000";
  const staticExport = env.MODELFIT_EXPORT === "1";
  const localExportAllowed = env.MODELFIT_LOCAL_EXPORT === "1";
  if (raw !== undefined) {
    try {
      new URL(raw);
    } catch {
      return {
        origin,
        error: `MODELFIT_SITE_URL is not an absolute URL: ${JSON.stringify(raw.slice(0, 80))}`,
      };
    }
  }
  if (staticExport && isLocalOrigin(origin) && !localExportAllowed) {
    return {
      origin,
      error:
        `the static export would point every canonical URL, og:image and sitemap entry at ${origin}. ` +
        "Set MODELFIT_SITE_URL to the public origin (e.g. https://modelfit.example), or MODELFIT_LOCAL_EXPORT=1 " +
        "for an export that is only served on this machine.",
    };
  }
  if (raw === undefined) {
    return {
      origin,
      warning:
        `MODELFIT_SITE_URL is not set: canonical URLs, Open Graph tags, JSON-LD and the sitemap will say ${origin}. ` +
        "Set it to the origin the site is served from (scripts/serve.sh does).",
    };
  }
  return { origin };
}
