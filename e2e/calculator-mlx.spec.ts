// MLX on the calculator, in Chromium on the production build: choosing the engine shows the MLX formats and a Mac,
// the verdict uses the Mac's GPU share, the commands are mlx-lm's, a shared link restores it (with the CLI's total),
// a GPU MLX is not sized for gets no verdict, and nothing scrolls sideways on a phone.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { generatedModel } from "./content";

const run = promisify(execFile);

// Spawning the CLI (npm + tsx) takes a while on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

async function openCalculator(page: Page, query = "") {
  await page.goto(`/calculator${query}`);
  await expect(page.getByTestId("calculator")).toHaveAttribute("data-ready", "true");
}

/** The estimator CLI's total for a catalog model, run the way a user would from a terminal. */
async function cliTotalBytes(slug: string, args: string[]): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), "calc-mlx-e2e-"));
  try {
    const file = path.join(dir, "config.json");
    writeFileSync(file, JSON.stringify(generatedModel(slug).architecture));
    const { stdout } = await run(
      "npm",
      ["run", "--silent", "estimate", "--", "--config", file, ...args, "--json"],
      {
        cwd: process.cwd(),
      },
    );
    return (JSON.parse(stdout) as { bytes: { total: number } }).bytes.total;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const QWEN3_8B_16GB = "?model=qwen-3-8b&engine=mlx&quant=MLX-4bit&context=8192&gpu=m4-16gb";

test("choosing MLX offers its formats and a Mac, and prints the mlx-lm commands", async ({ page }) => {
  await openCalculator(page);
  await page.getByLabel("MLX", { exact: true }).check();
  await expect(page).toHaveURL(/engine=mlx/);
  const note = page.getByTestId("engine-note");
  await expect(note).toContainText("Weight format GGUF Q4_K_M → MLX 4-bit: MLX does not load GGUF files");
  await expect(note).toContainText("Hardware GeForce RTX 4090 → Apple");
  await expect(page.getByTestId("hardware-engine-note")).toBeEmpty();

  const formats = await page
    .getByLabel("Weight format")
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(formats.sort()).toEqual(["BF16", "F16", "MLX-3bit", "MLX-4bit", "MLX-6bit", "MLX-8bit"]);
  const kvTypes = await page
    .getByLabel("KV-cache type")
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(kvTypes).toEqual(["f16", "bf16"]);
  await expect(page.getByLabel("System RAM for offload (GB)")).toBeDisabled();

  await page.getByLabel("GPU", { exact: true }).selectOption("m4-16gb");
  await page.getByLabel("Search models").fill("qwen3 8b");
  await page.getByLabel("Model", { exact: true }).selectOption("qwen-3-8b");
  await expect(page).toHaveURL(/model=qwen-3-8b/);
  await expect(page.getByTestId("fit-status")).toHaveText("Fits in GPU memory");
  await expect(page.getByTestId("command-prepare")).toHaveText(
    "mlx_lm.convert --hf-path Qwen/Qwen3-8B -q --q-bits 4 --q-group-size 64 --mlx-path Qwen3-8B-MLX-4bit",
  );
  const command = page.getByTestId("command");
  await expect(command).toContainText("mlx_lm.server --model Qwen3-8B-MLX-4bit --port 8080");
  await expect(command).not.toContainText("-ngl");
  await expect(page.getByTestId("offload")).toContainText(
    "MLX keeps the whole model in the Mac's unified memory",
  );
});

test("a shared MLX link loads with the CLI's total and the same commands", async ({ page }) => {
  const expected = await cliTotalBytes("qwen-3-8b", [
    "--engine",
    "mlx",
    "--quant",
    "MLX-4bit",
    "--context",
    "8192",
  ]);
  await openCalculator(page, QWEN3_8B_16GB);
  await expect(page.getByTestId("state-problems")).toHaveCount(0);
  await expect(page.getByLabel("MLX", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Weight format")).toHaveValue("MLX-4bit");
  await expect(page.getByTestId("total")).toHaveAttribute("data-total-bytes", String(expected));
  await expect(page.getByTestId("fit-status")).toHaveText("Fits in GPU memory");
  await expect(page.getByTestId("command")).toContainText("mlx_lm.server");
  await expect(page.getByTestId("command-prepare")).toContainText("--q-bits 4");
});

test("MLX on a GeForce from a link: a clear note beside the GPU and no verdict", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openCalculator(page, "?model=qwen-3-8b&engine=mlx&quant=MLX-4bit&gpu=rtx-4090");
  await expect(page.getByTestId("hardware-engine-note")).toHaveText(
    /^MLX is estimated for Apple silicon only, not for the GeForce RTX 4090: pick a Mac/,
  );
  await expect(page.getByTestId("fit-status")).toHaveText(
    "No verdict: MLX is estimated for Apple silicon only",
  );
  await expect(page.getByTestId("compact-result")).toContainText("MLX needs a Mac");
  await expect(page.locator("[data-testid=result-root]")).toHaveAttribute("data-fits", "false");
});

test("on a 390 px phone, MLX with its commands and notes does not scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openCalculator(page, QWEN3_8B_16GB);
  await expect(page.getByTestId("command-prepare")).toBeVisible();
  await page.getByLabel("llama.cpp", { exact: true }).check();
  await page.getByLabel("MLX", { exact: true }).check();
  await page.getByLabel("GPU", { exact: true }).selectOption("rtx-4090");
  await expect(page.getByTestId("hardware-engine-note")).not.toBeEmpty();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
