/** @type {import('next').NextConfig} */

// MODELFIT_EXPORT=1 produces a fully static site in out/ (any CDN or static server);
// without it, `next start` serves the same prerendered pages with security headers.
const staticExport = process.env.MODELFIT_EXPORT === "1";

const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  ...(staticExport ? { output: "export", images: { unoptimized: true } } : {}),
};

export default nextConfig;
