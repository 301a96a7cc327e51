import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";

const testdata = (name: string) =>
  readFileSync(path.join(process.cwd(), "lib/evidence/testdata", name), "utf8");

async function noSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

test("RTX 4090 page shows measured tokens/s with a link to the llama.cpp discussion", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/gpus/rtx-4090");
  const table = page.getByTestId("measured-speed-table");
  const row = table.locator('[data-point="rtx-4090-cuda-llama-2-7b-q4_0"]');
  await expect(row.locator("[data-tg]")).toContainText("186 tok/s");
  await expect(row.locator("[data-bound]")).toContainText("≤");
  const link = row.locator("a[data-source-link]");
  await expect(link).toHaveAttribute("href", "https://github.com/ggml-org/llama.cpp/discussions/15013");
  await expect(link).toHaveText("llama.cpp discussion #15013");
  await expect(page.getByTestId("gpu-prefill")).toContainText("for a prompt of 8K tokens");
  await expect(page.getByTestId("gpu-best-format")).toContainText("BF16");
  await noSidewaysScroll(page);
});

test("Llama 3 8B page shows quality loss per format with its source", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/models/llama-3-8b");
  const table = page.getByTestId("quality-per-format");
  await expect(table.locator('tr[data-format="Q4_K_M"]')).toHaveAttribute("data-kld", "0.031273");
  await expect(table.locator('tr[data-format="Q4_K_M"]')).toContainText("0.0313");
  await expect(table.locator("tbody tr")).toHaveCount(16);
  await expect(
    page.locator('a[href="https://github.com/ggml-org/llama.cpp/blob/master/tools/perplexity/README.md"]'),
  ).toBeVisible();
  const answers = page.getByTestId("best-format-per-gpu");
  await expect(answers.locator('[data-gpu="rtx-3060-12gb"]')).toHaveAttribute("data-format", "Q8_0");
  await expect(answers.locator('[data-gpu="rtx-3060-12gb"]')).toContainText("measured KL divergence 0.0014");
  await expect(
    page.getByTestId("speed-estimates").locator('[data-gpu="rtx-4090"] [data-prefill-seconds]'),
  ).toContainText(" s");
  await noSidewaysScroll(page);
});

test("calculator: a pasted llama.cpp log shows measured beside the estimate", async ({ page }) => {
  await page.goto("/calculator");
  const box = page.getByTestId("log-check");
  await box.locator("summary").click();
  await page.getByTestId("log-check-input").fill(testdata("ollama-llama-3.1-8b-q4_k_m-4090.log"));
  const table = page.getByTestId("log-check-table");
  await expect(box).toContainText("Llama 3.1 8B Instruct · llama.cpp · Q4_K_M");
  const kv = table.locator('tr[data-term="kvCache"] td');
  await expect(kv.nth(0)).toHaveText("1.00 GiB");
  await expect(kv.nth(1)).toHaveText("1.00 GiB");
  await expect(table.locator('tr[data-term="weights"] td').nth(1)).toHaveText("4.58 GiB");
  await expect(table.locator('tr[data-term="compute"] td').nth(1)).toHaveAttribute(
    "data-bytes",
    String(560 * 2 ** 20 + Math.round(24.01 * 2 ** 20)),
  );

  await page.getByTestId("log-check-input").fill(testdata("vllm-llama-3.1-8b-bf16-a100.log"));
  await expect(table.locator('tr[data-term="weights"] td').nth(1)).toHaveText("15.0 GiB");
  await expect(table.locator('tr[data-term="compute"] td').nth(1)).toHaveText("not in log");

  await page.getByTestId("log-check-input").fill("just some text");
  await expect(page.getByTestId("log-check-error")).toContainText("not a llama.cpp or vLLM start-up log");
  await expect(page.getByTestId("prefill-estimate")).not.toBeEmpty();
  await expect(page.getByTestId("best-format")).not.toBeEmpty();
});
