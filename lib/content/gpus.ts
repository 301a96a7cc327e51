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
import "server-only";
import { z } from "zod";
import rawCatalog from "../../content/gpus.json";
import { raisedUsableGpuBytes, raiseLimitHow, usableGpuBytes } from "@/lib/estimator";
import type { MemoryPlatform } from "@/lib/estimator";
import { fieldIssues, formatPath, isWebUrl } from "@/lib/schema/issues";

export const GPU_VENDORS = ["NVIDIA", "AMD", "Intel", "Apple"] as const;
export type GpuVendor = (typeof GPU_VENDORS)[number];

const GPU_CATEGORY_IDS = ["consumer", "workstation", "datacenter", "apple-silicon", "unified-pc"] as const;
export type GpuCategory = (typeof GPU_CATEGORY_IDS)[number];

export const GPU_MEMORY_TYPES = [
  "GDDR6",
  "GDDR6X",
  "GDDR7",
  "HBM2",
  "HBM2e",
  "HBM3",
  "HBM3e",
  "LPDDR5",
  "LPDDR5X",
] as const;
export type GpuMemoryType = (typeof GPU_MEMORY_TYPES)[number];

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

export const GPU_CATEGORIES: readonly { readonly id: GpuCategory; readonly label: string }[] = [
  { id: "consumer", label: "Consumer graphics cards" },
  { id: "workstation", label: "Workstation cards" },
  { id: "datacenter", label: "Data-centre accelerators" },
  { id: "apple-silicon", label: "Apple silicon (unified memory)" },
  { id: "unified-pc", label: "Unified-memory PCs" },
];

/** Categories whose memory is shared with the CPU and the operating system. */
const UNIFIED_CATEGORIES: ReadonlySet<GpuCategory> = new Set(["apple-silicon", "unified-pc"]);

export function gpuCategoryLabel(category: GpuCategory): string {
  return GPU_CATEGORIES.find((c) => c.id === category)?.label ?? category;
}

const FILE = "content/gpus.json";
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const SLUG_RULE = 'must be lowercase letters/digits joined by single hyphens (e.g. "rtx-4090")';
const YEAR_RULE = `must be an integer year between ${MIN_YEAR} and ${MAX_YEAR}`;

/** Which usable-memory rule of lib/estimator/hardware.ts applies to an entry. */
export function memoryPlatform(gpu: Pick<Gpu, "category" | "vendor">): MemoryPlatform {
  if (gpu.category === "apple-silicon") return "apple-silicon";
  if (gpu.category === "unified-pc") return gpu.vendor === "AMD" ? "amd-apu" : "nvidia-gb10";
  return "discrete";
}

function quoteList(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(", ");
}

const positiveNumber = (error: string, test: (value: number) => boolean) =>
  z.number({ error }).refine((value) => test(value) && value > 0, error);

/** One entry of content/gpus.json; the conventions are in content/gpus.md. */
const GpuEntry = z
  .strictObject(
    {
      slug: z.string({ error: SLUG_RULE }).regex(SLUG_PATTERN, SLUG_RULE),
      name: z
        .string({ error: "must be a non-empty string" })
        .refine((value) => value.trim() !== "", "must be a non-empty string"),
      vendor: z.enum(GPU_VENDORS, { error: `must be one of ${quoteList(GPU_VENDORS)}` }),
      category: z.enum(GPU_CATEGORY_IDS, { error: `must be one of ${quoteList(GPU_CATEGORY_IDS)}` }),
      memoryBytes: positiveNumber("must be a positive integer (bytes)", Number.isSafeInteger),
      memoryType: z.enum(GPU_MEMORY_TYPES, { error: `must be one of ${quoteList(GPU_MEMORY_TYPES)}` }),
      bandwidthBytesPerSecond: positiveNumber("must be a positive number", Number.isFinite),
      releaseYear: z
        .number({ error: YEAR_RULE })
        .refine((year) => Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR, YEAR_RULE),
      source: z
        .string({ error: "must be an https URL" })
        .refine((value) => isWebUrl(value, true), "must be an https URL"),
      unifiedMemory: z.boolean({ error: "must be a boolean when present" }).optional(),
    },
    { error: (issue) => (issue.code === "invalid_type" ? "entry must be an object" : undefined) },
  )
  .superRefine((entry, ctx) => {
    const fail = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
    const isUnified = UNIFIED_CATEGORIES.has(entry.category);
    if (isUnified && entry.unifiedMemory !== true) {
      fail("unifiedMemory", `must be true for category "${entry.category}"`);
    }
    if (!isUnified && entry.unifiedMemory === true) {
      fail("unifiedMemory", 'may only be true for categories "apple-silicon" and "unified-pc"');
    }
    if ((entry.category === "apple-silicon") !== (entry.vendor === "Apple")) {
      fail("category", 'must be "apple-silicon" exactly when "vendor" is "Apple"');
    }
    if (entry.category === "unified-pc" && entry.vendor !== "AMD" && entry.vendor !== "NVIDIA") {
      fail("vendor", 'must be "AMD" (Ryzen AI Max) or "NVIDIA" (GB10) for category "unified-pc"');
    }
  });

const GpuCatalogFile = z
  .array(GpuEntry, { error: "must be an array of GPU entries" })
  .superRefine((entries, ctx) => {
    const firstIndex = new Map<string, number>();
    entries.forEach(({ slug }, index) => {
      const first = firstIndex.get(slug);
      if (first === undefined) firstIndex.set(slug, index);
      else {
        ctx.addIssue({
          code: "custom",
          path: [index, "slug"],
          message: `duplicates the slug of ${FILE}[${first}]`,
        });
      }
    });
  });

/** "content/gpus.json[3] (rtx-4090)": the entry an issue is about, with its slug when the raw entry has one. */
function entryLocation(raw: unknown, index: unknown): string {
  if (typeof index !== "number") return FILE;
  const entry: unknown = Array.isArray(raw) ? raw[index] : undefined;
  const slug =
    typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>)["slug"] : undefined;
  return typeof slug === "string" && slug !== "" ? `${FILE}[${index}] (${slug})` : `${FILE}[${index}]`;
}

/**
 * Validates the raw JSON catalog and returns typed, frozen entries in file order.
 * Throws an Error naming the file, the entry (index and slug when known) and the field.
 */
export function parseGpuCatalog(raw: unknown): Gpu[] {
  const parsed = GpuCatalogFile.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const [first] = fieldIssues(parsed.error);
    const [index, ...field] = first?.keys ?? [];
    const where = entryLocation(raw, index);
    if (field.length === 0) throw new Error(`${where}: ${first?.detail ?? "is invalid"}`);
    throw new Error(`${where}: "${formatPath(field)}" ${first?.detail ?? "is invalid"}`);
  }
  return parsed.data.map((entry): Gpu => {
    const platform = memoryPlatform(entry);
    const raised = raisedUsableGpuBytes(entry.memoryBytes, platform);
    const how = raiseLimitHow(entry.memoryBytes, platform);
    const gpu: Gpu = {
      slug: entry.slug,
      name: entry.name.trim(),
      vendor: entry.vendor,
      category: entry.category,
      memoryBytes: entry.memoryBytes,
      memoryType: entry.memoryType,
      bandwidthBytesPerSecond: entry.bandwidthBytesPerSecond,
      releaseYear: entry.releaseYear,
      source: entry.source,
      unifiedMemory: UNIFIED_CATEGORIES.has(entry.category),
      usableBytes: usableGpuBytes(entry.memoryBytes, platform),
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
