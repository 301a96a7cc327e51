// A tiny static file server for the `MODELFIT_EXPORT=1` build in out/: what any CDN or static host does, and nothing
// more. Used by the export test and as the baseline of the serving benchmark.
//   tsx scripts/static-server.ts [dir=out] [port=3000]
// Rules (those of common static hosts): /a/b → a/b.html, then a/b/index.html; /a/b.json → the file; unknown paths get
// 404.html with status 404; no directory listings; nothing outside the root is ever read.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".rsc": "text/x-component",
};

/**
 * Next.js writes Open Graph images without an extension (out/models/<slug>/opengraph-image); their meta tags say
 * image/png. A static host needs the same rule (README, "Scale and deployment").
 */
const EXTENSIONLESS_TYPES: Readonly<Record<string, string>> = {
  "opengraph-image": "image/png",
  "twitter-image": "image/png",
};

export function contentType(file: string): string {
  const base = path.basename(file);
  if (!path.extname(base) && base in EXTENSIONLESS_TYPES) return EXTENSIONLESS_TYPES[base]!;
  return TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

async function isFile(file: string): Promise<number | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

/** The file a request path maps to, or null. Never leaves `root`. */
export async function resolveStatic(
  root: string,
  urlPath: string,
): Promise<{ file: string; size: number } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const base = path.resolve(root);
  const target = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
  if (target !== base && !target.startsWith(base + path.sep)) return null;
  const candidates = decoded.endsWith("/")
    ? [path.join(target, "index.html")]
    : [target, `${target}.html`, path.join(target, "index.html")];
  for (const file of candidates) {
    const size = await isFile(file);
    if (size !== null) return { file, size };
  }
  return null;
}

export function createStaticServer(root: string): http.Server {
  return http.createServer((request, response) => {
    void (async () => {
      const method = request.method ?? "GET";
      if (method !== "GET" && method !== "HEAD") {
        response.writeHead(405, { Allow: "GET, HEAD" }).end();
        return;
      }
      const urlPath = (request.url ?? "/").split("?")[0] ?? "/";
      let found = await resolveStatic(root, urlPath);
      let status = 200;
      if (!found) {
        status = 404;
        found = await resolveStatic(root, "/404.html");
        if (!found) {
          response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
          return;
        }
      }
      response.writeHead(status, {
        "Content-Type": contentType(found.file),
        "Content-Length": found.size,
        "X-Content-Type-Options": "nosniff",
      });
      if (method === "HEAD") {
        response.end();
        return;
      }
      createReadStream(found.file)
        .on("error", () => response.destroy())
        .pipe(response);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
}

/** Starts the server on 127.0.0.1 (port 0: any free port) and returns its origin. */
export async function startStaticServer(
  root: string,
  port = 0,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createStaticServer(root);
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
