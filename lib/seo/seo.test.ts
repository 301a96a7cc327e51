import { describe, expect, it } from "vitest";
import { estimateMemory } from "@/lib/estimator";
import { formatGib, formatTokens } from "@/lib/format";
import { contextFits } from "@/lib/views/gpu-fit";
import { getGpus } from "@/lib/content/gpus";
import { bodyMarkdown, cell, llmsTxt, modelMarkdown } from "@/lib/publish/model-markdown";
import { getModel, getModels } from "@/lib/content/models";
import type { CatalogModel } from "@/lib/content/models";
import {
  fitTier,
  formatLabel,
  HEADLINE_FORMAT,
  headlineContext,
  requirementsTable,
  TABLE_PROFILE,
  tableFormats,
} from "@/lib/views/requirements";
import { articleFor } from "@/lib/articles";
import {
  breadcrumbJsonLd,
  DEFAULT_OG_IMAGE,
  gpuMetadata,
  gpusIndexMetadata,
  homeMetadata,
  modelDatasetJsonLd,
  modelDescription,
  modelFaq,
  modelMetadata,
  modelsIndexMetadata,
  pageMetadata,
  gpuBreadcrumbs,
  robotsRules,
  sectionBreadcrumbs,
  sitemapEntries,
  STATIC_ROUTES,
  toolPageMetadata,
} from "@/lib/seo/index";
import { absoluteUrl, site } from "@/lib/site";

const models = getModels();

function model(slug: string): CatalogModel {
  const found = getModel(slug);
  if (!found) throw new Error(`test fixture: no model ${slug}`);
  return found;
}

/** The same figure the page shows, straight from lib/estimator with the table profile. */
function totalGib(m: CatalogModel, contextTokens: number, format = HEADLINE_FORMAT): string {
  return formatGib(estimateMemory(m.architecture, { ...TABLE_PROFILE, format, contextTokens }).bytes.total);
}

describe("pageMetadata", () => {
  it("sets canonical, Open Graph and Twitter tags from one path", () => {
    const meta = pageMetadata({ title: "GPUs", description: "All the GPUs.", path: "/gpus" });
    expect(meta.title).toBe("GPUs");
    expect(meta.alternates?.canonical).toBe("/gpus");
    expect(meta.openGraph).toMatchObject({
      url: "/gpus",
      title: `GPUs | ${site.name}`,
      description: "All the GPUs.",
    });
    expect(meta.openGraph?.images).toEqual([DEFAULT_OG_IMAGE]);
    expect(meta.twitter).toMatchObject({
      card: "summary_large_image",
      images: [{ url: DEFAULT_OG_IMAGE.url }],
    });
  });

  it("leaves og:image to the route segment's opengraph-image file when asked", () => {
    const meta = pageMetadata({ title: "X", description: "Y", path: "/x", image: "segment-file" });
    // Next.js only adds a file-based image when the page's metadata has no `images` key at all.
    expect(meta.openGraph).not.toHaveProperty("images");
    expect(meta.twitter).not.toHaveProperty("images");
  });

  it("keeps an absolute title out of the template", () => {
    expect(pageMetadata({ title: "Home", description: "d", path: "/", absoluteTitle: true }).title).toEqual({
      absolute: "Home",
    });
  });

  it("rejects a path that is not site-relative", () => {
    expect(() => pageMetadata({ title: "t", description: "d", path: "gpus" })).toThrow(/must start with/);
  });
});

describe("articleFor", () => {
  it.each([
    ["8K", "an"],
    ["80K", "an"],
    ["8,000", "an"],
    ["11K", "an"],
    ["18K", "an"],
    ["11,000", "an"],
    ["1K", "a"],
    ["4K", "a"],
    ["32K", "a"],
    ["128K", "a"],
    ["110K", "a"],
    ["1M", "a"],
    // Format and type names are spelt out letter by letter.
    ["IQ2_XXS", "an"],
    ["IQ4_XS", "an"],
    ["Q4_K_M", "a"],
    ["F16", "an"],
    ["BF16", "a"],
    ["MXFP4", "an"],
    ["q8_0", "a"],
    ["fp8", "an"],
    ["24 GB", "a"],
    ["80 GB", "an"],
  ])("%s takes %s", (spoken, article) => {
    expect(articleFor(spoken)).toBe(article);
  });
});

describe("model page metadata", () => {
  const r1 = model("deepseek-r1");

  it("answers the question in the description's first sentence with the computed figure", () => {
    const description = modelDescription(r1);
    const first = description.split(". ")[0];
    expect(first).toBe(
      `DeepSeek R1 needs about ${totalGib(r1, 8192)} of GPU memory at Q4_K_M with an 8K context (${totalGib(r1, 8192, "BF16")} unquantized in BF16)`,
    );
    expect(description).toContain("671B-parameter mixture of experts (37B active per token)");
    expect(description).toContain("a 128K-token context");
  });

  it("uses the model's maximum context when it is shorter than 8K", () => {
    const short = models.find((m) => m.contextLength < 8192);
    if (!short) return; // every model in the catalog has at least 8K; nothing to check
    expect(modelDescription(short)).toContain(`with a ${formatTokens(short.contextLength)} context`);
  });

  it("builds title, canonical, markdown alternate and lets the segment file supply the image", () => {
    const meta = modelMetadata(r1);
    expect(meta.title).toBe("DeepSeek R1 — hardware requirements, VRAM and specs");
    expect(meta.alternates?.canonical).toBe("/models/deepseek-r1");
    expect(meta.alternates?.types).toEqual({ "text/markdown": "/models/deepseek-r1/index.md" });
    expect(meta.openGraph).toMatchObject({ type: "article", url: "/models/deepseek-r1" });
    expect(meta.openGraph).not.toHaveProperty("images");
  });

  it("every model's description and three-question FAQ build", () => {
    for (const m of models) {
      expect(modelDescription(m).startsWith(`${m.name} needs about `), m.slug).toBe(true);
      expect(modelFaq(m), m.slug).toHaveLength(3);
    }
  });
});

describe("model FAQ", () => {
  it("DeepSeek R1 does not fit a 24 GB card and names the smallest setup", () => {
    const [vram, fits, context] = modelFaq(model("deepseek-r1"));
    expect(vram?.question).toBe("How much VRAM does DeepSeek R1 need?");
    expect(
      vram?.answer.startsWith(`About ${totalGib(model("deepseek-r1"), 8192)} at Q4_K_M with an 8K context`),
    ).toBe(true);
    expect(vram?.answer).toContain(
      `At its full 128K context, Q4_K_M needs ${totalGib(model("deepseek-r1"), 131072)}.`,
    );
    expect(fits?.question).toBe("Can DeepSeek R1 run on a 24 GB GPU?");
    expect(fits?.answer.startsWith("No.")).toBe(true);
    const rtx4090 = getGpus().find((gpu) => gpu.slug === "rtx-4090");
    expect(rtx4090?.name).toBe("GeForce RTX 4090");
    expect(context?.question).toBe("What is the largest context for DeepSeek R1 on an RTX 4090?");
    expect(context?.answer.startsWith("Does not fit (not even 4K) at Q4_K_M")).toBe(true);
  });

  it("a small model fits a 24 GB card at Q4_K_M and its RTX 4090 context answer matches lib/views/gpu-fit", () => {
    const small = model("llama-3-1-8b");
    const [, fits, context] = modelFaq(small);
    expect(fits?.answer.startsWith("Yes.")).toBe(true);
    expect(fits?.answer).toContain(totalGib(small, 8192));
    const fit = contextFits(small, HEADLINE_FORMAT).find((entry) => entry.gpu.slug === "rtx-4090");
    expect(fit).toBeDefined();
    // Llama 3.1 8B at Q4_K_M holds its whole 128K context in 24 GiB: the limit is the model's, not the card's.
    expect(fit?.gpuOnly).toMatchObject({ tokens: small.contextLength, limit: "model" });
    expect(
      context?.answer.startsWith(`${formatTokens(small.contextLength)} context, the model's maximum`),
    ).toBe(true);
  });

  it("answers the 24 GB question by the fit tier of Q4_K_M and of the table's smallest format", () => {
    for (const m of models) {
      const [, fits] = modelFaq(m);
      const answer = fits?.answer ?? "";
      const formats = tableFormats(m);
      const q4Fits = fitTier(m, HEADLINE_FORMAT, headlineContext(m)) === "consumer";
      const anyFits = formats.some((format) => fitTier(m, format, headlineContext(m)) === "consumer");
      const expected = q4Fits
        ? ["Yes."]
        : anyFits
          ? ["Only heavily quantized"]
          : ["Not on the GPU alone", "No."];
      expect(
        expected.some((start) => answer.startsWith(start)),
        `${m.slug}: ${answer}`,
      ).toBe(true);
    }
  });
});

describe("JSON-LD builders", () => {
  it("breadcrumbs carry absolute URLs and leave the current page unlinked", () => {
    expect(
      breadcrumbJsonLd([{ name: "Home", path: "/" }, { name: "Models", path: "/models" }, { name: "X" }]),
    ).toEqual({
      items: [
        { name: "Home", item: absoluteUrl("/") },
        { name: "Models", item: absoluteUrl("/models") },
        { name: "X" },
      ],
    });
  });

  it("section and GPU trails start at Home", () => {
    expect(breadcrumbJsonLd(sectionBreadcrumbs("GPUs")).items).toEqual([
      { name: "Home", item: absoluteUrl("/") },
      { name: "GPUs" },
    ]);
    expect(breadcrumbJsonLd(gpuBreadcrumbs({ name: "GeForce RTX 4090" })).items).toEqual([
      { name: "Home", item: absoluteUrl("/") },
      { name: "GPUs", item: absoluteUrl("/gpus") },
      { name: "GeForce RTX 4090" },
    ]);
  });

  it("the model Dataset has a 50–5000 character description and a Markdown distribution", () => {
    for (const m of models) {
      const dataset = modelDatasetJsonLd(m);
      expect(dataset.name).toBe(`${m.name} hardware requirements`);
      expect(dataset.description.length).toBeGreaterThanOrEqual(50);
      expect(dataset.description.length).toBeLessThanOrEqual(5000);
      expect(dataset.url).toBe(absoluteUrl(`/models/${m.slug}`));
      expect(new Set(dataset.keywords).size, "keywords are unique").toBe(
        (dataset.keywords as string[]).length,
      );
      for (const citation of dataset.citation as { "@type": string }[])
        expect(citation["@type"]).toBe("CreativeWork");
      expect(dataset.license).toBe(m.licenseUrl);
      expect(dataset.variableMeasured).toEqual([
        expect.objectContaining({ name: "Weight format", description: expect.stringContaining("Q4_K_M") }),
        { "@type": "PropertyValue", name: "Context length", unitText: "tokens" },
        { "@type": "PropertyValue", name: "Total GPU memory", unitText: "GiB" },
      ]);
      expect(dataset.distribution).toEqual([
        expect.objectContaining({
          contentUrl: absoluteUrl(`/models/${m.slug}/index.md`),
          encodingFormat: "text/markdown",
        }),
      ]);
    }
  });
});

describe("other page types", () => {
  const gpu = getGpus()[0];
  const cases = [
    ["home", homeMetadata(models.length), "/"],
    ["models", modelsIndexMetadata(models.length), "/models"],
    ["gpus", gpusIndexMetadata(getGpus().length), "/gpus"],
    ["gpu", gpu ? gpuMetadata(gpu) : null, `/gpus/${gpu?.slug}`],
    ["compare", toolPageMetadata("compare"), "/compare"],
    ["calculator", toolPageMetadata("calculator"), "/calculator"],
    ["methodology", toolPageMetadata("methodology"), "/methodology"],
    ["data", toolPageMetadata("data"), "/data"],
  ] as const;

  it.each(cases)("%s has its own title, description, canonical and share image", (_name, meta, path) => {
    expect(meta).not.toBeNull();
    expect(meta?.title).toBeTruthy();
    expect(String(meta?.description).length).toBeGreaterThan(60);
    expect(meta?.alternates?.canonical).toBe(path);
    expect(meta?.openGraph?.images).toEqual([DEFAULT_OG_IMAGE]);
  });

  it("titles and descriptions are unique across page types", () => {
    const titles = cases.map(([, meta]) => JSON.stringify(meta?.title));
    const descriptions = cases.map(([, meta]) => meta?.description);
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });
});

describe("sitemap and robots", () => {
  const input = {
    models: [
      { slug: "a", lastModified: "2026-01-02T00:00:00Z" },
      { slug: "b", lastModified: "2025-05-01" },
    ],
    gpus: [{ slug: "rtx-4090" }],
    gpusLastModified: "2026-02-01T00:00:00Z",
    contentLastModified: "2026-02-01T00:00:00Z",
  };

  it("lists every static route, model and GPU once, with their content dates", () => {
    const entries = sitemapEntries(input);
    expect(entries.map((entry) => entry.url)).toEqual([
      ...STATIC_ROUTES.map((route) => absoluteUrl(route)),
      absoluteUrl("/models/a"),
      absoluteUrl("/models/b"),
      absoluteUrl("/gpus/rtx-4090"),
    ]);
    expect(entries.find((entry) => entry.url.endsWith("/models/b"))?.lastModified).toBe("2025-05-01");
    expect(entries.find((entry) => entry.url.endsWith("/gpus/rtx-4090"))?.lastModified).toBe(
      input.gpusLastModified,
    );
  });

  it("refuses a duplicate URL", () => {
    expect(() =>
      sitemapEntries({ ...input, models: [...input.models, { slug: "a", lastModified: "2026-01-01" }] }),
    ).toThrow(/listed twice/);
  });

  it("robots allows everything and points at the sitemap", () => {
    expect(robotsRules()).toEqual({
      rules: [{ userAgent: "*", allow: "/" }],
      sitemap: absoluteUrl("/sitemap.xml"),
    });
  });
});

describe("Markdown twin and llms.txt", () => {
  const r1 = model("deepseek-r1");

  it("escapes table cells", () => {
    expect(cell("a|b\nc")).toBe("a\\|b c");
  });

  it("replaces every MDX component with its table and keeps the prose", () => {
    const body = bodyMarkdown(r1);
    expect(body).not.toMatch(/<(SpecSheet|RequirementsTable|GpuFit)/);
    expect(body).toContain("## About DeepSeek R1");
    expect(body).toContain("| Transformer layers | 61 | `num_hidden_layers` |");
  });

  it("carries every requirements cell of the HTML table", () => {
    const markdown = modelMarkdown(r1);
    const table = requirementsTable(r1);
    const q4 = table.rows.find((row) => row.format === "Q4_K_M");
    expect(q4).toBeDefined();
    const line = markdown.split("\n").find((l) => l.startsWith(`| ${formatLabel("Q4_K_M")} (`));
    expect(line).toBeDefined();
    const cells = (line ?? "")
      .split("|")
      .slice(2, -1)
      .map((c) => c.trim());
    expect(cells).toHaveLength(table.contexts.length);
    q4?.cells.forEach((c, i) => {
      expect(Number(cells[i]?.replace(/,/g, ""))).toBeCloseTo(
        c.totalBytes / 1024 ** 3,
        c.totalBytes / 1024 ** 3 < 10 ? 2 : c.totalBytes / 1024 ** 3 < 1000 ? 1 : 0,
      );
    });
    expect(markdown.startsWith("# DeepSeek R1 — hardware requirements, VRAM and specs\n")).toBe(true);
    for (const entry of modelFaq(r1)) expect(markdown).toContain(entry.answer);
  });

  it("refuses an MDX component it cannot render instead of dropping it", () => {
    const broken = { ...r1, bodyRaw: "Intro\n\n<Chart />\n" };
    expect(() => bodyMarkdown(broken)).toThrow(/cannot render/);
  });

  // Every twin is built once (68 models take seconds on a busy machine), then both copy rules are checked.
  it("reads aloud right and never repeats a context length, in every model's Markdown twin", () => {
    for (const model of models) {
      const markdown = modelMarkdown(model);
      // "an 8K", "an 80 GB", "an IQ2_XXS", "an F16" — and never "an 4K" or "an Q4_K_M".
      expect(markdown, model.slug).not.toMatch(/\ba (8|11K|18K|IQ|F16|MXFP)/);
      expect(markdown, model.slug).not.toMatch(/\ban (1K|4K|16K|32K|128K|Q\d)/);
      // Not "36,352 tokens (36,352)".
      expect(markdown, model.slug).not.toMatch(/([\d,]+) tokens \(\1\)/);
    }
  }, 120_000);

  it("says 128K for a card's 128,000-token context, like every other 128K model", () => {
    const nemo = model("mistral-nemo");
    expect(nemo.contextLength).toBe(128_000);
    expect(modelMarkdown(nemo)).toContain("| Max context | 128K tokens (128,000) |");
  });

  it("llms.txt links every model's Markdown twin", () => {
    const text = llmsTxt(models);
    expect(text.startsWith(`# ${site.name}\n\n> `)).toBe(true);
    for (const m of models)
      expect(text).toContain(`[${m.name}](${absoluteUrl(`/models/${m.slug}/index.md`)})`);
  });
});
