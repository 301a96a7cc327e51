// Search and sharing metadata on every built page, the sitemap, robots.txt, llms.txt, the Markdown twins and the
// generated Open Graph images. Figures are checked against lib/estimator directly, not against lib/seo.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { APIRequestContext, Page } from "@playwright/test";
import { estimateMemory, parseConfig } from "../lib/estimator";
import { formatGib } from "../lib/format";
import { generatedModels } from "./content";

const SITE_URL = new URL(
  process.env.MODELFIT_SITE_URL ?? process.env.NEXT_PUBLIC_SITE_URL ?? "http://localhost:3000",
).origin;
const models = generatedModels().sort((a, b) => a.slug.localeCompare(b.slug));
const gpuSlugs = (
  JSON.parse(readFileSync(path.join(process.cwd(), "content", "gpus.json"), "utf8")) as { slug: string }[]
).map((gpu) => gpu.slug);

/** Pages that are not generated from content, with the JSON-LD types each must carry. */
const OTHER_ROUTES: { path: string; types: string[] }[] = [
  { path: "/", types: ["WebSite"] },
  { path: "/models", types: ["CollectionPage", "BreadcrumbList"] },
  { path: "/gpus", types: ["BreadcrumbList"] },
  ...gpuSlugs.map((slug) => ({ path: `/gpus/${slug}`, types: ["BreadcrumbList"] })),
  { path: "/compare", types: ["BreadcrumbList"] },
  { path: "/calculator", types: ["BreadcrumbList"] },
  { path: "/methodology", types: ["BreadcrumbList"] },
  { path: "/data", types: ["BreadcrumbList"] },
];

/** An absolute URL on the public origin, fetched from the test server instead. */
function local(url: string): string {
  const parsed = new URL(url);
  expect(parsed.origin, `${url} uses the configured site origin`).toBe(SITE_URL);
  return parsed.pathname + parsed.search;
}

interface HeadTags {
  title: string;
  description: string | null;
  canonical: string | null;
  ogImage: string | null;
  ogUrl: string | null;
  twitterCard: string | null;
  twitterImage: string | null;
  jsonLd: unknown[];
}

async function headTags(page: Page, pathname: string): Promise<HeadTags> {
  const response = await page.goto(pathname, { waitUntil: "domcontentloaded" });
  expect(response?.status(), `${pathname} status`).toBe(200);
  return page.evaluate(() => {
    const meta = (selector: string) => document.head.querySelector(selector)?.getAttribute("content") ?? null;
    return {
      title: document.title,
      description: meta('meta[name="description"]'),
      canonical: document.head.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null,
      ogImage: meta('meta[property="og:image"]'),
      ogUrl: meta('meta[property="og:url"]'),
      twitterCard: meta('meta[name="twitter:card"]'),
      twitterImage: meta('meta[name="twitter:image"]'),
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) =>
        JSON.parse(script.textContent ?? "null"),
      ),
    };
  });
}

function jsonLdTypes(blocks: unknown[]): string[] {
  return blocks
    .flatMap((block) => (Array.isArray(block) ? block : [block]))
    .map((block) => {
      expect(block).toHaveProperty("@context", "https://schema.org");
      return String((block as { "@type": unknown })["@type"]);
    });
}

/** Reads width and height from the IHDR chunk after checking the 8-byte PNG signature. */
function pngSize(body: Buffer): { width: number; height: number } {
  expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(body.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

async function expectShareImage(request: APIRequestContext, url: string) {
  const response = await request.get(local(url));
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
}

function expectCommonTags(tags: HeadTags, pathname: string) {
  expect(tags.title.length, `${pathname} title`).toBeGreaterThan(10);
  expect(tags.description?.length ?? 0, `${pathname} description`).toBeGreaterThanOrEqual(50);
  // Next.js writes the root as "https://host" and other pages as "https://host/path"; compare parsed URLs.
  expect(new URL(tags.canonical ?? "").href).toBe(new URL(pathname, SITE_URL).href);
  expect(new URL(tags.ogUrl ?? "").href).toBe(new URL(pathname, SITE_URL).href);
  expect(tags.ogImage, `${pathname} og:image`).toMatch(/^https?:\/\//);
  expect(tags.twitterCard).toBe("summary_large_image");
  expect(tags.twitterImage).toBe(tags.ogImage);
}

test.describe("model pages", () => {
  for (const model of models) {
    test(`${model.slug}: title, description with the computed figure, canonical, share image, JSON-LD`, async ({
      page,
      request,
    }) => {
      const pathname = `/models/${model.slug}`;
      const tags = await headTags(page, pathname);
      expectCommonTags(tags, pathname);
      expect(tags.title).toBe(`${model.name} — hardware requirements, VRAM and specs | modelfit`);

      const contextTokens = Math.min(8192, model.contextLength);
      const estimate = estimateMemory(parseConfig(model.architecture), {
        format: "Q4_K_M",
        contextTokens,
        engine: "llama.cpp",
        kvCacheType: "f16",
        sequences: 1,
        ubatchTokens: 512,
      });
      expect(
        tags.description?.startsWith(
          `${model.name} needs about ${formatGib(estimate.bytes.total)} of GPU memory at Q4_K_M`,
        ),
      ).toBe(true);

      expect(tags.ogImage).toContain(`/models/${model.slug}/opengraph-image`);
      await expectShareImage(request, tags.ogImage ?? "");

      expect(jsonLdTypes(tags.jsonLd).sort()).toEqual(["BreadcrumbList", "Dataset", "FAQPage"]);
      const faq = tags.jsonLd.find((block) => (block as { "@type": string })["@type"] === "FAQPage") as {
        mainEntity: { name: string; acceptedAnswer: { text: string } }[];
      };
      // The structured FAQ is the visible one, word for word.
      const visible = await page.getByTestId("faq").locator("dt, dd").allTextContents();
      expect(visible).toEqual(faq.mainEntity.flatMap((q) => [q.name, q.acceptedAnswer.text]));
      expect(
        faq.mainEntity[0]?.acceptedAnswer.text.startsWith(
          `About ${formatGib(estimate.bytes.total)} at Q4_K_M`,
        ),
      ).toBe(true);
      const breadcrumb = tags.jsonLd.find(
        (block) => (block as { "@type": string })["@type"] === "BreadcrumbList",
      ) as {
        itemListElement: { position: number; name: string; item?: string }[];
      };
      expect(breadcrumb.itemListElement.map((item) => item.name)).toEqual(["Home", "Models", model.name]);
    });
  }
});

test.describe("other pages", () => {
  for (const route of OTHER_ROUTES) {
    test(`${route.path}: title, description, canonical, share image, JSON-LD`, async ({ page, request }) => {
      const tags = await headTags(page, route.path);
      expectCommonTags(tags, route.path);
      await expectShareImage(request, tags.ogImage ?? "");
      const types = jsonLdTypes(tags.jsonLd);
      for (const type of route.types) expect(types, `${route.path} JSON-LD`).toContain(type);
    });
  }

  test("titles and descriptions are not shared between page types", async ({ page }) => {
    const seen = new Map<string, string>();
    for (const route of OTHER_ROUTES.filter((r) => !r.path.startsWith("/gpus/")).concat({
      path: `/models/${models[0]?.slug}`,
      types: [],
    })) {
      const tags = await headTags(page, route.path);
      for (const value of [tags.title, tags.description ?? ""]) {
        expect(seen.get(value), `"${value}" on ${route.path}`).toBeUndefined();
        seen.set(value, route.path);
      }
    }
  });
});

test("the sitemap lists every page, each of which answers 200", async ({ request }) => {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  const xml = await response.text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? "");
  const lastmods = [...xml.matchAll(/<lastmod>([^<]+)<\/lastmod>/g)].map((match) => match[1] ?? "");
  expect(lastmods).toHaveLength(locs.length);
  for (const lastmod of lastmods) expect(Number.isNaN(Date.parse(lastmod)), lastmod).toBe(false);
  const expected = [
    ...OTHER_ROUTES.map((route) => route.path),
    ...models.map((model) => `/models/${model.slug}`),
  ].map((p) => new URL(p, SITE_URL).toString());
  expect([...locs].sort()).toEqual([...expected].sort());
  for (const loc of locs) {
    expect((await request.get(local(loc))).status(), loc).toBe(200);
  }
});

test("robots.txt allows crawling and names the sitemap", async ({ request }) => {
  const text = await (await request.get("/robots.txt")).text();
  expect(text).toMatch(/User-Agent: \*\nAllow: \/\n/i);
  expect(text).not.toMatch(/Disallow: \/\s*$/m);
  expect(text).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
});

test("llms.txt links a Markdown twin of every model, each with the page's facts and tables", async ({
  request,
}) => {
  const response = await request.get("/llms.txt");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain");
  const text = await response.text();
  expect(text.startsWith("# modelfit\n\n> ")).toBe(true);
  for (const model of models) {
    const url = `${SITE_URL}/models/${model.slug}/index.md`;
    expect(text).toContain(`[${model.name}](${url})`);
    const twin = await request.get(local(url));
    expect(twin.status(), url).toBe(200);
    expect(twin.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
    const markdown = await twin.text();
    expect(markdown.startsWith(`# ${model.name} — hardware requirements, VRAM and specs\n`)).toBe(true);
    for (const heading of [
      "## Key facts",
      "## Technical specifications",
      "## Frequently asked questions",
      "## Sources",
    ]) {
      expect(markdown, `${model.slug}: ${heading}`).toContain(heading);
    }
    expect(markdown).toMatch(/^\| (GGUF )?Q4_K_M \(/m);
    expect(markdown).not.toMatch(/<(SpecSheet|RequirementsTable|GpuFit)\b/);
  }
});

test("model pages advertise their Markdown twin", async ({ page }) => {
  await page.goto("/models/deepseek-r1");
  await expect(page.locator('link[rel="alternate"][type="text/markdown"]')).toHaveAttribute(
    "href",
    `${SITE_URL}/models/deepseek-r1/index.md`,
  );
});
