import { getGpus } from "@/lib/gpus";
import { gpuData } from "@/lib/gpu-data";

export const dynamic = "force-static";

export function GET() {
  return Response.json(gpuData(getGpus()));
}
