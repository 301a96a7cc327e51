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
  // One experimental block for both builds: a second `experimental` key below would replace this one, not merge.
  // inlineCss: the stylesheet goes into each page's <head> instead of a render-blocking request, one round trip less
  // before the first paint on a phone. Next.js also writes it twice into the RSC payload, which is why the stylesheet
  // is kept small (no typography plugin: app/globals.css). `npm run bench -- lighthouse`, 1 Dec 2026, applied
  // throttling, medians: model page LCP 1,658 ms with the stylesheet request and 1,086 ms inline (empty page 686 and
  // 742 ms); calculator 1,628 and 974 ms. Lantern's simulation charges the calculator's hydration to blocking time once
  // the page paints before it (TBT 263 → 517 ms there): see scripts/bench/lighthouse-compare.ts.
  experimental: {
    inlineCss: true,
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
