import { getGpus } from "@/lib/content/gpus";
import { gpuData } from "@/lib/publish/gpu-data";

export const dynamic = "force-static";

export function GET() {
  return Response.json(gpuData(getGpus()));
}
