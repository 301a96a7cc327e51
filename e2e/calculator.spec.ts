import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { generatedModel, generatedModels } from "./content";

const run = promisify(execFile);

// Spawning the CLI (npm + tsx) takes a while on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

interface CliEstimate {
  bytes: { weights: number; kvCache: number; compute: number; overhead: number; total: number };
}

/** Runs the estimator CLI on a config object, the way a user would from a terminal. */
async function cliEstimate(config: unknown, args: string[]): Promise<CliEstimate> {
  const dir = mkdtempSync(path.join(tmpdir(), "calc-e2e-"));
  try {
    const file = path.join(dir, "config.json");
    writeFileSync(file, JSON.stringify(config));
    const { stdout } = await run(
      "npm",
      ["run", "--silent", "estimate", "--", "--config", file, ...args, "--json"],
      {
        cwd: process.cwd(),
      },
    );
    return JSON.parse(stdout) as CliEstimate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const total = (page: Page) => page.getByTestId("total");

async function totalBytes(page: Page): Promise<number> {
  return Number(await total(page).getAttribute("data-total-bytes"));
}

/** Opens the calculator and waits until the island has hydrated and applied the URL. */
async function openCalculator(page: Page, query = "") {
  await page.goto(`/calculator${query}`);
  await expect(page.getByTestId("calculator")).toHaveAttribute("data-ready", "true");
}

test("every control has a label", async ({ page }) => {
  await openCalculator(page);
  const unlabelled = await page
    .getByTestId("calculator")
    .locator("input, select, textarea")
    .evaluateAll((elements) =>
      elements
        .filter((element) => {
          const control = element as HTMLInputElement;
          const label = [...(control.labels ?? [])].map((l) => l.textContent?.trim() ?? "").join("");
          return label === "" && !control.getAttribute("aria-label");
        })
        .map((element) => element.outerHTML.slice(0, 80)),
    );
  expect(unlabelled).toEqual([]);
  await expect(page.getByRole("slider", { name: "Context length slider" })).toHaveAttribute(
    "aria-valuetext",
    "8K tokens",
  );
});

test("the server-rendered page has the default result before JavaScript runs", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/calculator");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("VRAM calculator");
  const bytes = await totalBytes(page);
  expect(bytes).toBeGreaterThan(0);
  await expect(page.getByTestId("command")).toContainText("llama-server");
  await expect(page.getByLabel("Model", { exact: true })).toBeVisible();
  await context.close();
});

test("the model count under the search matches the list, before and after the list fills", async ({
  browser,
}) => {
  const catalogSize = generatedModels().length;
  // Before JavaScript the list holds the chosen model only: the hint must not claim the whole catalog is in it.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const staticPage = await noScript.newPage();
  await staticPage.goto("/calculator");
  await expect(staticPage.locator("#calc-model option")).toHaveCount(1);
  await expect(staticPage.locator("#calc-model-count")).toHaveText(
    `${catalogSize} models; the list below fills in as soon as you use the form.`,
  );
  await noScript.close();
  // Once the form is used, the hint counts the options the list really holds, and follows the search.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/calculator");
  await page.getByLabel("Search models").fill("qwen");
  const shown = await page.locator("#calc-model option").count();
  expect(shown).toBeGreaterThan(1);
  expect(shown).toBeLessThan(catalogSize);
  await expect(page.locator("#calc-model-count")).toHaveText(
    `${shown} of ${catalogSize} models in the list below.`,
  );
  await context.close();
});

test("changing inputs changes the result and the URL, without a reload", async ({ page }) => {
  await openCalculator(page);
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  const start = await totalBytes(page);

  await page.getByLabel("Weight format").selectOption("Q8_0");
  await expect(total(page)).not.toHaveAttribute("data-total-bytes", String(start));
  const q8 = await totalBytes(page);
  expect(q8).toBeGreaterThan(start);
  await expect(page).toHaveURL(/quant=Q8_0/);

  await page.getByRole("spinbutton", { name: /Context length/ }).fill("32768");
  await expect(page).toHaveURL(/context=32768/);
  expect(await totalBytes(page)).toBeGreaterThan(q8);

  await page.getByLabel("KV-cache type").selectOption("q4_0");
  await expect(page).toHaveURL(/kv=q4_0/);
  await expect(page.getByTestId("command")).toContainText("--cache-type-v q4_0");
  await expect(page.getByTestId("command")).toContainText("-fa on");

  await page.getByLabel("Number of GPUs").fill("2");
  await expect(page.getByTestId("devices").locator("li")).toHaveCount(2);

  await page.getByLabel("vLLM").check();
  await expect(page).toHaveURL(/engine=vllm/);
  await expect(page.getByTestId("command")).toContainText("vllm serve meta-llama/");
  await expect(page.getByTestId("command")).toContainText("--tensor-parallel-size 2");

  const model = page.getByLabel("Model", { exact: true });
  await page.getByLabel("Search models").fill("gemma 2 9b");
  // The list keeps the current model and adds the matches.
  await expect(model.locator("option")).toHaveText(["Gemma 2 9B IT", "Llama 3.1 8B Instruct"]);
  await model.selectOption("gemma-2-9b");
  await expect(page).toHaveURL(/model=gemma-2-9b/);

  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await expect(page.getByTestId("live-total")).toContainText("Total");
});

const SHARED_CASES = [
  { slug: "llama-3-1-8b", quant: "Q4_K_M", context: 8192, extra: "", cli: [] as string[] },
  {
    slug: "gemma-2-9b",
    quant: "Q8_0",
    context: 4096,
    extra: "&kv=q8_0&seqs=4",
    cli: ["--kv-type", "q8_0", "--batch", "4"],
  },
  { slug: "qwen-3-30b-a3b", quant: "IQ2_XXS", context: 20000, extra: "", cli: [] },
  {
    slug: "deepseek-r1",
    quant: "FP8",
    context: 16384,
    extra: "&engine=vllm&gpu=h200&gpus=8",
    cli: ["--engine", "vllm"],
  },
];

for (const c of SHARED_CASES) {
  test(`a shared URL gives the CLI's total: ${c.slug} ${c.quant} @ ${c.context}${c.extra}`, async ({
    page,
  }) => {
    const expected = await cliEstimate(generatedModel(c.slug).architecture, [
      "--quant",
      c.quant,
      "--context",
      String(c.context),
      ...c.cli,
    ]);
    await openCalculator(page, `?model=${c.slug}&quant=${c.quant}&context=${c.context}${c.extra}`);
    await expect(page.getByTestId("state-problems")).toHaveCount(0);
    await expect(total(page)).toHaveAttribute("data-total-bytes", String(expected.bytes.total));
    for (const part of ["weights", "kvCache", "compute", "overhead"] as const) {
      await expect(page.locator(`[data-part="${part}"]`)).toHaveAttribute(
        "data-bytes",
        String(expected.bytes[part]),
      );
    }
    // The island rewrites the link in canonical form (every setting written out); reloading it restores the state.
    await expect(page).toHaveURL(/&ram=\d+$/);
    const url = page.url();
    await page.reload();
    await expect(total(page)).toHaveAttribute("data-total-bytes", String(expected.bytes.total));
    await expect(page).toHaveURL(url);
  });
}

test("pasting a config.json estimates the custom model, and its link restores it", async ({ page }) => {
  const config = {
    ...(generatedModel("llama-3-1-8b").architecture as Record<string, unknown>),
    num_hidden_layers: 20,
  };
  const expected = await cliEstimate(config, ["--quant", "Q5_K_M", "--context", "4096"]);
  await openCalculator(page);
  await page.getByLabel("Or paste a Hugging Face config.json").fill(JSON.stringify(config, null, 2));
  await page.getByRole("button", { name: "Use this config.json" }).click();
  await expect(page.getByTestId("config-message")).toContainText("llama config: 20 layers");
  await page.getByLabel("Weight format").selectOption("Q5_K_M");
  await page.getByRole("spinbutton", { name: /Context length/ }).fill("4096");
  await expect(total(page)).toHaveAttribute("data-total-bytes", String(expected.bytes.total));
  await expect(page).toHaveURL(/model=custom&cfg=.*&quant=Q5_K_M&context=4096&/);
  await expect(page.getByTestId("command")).toContainText("model-Q5_K_M.gguf");

  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(total(other)).toHaveAttribute("data-total-bytes", String(expected.bytes.total));
  await expect(other.getByLabel("Model", { exact: true })).toHaveValue("custom");
  await expect(other.getByTestId("state-problems")).toHaveCount(0);
});

test("pasting garbage shows a message and the calculator keeps working", async ({ page }) => {
  await openCalculator(page);
  const before = await totalBytes(page);
  const textarea = page.getByLabel("Or paste a Hugging Face config.json");
  const apply = page.getByRole("button", { name: "Use this config.json" });

  await textarea.fill("{ this is not json");
  await apply.click();
  await expect(page.getByTestId("config-message")).toContainText("not valid JSON");
  await expect(textarea).toHaveAttribute("aria-invalid", "true");

  await textarea.fill(JSON.stringify({ model_type: "bert", hidden_size: 768 }));
  await apply.click();
  await expect(page.getByTestId("config-message")).toContainText('unsupported "model_type" "bert"');

  await textarea.fill(JSON.stringify({ model_type: "llama", hidden_size: 4096 }));
  await apply.click();
  await expect(page.getByTestId("config-message")).toContainText("num_hidden_layers");

  expect(await totalBytes(page)).toBe(before);
  await expect(page.getByLabel("Model", { exact: true })).toHaveValue("llama-3-1-8b");
  await page.getByLabel("Weight format").selectOption("Q2_K");
  await expect(total(page)).not.toHaveAttribute("data-total-bytes", String(before));
});

test("the copy button puts the launch command on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openCalculator(page, "?model=mixtral-8x7b&quant=Q4_K_M&context=8192&gpu=rtx-4060-ti-16gb&ram=64");
  const command = (await page.getByTestId("command").textContent()) ?? "";
  expect(command).toMatch(/^llama-server -m \S+\.gguf -c 8192 -ngl \d+ --n-cpu-moe \d+ /);
  await page.getByTestId("copy-command").click();
  await expect(page.getByTestId("copy-command")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
});

test("hostile URL parameters are listed as ignored and never become markup", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  const script = "<script>window.__pwned=1</script>";
  const img = '<img src=x onerror="window.__pwned=2">';
  const query = new URLSearchParams({
    model: script,
    quant: img,
    context: "-5",
    gpus: "1e9",
    seqs: "99999999999999999999",
    gpu: "../../etc/passwd",
    [img]: "x",
  });
  await page.goto(`/calculator?${query.toString()}`);
  const problems = page.getByTestId("state-problems");
  await expect(problems).toBeVisible();
  for (const param of ["model", "quant", "context", "gpus", "seqs", "gpu"]) {
    await expect(problems.locator("code", { hasText: new RegExp(`^${param}$`) })).toHaveCount(1);
  }
  await expect(problems).toContainText("<script>window.__pwned=1</script>");
  expect(await page.locator("img[src='x']").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);

  // Defaults are used: the same total as a clean page.
  const clean = await page.context().newPage();
  await openCalculator(clean);
  await expect(total(page)).toHaveAttribute("data-total-bytes", String(await totalBytes(clean)));
  await expect(page).toHaveURL(/model=llama-3-1-8b/);
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(problems).toHaveCount(0);
});

test("applying a shared URL on hydration does not shift the layout", async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await openCalculator(
    page,
    "?model=deepseek-r1&quant=IQ1_S&context=65536&kv=q4_0&gpu=h100-sxm&gpus=8&seqs=4",
  );
  // The URL's values are in the form and the result; layout shifts are reported for the frames that paint them, so
  // wait two frames past that state before reading the sum.
  await expect(page.locator("#calc-quant")).toHaveValue("IQ1_S");
  await expect(page.locator("#calc-kv")).toHaveValue("q4_0");
  await expect(page.locator("#calc-gpus")).toHaveValue("8");
  const cls = await page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve((window as unknown as { __cls: number }).__cls)),
        ),
      ),
  );
  console.log(`layout shift after applying the URL: ${cls.toFixed(4)}`);
  expect(cls).toBeLessThan(0.01);
});
