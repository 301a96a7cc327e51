import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { checkBuildOrigin } from "./lib/build-origin.mjs";
import { securityHeaders } from "./lib/security-headers.mjs";

// MODELFIT_EXPORT=1 produces a fully static site in out/ (any CDN or static server);
// without it, `next start` serves the same prerendered pages with security headers.
const staticExport = process.env.MODELFIT_EXPORT === "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  // One experimental block for both builds: a second `experimental` key below would replace this one, not merge (it
  // did: `inlineCss: true` here was silently off). inlineCss stays off on purpose: it writes the 54 KB stylesheet into
  // each page three times (a <style> and two copies in the RSC payload), and a model page scored lower with it than
  // with the cached stylesheet request (Lighthouse mobile, 1 Dec 2026: median 84 vs 93 over 3 runs each).
  experimental: {
    // Paths are case-sensitive, as on a static host: /models/<slug>.MD is not the Markdown twin.
    ...(staticExport ? {} : { caseSensitiveRoutes: true }),
  },
  ...(staticExport
    ? { output: "export", images: { unoptimized: true } }
    : {
        // headers() is not available with output: "export"; a static host sets its own (see README).
        async headers() {
          return [{ source: "/:path*", headers: securityHeaders }];
        },
        async rewrites() {
          return {
            beforeFiles: [],
            // The Markdown twin of a model page is prerendered as /models/<slug>/index.md; serve it at the shorter
            // /models/<slug>.md that llms.txt conventions use.
            afterFiles: [{ source: "/models/:slug.md", destination: "/models/:slug/index.md" }],
            // Any data URL that no route serves (an unknown slug, a typo) answers a JSON 404 for API clients, not the
            // HTML page. Fallback rewrites run only after every page and prerendered dynamic route has been tried.
            fallback: [{ source: "/api/:path*", destination: "/api/not-found.json" }],
          };
        },
      }),
};

export default function config(phase) {
  if (phase === PHASE_PRODUCTION_BUILD) {
    const origin = checkBuildOrigin(process.env);
    if (origin.error) throw new Error(`modelfit: ${origin.error}`);
    if (origin.warning) {
      const line = "!".repeat(100);
      console.warn(`\n${line}\n!! modelfit: ${origin.warning}\n${line}\n`);
    }
  }
  return nextConfig;
}
