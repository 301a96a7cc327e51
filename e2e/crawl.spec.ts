// Crawls the built site from / (plus the sitemap, robots.txt and llms.txt): every internal link and asset must
// resolve (0 broken), every HTML page must have a unique, non-empty <title>. Prints the counts.
import { expect, test } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";

const SITE_ORIGIN = new URL(
  process.env.MODELFIT_SITE_URL ?? process.env.NEXT_PUBLIC_SITE_URL ?? "http://localhost:3000",
).origin;
const MAX_URLS = 5000;
const CONCURRENCY = 6;

const ENTITIES: Readonly<Record<string, string>> = {
  "&amp;": "&",
  "&quot;": '"',
  "&#x27;": "'",
  "&#39;": "'",
  "&lt;": "<",
  "&gt;": ">",
};

function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|quot|#x27|#39|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Every URL an HTML page points at that a browser would follow or load. */
function extractUrls(html: string): { links: string[]; assets: string[] } {
  const links: string[] = [];
  const assets: string[] = [];
  for (const match of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/gi))
    links.push(decodeEntities(match[1] ?? ""));
  for (const match of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attributes = match[1] ?? "";
    const href = /\shref="([^"]*)"/i.exec(attributes)?.[1];
    const rel = /\srel="([^"]*)"/i.exec(attributes)?.[1] ?? "";
    if (!href) continue;
    // preconnect/dns-prefetch name origins, not resources.
    if (/preconnect|dns-prefetch/i.test(rel)) continue;
    (/canonical|alternate/i.test(rel) ? links : assets).push(decodeEntities(href));
  }
  for (const match of html.matchAll(/<(?:script|img|source|iframe|video|audio)\b[^>]*?\ssrc="([^"]*)"/gi)) {
    assets.push(decodeEntities(match[1] ?? ""));
  }
  for (const match of html.matchAll(/\ssrcset="([^"]*)"/gi)) {
    for (const candidate of decodeEntities(match[1] ?? "").split(",")) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) assets.push(url);
    }
  }
  for (const match of html.matchAll(/<meta\b[^>]*?\sproperty="og:image"[^>]*?\scontent="([^"]*)"/gi)) {
    assets.push(decodeEntities(match[1] ?? ""));
  }
  for (const match of html.matchAll(/<meta\b[^>]*?\sname="twitter:image"[^>]*?\scontent="([^"]*)"/gi)) {
    assets.push(decodeEntities(match[1] ?? ""));
  }
  return { links, assets };
}

/** The local path for an internal URL (same origin as the server or the configured public origin), else null. */
function internalPath(raw: string, from: string, baseURL: string): string | null {
  if (raw === "" || raw.startsWith("#") || /^(mailto|tel|javascript|data):/i.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, new URL(from, baseURL));
  } catch {
    return `invalid:${raw}`;
  }
  if (url.origin !== new URL(baseURL).origin && url.origin !== SITE_ORIGIN) return null;
  // Every page is prerendered: a query string (calculator and filter links) changes what the client island shows,
  // not what the server sends, so each path is fetched once. The query strings are covered by lib/fuzz.
  return url.pathname;
}

interface Fetched {
  status: number;
  type: string;
  body: string | null;
}

async function fetchOnce(request: APIRequestContext, path: string): Promise<Fetched> {
  const response = await request.get(path, { maxRedirects: 5, failOnStatusCode: false });
  const type = response.headers()["content-type"] ?? "";
  const isText = /text\/html|xml|text\/plain/.test(type);
  return {
    status: response.status(),
    type,
    body: isText ? await response.text() : (await response.body(), null),
  };
}

test("every internal link and asset resolves and every page has a unique title", async ({
  request,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const base = baseURL ?? "http://127.0.0.1:3107";
  const seen = new Map<string, { referrer: string; kind: "page" | "asset" }>();
  const queue: string[] = [];
  const enqueue = (path: string | null, referrer: string, kind: "page" | "asset") => {
    if (path === null || seen.has(path) || seen.size >= MAX_URLS) return;
    seen.set(path, { referrer, kind });
    queue.push(path);
  };
  for (const seed of ["/", "/robots.txt", "/sitemap.xml", "/llms.txt"]) enqueue(seed, "(seed)", "page");

  const broken: string[] = [];
  const titles = new Map<string, string[]>();
  let htmlPages = 0;
  let otherDocuments = 0;
  let assets = 0;
  let linkReferences = 0;

  const visit = async (path: string) => {
    const entry = seen.get(path);
    if (!entry) return;
    if (path.startsWith("invalid:")) {
      broken.push(`${path} (from ${entry.referrer})`);
      return;
    }
    const fetched = await fetchOnce(request, path);
    if (fetched.status >= 400) {
      broken.push(`${fetched.status} ${path} (from ${entry.referrer})`);
      return;
    }
    if (entry.kind === "asset") {
      assets++;
      return;
    }
    const body = fetched.body ?? "";
    if (fetched.type.includes("text/html")) {
      htmlPages++;
      const title = decodeEntities(/<title>([^<]*)<\/title>/i.exec(body)?.[1]?.trim() ?? "");
      titles.set(title, [...(titles.get(title) ?? []), path]);
      const { links, assets: assetUrls } = extractUrls(body);
      linkReferences += links.length + assetUrls.length;
      for (const link of links) enqueue(internalPath(link, path, base), path, "page");
      for (const asset of assetUrls) enqueue(internalPath(asset, path, base), path, "asset");
    } else {
      otherDocuments++;
      if (path === "/sitemap.xml") {
        for (const match of body.matchAll(/<loc>([^<]*)<\/loc>/g)) {
          enqueue(internalPath(decodeEntities(match[1] ?? ""), path, base), path, "page");
        }
      }
      if (path === "/robots.txt") {
        for (const match of body.matchAll(/^Sitemap:\s*(\S+)/gim))
          enqueue(internalPath(match[1] ?? "", path, base), path, "page");
      }
      if (path === "/llms.txt" || path.endsWith(".md")) {
        for (const match of body.matchAll(/\]\(([^)\s]+)\)/g))
          enqueue(internalPath(match[1] ?? "", path, base), path, "page");
      }
    }
  };

  while (queue.length > 0) {
    const batch = queue.splice(0, CONCURRENCY);
    await Promise.all(batch.map(visit));
  }

  const duplicateTitles = [...titles.entries()].filter(([, paths]) => paths.length > 1);
  const emptyTitles = titles.get("") ?? [];
  console.log(
    `crawl: ${seen.size} unique URLs — ${htmlPages} HTML pages, ${otherDocuments} other documents ` +
      `(sitemap, robots, llms.txt, Markdown, JSON), ${assets} assets; ${linkReferences} link/asset references; ` +
      `${broken.length} broken; ${titles.size} distinct titles, ${duplicateTitles.length} duplicated`,
  );
  expect(seen.size).toBeLessThan(MAX_URLS); // the crawl finished, it was not cut off
  expect(htmlPages).toBeGreaterThan(10);
  expect(broken, "broken links or assets").toEqual([]);
  expect(emptyTitles, "pages without a <title>").toEqual([]);
  expect(duplicateTitles, "pages sharing a <title>").toEqual([]);
});
