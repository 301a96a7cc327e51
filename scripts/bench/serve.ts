// Serving: `next start` under load on loopback against the same page from the static export served by a plain Node
// static server (scripts/lib/static-server.ts), same load generator, same connection count, bounded in time and
// request count. Reports requests/s, p50/p99 latency and the ratio.
import { startNext } from "../lib/proc";
import { runLoad } from "../lib/load";
import type { LoadResult } from "../lib/load";
import { startStaticServer } from "../lib/static-server";

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
  };
  // One server at a time, so they do not compete for the two cores.
  const next = await startNext(options.nextDir);
  let nextResult: LoadResult;
  try {
    nextResult = await runLoad(next.origin + options.path, { ...load, warmupRequests: 50 });
  } finally {
    await next.stop();
  }
  const server = await startStaticServer(options.outDir);
  let staticResult: LoadResult;
  try {
    staticResult = await runLoad(server.origin + options.path, { ...load, warmupRequests: 50 });
  } finally {
    await server.close();
  }
  return { path: options.path, next: nextResult, staticServer: staticResult };
}
