// npm run bench — performance figures, printed (never asserted as time limits).
//   npm run bench                         all sections: weight, serve, scale, lighthouse
//   npm run bench -- weight serve         only some sections
//   npm run bench -- --full               scale also at N=5000 synthetic models
//   CI=true npm run bench  (or --short)   short mode: 5 s load runs; no scale builds (MODELFIT_BENCH_SCALE=1: N=100
//                                         only) and no Lighthouse
//   --next-dir DIR   the production build to measure/serve (default: this project, after `npm run build`)
//   --out DIR        the static export to serve (default: the scratch export of scripts/check-export.ts, built
//                    when missing)
// Sections:
//   weight      HTML and JavaScript (gzip) per page type, beside an empty App Router page (the framework floor)
//   serve       next start vs the static export on a plain static host (sirv), autocannon load: requests/s,
//               p50/p90/p99, ratios
//   scale       build time per page and peak memory with N synthetic models (scripts/bench/scale.ts)
//   lighthouse  mobile Lighthouse performance, LCP, FCP, TBT, CLS: a model page and the calculator beside an empty
//               App Router page of the same Next.js, median of ≥ 3 interleaved runs, with the targets checked
//               under applied (devtools) and simulated (Lantern) throttling (scripts/bench/lighthouse-compare.ts;
//               LIGHTHOUSE_RUNS, LIGHTHOUSE_MODEL, LIGHTHOUSE_THROTTLING, LIGHTHOUSE_LEVERS=1)
//   hostile     time from a hostile calculator link to a ready page, beside the plain calculator (Chromium)
//   latency     the calculator's input-to-result time: median of 20 weight-format changes per model (Chromium)
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { frameworkFloor, measureSite, sharedScripts } from "./bench/page-weight";
import type { PageWeight } from "./bench/page-weight";
import { scaleRun } from "./bench/scale";
import type { ScaleRun } from "./bench/scale";
import { timeHostileLinks } from "./bench/hostile";
import { timeCalculatorInput } from "./bench/calculator-latency";
import { CHROMIUM_PATH } from "./bench/chromium";
import { lighthouseComparison, throttlingMethods } from "./bench/lighthouse-compare";
import { compareServing } from "./bench/serve";
import { EXPORT_COPY, buildExport } from "./check-export";
import { UsageError, parseFlagsAndNames } from "./lib/cli-args";
import { waitForOtherBuilds } from "./lib/proc";
import { BENCH_TMP, PROJECT_ROOT } from "./lib/site-copy";
import { modelPath } from "@/lib/routes";

const SECTIONS = ["weight", "serve", "scale", "lighthouse", "hostile", "latency"] as const;
type Section = (typeof SECTIONS)[number];
const isSection = (name: string): name is Section => (SECTIONS as readonly string[]).includes(name);

function readArgs() {
  try {
    const { values, positionals } = parseFlagsAndNames(process.argv.slice(2), {
      full: { type: "boolean", default: false },
      short: { type: "boolean", default: false },
      "next-dir": { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    });
    if (values.help) {
      console.log(
        `usage: npm run bench -- [${SECTIONS.join(" | ")} …] [--short] [--full] [--next-dir DIR] [--out DIR]\n(sections and flags are described at the top of scripts/bench.ts)`,
      );
      process.exit(0);
    }
    const unknown = positionals.filter((name) => !isSection(name));
    if (unknown.length > 0)
      throw new UsageError(`unknown section ${JSON.stringify(unknown[0])}; sections: ${SECTIONS.join(", ")}`);
    return { ...values, sections: positionals.filter(isSection) };
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    process.exit(2);
  }
}

const args = readArgs();
const sections: readonly Section[] = args.sections.length > 0 ? args.sections : SECTIONS;
const ci = process.env.CI === "true" || process.env.CI === "1" || args.short;
const full = args.full;
const nextDir = path.resolve(args["next-dir"] ?? PROJECT_ROOT);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const pad = (text: string | number, width: number) => String(text).padEnd(width);
const padStart = (text: string | number, width: number) => String(text).padStart(width);
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  mode: ci ? "short" : full ? "full" : "default",
};

function heading(text: string) {
  console.log(`\n== ${text}`);
}

async function weight() {
  heading(
    `page weight (${path.relative(PROJECT_ROOT, nextDir) || "."}/.next; HTML as built, JS/CSS gzip -9)`,
  );
  if (!existsSync(path.join(nextDir, ".next", "BUILD_ID"))) {
    console.log("no production build: run `npm run build` first (skipped)");
    return;
  }
  const pages = measureSite(nextDir);
  const shared = sharedScripts(nextDir, pages);
  let floor: (PageWeight & { seconds: number | null }) | null = null;
  try {
    floor = await frameworkFloor();
  } catch (error) {
    console.log(
      `framework floor: could not build the empty app (${(error as Error).message.split("\n")[0]})`,
    );
  }
  console.log(
    `${pad("page", 24)}${pad("route", 34)}${padStart("HTML", 10)}${padStart("HTML gz", 10)}${padStart("JS files", 10)}${padStart("JS gz", 10)}${padStart("JS raw", 10)}${padStart("CSS gz", 10)}${padStart("JS − floor", 12)}`,
  );
  const row = (p: PageWeight) =>
    console.log(
      p.found
        ? `${pad(p.label, 24)}${pad(p.route, 34)}${padStart(kb(p.htmlBytes), 10)}${padStart(kb(p.htmlGzip), 10)}${padStart(p.scripts.length, 10)}${padStart(kb(p.jsGzip), 10)}${padStart(kb(p.jsRaw), 10)}${padStart(kb(p.cssGzip), 10)}${padStart(floor?.found ? `+${kb(p.jsGzip - floor.jsGzip)}` : "—", 12)}`
        : `${pad(p.label, 24)}${pad(p.route, 34)}not built`,
    );
  pages.forEach(row);
  if (floor?.found) row(floor);
  console.log(
    `${pad("shared by every page above", 58)}${padStart(shared.count, 30)}${padStart(kb(shared.gzip), 10)}`,
  );
  results.weight = { pages, floor, shared };
}

async function serve() {
  const seconds = ci ? 5 : 10;
  const maxRequests = ci ? 5000 : 20000;
  const connections = 16;
  heading(
    `serving a model page on loopback (${connections} connections, ≤${seconds} s and ≤${maxRequests} requests each)`,
  );
  if (!existsSync(path.join(nextDir, ".next", "BUILD_ID"))) {
    console.log("no production build for next start: run `npm run build` first (skipped)");
    return;
  }
  let out = args.out ?? path.join(BENCH_TMP, EXPORT_COPY, "out");
  if (!existsSync(path.join(out, "index.html"))) {
    console.log("building the static export (MODELFIT_EXPORT=1) in a scratch copy …");
    out = (await buildExport()).out;
  }
  // A build running beside the load test would take one of the two cores: wait for it.
  await waitForOtherBuilds("serve");
  const slug = existsSync(path.join(out, "models", "deepseek-r1.html")) ? "deepseek-r1" : "llama-3-1-8b";
  const result = await compareServing({
    nextDir,
    outDir: out,
    path: modelPath(slug),
    connections,
    seconds,
    maxRequests,
  });
  console.log(
    `${pad("server", 34)}${padStart("req/s", 10)}${padStart("p50 ms", 10)}${padStart("p90 ms", 10)}${padStart("p99 ms", 10)}${padStart("max ms", 10)}${padStart("requests", 10)}${padStart("errors", 8)}${padStart("KB/resp", 10)}`,
  );
  for (const [label, r] of [
    ["next start", result.next],
    ["static export, sirv static host", result.staticServer],
  ] as const) {
    console.log(
      `${pad(label, 34)}${padStart(r.requestsPerSecond.toFixed(0), 10)}${padStart(r.p50Ms.toFixed(1), 10)}${padStart(r.p90Ms.toFixed(1), 10)}${padStart(r.p99Ms.toFixed(1), 10)}${padStart(r.maxMs.toFixed(1), 10)}${padStart(r.requests, 10)}${padStart(r.errors + r.non200, 8)}${padStart((r.bytesPerRequest / 1024).toFixed(1), 10)}`,
    );
  }
  // Ratios against the static baseline measured in this run (absolute figures move with the machine's load).
  const ratio = result.staticServer.requestsPerSecond / Math.max(1, result.next.requestsPerSecond);
  const p50Ratio = result.next.p50Ms / Math.max(0.001, result.staticServer.p50Ms);
  const p99Ratio = result.next.p99Ms / Math.max(0.001, result.staticServer.p99Ms);
  console.log(
    `static / next start: ${ratio.toFixed(2)}× the requests/s; next start p50 is ${p50Ratio.toFixed(2)}×, p99 ${p99Ratio.toFixed(2)}× the static one`,
  );
  results.serve = { ...result, ratio, p50Ratio, p99Ratio };
}

async function scale() {
  const sizes = ci
    ? process.env.MODELFIT_BENCH_SCALE === "1"
      ? [100]
      : []
    : full
      ? [0, 100, 1000, 5000]
      : [0, 100, 1000];
  heading(`build scale: real catalog + N synthetic models (${sizes.join(", ") || "none"})`);
  if (sizes.length === 0) {
    console.log(
      "short mode (CI): skipped — each size is a full site build (minutes on 2 cores). `npm run bench -- scale` runs N=0/100/1000, --full adds 5000; MODELFIT_BENCH_SCALE=1 runs N=100 in short mode.",
    );
    return;
  }
  const runs: ScaleRun[] = [];
  console.log(
    `${pad("N", 6)}${padStart("models", 8)}${padStart("routes", 8)}${padStart("HTML", 7)}${padStart("content s", 11)}${padStart("next s", 9)}${padStart("ms/route", 10)}${padStart("marginal", 10)}${padStart("peak tree", 11)}${padStart("peak proc", 11)}`,
  );
  for (const n of sizes) {
    const run = await scaleRun(n);
    runs.push(run);
    const total = run.contentlayerSeconds + run.nextSeconds;
    const previous = runs[runs.length - 2];
    const marginal = previous
      ? `${(((total - previous.contentlayerSeconds - previous.nextSeconds) * 1000) / Math.max(1, run.routes - previous.routes)).toFixed(0)}`
      : "—";
    console.log(
      `${pad(n, 6)}${padStart(run.models, 8)}${padStart(run.routes, 8)}${padStart(run.htmlPages, 7)}${padStart(run.contentlayerSeconds.toFixed(1), 11)}${padStart(run.nextSeconds.toFixed(1), 9)}${padStart(((total * 1000) / run.routes).toFixed(0), 10)}${padStart(marginal, 10)}${padStart(mib(run.peakTreeRssBytes), 11)}${padStart(mib(run.peakProcessRssBytes), 11)}`,
    );
  }
  console.log(
    "ms/route: (contentlayer + next build) / prerendered routes; marginal: extra ms per extra route vs the previous row",
  );
  results.scale = runs;
}

async function lighthouse() {
  const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
  heading(
    `Lighthouse (mobile emulation, performance): median of ${Math.max(3, runs)} runs each, beside an empty App Router page`,
  );
  if (ci) {
    console.log(
      "short mode (CI): skipped — `npm run bench -- lighthouse` after `npm run build` (about 16 s per run, page and throttling method)",
    );
    return;
  }
  if (nextDir !== PROJECT_ROOT) {
    console.log("lighthouse runs on this project's build only (skipped with --next-dir)");
    return;
  }
  if (!existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))) {
    console.log("no production build: run `npm run build` first (skipped)");
    return;
  }
  await waitForOtherBuilds("lighthouse");
  const comparisons = [];
  for (const throttlingMethod of throttlingMethods()) {
    console.log(
      throttlingMethod === "devtools"
        ? "\n-- applied throttling (devtools): the page loads over 150 ms RTT / 1.6 Mbps on a 4× slower CPU; observed figures"
        : "\n-- simulated throttling (Lantern, Lighthouse's default): estimated from a full-speed localhost load " +
            "(see scripts/bench/lighthouse-compare.ts for what it charges to LCP)",
    );
    const comparison = await lighthouseComparison({
      throttlingMethod,
      runs,
      model: process.env.LIGHTHOUSE_MODEL,
      levers: process.env.LIGHTHOUSE_LEVERS === "1",
      log: (line) => console.log(line),
    });
    console.log(
      `${pad("page", 32)}${pad("path", 26)}${padStart("perf", 6)}${padStart("LCP ms", 9)}${padStart("FCP ms", 9)}${padStart("TBT ms", 9)}${padStart("CLS", 7)}`,
    );
    for (const page of comparison.pages) {
      const m = page.median;
      console.log(
        `${pad(page.label, 32)}${pad(page.path, 26)}${padStart(m.performance, 6)}${padStart(Math.round(m.lcpMs), 9)}${padStart(Math.round(m.fcpMs), 9)}${padStart(Math.round(m.tbtMs), 9)}${padStart(m.cls.toFixed(3), 7)}`,
      );
    }
    for (const target of comparison.targets)
      console.log(`${target.ok ? "met    " : "MISSED "} ${target.label}: ${target.detail}`);
    comparisons.push(comparison);
  }
  console.log(
    "\nAccessibility, best practices and SEO scores: `npm run lighthouse` (scripts/lighthouse.ts).",
  );
  results.lighthouse = comparisons;
}

/** A browser section needs a build and Chromium, and no other build beside it; says why when it is skipped. */
async function browserSectionReady(label: string): Promise<boolean> {
  if (!existsSync(path.join(nextDir, ".next", "BUILD_ID"))) {
    console.log("no production build: run `npm run build` first (skipped)");
    return false;
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`no Chromium at ${CHROMIUM_PATH} (scripts/ensure-chromium.sh installs it): skipped`);
    return false;
  }
  await waitForOtherBuilds(label);
  return true;
}

async function hostile() {
  const runs = ci ? 3 : 5;
  heading(
    `hostile calculator links: navigation to ready page, median of ${runs} loads (Chromium, next start)`,
  );
  if (!(await browserSectionReady("hostile"))) return;
  const timings = await timeHostileLinks(nextDir, runs);
  console.log(
    `${pad("link", 34)}${padStart("chars", 8)}${padStart("median ms", 12)}${padStart("max ms", 10)}`,
  );
  for (const t of timings) {
    console.log(
      `${pad(t.name, 34)}${padStart(t.linkChars, 8)}${padStart(Math.round(t.medianMs), 12)}${padStart(Math.round(t.maxMs), 10)}`,
    );
  }
  results["hostile"] = timings;
}

async function latency() {
  heading("calculator input-to-result latency: 20 weight-format changes per model (Chromium, next start)");
  if (!(await browserSectionReady("latency"))) return;
  const timings = await timeCalculatorInput(nextDir);
  console.log(
    `${pad("model", 20)}${padStart("median ms to DOM", 18)}${padStart("median ms to frame", 20)}${padStart("max ms to frame", 17)}`,
  );
  for (const t of timings) {
    console.log(
      `${pad(t.slug, 20)}${padStart(t.medianDomMs.toFixed(1), 18)}${padStart(t.medianFrameMs.toFixed(1), 20)}${padStart(t.maxFrameMs.toFixed(1), 17)}`,
    );
  }
  results["latency"] = timings;
}

async function main() {
  for (const section of sections) {
    if (section === "weight") await weight();
    if (section === "serve") await serve();
    if (section === "scale") await scale();
    if (section === "lighthouse") await lighthouse();
    if (section === "hostile") await hostile();
    if (section === "latency") await latency();
  }
  mkdirSync(BENCH_TMP, { recursive: true });
  const file = path.join(BENCH_TMP, "bench-results.json");
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\nfigures also written to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
