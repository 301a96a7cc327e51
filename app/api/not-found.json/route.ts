// The answer to any /api/ URL that no data route serves (next.config.mjs rewrites them here as a fallback): a JSON 404
// for API clients instead of the HTML "page not found".
export const dynamic = "force-static";

export function GET() {
  return Response.json({ error: "not found" }, { status: 404 });
}
