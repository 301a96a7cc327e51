/**
 * The GPU catalog (`content/gpus.json`): typed access plus validation at module load.
 *
 * Conventions (see `content/gpus.md`):
 * - `memoryBytes`: the marketed size read as binary units ("24 GB" → 24 × 2^30 bytes), the same for
 *   GDDR and HBM cards; for Apple silicon the whole unified RAM of that configuration.
 * - `bandwidthBytesPerSecond`: the vendor's peak figure in GB/s × 10^9 (decimal, as vendors publish it).
 * - `usableBytes`: what the GPU may use by default, from lib/estimator/hardware.ts (the rule and its sources
 *   live there); `raisedUsableBytes` / `raiseLimitHow` when a unified-memory limit can be raised by hand.
 */
import rawCatalog from "../../content/gpus.json";
import { raisedUsableGpuBytes, raiseLimitHow, usableGpuBytes } from "@/lib/estimator";
import type { MemoryPlatform } from "@/lib/estimator";

export type GpuVendor = "NVIDIA" | "AMD" | "Intel" | "Apple";
export type GpuCategory = "consumer" | "workstation" | "datacenter" | "apple-silicon" | "unified-pc";
export type GpuMemoryType =
  "GDDR6" | "GDDR6X" | "GDDR7" | "HBM2" | "HBM2e" | "HBM3" | "HBM3e" | "LPDDR5" | "LPDDR5X";

export interface Gpu {
  /** URL-safe id, `[a-z0-9]` words joined by single hyphens, e.g. "rtx-4090". */
  readonly slug: string;
  readonly name: string;
  readonly vendor: GpuVendor;
  readonly category: GpuCategory;
  /** Memory the GPU can address, in bytes (integer). */
  readonly memoryBytes: number;
  readonly memoryType: GpuMemoryType;
  /** Vendor peak memory bandwidth in bytes per second. */
  readonly bandwidthBytesPerSecond: number;
  readonly releaseYear: number;
  /** Where the memory size and bandwidth were read (https URL). */
  readonly source: string;
  /** Memory shared with the CPU and the OS (Apple silicon, Strix Halo, DGX Spark): the GPU gets only part of it. */
  readonly unifiedMemory: boolean;
  /** Bytes the GPU may use without changing a setting (integer); equal to memoryBytes for discrete cards. */
  readonly usableBytes: number;
  /** Unified memory only: bytes the GPU may use after raising the limit, leaving 8 GiB to the OS. */
  readonly raisedUsableBytes?: number;
  /** Unified memory only: one sentence with the command or setting that raises the limit. */
  readonly raiseLimitHow?: string;
}

export const GPU_VENDORS: readonly GpuVendor[] = ["NVIDIA", "AMD", "Intel", "Apple"];

export const GPU_CATEGORIES: readonly { readonly id: GpuCategory; readonly label: string }[] = [
  { id: "consumer", label: "Consumer graphics cards" },
  { id: "workstation", label: "Workstation cards" },
  { id: "datacenter", label: "Data-centre accelerators" },
  { id: "apple-silicon", label: "Apple silicon (unified memory)" },
  { id: "unified-pc", label: "Unified-memory PCs" },
];

/** Categories whose memory is shared with the CPU and the operating system. */
const UNIFIED_CATEGORIES: ReadonlySet<GpuCategory> = new Set(["apple-silicon", "unified-pc"]);

export const GPU_MEMORY_TYPES: readonly GpuMemoryType[] = [
  "GDDR6",
  "GDDR6X",
  "GDDR7",
  "HBM2",
  "HBM2e",
  "HBM3",
  "HBM3e",
  "LPDDR5",
  "LPDDR5X",
];

export function gpuCategoryLabel(category: GpuCategory): string {
  return GPU_CATEGORIES.find((c) => c.id === category)?.label ?? category;
}

const FILE = "content/gpus.json";
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const KNOWN_KEYS = new Set([
  "slug",
  "name",
  "vendor",
  "category",
  "memoryBytes",
  "memoryType",
  "bandwidthBytesPerSecond",
  "releaseYear",
  "source",
  "unifiedMemory",
]);

/** Which usable-memory rule of lib/estimator/hardware.ts applies to an entry. */
export function memoryPlatform(gpu: Pick<Gpu, "category" | "vendor">): MemoryPlatform {
  if (gpu.category === "apple-silicon") return "apple-silicon";
  if (gpu.category === "unified-pc") return gpu.vendor === "AMD" ? "amd-apu" : "nvidia-gb10";
  return "discrete";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value);
}

function quoteList(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(", ");
}

/**
 * Validates the raw JSON catalog and returns typed, frozen entries in file order.
 * Throws an Error naming the file, the entry (index and slug when known) and the field.
 */
export function parseGpuCatalog(raw: unknown): Gpu[] {
  if (!Array.isArray(raw)) {
    throw new Error(`${FILE}: must be an array of GPU entries`);
  }
  const seen = new Map<string, number>();
  return raw.map((entry: unknown, index: number): Gpu => {
    if (!isPlainObject(entry)) {
      throw new Error(`${FILE}[${index}]: entry must be an object`);
    }
    const slugValue = entry["slug"];
    const where =
      typeof slugValue === "string" && slugValue !== ""
        ? `${FILE}[${index}] (${slugValue})`
        : `${FILE}[${index}]`;
    const fail = (field: string, problem: string): never => {
      throw new Error(`${where}: "${field}" ${problem}`);
    };

    for (const key of Object.keys(entry)) {
      if (!KNOWN_KEYS.has(key)) fail(key, "is not a known field");
    }

    if (typeof slugValue !== "string" || !SLUG_PATTERN.test(slugValue)) {
      fail("slug", 'must be lowercase letters/digits joined by single hyphens (e.g. "rtx-4090")');
    }
    const slug = slugValue as string;
    const firstIndex = seen.get(slug);
    if (firstIndex !== undefined) {
      fail("slug", `duplicates the slug of ${FILE}[${firstIndex}]`);
    }
    seen.set(slug, index);

    const name = entry["name"];
    if (typeof name !== "string" || name.trim() === "") fail("name", "must be a non-empty string");

    const vendor = entry["vendor"];
    if (!oneOf(GPU_VENDORS, vendor)) fail("vendor", `must be one of ${quoteList(GPU_VENDORS)}`);

    const category = entry["category"];
    const categoryIds = GPU_CATEGORIES.map((c) => c.id);
    if (!oneOf(categoryIds, category)) fail("category", `must be one of ${quoteList(categoryIds)}`);

    const memoryBytes = entry["memoryBytes"];
    if (typeof memoryBytes !== "number" || !Number.isSafeInteger(memoryBytes) || memoryBytes <= 0) {
      fail("memoryBytes", "must be a positive integer (bytes)");
    }

    const memoryType = entry["memoryType"];
    if (!oneOf(GPU_MEMORY_TYPES, memoryType)) {
      fail("memoryType", `must be one of ${quoteList(GPU_MEMORY_TYPES)}`);
    }

    const bandwidth = entry["bandwidthBytesPerSecond"];
    if (typeof bandwidth !== "number" || !Number.isFinite(bandwidth) || bandwidth <= 0) {
      fail("bandwidthBytesPerSecond", "must be a positive number");
    }

    const releaseYear = entry["releaseYear"];
    if (
      typeof releaseYear !== "number" ||
      !Number.isInteger(releaseYear) ||
      releaseYear < MIN_YEAR ||
      releaseYear > MAX_YEAR
    ) {
      fail("releaseYear", `must be an integer year between ${MIN_YEAR} and ${MAX_YEAR}`);
    }

    const source = entry["source"];
    let sourceOk = false;
    if (typeof source === "string") {
      try {
        const url = new URL(source);
        sourceOk = url.protocol === "https:" && url.hostname !== "";
      } catch {
        sourceOk = false;
      }
    }
    if (!sourceOk) fail("source", "must be an https URL");

    const unifiedMemory = entry["unifiedMemory"];
    const isApple = category === "apple-silicon";
    const isUnified = UNIFIED_CATEGORIES.has(category as GpuCategory);
    if (unifiedMemory !== undefined && typeof unifiedMemory !== "boolean") {
      fail("unifiedMemory", "must be a boolean when present");
    }
    if (isUnified && unifiedMemory !== true) {
      fail("unifiedMemory", `must be true for category "${String(category)}"`);
    }
    if (!isUnified && unifiedMemory === true) {
      fail("unifiedMemory", 'may only be true for categories "apple-silicon" and "unified-pc"');
    }
    if (isApple !== (vendor === "Apple")) {
      fail("category", 'must be "apple-silicon" exactly when "vendor" is "Apple"');
    }
    if (category === "unified-pc" && vendor !== "AMD" && vendor !== "NVIDIA") {
      fail("vendor", 'must be "AMD" (Ryzen AI Max) or "NVIDIA" (GB10) for category "unified-pc"');
    }

    const platform = memoryPlatform({ category: category as GpuCategory, vendor: vendor as GpuVendor });
    const raised = raisedUsableGpuBytes(memoryBytes as number, platform);
    const how = raiseLimitHow(memoryBytes as number, platform);
    const gpu: Gpu = {
      slug,
      name: (name as string).trim(),
      vendor: vendor as GpuVendor,
      category: category as GpuCategory,
      memoryBytes: memoryBytes as number,
      memoryType: memoryType as GpuMemoryType,
      bandwidthBytesPerSecond: bandwidth as number,
      releaseYear: releaseYear as number,
      source: source as string,
      unifiedMemory: isUnified,
      usableBytes: usableGpuBytes(memoryBytes as number, platform),
      ...(raised !== null ? { raisedUsableBytes: raised } : {}),
      ...(how !== null ? { raiseLimitHow: how } : {}),
    };
    return Object.freeze(gpu);
  });
}

function compareGpus(a: Gpu, b: Gpu): number {
  return (
    GPU_VENDORS.indexOf(a.vendor) - GPU_VENDORS.indexOf(b.vendor) ||
    GPU_CATEGORIES.findIndex((c) => c.id === a.category) -
      GPU_CATEGORIES.findIndex((c) => c.id === b.category) ||
    a.memoryBytes - b.memoryBytes ||
    a.bandwidthBytesPerSecond - b.bandwidthBytesPerSecond ||
    a.name.localeCompare(b.name, "en")
  );
}

const GPUS: readonly Gpu[] = Object.freeze(parseGpuCatalog(rawCatalog).sort(compareGpus));
const BY_SLUG: ReadonlyMap<string, Gpu> = new Map(GPUS.map((g) => [g.slug, g]));

/** All GPUs, sorted by vendor (NVIDIA, AMD, Intel, Apple), then category, then memory ascending. */
export function getGpus(): readonly Gpu[] {
  return GPUS;
}

export function getGpu(slug: string): Gpu | undefined {
  return BY_SLUG.get(slug);
}
