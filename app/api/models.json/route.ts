import { getModels } from "@/lib/content/models";
import { modelIndex } from "@/lib/publish/model-data";

export const dynamic = "force-static";

export function GET() {
  return Response.json(modelIndex(getModels()));
}
