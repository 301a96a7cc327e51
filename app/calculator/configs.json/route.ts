import { calculatorConfigs } from "@/features/calculator/server-catalog";

// Fetched by the calculator after first paint (features/calculator/catalog-configs.ts), not sent in the page.
export const dynamic = "force-static";

export function GET() {
  return Response.json(calculatorConfigs());
}
