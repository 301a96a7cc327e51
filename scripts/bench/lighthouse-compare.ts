// Lighthouse (mobile emulation, performance only) of a model page and the calculator beside an empty App Router page
// built with the same Next.js and React (scripts/bench/page-weight frameworkFloor), in the same run: the runs are
// interleaved page by page, so a busy machine slows all three alike. Prints the median of each figure and checks the
// targets of issue #11: model page score ≥ empty − 3 and LCP ≤ 1.5 × empty; calculator score ≥ empty − 8.
//
// Each comparison runs under one throttling method, and the bench reports both:
// - "devtools" (applied throttling): the page really loads over the throttled network (150 ms RTT, 1.6 Mbps) on a
//   4×-slowed CPU, and the figures are what that browser observed.
// - "simulate" (Lantern, Lighthouse's default): the page loads at full speed from localhost and Lantern estimates the
//   throttled figures from that trace. Lantern charges to LCP every request and script that finished before the
//   first frame of the unthrottled load. From localhost the framework's JavaScript (about 140 KB gzip, the same on
//   every App Router page) always arrives and runs before a content page's first frame, so it lands in the model
//   page's LCP (1 Dec 2026: react-dom's 72 KB chunk ends the simulated LCP at about 2.2 s); the empty page paints
//   before its scripts arrive and escapes. On a phone those scripts arrive after the HTML and CSS, as the applied
//   run shows.
//   LIGHTHOUSE_RUNS=<n>        runs per page (default 3, at least 3)
//   LIGHTHOUSE_MODEL=<slug>    model page (default deepseek-r1)
//   LIGHTHOUSE_THROTTLING=<m>  devtools, simulate, or both separated by a comma (default devtools,simulate)
//   LIGHTHOUSE_LEVERS=1        also the model page with Next.js prefetch requests blocked (?_rsc=), to measure that
//                              lever
//   LIGHTHOUSE_NICE=<n>        niceness of the Lighthouse runs (default 10; 0 on a shared machine keeps other jobs'
//                              builds from stretching the traces Lighthouse simulates from)
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runLighthouse } from "./lighthouse-run";
import type { ThrottlingMethod } from "./lighthouse-run";
import { frameworkFloor } from "./page-weight";
import { startNext } from "../lib/proc";
import { BENCH_TMP, PROJECT_ROOT } from "../lib/site-copy";
import { modelPath } from "@/lib/routes";

export interface LighthouseFigures {
  performance: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
}

interface PageSpec {
  label: string;
  origin: "floor" | "site";
  path: string;
  blockedUrlPatterns?: string[];
}

export interface LighthouseComparison {
  throttlingMethod: ThrottlingMethod;
  runs: number;
  pages: { label: string; path: string; median: LighthouseFigures; all: LighthouseFigures[] }[];
  targets: { label: string; ok: boolean; detail: string }[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Niceness of the browser Lighthouse drives (LIGHTHOUSE_NICE, a whole number from 0 to 19; default 10). */
function lighthouseNice(): number {
  const raw = process.env.LIGHTHOUSE_NICE ?? "10";
  const nice = Number(raw);
  if (!Number.isInteger(nice) || nice < 0 || nice > 19) {
    throw new Error(`LIGHTHOUSE_NICE must be a whole number from 0 to 19, got ${JSON.stringify(raw)}`);
  }
  return nice;
}

/** The methods LIGHTHOUSE_THROTTLING asks for (default both, applied first). */
export function throttlingMethods(): ThrottlingMethod[] {
  const raw = process.env.LIGHTHOUSE_THROTTLING ?? "devtools,simulate";
  const methods = raw.split(",").map((m) => m.trim());
  const isMethod = (m: string): m is ThrottlingMethod => m === "devtools" || m === "simulate";
  if (!methods.every(isMethod)) {
    throw new Error(
      `LIGHTHOUSE_THROTTLING must be devtools, simulate or both (comma-separated), got ${JSON.stringify(raw)}`,
    );
  }
  return [...new Set(methods)];
}

function lighthouseFigures(
  url: string,
  outFile: string,
  throttlingMethod: ThrottlingMethod,
  blockedUrlPatterns?: string[],
): LighthouseFigures {
  const report = runLighthouse(url, {
    categories: ["performance"],
    throttlingMethod,
    blockedUrlPatterns,
    nice: lighthouseNice(),
  });
  writeFileSync(outFile, report.json);
  return {
    performance: report.scores.performance ?? 0,
    lcpMs: report.metric("largest-contentful-paint"),
    fcpMs: report.metric("first-contentful-paint"),
    tbtMs: report.metric("total-blocking-time"),
    cls: report.metric("cumulative-layout-shift"),
  };
}

export async function lighthouseComparison(options: {
  throttlingMethod: ThrottlingMethod;
  runs?: number;
  model?: string;
  levers?: boolean;
  log?: (line: string) => void;
}): Promise<LighthouseComparison> {
  const runs = Math.max(3, options.runs ?? 3);
  const model = options.model ?? "deepseek-r1";
  const log = options.log ?? (() => {});
  const floor = await frameworkFloor();
  if (!floor.found) throw new Error("the empty App Router page did not build");
  const pages: PageSpec[] = [
    { label: "empty App Router page", origin: "floor", path: "/" },
    { label: "model page", origin: "site", path: modelPath(model) },
    { label: "calculator", origin: "site", path: "/calculator" },
  ];
  if (options.levers) {
    pages.push({
      label: "model page, prefetch blocked",
      origin: "site",
      path: modelPath(model),
      blockedUrlPatterns: ["*_rsc=*"],
    });
  }
  const out = path.join(BENCH_TMP, "lighthouse");
  mkdirSync(out, { recursive: true });
  const floorServer = await startNext(floor.dir);
  const siteServer = await startNext(PROJECT_ROOT);
  const all = new Map<string, LighthouseFigures[]>(pages.map((p) => [p.label, []]));
  try {
    for (let run = 1; run <= runs; run += 1) {
      for (const page of pages) {
        const origin = page.origin === "floor" ? floorServer.origin : siteServer.origin;
        const file = path.join(
          out,
          `${options.throttlingMethod}-${page.label.replace(/\W+/g, "-")}-${run}.json`,
        );
        const figures = lighthouseFigures(
          `${origin}${page.path}`,
          file,
          options.throttlingMethod,
          page.blockedUrlPatterns,
        );
        all.get(page.label)?.push(figures);
        log(
          `  run ${run}/${runs} ${page.label}: perf ${figures.performance}, LCP ${Math.round(figures.lcpMs)} ms, TBT ${Math.round(figures.tbtMs)} ms`,
        );
      }
    }
  } finally {
    await siteServer.stop();
    await floorServer.stop();
  }
  const summary = pages.map((page) => {
    const list = all.get(page.label) ?? [];
    return {
      label: page.label,
      path: page.path,
      all: list,
      median: {
        performance: median(list.map((f) => f.performance)),
        lcpMs: median(list.map((f) => f.lcpMs)),
        fcpMs: median(list.map((f) => f.fcpMs)),
        tbtMs: median(list.map((f) => f.tbtMs)),
        cls: median(list.map((f) => f.cls)),
      },
    };
  });
  const [empty, modelPage, calculator] = summary.map((s) => s.median);
  const targets =
    empty && modelPage && calculator
      ? [
          {
            label: "model page performance ≥ empty − 3",
            ok: modelPage.performance >= empty.performance - 3,
            detail: `${modelPage.performance} vs ${empty.performance} − 3 = ${empty.performance - 3}`,
          },
          {
            label: "model page LCP ≤ 1.5 × empty",
            ok: modelPage.lcpMs <= 1.5 * empty.lcpMs,
            detail: `${Math.round(modelPage.lcpMs)} ms vs 1.5 × ${Math.round(empty.lcpMs)} = ${Math.round(1.5 * empty.lcpMs)} ms`,
          },
          {
            label: "calculator performance ≥ empty − 8",
            ok: calculator.performance >= empty.performance - 8,
            detail: `${calculator.performance} vs ${empty.performance} − 8 = ${empty.performance - 8}`,
          },
        ]
      : [];
  return { throttlingMethod: options.throttlingMethod, runs, pages: summary, targets };
}
