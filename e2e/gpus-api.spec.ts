// /api/gpus.json against the contract of issue 10, and the unified-memory note on a Mac's GPU page.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { GPU_CONTRACT_KEYS as CONTRACT_KEYS } from "../lib/publish/gpu-contract.test-utils";

const catalogSlugs = (
  JSON.parse(readFileSync(path.join(process.cwd(), "content", "gpus.json"), "utf8")) as { slug: string }[]
).map((gpu) => gpu.slug);

test("/api/gpus.json lists at least 45 GPUs with the contract keys", async ({ request }) => {
  const response = await request.get("/api/gpus.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = (await response.json()) as Record<string, unknown>[];
  expect(Array.isArray(body)).toBe(true);
  expect(body.length).toBeGreaterThanOrEqual(45);
  expect(body.map((entry) => entry["slug"]).sort()).toEqual([...catalogSlugs].sort());
  for (const entry of body) {
    for (const key of CONTRACT_KEYS) expect(entry, `${String(entry["slug"])}.${key}`).toHaveProperty(key);
    expect(Number.isSafeInteger(entry["usableBytes"])).toBe(true);
    expect(entry["usableBytes"] as number).toBeLessThanOrEqual(entry["memoryBytes"] as number);
    expect(String(entry["source"])).toMatch(/^https:\/\//);
  }
  const mac = body.find((entry) => entry["slug"] === "m4-max-128gb");
  expect(mac).toMatchObject({ unifiedMemory: true, usableBytes: 96 * 2 ** 30 });
});

test("a Mac's GPU page shows the default cap and the sysctl that raises it", async ({ page }) => {
  await page.goto("/gpus/m4-max-128gb");
  const note = page.getByTestId("unified-memory");
  await expect(note).toContainText("96.0 GiB usable by default");
  await expect(note).toContainText("sudo sysctl iogpu.wired_limit_mb=122880");
});
