/**
 * JavaScript the /calculator route adds on top of what every page loads, from a production build (`npm run build`).
 *
 *   npx tsx scripts/measure-calculator.ts [--next-dir .]
 *
 * Read from what a browser is told to download: the `<script src>` tags of the prerendered HTML in
 * .next/server/app (scripts/bench/page-weight.ts). "Shared" chunks are those every measured page type loads (the
 * framework, React, the router and the root layout); the route's chunks are the rest of /calculator's scripts, marked
 * when no other page type loads them. Sizes are gzip (level 9, like a CDN's static compression) of the files as
 * served. The island's input-to-result latency is `npm run bench -- latency`.
 */
import path from "node:path";
import { existsSync } from "node:fs";
import { gzipSize, measureSite, staticFile } from "./bench/page-weight";
import { UsageError, parseFlags } from "./lib/cli-args";

function main() {
  const { "next-dir": dir } = parseFlags(process.argv.slice(2), {
    "next-dir": { type: "string", default: "." },
  });
  // The project folder that holds .next (a path ending in .next, the old form of the flag, means its parent).
  const buildDir = path.resolve(path.basename(dir) === ".next" ? path.dirname(dir) : dir);
  if (!existsSync(path.join(buildDir, ".next", "BUILD_ID")))
    throw new UsageError(`no production build in ${buildDir}/.next: run \`npm run build\` first`);
  const pages = measureSite(buildDir).filter((page) => page.found);
  const calculator = pages.find((page) => page.route === "/calculator");
  if (!calculator) throw new UsageError(`no prerendered /calculator in ${buildDir}/.next/server/app`);
  const others = pages.filter((page) => page !== calculator);
  const shared = calculator.scripts.filter((src) => others.every((page) => page.scripts.includes(src)));
  const routeOnly = calculator.scripts.filter((src) => !shared.includes(src));

  const sizeOf = (src: string) => {
    const file = staticFile(buildDir, src);
    if (!file || !existsSync(file)) throw new Error(`/calculator: script ${src} is not in .next/static`);
    return gzipSize(file);
  };
  let raw = 0;
  let gzip = 0;
  console.log(
    `Route chunks of /calculator beyond the ${shared.length} chunks all ${pages.length} measured page types load:`,
  );
  for (const src of routeOnly) {
    const size = sizeOf(src);
    raw += size.raw;
    gzip += size.gzip;
    const alone = others.every((page) => !page.scripts.includes(src));
    console.log(
      `  ${src}  ${size.raw.toLocaleString("en-US")} B raw, ${size.gzip.toLocaleString("en-US")} B gzip${alone ? "  (only /calculator)" : ""}`,
    );
  }
  console.log(
    `Total: ${raw.toLocaleString("en-US")} B raw, ${gzip.toLocaleString("en-US")} B gzip (${(gzip / 1024).toFixed(1)} KiB)`,
  );
  const sharedGzip = shared.reduce((sum, src) => sum + sizeOf(src).gzip, 0);
  console.log(
    `For comparison, shared framework + layout chunks: ${sharedGzip.toLocaleString("en-US")} B gzip`,
  );
}

try {
  main();
} catch (error) {
  console.error(`measure-calculator: ${(error as Error).message}`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
