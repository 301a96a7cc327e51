// The static export (out/) served the way a plain static host serves it, with sirv: /a → a.html or a/index.html,
// unknown paths → 404.html with status 404, GET and HEAD only. Used by scripts/check-export.ts and as the baseline of
// the serving benchmark (scripts/serve-export.ts runs it in its own process).
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import sirv from "sirv";

/**
 * Types sirv's table (mrmime) does not give. Next.js writes Open Graph images without an extension
 * (out/models/<slug>/opengraph-image) while their meta tags say image/png; a static host needs the same rule
 * (README, "Scale and deployment").
 */
const EXTRA_TYPES: Readonly<Record<string, string>> = {
  "opengraph-image": "image/png",
  "twitter-image": "image/png",
  ".ico": "image/x-icon",
};

function extraType(urlPath: string): string | undefined {
  const base = path.posix.basename(urlPath);
  return EXTRA_TYPES[path.posix.extname(base) ? path.posix.extname(base).toLowerCase() : base];
}

export function createExportHost(root: string): http.Server {
  const files = sirv(root, {
    dev: false, // index every file once at start: nothing outside `root` can ever be named
    etag: false,
    extensions: ["html"],
    setHeaders(response, urlPath) {
      response.setHeader("X-Content-Type-Options", "nosniff");
      const type = extraType(urlPath);
      if (type) response.setHeader("Content-Type", type);
    },
  });
  // sirv hands unknown paths on; a static host answers them with the export's 404.html and status 404.
  const notFoundFile = path.join(root, "404.html");
  const notFound = existsSync(notFoundFile)
    ? { type: "text/html; charset=utf-8", body: readFileSync(notFoundFile) }
    : { type: "text/plain; charset=utf-8", body: Buffer.from("Not found\n") };
  return http.createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    files(request, response, () => {
      response.writeHead(404, {
        "Content-Type": notFound.type,
        "Content-Length": notFound.body.length,
        "X-Content-Type-Options": "nosniff",
      });
      response.end(request.method === "HEAD" ? undefined : notFound.body);
    });
  });
}

/** Starts the host on 127.0.0.1 (port 0: any free port) and returns its origin. */
export async function startExportHost(
  root: string,
  port = 0,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createExportHost(root);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
