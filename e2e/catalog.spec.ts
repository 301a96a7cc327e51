import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { estimateMemory, parseConfig, planPlacement } from "../lib/estimator";
import type { WeightFormat } from "../lib/estimator";
import { generatedModel, generatedModels } from "./content";

const PROFILE = { engine: "llama.cpp", kvCacheType: "f16", sequences: 1, ubatchTokens: 512 } as const;
const GIB = 1024 ** 3;

interface ContentModel {
  slug: string;
  name: string;
  aliases?: string[];
  contextLength: number;
  architecture: unknown;
  parameters: { total: number; active?: number };
}

const content = generatedModels() as unknown as ContentModel[];

function searchable(model: ContentModel): string {
  return [model.name, ...(model.aliases ?? []), model.slug].join(" ").toLowerCase();
}

/** Slugs of the shown items in document order (the island reorders the nodes themselves). */
async function visibleSlugs(page: Page): Promise<string[]> {
  return page
    .locator("#catalog-list > li")
    .evaluateAll((items) =>
      items
        .filter((item) => !(item as HTMLElement).hidden)
        .map((item) => item.getAttribute("data-slug") ?? ""),
    );
}

async function enhancedModels(page: Page, query = "") {
  await page.goto(`/models${query}`);
  await expect(page.locator('form#catalog-filter[data-enhanced="true"]')).toBeAttached();
}

test.describe("/models filter", () => {
  test("search and architecture filter update the list, the count and the URL", async ({ page }) => {
    await enhancedModels(page);
    await expect(page.getByTestId("catalog-count")).toHaveText(`${content.length} models`);

    await page.getByLabel("Search by name or alias").fill("qwen");
    await expect(page).toHaveURL(/[?&]q=qwen(&|$)/);
    const qwen = content.filter((m) => searchable(m).includes("qwen")).map((m) => m.slug);
    expect(qwen.length).toBeGreaterThan(1);
    await expect.poll(async () => (await visibleSlugs(page)).sort()).toEqual([...qwen].sort());
    await expect(page.getByTestId("catalog-count")).toHaveText(
      `${qwen.length} of ${content.length} models match`,
    );

    await page.locator("#filter-arch").selectOption("moe");
    await expect(page).toHaveURL(/arch=moe/);
    const qwenMoe = content.filter(
      (m) => searchable(m).includes("qwen") && m.parameters.active !== undefined,
    );
    expect(qwenMoe.length).toBeGreaterThan(0);
    await expect
      .poll(async () => (await visibleSlugs(page)).sort())
      .toEqual(qwenMoe.map((m) => m.slug).sort());

    // A shared URL restores the same form and list.
    const shared = page.url();
    const other = await page.context().newPage();
    await other.goto(shared);
    await expect(other.locator('form#catalog-filter[data-enhanced="true"]')).toBeAttached();
    await expect(other.getByLabel("Search by name or alias")).toHaveValue("qwen");
    await expect(other.locator("#filter-arch")).toHaveValue("moe");
    await expect
      .poll(async () => (await visibleSlugs(other)).sort())
      .toEqual(qwenMoe.map((m) => m.slug).sort());
  });

  test("the back button returns to the filtered list, from a shared URL or after filtering", async ({
    page,
  }) => {
    await enhancedModels(page, "?arch=moe");
    await page.locator("#catalog-list > li:not([hidden]) a").first().click();
    await expect(page).toHaveURL(/\/models\/[a-z0-9-]+$/);
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("All models");
    await expect(page).toHaveURL(/\/models\?arch=moe$/);

    await expect(page.locator('form#catalog-filter[data-enhanced="true"]')).toBeAttached();
    await page.locator("#filter-arch").selectOption("dense");
    await expect(page).toHaveURL(/\/models\?arch=dense$/);
    await page.locator("#catalog-list > li:not([hidden]) a").first().click();
    await expect(page).toHaveURL(/\/models\/[a-z0-9-]+$/);
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("All models");
    await expect(page).toHaveURL(/\/models\?arch=dense$/);
    const dense = content.filter((m) => m.parameters.active === undefined).map((m) => m.slug);
    await expect.poll(async () => (await visibleSlugs(page)).sort()).toEqual([...dense].sort());
  });

  test("'fits in' keeps exactly the models whose Q4_K_M estimate is within the budget", async ({ page }) => {
    await enhancedModels(page, "?fits=24");
    await expect(page.locator("#filter-fits")).toHaveValue("24");
    const expected = content
      .filter((m) => {
        const estimate = estimateMemory(parseConfig(m.architecture), {
          ...PROFILE,
          format: "Q4_K_M",
          contextTokens: Math.min(8192, m.contextLength),
        });
        return estimate.bytes.total <= 24 * GIB;
      })
      .map((m) => m.slug);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(content.length);
    await expect.poll(async () => (await visibleSlugs(page)).sort()).toEqual([...expected].sort());
  });

  test("sorting by parameters puts the largest model first", async ({ page }) => {
    await enhancedModels(page);
    await page.locator("#filter-sort").selectOption("params-desc");
    await expect(page).toHaveURL(/sort=params-desc/);
    // Ties (Kimi K2 and K2 0905 are both 1T) fall back to the name, as on the page.
    const largest = [...content].sort(
      (a, b) => b.parameters.total - a.parameters.total || a.name.localeCompare(b.name, "en"),
    )[0]!;
    await expect.poll(async () => (await visibleSlugs(page))[0]).toBe(largest.slug);
  });

  test("no match shows an empty state that clears", async ({ page }) => {
    await enhancedModels(page, "?q=zzzz-no-such-model");
    await expect(page.getByTestId("catalog-empty")).toBeVisible();
    await expect(page.getByTestId("catalog-count")).toHaveText(`0 of ${content.length} models match`);
    await page.getByRole("button", { name: "Clear all filters" }).click();
    await expect(page.getByTestId("catalog-count")).toHaveText(`${content.length} models`);
    await expect(page).toHaveURL(/\/models$/);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("/models lists every model as a link, whatever the query", async ({ page }) => {
    await page.goto("/models?q=qwen&arch=moe");
    const hrefs = await page
      .locator("#catalog-list > li a")
      .evaluateAll((links) =>
        links
          .filter((link) => (link as HTMLElement).offsetParent !== null)
          .map((link) => link.getAttribute("href")),
      );
    expect(hrefs.sort()).toEqual(content.map((m) => `/models/${m.slug}`).sort());
    await expect(page.locator("form#catalog-filter")).toHaveAttribute("method", "get");
  });
});

test.describe("/compare", () => {
  test("two models side by side, with lib/estimator's figures", async ({ page }) => {
    await page.goto("/compare?models=deepseek-r1,llama-3-1-8b");
    await expect(page.locator('[data-testid="compare"][data-ready="true"]')).toBeAttached();
    const headers = page.locator('[data-testid="compare-table"] thead th[data-slug]');
    await expect(headers).toHaveText([
      generatedModel("deepseek-r1").name,
      generatedModel("llama-3-1-8b").name,
    ]);
    await expect(page.locator("#compare-model-1")).toHaveValue("deepseek-r1");
    await expect(page.locator("#compare-model-2")).toHaveValue("llama-3-1-8b");
    for (const slug of ["deepseek-r1", "llama-3-1-8b"]) {
      const expected = estimateMemory(parseConfig(generatedModel(slug).architecture), {
        ...PROFILE,
        format: "Q4_K_M",
        contextTokens: 32768,
      });
      await expect(
        page.locator(`tr[data-format="Q4_K_M"][data-context="32768"] td[data-slug="${slug}"]`),
      ).toHaveAttribute("data-total-bytes", String(expected.bytes.total));
    }
    // Picking a third model updates the table and the URL.
    await page.locator("#compare-model-3").selectOption("qwen-3-8b");
    await expect(page).toHaveURL(/models=deepseek-r1,llama-3-1-8b,qwen-3-8b$/);
    await expect(headers).toHaveCount(3);
  });

  test("unknown slugs get a message and the rest still works; more than four are cut", async ({ page }) => {
    await page.goto("/compare?models=no-such-model-xyz,gemma-2-9b");
    await expect(page.getByTestId("compare-unknown")).toContainText("no-such-model-xyz");
    await expect(page.locator('[data-testid="compare-table"] thead th[data-slug]')).toHaveText([
      generatedModel("gemma-2-9b").name,
    ]);

    await page.goto("/compare?models=gemma-2-2b,gemma-2-9b,gemma-2-27b,llama-3-1-8b,mistral-7b");
    await expect(page.getByTestId("compare-dropped")).toContainText(generatedModel("mistral-7b").name);
    await expect(page.locator('[data-testid="compare-table"] thead th[data-slug]')).toHaveCount(4);
  });

  test("the back button returns to the comparison", async ({ page }) => {
    await page.goto("/compare?models=gemma-2-2b,gemma-2-9b");
    await expect(page.locator('[data-testid="compare"][data-ready="true"]')).toBeAttached();
    await page.locator('[data-testid="compare-table"] thead th[data-slug="gemma-2-9b"] a').click();
    await expect(page).toHaveURL(/\/models\/gemma-2-9b$/);
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare models");
    await expect(page.locator('[data-testid="compare-table"] thead th[data-slug]')).toHaveCount(2);
  });

  test("each model page links to the comparison", async ({ page, request }) => {
    await page.goto("/models/deepseek-r1");
    const link = page.getByTestId("compare-link").getByRole("link").first();
    await expect(link).toHaveAttribute("href", "/compare?models=deepseek-r1");
    await link.click();
    await expect(page.locator("#compare-model-1")).toHaveValue("deepseek-r1");
    await expect(page.getByTestId("compare-hint")).toContainText(generatedModel("deepseek-r1").name);
    expect((await request.get("/compare?models=deepseek-r1")).status()).toBe(200);
  });
});

test.describe("/gpus", () => {
  test("the index links every category's cards", async ({ page }) => {
    await page.goto("/gpus");
    await expect(page.getByRole("link", { name: "GeForce RTX 4090" })).toHaveAttribute(
      "href",
      "/gpus/rtx-4090",
    );
  });

  test("RTX 4090: Llama 3.1 8B with its best fitting format and context, and a calculator link with the GPU", async ({
    page,
    request,
  }) => {
    const response = await page.goto("/gpus/rtx-4090");
    expect(response?.status()).toBe(200);
    const row = page.locator('[data-testid="gpu-models"] tr[data-model="llama-3-1-8b"]');
    const format = (await row.getAttribute("data-format")) as WeightFormat;
    // Independently: the first of the page's formats, from the highest quality down, that fits one 24 GiB card.
    const arch = parseConfig(generatedModel("llama-3-1-8b").architecture);
    const hardware = { gpuMemoryBytes: 24 * GIB, gpuCount: 1 };
    const ladder: WeightFormat[] = ["BF16", "Q8_0", "Q6_K", "Q5_K_M", "Q4_K_M", "Q3_K_M", "Q2_K"];
    const best = ladder.find(
      (f) => planPlacement(arch, { ...PROFILE, format: f, contextTokens: 8192 }, hardware).fitsInGpuOnly,
    );
    expect(best).toBeDefined();
    expect(format).toBe(best);
    expect(Number(await row.getAttribute("data-max-context"))).toBeGreaterThanOrEqual(8192);
    await expect(row).toContainText("tok/s");

    const href = (await row.getByTestId("gpu-calculator-link").getAttribute("href")) ?? "";
    const url = new URL(href, "http://x");
    expect(url.searchParams.get("gpu")).toBe("rtx-4090");
    expect(url.searchParams.get("model")).toBe("llama-3-1-8b");
    expect((await request.get(href)).status()).toBe(200);

    await expect(page.locator('[data-testid="gpu-models"] tr[data-model="deepseek-r1"]')).toHaveAttribute(
      "data-format",
      "none",
    );
  });

  test("an unknown GPU is a 404", async ({ request }) => {
    expect((await request.get("/gpus/no-such-gpu")).status()).toBe(404);
  });
});

test.describe("open data", () => {
  test("the index parses and lists every model", async ({ request }) => {
    const response = await request.get("/api/models.json");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const index = (await response.json()) as { count: number; models: { slug: string; data: string }[] };
    expect(index.count).toBe(content.length);
    expect(index.models.map((m) => m.slug).sort()).toEqual(content.map((m) => m.slug).sort());
  });

  test("one model's requirements equal lib/estimator's output", async ({ request }) => {
    const slug = "llama-3-1-8b";
    const response = await request.get(`/api/models/${slug}.json`);
    expect(response.status()).toBe(200);
    const doc = (await response.json()) as {
      slug: string;
      architecture: unknown;
      requirements: {
        rows: { format: WeightFormat; cells: { contextTokens: number; totalBytes: number }[] }[];
      };
    };
    const source = generatedModel(slug);
    expect(doc.slug).toBe(slug);
    expect(doc.architecture).toEqual(source.architecture);
    const arch = parseConfig(source.architecture);
    let cells = 0;
    for (const row of doc.requirements.rows) {
      for (const cell of row.cells) {
        const expected = estimateMemory(arch, {
          ...PROFILE,
          format: row.format,
          contextTokens: cell.contextTokens,
        });
        expect(cell.totalBytes, `${row.format} @ ${cell.contextTokens}`).toBe(expected.bytes.total);
        cells++;
      }
    }
    expect(cells).toBeGreaterThan(10);
    expect((await request.get("/api/models/no-such-model.json")).status()).toBe(404);
  });

  test("/data documents both endpoints", async ({ page }) => {
    await page.goto("/data");
    await expect(page.getByRole("link", { name: "/api/models.json" })).toBeVisible();
    await expect(page.getByTestId("data-example")).toContainText('"requirements"');
  });
});
