import { describe, expect, it } from "vitest";
import rawCatalog from "../../content/gpus.json";
import {
  GPU_CATEGORIES,
  GPU_VENDORS,
  getGpu,
  getGpus,
  gpuCategoryLabel,
  parseGpuCatalog,
  type Gpu,
} from "./gpus";

const GiB = 2 ** 30;

function validEntry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    slug: "test-gpu",
    name: "Test GPU",
    vendor: "NVIDIA",
    category: "consumer",
    memoryBytes: 24 * GiB,
    memoryType: "GDDR6X",
    bandwidthBytesPerSecond: 1_000_000_000_000,
    releaseYear: 2022,
    source: "https://example.com/spec",
    ...overrides,
  };
}

function withoutKey(key: string): Record<string, unknown> {
  const entry = validEntry();
  delete entry[key];
  return entry;
}

function errorOf(raw: unknown): string {
  try {
    parseGpuCatalog(raw);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected parseGpuCatalog to throw");
}

describe("the real GPU catalog", () => {
  const gpus = getGpus();

  it("parses and has at least 45 entries", () => {
    expect(() => parseGpuCatalog(rawCatalog)).not.toThrow();
    expect(gpus.length).toBeGreaterThanOrEqual(45);
    expect(gpus.length).toBe((rawCatalog as unknown[]).length);
  });

  // Issue 10's list of the hardware people own, by slug; the 32 slugs of the first catalog stay as they were.
  const REQUIRED = [
    "rtx-3060-8gb",
    "rtx-3060-12gb",
    "rtx-3060-ti",
    "rtx-3070",
    "rtx-3080-10gb",
    "rtx-3080-12gb",
    "rtx-3090",
    "rtx-4060",
    "rtx-4060-ti-8gb",
    "rtx-4060-ti-16gb",
    "rtx-4070",
    "rtx-4070-super",
    "rtx-4070-ti-super",
    "rtx-4080",
    "rtx-4080-super",
    "rtx-4090",
    "rtx-5060-ti-16gb",
    "rtx-5070",
    "rtx-5070-ti",
    "rtx-5080",
    "rtx-5090",
    "rx-7600-xt",
    "rx-7800-xt",
    "rx-7900-xtx",
    "rx-9070-xt",
    "arc-a770-16gb",
    "arc-b580",
    "ryzen-ai-max-395-128gb",
    "dgx-spark",
    "rtx-a6000",
    "rtx-6000-ada",
    "rtx-pro-6000-blackwell",
    "l40s",
    "a100-40gb",
    "a100-80gb-pcie",
    "a100-80gb-sxm",
    "h100-sxm",
    "h200",
    "b200",
    "mi300x",
    "mi325x",
  ];
  const FIRST_CATALOG = [
    "rtx-3060-12gb",
    "rtx-3080-10gb",
    "rtx-3090",
    "rtx-4060-ti-16gb",
    "rtx-4090",
    "rtx-5070-ti",
    "rtx-5080",
    "rtx-5090",
    "rx-7900-xt",
    "rx-7900-xtx",
    "arc-b580",
    "rtx-a6000",
    "rtx-6000-ada",
    "rtx-pro-6000-blackwell",
    "t4",
    "l4",
    "a10",
    "l40s",
    "a100-40gb",
    "a100-80gb-pcie",
    "a100-80gb-sxm",
    "h100-sxm",
    "h100-nvl",
    "h200",
    "b200",
    "mi300x",
    "mi325x",
    "m4-pro-64gb",
    "m3-max-128gb",
    "m4-max-128gb",
    "m2-ultra-192gb",
    "m3-ultra-512gb",
  ];

  it.each([...REQUIRED, ...FIRST_CATALOG])("lists %s", (slug) => {
    expect(getGpu(slug), slug).toBeDefined();
  });

  it("has at least 10 Apple silicon configurations from 16 GiB to 512 GiB", () => {
    const apple = gpus.filter((g) => g.category === "apple-silicon");
    expect(apple.length).toBeGreaterThanOrEqual(10);
    const sizes = apple.map((g) => g.memoryBytes / GiB);
    expect(Math.min(...sizes)).toBe(16);
    expect(Math.max(...sizes)).toBe(512);
  });

  it("cites an https source for every entry", () => {
    for (const gpu of gpus) expect(new URL(gpu.source).protocol, gpu.slug).toBe("https:");
  });

  it("has unique slugs, all findable with getGpu", () => {
    const slugs = gpus.map((g) => g.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const gpu of gpus) expect(getGpu(gpu.slug)).toBe(gpu);
    expect(getGpu("no-such-gpu")).toBeUndefined();
  });

  it("covers every vendor and category", () => {
    for (const vendor of GPU_VENDORS) expect(gpus.some((g) => g.vendor === vendor)).toBe(true);
    for (const { id } of GPU_CATEGORIES) expect(gpus.some((g) => g.category === id)).toBe(true);
  });

  it("is sorted by vendor, then category, then memory", () => {
    const key = (g: Gpu) =>
      [
        GPU_VENDORS.indexOf(g.vendor),
        GPU_CATEGORIES.findIndex((c) => c.id === g.category),
        g.memoryBytes,
      ] as const;
    for (let i = 1; i < gpus.length; i++) {
      const [va, ca, ma] = key(gpus[i - 1]!);
      const [vb, cb, mb] = key(gpus[i]!);
      const ordered = va < vb || (va === vb && (ca < cb || (ca === cb && ma <= mb)));
      expect(ordered, `${gpus[i - 1]!.slug} before ${gpus[i]!.slug}`).toBe(true);
    }
  });

  it("uses whole GiB for memory (the convention in content/gpus.md)", () => {
    for (const gpu of gpus) expect(Number.isInteger(gpu.memoryBytes / GiB), gpu.slug).toBe(true);
  });

  it("has plausible sizes and bandwidths (catches unit slips)", () => {
    for (const gpu of gpus) {
      expect(gpu.memoryBytes, gpu.slug).toBeGreaterThanOrEqual(8 * GiB);
      expect(gpu.memoryBytes, gpu.slug).toBeLessThanOrEqual(1024 * GiB);
      expect(gpu.bandwidthBytesPerSecond, gpu.slug).toBeGreaterThanOrEqual(100e9);
      expect(gpu.bandwidthBytesPerSecond, gpu.slug).toBeLessThanOrEqual(20e12);
    }
  });

  it("marks exactly the Apple silicon and unified-memory PC entries as unified memory", () => {
    for (const gpu of gpus) {
      const unified = gpu.category === "apple-silicon" || gpu.category === "unified-pc";
      expect(gpu.unifiedMemory, gpu.slug).toBe(unified);
    }
    expect(getGpu("dgx-spark")?.unifiedMemory).toBe(true);
    expect(getGpu("ryzen-ai-max-395-128gb")?.unifiedMemory).toBe(true);
  });

  it("gives discrete cards all their memory and unified memory less, as an integer", () => {
    for (const gpu of gpus) {
      expect(Number.isSafeInteger(gpu.usableBytes), gpu.slug).toBe(true);
      if (gpu.unifiedMemory) expect(gpu.usableBytes, gpu.slug).toBeLessThan(gpu.memoryBytes);
      else expect(gpu.usableBytes, gpu.slug).toBe(gpu.memoryBytes);
      if (gpu.raisedUsableBytes !== undefined) {
        expect(gpu.raisedUsableBytes, gpu.slug).toBeGreaterThan(gpu.usableBytes);
        expect(gpu.raisedUsableBytes, gpu.slug).toBeLessThan(gpu.memoryBytes);
        expect(gpu.raiseLimitHow, gpu.slug).toBeTruthy();
      }
    }
  });

  it("caps Macs at the recommendedMaxWorkingSetSize measured on real machines", () => {
    // ggml_metal_init logs: 64 GB → 49152.00 MiB (llama.cpp#1870); 128 GB M4 Max → 98304 MiB (ardanlabs/kronk#10).
    expect(getGpu("m4-pro-64gb")?.usableBytes).toBe(49152 * 2 ** 20);
    expect(getGpu("m4-max-128gb")?.usableBytes).toBe(98304 * 2 ** 20);
    // 16 GB → 10922.67 MiB (llama-cpp-python#687), within the print rounding.
    expect(Math.abs(getGpu("m4-16gb")!.usableBytes / 2 ** 20 - 10922.67)).toBeLessThanOrEqual(0.005);
    expect(getGpu("m4-max-128gb")?.raiseLimitHow).toContain("sudo sysctl iogpu.wired_limit_mb=122880");
    expect(getGpu("m4-16gb")?.raisedUsableBytes).toBeUndefined();
  });

  it("gives the unified-memory PCs their platform's figures", () => {
    // Strix Halo: Linux default GTT 63,968 MiB on 128 GB (antirez/ds4#475); raised to 120 GiB via ttm.pages_limit.
    const halo = getGpu("ryzen-ai-max-395-128gb")!;
    expect(halo.usableBytes).toBe(63968 * 2 ** 20);
    expect(halo.raisedUsableBytes).toBe(120 * GiB);
    expect(halo.raiseLimitHow).toContain("ttm.pages_limit=31457280");
    // DGX Spark: MemTotal 130,663,006,208 bytes (unsloth#10486) minus 8 GiB for the OS; nothing to raise.
    const spark = getGpu("dgx-spark")!;
    expect(spark.usableBytes).toBe(130_663_006_208 - 8 * GiB);
    expect(spark.raisedUsableBytes).toBeUndefined();
  });

  it("spot-checks a known entry", () => {
    const gpu = getGpu("rtx-4090");
    expect(gpu).toMatchObject({
      name: "GeForce RTX 4090",
      vendor: "NVIDIA",
      category: "consumer",
      memoryBytes: 25769803776,
      memoryType: "GDDR6X",
      bandwidthBytesPerSecond: 1008000000000,
    });
  });

  it("returns frozen data", () => {
    expect(Object.isFrozen(getGpus())).toBe(true);
    expect(Object.isFrozen(getGpus()[0])).toBe(true);
  });

  it("labels every category", () => {
    for (const { id, label } of GPU_CATEGORIES) expect(gpuCategoryLabel(id)).toBe(label);
  });
});

describe("parseGpuCatalog with bad input", () => {
  it("accepts a valid entry", () => {
    const [gpu] = parseGpuCatalog([validEntry()]);
    expect(gpu?.slug).toBe("test-gpu");
    expect(gpu?.unifiedMemory).toBe(false);
    expect(gpu?.usableBytes).toBe(24 * GiB);
  });

  it("rejects a non-array", () => {
    expect(errorOf({ gpus: [] })).toBe('content/gpus.json: must be an array of GPU entries, got {"gpus":[]}');
  });

  it("rejects a non-object entry", () => {
    expect(errorOf([validEntry(), "rtx-4090"])).toBe(
      'content/gpus.json[1]: entry must be an object, got "rtx-4090"',
    );
    expect(errorOf([null])).toContain("content/gpus.json[0]: entry must be an object");
  });

  it("names file, index, slug and field (the documented format)", () => {
    const raw = [
      validEntry(),
      validEntry(),
      validEntry(),
      validEntry({ slug: "rtx-4090", bandwidthBytesPerSecond: -1 }),
    ];
    raw[1]!["slug"] = "b";
    raw[2]!["slug"] = "c";
    expect(errorOf(raw)).toBe(
      'content/gpus.json[3] (rtx-4090): "bandwidthBytesPerSecond" must be a positive number',
    );
  });

  const cases: [string, Record<string, unknown>, string][] = [
    ["missing slug", withoutKey("slug"), '"slug"'],
    ["upper-case slug", validEntry({ slug: "RTX-4090" }), '"slug"'],
    ["slug with spaces", validEntry({ slug: "rtx 4090" }), '"slug"'],
    ["slug with double hyphen", validEntry({ slug: "rtx--4090" }), '"slug"'],
    ["slug with trailing hyphen", validEntry({ slug: "rtx-4090-" }), '"slug"'],
    ["numeric slug", validEntry({ slug: 4090 }), '"slug"'],
    ["missing name", withoutKey("name"), '"name"'],
    ["blank name", validEntry({ name: "   " }), '"name"'],
    ["unknown vendor", validEntry({ vendor: "Nvidia" }), '"vendor"'],
    ["unknown category", validEntry({ category: "gaming" }), '"category"'],
    ["missing memoryBytes", withoutKey("memoryBytes"), '"memoryBytes"'],
    ["memoryBytes as string", validEntry({ memoryBytes: "24 GB" }), '"memoryBytes"'],
    ["zero memoryBytes", validEntry({ memoryBytes: 0 }), '"memoryBytes"'],
    ["fractional memoryBytes", validEntry({ memoryBytes: 1.5 }), '"memoryBytes"'],
    ["unknown memoryType", validEntry({ memoryType: "DDR4" }), '"memoryType"'],
    ["missing bandwidth", withoutKey("bandwidthBytesPerSecond"), '"bandwidthBytesPerSecond"'],
    ["zero bandwidth", validEntry({ bandwidthBytesPerSecond: 0 }), '"bandwidthBytesPerSecond"'],
    ["NaN-ish bandwidth", validEntry({ bandwidthBytesPerSecond: "1008 GB/s" }), '"bandwidthBytesPerSecond"'],
    ["fractional year", validEntry({ releaseYear: 2022.5 }), '"releaseYear"'],
    ["year out of range", validEntry({ releaseYear: 22 }), '"releaseYear"'],
    ["year as string", validEntry({ releaseYear: "2022" }), '"releaseYear"'],
    ["missing source", withoutKey("source"), '"source"'],
    ["source not a URL", validEntry({ source: "nvidia.com" }), '"source"'],
    ["http source", validEntry({ source: "http://example.com/spec" }), '"source"'],
    ["unknown field", validEntry({ vram: 24 }), '"vram"'],
    ["unifiedMemory on a discrete card", validEntry({ unifiedMemory: true }), '"unifiedMemory"'],
    ["unifiedMemory not boolean", validEntry({ unifiedMemory: "yes" }), '"unifiedMemory"'],
    [
      "Apple silicon without unifiedMemory",
      validEntry({ vendor: "Apple", category: "apple-silicon", memoryType: "LPDDR5" }),
      '"unifiedMemory"',
    ],
    [
      "Apple vendor outside apple-silicon",
      validEntry({ vendor: "Apple", category: "consumer" }),
      '"category"',
    ],
    [
      "apple-silicon category with another vendor",
      validEntry({ vendor: "AMD", category: "apple-silicon", unifiedMemory: true }),
      '"category"',
    ],
    [
      "unified-pc without unifiedMemory",
      validEntry({ vendor: "AMD", category: "unified-pc", memoryType: "LPDDR5X" }),
      '"unifiedMemory"',
    ],
    [
      "unified-pc from a vendor without a rule",
      validEntry({ vendor: "Intel", category: "unified-pc", memoryType: "LPDDR5X", unifiedMemory: true }),
      '"vendor"',
    ],
  ];

  it.each(cases)("%s → error naming the field", (_label, entry, field) => {
    const message = errorOf([validEntry({ slug: "first" }), entry]);
    expect(message.startsWith("content/gpus.json[1]")).toBe(true);
    expect(message).toContain(field);
  });

  it("includes the slug in the location when it is a usable string", () => {
    expect(errorOf([validEntry({ slug: "rtx-4090", memoryType: "DDR4" })])).toMatch(
      /^content\/gpus\.json\[0\] \(rtx-4090\): "memoryType"/,
    );
  });

  it("rejects duplicate slugs, naming both entries", () => {
    const message = errorOf([validEntry({ slug: "rtx-4090" }), validEntry({ slug: "rtx-4090" })]);
    expect(message).toBe(
      'content/gpus.json[1] (rtx-4090): "slug" duplicates the slug of content/gpus.json[0]',
    );
  });

  it("accepts a valid Apple silicon entry", () => {
    const [gpu] = parseGpuCatalog([
      validEntry({
        slug: "m4-max-128gb",
        vendor: "Apple",
        category: "apple-silicon",
        memoryType: "LPDDR5X",
        unifiedMemory: true,
      }),
    ]);
    expect(gpu?.unifiedMemory).toBe(true);
  });
});
