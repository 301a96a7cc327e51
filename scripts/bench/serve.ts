// Serving: `next start` under load on loopback against the same page from the static export served by a plain Node
// static server (scripts/lib/static-server.ts), same load generator, same connection count, bounded in time and
// request count. Reports requests/s, p50/p99 latency and the ratio.
import { spawn } from "node:child_process";
import path from "node:path";
import { freePort, startNext, stopProcessGroup, waitForUrl } from "../lib/proc";
import { runLoad } from "../lib/load";
import type { LoadResult } from "../lib/load";
import { PROJECT_ROOT } from "../lib/site-copy";

/** scripts/static-server.ts in its own process, like next start (the load generator must not share its CPU time). */
async function startStaticChild(outDir: string) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"),
      path.join(PROJECT_ROOT, "scripts/static-server.ts"),
      outDir,
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
  };
  // One server at a time, so they do not compete for the two cores.
  const next = await startNext(options.nextDir);
  let nextResult: LoadResult;
  try {
    nextResult = await runLoad(next.origin + options.path, { ...load, warmupRequests: 50 });
  } finally {
    await next.stop();
  }
  const server = await startStaticChild(options.outDir);
  let staticResult: LoadResult;
  try {
    staticResult = await runLoad(server.origin + options.path, { ...load, warmupRequests: 50 });
  } finally {
    await server.stop();
  }
  return { path: options.path, next: nextResult, staticServer: staticResult };
}
