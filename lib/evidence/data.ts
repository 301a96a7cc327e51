// Sourced measurements (content/evidence/*.json): typed access, validated at module load. A bad row fails the
// build with the file, the row and the field. Facts only; every row carries an https source and an ISO date.
import rawBenchmarkModels from "../../content/evidence/benchmark-models.json";
import rawSpeed from "../../content/evidence/speed.json";
import {
  parseBenchmarkModels,
  parseSpeed,
  type BenchmarkModel,
  type GpuCompute,
  type SpeedPoint,
} from "@/lib/evidence/parse";
import { QUALITY } from "@/lib/evidence/quality-data";
import { GPU_COMPUTE_ROWS } from "@/lib/evidence/gpu-compute";

export type { BenchmarkModel, GpuCompute, QualityRow, QualityTable, SpeedPoint } from "@/lib/evidence/parse";
export { QUALITY, GPU_COMPUTE_ROWS };

export const SPEED_POINTS: readonly SpeedPoint[] = parseSpeed(rawSpeed);
export const BENCHMARK_MODELS: readonly BenchmarkModel[] = parseBenchmarkModels(rawBenchmarkModels);
export const GPU_COMPUTE: readonly GpuCompute[] = GPU_COMPUTE_ROWS;

export { gpuCompute } from "@/lib/evidence/gpu-compute";
