// Node.js part of instrumentation.ts: answers TRACE with 405 before Next.js sees it. `next start` builds a WHATWG
// Request for every request, and undici refuses TRACE with a thrown TypeError ("'TRACE' HTTP method is
// unsupported"): Next.js logged its stack and answered 500, before proxy.ts could run. Node's HTTP parser itself
// answers TRACK and other unknown methods with 400.
import http from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import { securityHeaders } from "./lib/security-headers.mjs";

const PATCHED = Symbol.for("modelfit.traceGuard");

export function guardTrace(): void {
  const proto = http.Server.prototype as unknown as Record<symbol, boolean> & {
    emit: (event: string | symbol, ...args: unknown[]) => boolean;
  };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (request.method === "TRACE") {
        const headers: Record<string, string> = {
          Allow: "GET, HEAD",
          "Content-Type": "text/plain; charset=utf-8",
        };
        for (const { key, value } of securityHeaders) headers[key] = value;
        response.writeHead(405, headers).end("method not allowed\n");
        return true;
      }
    }
    return emit.call(this, event, ...args);
  };
}
