/**
 * JavaScript the /calculator route adds on top of what every page loads, from a production build (`npm run build`).
 *
 *   npx tsx scripts/measure-calculator.ts [--next-dir .next]
 *
 * "Route chunks" are the JS files of the route's entry (.next/server/app/calculator/page_client-reference-manifest.js,
 * entryJSFiles["[project]/app/calculator/page"]) that are neither root main files (build-manifest.json: the
 * framework, React, router) nor the root layout's own chunks. Sizes are gzip (level 9, like a CDN's static
 * compression) of the files as served. The island's input-to-result latency is measured in the browser by
 * e2e/calculator.spec.ts ("measures input-to-result latency"), which prints the median of 20 changes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createContext, runInContext } from "node:vm";
import { gzipSync } from "node:zlib";

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
  clientModules: Record<string, { chunks: string[] }>;
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const nextDir = path.resolve(argValue("--next-dir") ?? ".next");

function readManifest(route: string): ClientReferenceManifest {
  const file = path.join(nextDir, "server", "app", route, "page_client-reference-manifest.js");
  const sandbox: Record<string, unknown> = {};
  sandbox.globalThis = sandbox;
  createContext(sandbox);
  runInContext(readFileSync(file, "utf8"), sandbox);
  const all = sandbox.__RSC_MANIFEST as Record<string, ClientReferenceManifest>;
  const manifest = all[`/${route}/page`];
  if (!manifest) throw new Error(`${file}: no manifest for /${route}/page`);
  return manifest;
}

function normalise(chunk: string): string {
  return chunk.replace(/^\/?_next\//, "").replace(/^\//, "");
}

function gzipBytes(chunk: string): { raw: number; gzip: number } {
  const data = readFileSync(path.join(nextDir, normalise(chunk)));
  return { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

function main() {
  const build = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
    polyfillFiles: string[];
  };
  const manifest = readManifest("calculator");
  const entries = manifest.entryJSFiles ?? {};
  const pageChunks = (entries["[project]/app/calculator/page"] ?? []).map(normalise);
  const layoutChunks = new Set((entries["[project]/app/layout"] ?? []).map(normalise));
  const shared = new Set([...build.rootMainFiles, ...build.polyfillFiles].map(normalise));
  if (pageChunks.length === 0)
    throw new Error("no entry chunks for /calculator: is this a production build?");

  const islandModule = Object.keys(manifest.clientModules).find((key) =>
    key.endsWith("features/calculator/calculator.tsx"),
  );
  const islandChunks = new Set(
    (islandModule ? manifest.clientModules[islandModule]!.chunks : []).map(normalise),
  );

  const routeOnly = pageChunks.filter((chunk) => !shared.has(chunk) && !layoutChunks.has(chunk));
  let raw = 0;
  let gzip = 0;
  console.log("Route chunks of /calculator beyond the shared framework and layout chunks:");
  for (const chunk of routeOnly) {
    const size = gzipBytes(chunk);
    raw += size.raw;
    gzip += size.gzip;
    console.log(
      `  ${chunk}  ${size.raw.toLocaleString("en-US")} B raw, ${size.gzip.toLocaleString("en-US")} B gzip${islandChunks.has(chunk) ? "  (island)" : ""}`,
    );
  }
  console.log(
    `Total: ${raw.toLocaleString("en-US")} B raw, ${gzip.toLocaleString("en-US")} B gzip (${(gzip / 1024).toFixed(1)} KiB)`,
  );

  let sharedGzip = 0;
  for (const chunk of new Set([...shared, ...layoutChunks])) sharedGzip += gzipBytes(chunk).gzip;
  console.log(
    `For comparison, shared framework + layout chunks: ${sharedGzip.toLocaleString("en-US")} B gzip`,
  );
}

main();
