// Serving: `next start` under load on loopback against the same page from the static export on a plain static host
// (scripts/serve-export.ts: sirv), with the same autocannon load, same connection count, bounded in time and request
// count. Reports requests/s, p50/p90/p99 latency; bench.ts prints the ratios.
import { spawn } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import { freePort, startNext, stopProcessGroup, waitForUrl } from "../lib/proc";
import { PROJECT_ROOT } from "../lib/site-copy";

export interface LoadResult {
  url: string;
  connections: number;
  requests: number;
  errors: number;
  non200: number;
  seconds: number;
  requestsPerSecond: number;
  bytesPerRequest: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

// identity: both servers send the same bytes (next start would otherwise gzip on the fly, a static host sends
// precompressed files); the comparison is of serving, not compression.
const HEADERS = { "accept-encoding": "identity", accept: "text/html" };

/** autocannon against one URL, after `warmupRequests` requests on one connection that are not counted. */
export async function runLoad(
  url: string,
  options: { connections: number; seconds: number; maxRequests: number; warmupRequests: number },
): Promise<LoadResult> {
  await autocannon({ url, connections: 1, amount: options.warmupRequests, headers: HEADERS });
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    maxOverallRequests: options.maxRequests,
    headers: HEADERS,
  });
  const requests = result.requests.total;
  return {
    url,
    connections: options.connections,
    requests,
    errors: result.errors,
    non200: result.non2xx,
    seconds: result.duration,
    requestsPerSecond: requests / result.duration,
    bytesPerRequest: requests ? result.throughput.total / requests : 0,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
  };
}

/** scripts/serve-export.ts in its own process, like next start (the load generator must not share its CPU time). */
async function startStaticChild(outDir: string) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"),
      path.join(PROJECT_ROOT, "scripts/serve-export.ts"),
      "--dir",
      outDir,
      "--port",
      String(port),
    ],
    { detached: true, stdio: "ignore" },
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitForUrl(`${origin}/`, child);
  return { origin, stop: () => stopProcessGroup(child) };
}

export interface ServeComparison {
  path: string;
  next: LoadResult;
  staticServer: LoadResult;
}

export async function compareServing(options: {
  nextDir: string;
  outDir: string;
  path: string;
  connections: number;
  seconds: number;
  maxRequests: number;
}): Promise<ServeComparison> {
  const load = {
    connections: options.connections,
    seconds: options.seconds,
    maxRequests: options.maxRequests,
    warmupRequests: 50,
  };
  // One server at a time, so they do not compete for the two cores.
  const next = await startNext(options.nextDir);
  let nextResult: LoadResult;
  try {
    nextResult = await runLoad(next.origin + options.path, load);
  } finally {
    await next.stop();
  }
  const server = await startStaticChild(options.outDir);
  let staticResult: LoadResult;
  try {
    staticResult = await runLoad(server.origin + options.path, load);
  } finally {
    await server.stop();
  }
  return { path: options.path, next: nextResult, staticServer: staticResult };
}
