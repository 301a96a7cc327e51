// Page weight from a production build: for each page type, the HTML bytes and the JavaScript (and CSS) a browser
// downloads, gzip-compressed as a server would send them. Read from the prerendered HTML in .next/server/app: every
// <script src> and stylesheet <link> is looked up in .next/static. The framework floor is what an empty App Router
// page costs with the same Next.js and React: measured on a tiny app built beside ours (scripts/bench/floor-app).
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync,
} from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { BENCH_TMP, PROJECT_ROOT, buildSite, makeSiteCopy } from "../lib/site-copy";
import { waitForOtherBuilds } from "../lib/proc";

export interface PageWeight {
  label: string;
  route: string;
  found: boolean;
  htmlBytes: number;
  htmlGzip: number;
  scripts: string[];
  jsGzip: number;
  jsRaw: number;
  cssGzip: number;
}

export const PAGE_TYPES: readonly { label: string; route: string | ((dir: string) => string | null) }[] = [
  { label: "home", route: "/" },
  { label: "/models", route: "/models" },
  { label: "model page", route: "/models/deepseek-r1" },
  { label: "/calculator", route: "/calculator" },
  { label: "/gpus", route: "/gpus" },
  { label: "GPU page", route: (dir) => firstHtml(path.join(dir, ".next", "server", "app", "gpus"), "/gpus") },
  { label: "/compare", route: "/compare" },
  { label: "/methodology", route: "/methodology" },
];

function firstHtml(folder: string, prefix: string): string | null {
  if (!existsSync(folder)) return null;
  const file = readdirSync(folder)
    .filter((name) => name.endsWith(".html"))
    .sort()[0];
  return file ? `${prefix}/${file.replace(/\.html$/, "")}` : null;
}

function htmlFile(buildDir: string, route: string): string {
  const app = path.join(buildDir, ".next", "server", "app");
  return route === "/" ? path.join(app, "index.html") : path.join(app, `${route.slice(1)}.html`);
}

const gzipCache = new Map<string, { raw: number; gzip: number }>();
export function gzipSize(file: string): { raw: number; gzip: number } {
  const cached = gzipCache.get(file);
  if (cached) return cached;
  const data = readFileSync(file);
  const size = { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
  gzipCache.set(file, size);
  return size;
}

export function staticFile(buildDir: string, url: string): string | null {
  const match = /\/_next\/static\/([^?#"]+)/.exec(url);
  return match?.[1] ? path.join(buildDir, ".next", "static", decodeURIComponent(match[1])) : null;
}

export function measurePage(buildDir: string, label: string, route: string): PageWeight {
  const file = htmlFile(buildDir, route);
  const empty = {
    label,
    route,
    found: false,
    htmlBytes: 0,
    htmlGzip: 0,
    scripts: [],
    jsGzip: 0,
    jsRaw: 0,
    cssGzip: 0,
  };
  if (!existsSync(file)) return empty;
  const html = readFileSync(file);
  const text = html.toString("utf8");
  const scripts = [...new Set([...text.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? ""))];
  const styles = [
    ...new Set(
      [...text.matchAll(/<link\b[^>]*\srel="stylesheet"[^>]*>/g)]
        .map((m) => /\shref="([^"]+)"/.exec(m[0])?.[1] ?? "")
        .filter(Boolean),
    ),
  ];
  let jsGzip = 0;
  let jsRaw = 0;
  for (const src of scripts) {
    const local = staticFile(buildDir, src);
    if (!local || !existsSync(local)) throw new Error(`${route}: script ${src} is not in .next/static`);
    const size = gzipSize(local);
    jsGzip += size.gzip;
    jsRaw += size.raw;
  }
  let cssGzip = 0;
  for (const href of styles) {
    const local = staticFile(buildDir, href);
    if (local && existsSync(local)) cssGzip += gzipSize(local).gzip;
  }
  return {
    label,
    route,
    found: true,
    htmlBytes: html.length,
    htmlGzip: gzipSync(html, { level: 9 }).length,
    scripts,
    jsGzip,
    jsRaw,
    cssGzip,
  };
}

export function measureSite(buildDir: string): PageWeight[] {
  return PAGE_TYPES.map(({ label, route }) => {
    const resolved = typeof route === "function" ? route(buildDir) : route;
    return resolved ? measurePage(buildDir, label, resolved) : measurePage(buildDir, label, "/(none)");
  });
}

/** JavaScript every measured page loads: the shared part of our pages (framework + root layout). */
export function sharedScripts(
  buildDir: string,
  pages: readonly PageWeight[],
): { count: number; gzip: number } {
  const found = pages.filter((p) => p.found);
  const first = found[0];
  if (!first) return { count: 0, gzip: 0 };
  const shared = first.scripts.filter((src) => found.every((p) => p.scripts.includes(src)));
  let gzip = 0;
  for (const src of shared) {
    const local = staticFile(buildDir, src);
    if (local) gzip += gzipSize(local).gzip;
  }
  return { count: shared.length, gzip };
}

const FLOOR_LAYOUT = `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`;
const FLOOR_PAGE = `export default function Page() {
  return <p>empty</p>;
}
`;

/**
 * An empty App Router app (one layout, one page, no CSS, no client components) built with our Next.js and React:
 * the JavaScript any App Router page ships. Cached per Next.js version.
 */
export async function frameworkFloor(): Promise<PageWeight & { seconds: number | null; dir: string }> {
  const nextVersion = (
    JSON.parse(readFileSync(path.join(PROJECT_ROOT, "node_modules/next/package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  const dir = path.join(BENCH_TMP, `floor-next-${nextVersion}`);
  let seconds: number | null = null;
  if (!existsSync(path.join(dir, ".next", "server", "app", "index.html"))) {
    const copy = makeSiteCopy(`floor-next-${nextVersion}`, { skip: () => true });
    for (const file of ["package.json", "package-lock.json", "tsconfig.json"]) {
      copyFileSync(path.join(PROJECT_ROOT, file), path.join(copy, file));
    }
    writeFileSync(
      path.join(copy, "next.config.mjs"),
      "export default { reactStrictMode: true, poweredByHeader: false };\n",
    );
    // The floor app has no content layer: Next.js only.
    mkdirSync(path.join(copy, "app"), { recursive: true });
    writeFileSync(path.join(copy, "app", "layout.tsx"), FLOOR_LAYOUT);
    writeFileSync(path.join(copy, "app", "page.tsx"), FLOOR_PAGE);
    writeFileSync(path.join(copy, "next-env.d.ts"), '/// <reference types="next" />\n');
    rmSync(path.join(copy, ".next"), { recursive: true, force: true });
    await waitForOtherBuilds("page weight (framework floor)");
    const built = await buildSite(copy, {}, false, false);
    seconds = built.next.seconds;
  }
  return { ...measurePage(dir, "empty App Router page", "/"), seconds, dir };
}
