/** @type {import('next').NextConfig} */

// MODELFIT_EXPORT=1 produces a fully static site in out/ (any CDN or static server);
// without it, `next start` serves the same prerendered pages with security headers.
const staticExport = process.env.MODELFIT_EXPORT === "1";
const dev = process.env.NODE_ENV === "development";

// Content-Security-Policy for `next start`. Every page is prerendered at build time, and Next.js inlines each page's
// React Server Components payload as inline <script> tags (self.__next_f.push(...)). A nonce needs a fresh value per
// response, which forces dynamic rendering of every page; hashes would have to be computed per page after the build,
// but headers() is fixed when the build starts. So scripts are limited to our own origin plus inline, and everything
// that makes inline scripts dangerous is closed: no eval, no plugins, no <base> hijack, no framing, no foreign
// connections or form targets. Reflected input is never rendered as markup (see lib/calculator-state.ts and the
// fuzz tests in lib/fuzz/).
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? " ws: wss:" : ""}`,
  "manifest-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    // Only features Chromium recognises: an unknown one is logged as a console error on every page.
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // The stylesheet (~10 KB gzip) goes inline into each page's <head>: no render-blocking request before the first
    // paint. Measured with `npm run bench -- lighthouse` (README, Speed).
    inlineCss: true,
  },
  ...(staticExport
    ? { output: "export", images: { unoptimized: true } }
    : {
        // headers() is not available with output: "export"; a static host sets its own (see README).
        async headers() {
          return [{ source: "/:path*", headers: securityHeaders }];
        },
        // The Markdown twin of a model page is prerendered as /models/<slug>/index.md; serve it at the shorter
        // /models/<slug>.md that llms.txt conventions use.
        async rewrites() {
          return [{ source: "/models/:slug.md", destination: "/models/:slug/index.md" }];
        },
      }),
};

export default nextConfig;
