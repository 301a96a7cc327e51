// Security headers for `next start`, shared by next.config.mjs (every routed response) and instrumentation.ts (the
// few requests answered before Next.js routes them). Plain .mjs so next.config.mjs can import it without a build.
const dev = process.env.NODE_ENV === "development";

// Content-Security-Policy for `next start`. Every page is prerendered at build time, and Next.js inlines each page's
// React Server Components payload as inline <script> tags (self.__next_f.push(...)). A nonce needs a fresh value per
// response, which forces dynamic rendering of every page; hashes would have to be computed per page after the build,
// but headers() is fixed when the build starts. So scripts are limited to our own origin plus inline, and everything
// that makes inline scripts dangerous is closed: no eval, no plugins, no <base> hijack, no framing, no foreign
// connections or form targets. Reflected input is never rendered as markup (see features/calculator/state.ts and the
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

/** Headers for every response of `next start` (next.config.mjs) and for the responses instrumentation.ts writes. */
export const securityHeaders = [
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
