// Phone checks at 390 × 844 (and 360 wide for the widest pages): nothing scrolls sideways, the calculator keeps its
// verdict in view while a field is being edited, tables scroll inside their box with the first column in view, the
// /models filters fold behind a button, and Back / Forward land on the URLs the user saw.
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const PAGES = [
  { name: "home", path: "/" },
  { name: "/models", path: "/models" },
  { name: "model page", path: "/models/llama-3-1-70b" },
  { name: "calculator", path: "/calculator" },
  { name: "compare, two models", path: "/compare?models=llama-3-1-8b,qwen-3-30b-a3b" },
  { name: "compare, three models", path: "/compare?models=llama-3-1-8b,qwen-3-30b-a3b,deepseek-r1" },
  { name: "/gpus", path: "/gpus" },
  { name: "GPU page", path: "/gpus/rtx-4090" },
  { name: "methodology", path: "/methodology" },
] as const;

/** How far the document is wider than the viewport (0 when nothing scrolls sideways). */
async function overflowPx(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Elements that stick out past the right edge of the viewport (outside scrollable boxes), for the failure text. */
async function offenders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX === "auto" || style.overflowX === "scroll" || style.overflowX === "hidden")
          return true;
      }
      return false;
    };
    return Array.from(document.body.querySelectorAll("*"))
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !inScroller(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${el.className}`.slice(0, 120));
  });
}

for (const { name, path } of PAGES) {
  for (const width of [390, 360]) {
    test(`${name} at ${width} px: the document is no wider than the screen`, async ({ page }) => {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(path);
      await page.waitForLoadState("load");
      if (path.startsWith("/calculator"))
        await expect(page.getByTestId("calculator")).toHaveAttribute("data-ready", "true");
      if (path.startsWith("/compare"))
        await expect(page.locator('[data-testid="compare"][data-ready="true"]')).toBeAttached();
      expect(await overflowPx(page), (await offenders(page)).join("\n")).toBeLessThanOrEqual(0);
    });
  }
}

test("calculator: the compact result stays in view while the context field is edited, and mirrors the verdict", async ({
  page,
}) => {
  await page.goto("/calculator?model=llama-3-1-8b&gpu=rtx-4090&ram=0");
  await expect(page.getByTestId("calculator")).toHaveAttribute("data-ready", "true");
  const compact = page.getByTestId("compact-result");
  const field = page.locator("#calc-context");
  await field.focus();
  await expect(field).toBeInViewport();
  await expect(compact).toBeInViewport();
  await expect(compact).toHaveAttribute(
    "data-compact-fits",
    (await page.getByTestId("result-root").getAttribute("data-fits")) ?? "",
  );
  await expect(compact).toContainText(await page.getByTestId("total").innerText());
  await expect(compact).toContainText("RTX 4090");

  // A context over the maximum: a visible message next to the field that says what is still used.
  await field.fill("500000");
  const error = page.getByTestId("calc-context-error");
  await expect(error).toBeVisible();
  await expect(error).toContainText("500,000 is above the maximum of 131,072 tokens");
  await expect(error).toContainText("still use 8,192 tokens");
  await expect(compact).toBeInViewport();

  // A change the verdict follows: 4 × the memory on one small card no longer fits.
  await field.fill("131072");
  await page.locator("#calc-gpu").selectOption("rtx-3060-12gb");
  await expect(page.getByTestId("result-root")).toHaveAttribute("data-fits", "false");
  await expect(compact).toHaveAttribute("data-compact-fits", "false");
  // The verdict attribute belongs to the result root alone.
  await expect(page.locator("[data-fits]")).toHaveCount(1);
  await expect(compact).toContainText("Does not fit");
});

test("calculator: the launch command wraps between arguments only", async ({ page }) => {
  await page.goto("/calculator?model=llama-3-1-70b&gpus=2");
  await expect(page.getByTestId("calculator")).toHaveAttribute("data-ready", "true");
  const command = page.getByTestId("command");
  // Every argument is one unbroken box: a span that wrapped would have two client rects.
  const split = await command
    .locator("span")
    .evaluateAll((spans) =>
      spans.filter((span) => span.getClientRects().length > 1).map((span) => span.textContent),
    );
  expect(split).toEqual([]);
  const box = await command.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(390);
});

test("calculator: an engine switch says what it changed and why", async ({ page }) => {
  await page.goto("/calculator?model=llama-3-1-8b&quant=Q5_K_M&kv=q8_0");
  await expect(page.getByTestId("calculator")).toHaveAttribute("data-ready", "true");
  await page.getByLabel("vLLM", { exact: true }).check();
  const note = page.getByTestId("engine-note");
  await expect(note).toContainText("Q5_K_M");
  await expect(note).toContainText("KV cache q8_0 → fp8");
  // Formats carry the model's own average bits per weight: Q4_K_M and Q4_0 no longer read alike.
  await page.getByLabel("llama.cpp", { exact: true }).check();
  const labels = await page.locator("#calc-quant option").allInnerTexts();
  const bits = (id: string) =>
    labels.find((label) => label.includes(`GGUF ${id} `))?.match(/([\d.]+) bits/)?.[1];
  expect(bits("Q4_K_M")).toBeDefined();
  expect(bits("Q4_K_M")).not.toBe(bits("Q4_0"));
});

test("model page: the requirements table scrolls inside its box with the format column in view", async ({
  page,
}) => {
  await page.goto("/models/llama-3-1-70b");
  const region = page.getByRole("region", { name: /Memory requirements of .*, scrollable/ });
  await region.scrollIntoViewIfNeeded();
  const canScroll = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(canScroll).toBe(true);
  await region.evaluate((el) => el.scrollBy({ left: 400 }));
  const firstCell = region.locator("tbody th").first();
  await expect(firstCell).toBeInViewport();
  const box = await firstCell.boundingBox();
  const regionBox = await region.boundingBox();
  expect(box && regionBox && Math.abs(box.x - regionBox.x)).toBeLessThanOrEqual(2);
});

test("compare with two models: both columns are on screen", async ({ page }) => {
  await page.goto("/compare?models=llama-3-1-8b,qwen-3-30b-a3b");
  await expect(page.locator('[data-testid="compare"][data-ready="true"]')).toBeAttached();
  for (const slug of ["llama-3-1-8b", "qwen-3-30b-a3b"]) {
    const head = page.locator(`[data-testid="compare-table"] thead th[data-slug="${slug}"]`);
    const box = await head.boundingBox();
    expect(box && box.x + box.width, slug).toBeLessThanOrEqual(390);
  }
});

test("/models: the filters fold behind a button on a phone", async ({ page }) => {
  await page.goto("/models");
  await expect(page.getByLabel("Search by name or alias")).toBeVisible();
  await expect(page.locator("#filter-family")).toBeHidden();
  await page.getByText("Filters and sort").click();
  await expect(page.locator("#filter-family")).toBeVisible();
});

test("history: Home → Browse all models → search → Back and Forward show the URLs the user saw", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: /Browse all \d+ models/ }).click();
  await expect(page).toHaveURL(/\/models$/);
  await expect(page.locator('form#catalog-filter[data-enhanced="true"]')).toBeAttached();
  const search = page.getByLabel("Search by name or alias");
  await search.fill("gemma");
  await expect(page).toHaveURL(/\/models\?q=gemma$/);

  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("All models");
  // The home entry kept its own address: no ?q= leaked onto it.
  expect(new URL(page.url()).search).toBe("");

  await page.goForward();
  await expect(page).toHaveURL(/\/models\?q=gemma$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("All models");
  await expect(page.getByLabel("Search by name or alias")).toHaveValue("gemma");
});

test("history: filtering /models replaces its own entry only", async ({ page }) => {
  await page.goto("/gpus");
  await page.goto("/models");
  await expect(page.locator('form#catalog-filter[data-enhanced="true"]')).toBeAttached();
  await page.getByLabel("Search by name or alias").fill("qwen");
  await page.getByLabel("Search by name or alias").fill("qwen3");
  await expect(page).toHaveURL(/\/models\?q=qwen3$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/gpus$/);
});
