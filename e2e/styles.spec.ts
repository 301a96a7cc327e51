// How the stylesheet reaches the page and what it does there: inline in the first response (no render-blocking
// request), kept across a client-side navigation, and long-form text styled only outside .not-prose blocks.
import { expect, test } from "@playwright/test";

const MODEL = "/models/llama-3-1-70b";

test("a model page's first load asks for no stylesheet: the CSS is in the HTML", async ({ page }) => {
  const stylesheets: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "stylesheet" || request.url().endsWith(".css"))
      stylesheets.push(request.url());
  });
  const response = await page.goto(MODEL);
  const html = (await response?.text()) ?? "";
  expect(html).toMatch(/<style[^>]*data-precedence="next"/);
  expect(html).not.toMatch(/<link[^>]*rel="stylesheet"/);
  await page.waitForLoadState("load");
  expect(stylesheets).toEqual([]);
  await expect(page.locator("h1")).toHaveCSS("font-weight", "700");
});

test("styles survive a client-side navigation from a model page", async ({ page }) => {
  await page.goto(MODEL);
  await page.waitForLoadState("load");
  // The breadcrumbs are a hydrated next/link: a click is a client-side navigation, not a new document.
  const marker = await page.evaluate(
    () => ((window as unknown as { navMarker: number }).navMarker = Math.random()),
  );
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Models" }).click();
  await expect(page).toHaveURL(/\/models$/);
  expect(await page.evaluate(() => (window as unknown as { navMarker?: number }).navMarker)).toBe(marker);
  await expect(page.locator("h1")).toHaveCSS("font-weight", "700");
  expect(await page.locator("style[data-precedence], link[rel=stylesheet]").count()).toBeGreaterThan(0);
});

test("long-form text is styled in prose and not inside .not-prose blocks", async ({ page }) => {
  await page.goto(MODEL);
  const heading = page.locator(".prose > h2").first();
  await expect(heading).toHaveCSS("font-size", "24px");
  await expect(heading).toHaveCSS("font-weight", "700");
  const paragraph = page.locator(".prose > p").nth(1);
  await expect(paragraph).toHaveCSS("margin-top", "20px");
  // The spec sheet's source note sits in a .not-prose block: its own mt-2 (8 px), not the prose 1.25em.
  const note = page.getByTestId("spec-sheet").locator("xpath=following-sibling::p[1]");
  await expect(note).toHaveCSS("margin-top", "8px");
  await page.goto("/methodology");
  await expect(page.locator(".prose section ul").first()).toHaveCSS("list-style-type", "disc");
  await expect(page.locator(".prose section h2").first()).toHaveCSS("margin-top", "0px");
});
