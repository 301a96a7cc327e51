// The open-data JSON of the GPU catalog: /api/gpus.json. Pure: catalog entries in, plain JSON out.
// Contract (issue 10): an array of { slug, name, vendor, memoryBytes, usableBytes, bandwidthBytesPerSecond,
// unifiedMemory, source }; the other keys are extras.
import "server-only";
import type { Gpu, GpuCategory, GpuVendor } from "@/lib/content/gpus";
import { gpuPath } from "@/lib/routes";

export const GPU_DATA_PATH = "/api/gpus.json";

export interface GpuDataEntry {
  slug: string;
  name: string;
  vendor: GpuVendor;
  memoryBytes: number;
  /** What the GPU may use by default (unified memory: the OS's cap; discrete: all of it). */
  usableBytes: number;
  bandwidthBytesPerSecond: number;
  unifiedMemory: boolean;
  source: string;
  category: GpuCategory;
  /** Unified memory: usable bytes after raising the limit (8 GiB left to the OS); null when there is no knob. */
  raisedUsableBytes: number | null;
  /** The command or setting that raises the limit; null when there is none. */
  raiseLimitHow: string | null;
  /** The GPU's HTML page. */
  page: string;
}

export function gpuDataEntry(gpu: Gpu): GpuDataEntry {
  return {
    slug: gpu.slug,
    name: gpu.name,
    vendor: gpu.vendor,
    memoryBytes: gpu.memoryBytes,
    usableBytes: gpu.usableBytes,
    bandwidthBytesPerSecond: gpu.bandwidthBytesPerSecond,
    unifiedMemory: gpu.unifiedMemory,
    source: gpu.source,
    category: gpu.category,
    raisedUsableBytes: gpu.raisedUsableBytes ?? null,
    raiseLimitHow: gpu.raiseLimitHow ?? null,
    page: gpuPath(gpu.slug),
  };
}

/** Every catalog GPU, in catalog order. */
export function gpuData(gpus: readonly Gpu[]): GpuDataEntry[] {
  return gpus.map(gpuDataEntry);
}
