// Rated FP16 tensor throughput per catalog GPU (content/evidence/gpu-compute.json), validated at load.
import rawGpuCompute from "../../content/evidence/gpu-compute.json";
import { parseGpuCompute, type GpuCompute } from "@/lib/evidence/parse";

export const GPU_COMPUTE_ROWS: readonly GpuCompute[] = parseGpuCompute(rawGpuCompute);

export function gpuCompute(slug: string): GpuCompute | undefined {
  return GPU_COMPUTE_ROWS.find((row) => row.gpu === slug);
}
