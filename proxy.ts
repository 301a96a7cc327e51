// Runs before routing under `next start` (not part of the static export, whose host answers these itself).
// - Methods: every page and data file is static, so anything but GET and HEAD answers 405 with Allow, instead of
//   the page (POST, PUT, DELETE, PATCH answered 200) or a 400 (OPTIONS). TRACE never gets here: instrumentation.ts.
// - Paths that do not percent-decode (/models/%E0%A4%A, /gpus/%ZZ) answer 400 here; Next.js answered 500 in plain
//   text without the security headers. The headers of next.config.mjs apply to these responses too.
import type { NextRequest } from "next/server";

const ALLOWED_METHODS = "GET, HEAD";

function isDataPath(pathname: string): boolean {
  return pathname.startsWith("/api/");
}

function answer(
  pathname: string,
  status: number,
  error: string,
  headers: Record<string, string> = {},
): Response {
  if (isDataPath(pathname)) return Response.json({ error }, { status, headers });
  return new Response(`${error}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...headers },
  });
}

export function proxy(request: NextRequest): Response | undefined {
  const { pathname } = request.nextUrl;
  if (request.method !== "GET" && request.method !== "HEAD") {
    return answer(pathname, 405, "method not allowed", { Allow: ALLOWED_METHODS });
  }
  try {
    decodeURIComponent(pathname);
  } catch {
    return answer(pathname, 400, "bad request: the path is not valid percent-encoding");
  }
  return undefined;
}

export const config = {
  // Static chunks are immutable files served by Next.js itself; everything else goes through the checks above.
  matcher: ["/((?!_next/static/).*)"],
};
