// Freshness in the built site: the home page's newest releases and /models?sort=release-desc both run newest first,
// every card shows its release month, and a model page lists its family newest first.
import { expect, test } from "@playwright/test";
import { generatedModels } from "./content";

interface Dated {
  slug: string;
  name: string;
  family: string;
  releaseDate: string;
}

const content = generatedModels() as unknown as Dated[];
const released = new Map(content.map((model) => [model.slug, model.releaseDate]));

function newestFirst(slugs: string[]): boolean {
  const dates = slugs.map((slug) => released.get(slug) ?? "");
  return dates.every((date, index) => index === 0 || (dates[index - 1] ?? "") >= date);
}

test("the home page lists the newest releases first, each with its month, and links to the newest-first catalog", async ({
  page,
}) => {
  await page.goto("/");
  const items = page.getByTestId("model-list").locator("li");
  const slugs = await items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-slug") ?? ""));
  expect(slugs.length).toBeGreaterThan(3);
  expect(newestFirst(slugs)).toBe(true);
  const newest = [...content].sort((a, b) => b.releaseDate.localeCompare(a.releaseDate))[0];
  expect(released.get(slugs[0] ?? "")).toBe(newest?.releaseDate);
  const first = items.first().locator("time");
  await expect(first).toHaveAttribute("datetime", released.get(slugs[0] ?? "") ?? "");
  await expect(first).toHaveText(/^[A-Z][a-z]{2} \d{4}$/);
  await page.getByRole("link", { name: /newest first/ }).click();
  await expect(page).toHaveURL(/\/models\?sort=release-desc$/);
  await expect(page.locator('form#catalog-filter[data-enhanced="true"]')).toBeAttached();
  await expect(page.locator("#filter-sort")).toHaveValue("release-desc");
  // The island moves the list items into the chosen order.
  const shownSlugs = () =>
    page
      .locator("#catalog-list > li")
      .evaluateAll((nodes) =>
        nodes
          .filter((node) => !(node as HTMLElement).hidden)
          .map((node) => node.getAttribute("data-slug") ?? ""),
      );
  await expect.poll(async () => newestFirst(await shownSlugs())).toBe(true);
  expect(await shownSlugs()).toHaveLength(content.length);
});

test("a model page lists its family newest first", async ({ page }) => {
  await page.goto("/models/qwen-3-8b");
  const family = content.filter((model) => model.family === "Qwen3");
  const section = page.getByTestId("family-members");
  const slugs = await section
    .locator("li")
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-slug") ?? ""));
  expect(slugs.sort()).toEqual(family.map((model) => model.slug).sort());
  const shown = await section
    .locator("li")
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-slug") ?? ""));
  expect(newestFirst(shown)).toBe(true);
  await expect(section.locator('[aria-current="page"]')).toHaveText("Qwen3 8B (this page)");
});
