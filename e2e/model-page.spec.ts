import { expect, test } from "@playwright/test";
import { estimateMemory, parseConfig } from "../lib/estimator";
import type { WeightFormat } from "../lib/estimator";
import { generatedModel } from "./content";

const SLUG = "deepseek-r1";

test("DeepSeek R1 page shows the spec sheet from its config.json", async ({ page }) => {
  const response = await page.goto(`/models/${SLUG}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("DeepSeek R1");
  const spec = page.getByTestId("spec-sheet");
  await expect(spec.locator('[data-spec="layers"] [data-value]')).toHaveText("61");
  await expect(spec.locator('[data-spec="hidden-size"] [data-value]')).toHaveText("7,168");
  await expect(spec.locator('[data-spec="attention-heads"] [data-value]')).toHaveText("128");
  await expect(spec.locator('[data-spec="kv-latent"] [data-value]')).toHaveText("512");
  await expect(spec.locator('[data-spec="attention"] [data-value]')).toContainText(
    "Multi-head Latent Attention",
  );
  await expect(page.getByTestId("key-figures")).toContainText("128K");
  await expect(page.getByTestId("key-figures")).toContainText("671B");
  await expect(page.getByTestId("key-figures")).toContainText("37B");
});

test("every requirements cell equals lib/estimator's total for that format and context", async ({ page }) => {
  await page.goto(`/models/${SLUG}`);
  const architecture = parseConfig(generatedModel(SLUG).architecture);
  const cells = page.locator('[data-testid="requirements-table"] td[data-total-bytes]');
  const count = await cells.count();
  expect(count).toBeGreaterThanOrEqual(9 * 7);
  // A cell's context is its column's: the header cells carry it once.
  const contexts = await page
    .locator('[data-testid="requirements-table"] thead th[data-context]')
    .evaluateAll((ths) => ths.map((th) => Number(th.getAttribute("data-context"))));
  const rows = await page.locator('[data-testid="requirements-table"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      format: tr.getAttribute("data-format"),
      cells: [...tr.querySelectorAll("td")].map((td) => ({
        bytes: Number(td.getAttribute("data-total-bytes")),
        text: td.textContent,
      })),
    })),
  );
  expect(rows.map((row) => row.format)).toContain("Q4_K_M");
  expect(rows.map((row) => row.format)).toContain("IQ1_S");
  expect(contexts.length).toBeGreaterThanOrEqual(7);
  for (const row of rows) {
    expect(row.cells.length, `${row.format}: one cell per context column`).toBe(contexts.length);
    for (const [index, cell] of row.cells.entries()) {
      const context = contexts[index] ?? 0;
      const expected = estimateMemory(architecture, {
        format: row.format as WeightFormat,
        contextTokens: context,
        engine: "llama.cpp",
        kvCacheType: "f16",
        sequences: 1,
        ubatchTokens: 512,
      });
      expect(cell.bytes, `${row.format} @ ${context}`).toBe(expected.bytes.total);
      const gib = expected.bytes.total / 1024 ** 3;
      // The figure, then the tier mark ("1,252.7 ●").
      const shown = /^[\d,.]+/.exec(cell.text ?? "")?.[0] ?? "";
      expect(Number(shown.replace(/,/g, ""))).toBeCloseTo(gib, gib < 10 ? 2 : gib < 1000 ? 1 : 0);
    }
  }
  // The KV cache row: the part of every total above that the context adds, one figure per column.
  const kvCache = await page
    .locator('[data-testid="requirements-kv-cache"] td')
    .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-kv-cache-bytes"))));
  expect(kvCache).toEqual(
    contexts.map(
      (context) =>
        estimateMemory(architecture, {
          format: "Q4_K_M",
          contextTokens: context,
          engine: "llama.cpp",
          kvCacheType: "f16",
          sequences: 1,
          ubatchTokens: 512,
        }).bytes.kvCache,
    ),
  );
  // The last column is the model card's full context.
  await expect(page.locator('[data-testid="requirements-table"] thead th').last()).toHaveText("128K ctx");
});

test("related links resolve and the calculator link carries the model", async ({ page, request }) => {
  await page.goto(`/models/${SLUG}`);
  const hrefs = await page
    .getByTestId("related-models")
    .locator("a")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThanOrEqual(3);
  expect(hrefs).toContain("/models/deepseek-v3");
  for (const href of hrefs) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
  }
  const calculator = page.getByTestId("calculator-link");
  const href = await calculator.getAttribute("href");
  expect(new URL(href ?? "", "http://x").searchParams.get("model")).toBe(SLUG);
  expect((await request.get(href ?? "")).status()).toBe(200);
});

test("an unknown model slug answers 404 with a helpful page", async ({ page }) => {
  const response = await page.goto("/models/no-such-model-xyz");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
  await expect(page.getByRole("link", { name: "Browse all models" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the model page is complete static HTML", async ({ page }) => {
    await page.goto(`/models/${SLUG}`);
    await expect(page.getByTestId("spec-sheet")).toBeVisible();
    await expect(
      page.locator('[data-testid="requirements-table"] td[data-total-bytes]').first(),
    ).toBeVisible();
    await expect(page.getByTestId("gpu-fit")).toBeVisible();
    await expect(page.getByTestId("related-models")).toBeVisible();
  });
});

test("the Markdown twin answers at /models/<slug>.md and /models/<slug>/index.md", async ({ request }) => {
  for (const path of [`/models/${SLUG}.md`, `/models/${SLUG}/index.md`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/markdown");
    const text = await response.text();
    expect(text).toContain("DeepSeek R1");
    expect(text).toContain("kv_lora_rank");
  }
  expect((await request.get("/models/no-such-model.md")).status()).toBe(404);
});
