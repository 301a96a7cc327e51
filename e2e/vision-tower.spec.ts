import { expect, test } from "@playwright/test";
import { estimateVisionTower, parseConfig } from "../lib/estimator";
import { generatedModel } from "./content";

test.use({ viewport: { width: 390, height: 844 } });

test("a Qwen3-VL page shows the vision projector beside the requirements, without sideways scroll", async ({
  page,
}) => {
  const response = await page.goto("/models/qwen-3-vl-8b");
  expect(response?.status()).toBe(200);
  const tower = estimateVisionTower(parseConfig(generatedModel("qwen-3-vl-8b").architecture).vision!);
  const gib = (tower.mmprojBytes.f16 / 1024 ** 3).toFixed(2);
  const box = page.getByTestId("vision-tower");
  await expect(box).toBeVisible();
  await expect(box).toContainText(`+ ${gib} GiB for the vision projector (mmproj, f16)`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a text-only model page has no vision projector line", async ({ page }) => {
  await page.goto("/models/qwen-3-8b");
  await expect(page.getByTestId("requirements-table")).toBeVisible();
  await expect(page.getByTestId("vision-tower")).toHaveCount(0);
});
