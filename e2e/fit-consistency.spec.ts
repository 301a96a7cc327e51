// One answer everywhere: for every catalog model and a set of GPUs (8, 12, 16, 24 GB cards, a Mac, an 80 GB card),
// the model page, the GPU page, the JSON data, the Markdown twin and the calculator (in Chromium) agree.
import { expect, test } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import { generatedModels } from "./content";

const GPUS = [
  "rtx-4060",
  "rtx-3060-12gb",
  "rtx-5060-ti-16gb",
  "rtx-4090",
  "m4-max-64gb",
  "h100-sxm",
] as const;

interface FitEntry {
  gpu: string;
  usableBytes: number;
  bestFormat8k: string | null;
  longestContextQ4KM: number;
  contextLimit: "memory" | "model";
}

async function json<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

async function text(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return response.text();
}

const decode = (value: string) =>
  value
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .trim();

/** The model page's "longest context on common hardware" cells: gpu → { tokens, text }. */
function contextCells(html: string): Map<string, { tokens: number; text: string }> {
  const table = html.slice(html.indexOf('data-testid="context-fit"'));
  const cells = new Map<string, { tokens: number; text: string }>();
  const row = /<tr[^>]*data-gpu="([a-z0-9-]+)"[^>]*>.*?<td[^>]*data-max-context="(\d+)"[^>]*>(.*?)<\/td>/gs;
  for (const match of table.slice(0, table.indexOf("</table>")).matchAll(row)) {
    cells.set(match[1]!, { tokens: Number(match[2]), text: decode(match[3]!) });
  }
  return cells;
}

/** The GPU page's rows: model → { fit kind, format, longest context }. */
function gpuRows(html: string): Map<string, { kind: string; format: string; tokens: number }> {
  const rows = new Map<string, { kind: string; format: string; tokens: number }>();
  const row =
    /<tr[^>]*data-model="([a-z0-9-]+)" data-format="([^"]+)" data-fit="([a-z]+)" data-max-context="(\d+)"/g;
  for (const match of html.matchAll(row)) {
    rows.set(match[1]!, { format: match[2]!, kind: match[3]!, tokens: Number(match[4]) });
  }
  return rows;
}

test("model pages, GPU pages, JSON and Markdown twins give the same answer", async ({ request }) => {
  test.setTimeout(300_000);
  const index = await json<{ models: { slug: string }[] }>(request, "/api/models.json");
  const gpuPages = new Map<string, Map<string, { kind: string; format: string; tokens: number }>>();
  for (const gpu of GPUS) gpuPages.set(gpu, gpuRows(await text(request, `/gpus/${gpu}`)));

  for (const { slug } of index.models) {
    const doc = await json<{ fit: FitEntry[] }>(request, `/api/models/${slug}.json`);
    const html = await text(request, `/models/${slug}`);
    const markdown = await text(request, `/models/${slug}/index.md`);
    const cells = contextCells(html);
    for (const gpu of GPUS) {
      const entry = doc.fit.find((fit) => fit.gpu === gpu);
      expect(entry, `${slug} ${gpu} in JSON`).toBeDefined();
      if (!entry) continue;
      expect(entry.longestContextQ4KM === 0 || entry.longestContextQ4KM >= 4096, `${slug} ${gpu}`).toBe(true);

      // The model page's context table, where it lists this GPU, shows the JSON's figure, and the Markdown
      // twin the same words.
      const cell = cells.get(gpu);
      if (cell) {
        expect(cell.tokens, `${slug} page vs JSON on ${gpu}`).toBe(entry.longestContextQ4KM);
        expect(markdown, `${slug} Markdown on ${gpu}`).toContain(`| ${cell.text} |`);
      }

      // The GPU page: GPU-only fits name the JSON's best format; at Q4_K_M, the same longest context.
      const row = gpuPages.get(gpu)?.get(slug);
      expect(row, `${slug} on /gpus/${gpu}`).toBeDefined();
      if (!row) continue;
      if (entry.bestFormat8k !== null) {
        expect(row.kind, `${slug} on ${gpu}`).toBe("gpu");
        expect(row.format, `${slug} on ${gpu}`).toBe(entry.bestFormat8k);
        if (row.format === "Q4_K_M") expect(row.tokens, `${slug} on ${gpu}`).toBe(entry.longestContextQ4KM);
      } else {
        expect(row.kind, `${slug} on ${gpu}`).not.toBe("gpu");
      }
    }
  }
});

// The calculator runs the same planner in the browser: a sample of models, every GPU of the set.
const CALCULATOR_MODELS = [
  "qwen-3-8b",
  "llama-3-1-8b",
  "gemma-2-27b",
  "gpt-oss-120b",
  "qwen-3-30b-a3b",
  "llama-3-3-70b",
  "deepseek-r1",
] as const;

for (const slug of CALCULATOR_MODELS) {
  test(`the calculator agrees with the JSON for ${slug}`, async ({ page, request }) => {
    const doc = await json<{ fit: FitEntry[] }>(request, `/api/models/${slug}.json`);
    for (const gpu of GPUS) {
      const entry = doc.fit.find((fit) => fit.gpu === gpu)!;
      await page.goto(`/calculator?model=${slug}&quant=Q4_K_M&context=4096&gpu=${gpu}&gpus=1&ram=0`);
      const root = page.getByTestId("result-root");
      await expect(root, `${slug} on ${gpu}`).toHaveAttribute(
        "data-longest-context",
        String(entry.longestContextQ4KM),
      );
      // At the smallest useful context the verdict is "fits" exactly when some context fits.
      await expect(root).toHaveAttribute("data-fits", String(entry.longestContextQ4KM > 0));
    }
  });
}

// The first screen answers: on a 390×844 phone and a 1366×768 desktop, the memory figure and the first piece of
// hardware that runs it are visible without scrolling, for the models with the longest names and summaries.
const LONGEST_INTROS = generatedModels()
  .map((model) => ({ slug: model.slug, length: model.name.length * 3 + (model.summary?.length ?? 0) }))
  .sort((a, b) => b.length - a.length)
  .slice(0, 6)
  .map((entry) => entry.slug);

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
]) {
  test(`the answer is on the first screen at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const slug of LONGEST_INTROS) {
      await page.goto(`/models/${slug}`);
      const answer = page.getByTestId("run-answer");
      const figure = answer.locator("[data-total-bytes]");
      const firstSetup = answer.locator("li").first();
      for (const element of [figure, firstSetup]) {
        const box = await element.boundingBox();
        expect(box, slug).not.toBeNull();
        expect(box!.y + box!.height, `${slug}: below the first screen`).toBeLessThanOrEqual(viewport.height);
      }
    }
  });
}
