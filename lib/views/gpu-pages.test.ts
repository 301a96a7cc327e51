import { describe, expect, it } from "vitest";
import { decodeTokensPerSecondUpperBound, planPlacement } from "@/lib/estimator";
import type { EstimateInput, WeightFormat } from "@/lib/estimator";
import { gpuGroups, modelFitOnGpu, modelsOnGpu } from "@/lib/views/gpu-pages";
import { getGpu, getGpus } from "@/lib/content/gpus";
import type { Gpu } from "@/lib/content/gpus";
import { getModel, getModels } from "@/lib/content/models";
import { tableFormats } from "@/lib/views/requirements";

// Written out here rather than imported, so a change to the pages' profile has to be a deliberate one.
const PROFILE = { engine: "llama.cpp", kvCacheType: "f16", sequences: 1, ubatchTokens: 512 } as const;
const models = getModels();

function gpu(slug: string): Gpu {
  const found = getGpu(slug);
  if (!found) throw new Error(`no GPU ${slug}`);
  return found;
}

function fitsOneCard(slug: string, card: Gpu, format: WeightFormat, contextTokens: number): boolean {
  const model = getModel(slug)!;
  const input: EstimateInput = { ...PROFILE, format, contextTokens };
  return planPlacement(model.architecture, input, { gpuMemoryBytes: card.usableBytes, gpuCount: 1 })
    .fitsInGpuOnly;
}

describe("gpuGroups", () => {
  it("puts every GPU in exactly one group of its category", () => {
    const groups = gpuGroups(getGpus());
    const listed = groups.flatMap((group) => group.gpus.map((g) => g.slug));
    expect([...listed].sort()).toEqual(
      getGpus()
        .map((g) => g.slug)
        .sort(),
    );
    for (const group of groups) for (const g of group.gpus) expect(g.category).toBe(group.category);
  });

  it("sorts each group by memory, across vendors", () => {
    const groups = gpuGroups(getGpus());
    for (const group of groups) {
      const sizes = group.gpus.map((g) => g.memoryBytes);
      expect(sizes, group.category).toEqual([...sizes].sort((a, b) => a - b));
    }
    // The consumer group mixes vendors: an 8 GiB NVIDIA card before a 12 GiB Intel one before a 24 GiB AMD one.
    const consumer = groups.find((g) => g.category === "consumer")!.gpus.map((g) => g.slug);
    expect(consumer.indexOf("rtx-4060")).toBeLessThan(consumer.indexOf("arc-b580"));
    expect(consumer.indexOf("arc-b580")).toBeLessThan(consumer.indexOf("rx-7900-xtx"));
    expect(groups.map((g) => g.category)).toContain("unified-pc");
  });
});

describe.each(["rtx-4090", "rtx-3060-12gb", "h100-sxm", "m4-max-128gb"])("models on %s", (gpuSlug) => {
  const card = gpu(gpuSlug);
  const rows = modelsOnGpu(card, models);

  it("lists every catalog model once", () => {
    expect(rows.map((row) => row.slug).sort()).toEqual(models.map((m) => m.slug).sort());
  });

  it("picks the highest-quality table format that fits at the headline context, GPU only first", () => {
    for (const row of rows) {
      const model = getModel(row.slug)!;
      const context = Math.min(8192, model.contextLength);
      expect(row.headlineContextTokens).toBe(context);
      const formats = tableFormats(model);
      if (row.kind !== "gpu") {
        // Nothing fits the card alone, in any format.
        for (const format of formats)
          expect(fitsOneCard(row.slug, card, format, context), row.slug).toBe(false);
        continue;
      }
      const chosen = formats.indexOf(row.format!);
      expect(chosen, row.slug).toBeGreaterThanOrEqual(0);
      formats.forEach((format, index) => {
        if (index < chosen)
          expect(fitsOneCard(row.slug, card, format, context), `${row.slug} ${format}`).toBe(false);
      });
      expect(fitsOneCard(row.slug, card, row.format!, context), row.slug).toBe(true);
    }
  });

  it("offers offload only on discrete cards, from Q4_K_M down, with 64 GiB of system RAM", () => {
    for (const row of rows.filter((r) => r.kind === "offload")) {
      expect(card.unifiedMemory, row.slug).not.toBe(true);
      const formats = tableFormats(getModel(row.slug)!);
      expect(formats.indexOf(row.format!)).toBeGreaterThanOrEqual(formats.indexOf("Q4_K_M"));
      const model = getModel(row.slug)!;
      const placement = planPlacement(
        model.architecture,
        { ...PROFILE, format: row.format!, contextTokens: row.headlineContextTokens },
        { gpuMemoryBytes: card.usableBytes, gpuCount: 1, systemRamBytes: 64 * 1024 ** 3 },
      );
      expect(placement.fits && !placement.fitsInGpuOnly && placement.gpuLayers > 0, row.slug).toBe(true);
      expect(row.offloadHow, row.slug).toMatch(/^(experts of|\d+ of)/);
    }
  });

  it("reports the longest GPU-only context (≥ 4K, padded to 256) and the bandwidth bound", () => {
    for (const row of rows.filter((r) => r.kind === "gpu")) {
      const model = getModel(row.slug)!;
      expect(row.maxContextTokens).toBeGreaterThanOrEqual(Math.min(4096, model.contextLength));
      expect(fitsOneCard(row.slug, card, row.format!, row.maxContextTokens)).toBe(true);
      if (row.contextLimit === "memory") {
        expect(row.maxContextTokens % 256, row.slug).toBe(0);
        expect(fitsOneCard(row.slug, card, row.format!, row.maxContextTokens + 256), row.slug).toBe(false);
      } else {
        expect(row.maxContextTokens).toBe(model.contextLength);
      }
      const bound = decodeTokensPerSecondUpperBound(
        model.architecture,
        { ...PROFILE, format: row.format!, contextTokens: row.headlineContextTokens },
        card.bandwidthBytesPerSecond,
      );
      expect(row.decodeUpperBound).toBe(bound);
      expect(bound).toBeGreaterThan(0);
    }
    for (const row of rows.filter((r) => r.kind === "none")) {
      expect(row.maxContextTokens).toBe(0);
      expect(row.decodeUpperBound).toBeNull();
    }
  });

  it("lists GPU fits first, then offload, then the rest", () => {
    const order = { gpu: 0, offload: 1, none: 2 } as const;
    const kinds = rows.map((row) => order[row.kind]);
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
  });

  it("links to the calculator with the GPU preloaded", () => {
    for (const row of rows) {
      const url = new URL(row.calculatorHref, "http://x");
      expect(url.pathname).toBe("/calculator");
      expect(url.searchParams.get("gpu")).toBe(gpuSlug);
      expect(url.searchParams.get("model")).toBe(row.slug);
      expect(url.searchParams.get("quant")).toBe(row.format);
      expect(url.searchParams.get("ram")).toBe(row.kind === "offload" ? "64" : null);
    }
  });
});

describe("sanity against plain arithmetic", () => {
  it("a 0.6B model runs unquantized on a 24 GiB card; a 671B model fits no format on it", () => {
    // 0.6e9 parameters × 2 bytes ≈ 1.2 GB, far below 24 GiB; 671e9 parameters even at ~1.5 bits/weight ≈ 126 GB.
    expect(modelFitOnGpu(getModel("qwen-3-0-6b")!, gpu("rtx-4090")).format).toBe("BF16");
    expect(modelFitOnGpu(getModel("deepseek-r1")!, gpu("rtx-4090")).format).toBeNull();
  });

  it("gpt-oss-120b runs on one 24 GiB card with its experts in 64 GiB of system RAM", () => {
    // 116.8B parameters, ~61 GiB as MXFP4: too big for 24 GiB alone; llama.cpp's --n-cpu-moe is the usual setup.
    const fit = modelFitOnGpu(getModel("gpt-oss-120b")!, gpu("rtx-4090"));
    expect(fit.kind).toBe("offload");
    expect(fit.offloadHow).toMatch(/--n-cpu-moe \d+$/);
  });

  it("Llama 3.3 70B fits one 24 GiB card only at a 2-bit format", () => {
    // 70.6B parameters × ~2.06 bits (IQ2_XXS) ≈ 18 GiB; Q2_K (~2.6 bits) is ~24.6 GiB of weights alone.
    const fit = modelFitOnGpu(getModel("llama-3-3-70b")!, gpu("rtx-4090"));
    expect(fit).toMatchObject({ kind: "gpu", format: "IQ2_XXS" });
  });

  it("a card with more memory never forces a lower-quality format", () => {
    for (const model of models) {
      const formats = tableFormats(model);
      const rank = (card: Gpu) => {
        const fit = modelFitOnGpu(model, card);
        return fit.kind !== "gpu" || fit.format === null ? formats.length : formats.indexOf(fit.format);
      };
      expect(rank(gpu("h100-sxm")), model.slug).toBeLessThanOrEqual(rank(gpu("rtx-4090")));
      expect(rank(gpu("rtx-4090")), model.slug).toBeLessThanOrEqual(rank(gpu("rtx-3060-12gb")));
    }
  });
});

describe("unified memory: default limit and raised limit", () => {
  it("a 64 GB Mac: what fits only after raising the limit fits in the raised figure, not in the default", () => {
    const mac = gpu("m4-max-64gb");
    expect(mac.raisedUsableBytes).toBeGreaterThan(mac.usableBytes);
    const raisedRows = modelsOnGpu(mac, models).filter((row) => row.afterRaise !== null);
    expect(raisedRows.length).toBeGreaterThan(0);
    for (const row of raisedRows) {
      const model = getModel(row.slug)!;
      const input = { ...PROFILE, format: row.afterRaise!.format, contextTokens: row.headlineContextTokens };
      const at = (bytes: number) =>
        planPlacement(model.architecture, input, { gpuMemoryBytes: bytes, gpuCount: 1 }).fitsInGpuOnly;
      expect(at(mac.raisedUsableBytes!), row.slug).toBe(true);
      expect(at(mac.usableBytes), row.slug).toBe(false);
    }
  });

  it("discrete cards have no raised limit", () => {
    expect(modelsOnGpu(gpu("rtx-4090"), models).every((row) => row.afterRaise === null)).toBe(true);
  });
});
