import { describe, expect, it } from "vitest";
import { gpuData, gpuDataEntry } from "@/lib/publish/gpu-data";
import { getGpu, getGpus } from "@/lib/content/gpus";

// The keys issue 10's contract promises to anyone reading /api/gpus.json.
const CONTRACT_KEYS = [
  "slug",
  "name",
  "vendor",
  "memoryBytes",
  "usableBytes",
  "bandwidthBytesPerSecond",
  "unifiedMemory",
  "source",
] as const;

describe("/api/gpus.json builder", () => {
  const data = gpuData(getGpus());

  it("has one entry per catalog GPU, at least 45, with the contract keys and types", () => {
    expect(data.length).toBe(getGpus().length);
    expect(data.length).toBeGreaterThanOrEqual(45);
    for (const entry of data) {
      for (const key of CONTRACT_KEYS) expect(entry, `${entry.slug}.${key}`).toHaveProperty(key);
      expect(typeof entry.slug).toBe("string");
      expect(Number.isSafeInteger(entry.memoryBytes)).toBe(true);
      expect(Number.isSafeInteger(entry.usableBytes)).toBe(true);
      expect(entry.bandwidthBytesPerSecond).toBeGreaterThan(0);
      expect(typeof entry.unifiedMemory).toBe("boolean");
      expect(entry.source.startsWith("https://")).toBe(true);
    }
  });

  it("survives a JSON round trip unchanged (no undefined, NaN or Infinity)", () => {
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it("carries the Mac cap and how to raise it", () => {
    const mac = gpuDataEntry(getGpu("m4-pro-64gb")!);
    expect(mac).toMatchObject({ memoryBytes: 64 * 2 ** 30, usableBytes: 48 * 2 ** 30, unifiedMemory: true });
    expect(mac.raisedUsableBytes).toBe(56 * 2 ** 30);
    expect(mac.raiseLimitHow).toContain("sudo sysctl iogpu.wired_limit_mb=57344");
    const card = gpuDataEntry(getGpu("rtx-4090")!);
    expect(card).toMatchObject({
      usableBytes: card.memoryBytes,
      unifiedMemory: false,
      raisedUsableBytes: null,
    });
    expect(card.page).toBe("/gpus/rtx-4090");
  });
});
