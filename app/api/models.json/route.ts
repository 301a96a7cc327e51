import { getModels } from "@/lib/models";
import { modelIndex } from "@/lib/model-data";

export const dynamic = "force-static";

export function GET() {
  return Response.json(modelIndex(getModels()));
}
