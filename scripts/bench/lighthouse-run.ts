// One Lighthouse run through its Node API (the `lighthouse` devDependency, nothing downloaded at run time) in Debian's
// chromium, in a plain node child (lighthouse-worker.mjs) under the niceness asked for. Shared by the bench comparison
// and `npm run lighthouse`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type ThrottlingMethod = "simulate" | "devtools";
export type LighthouseCategory = "performance" | "accessibility" | "best-practices" | "seo";

export interface LighthouseOptions {
  categories: LighthouseCategory[];
  /** URL patterns the browser must not load (e.g. Next.js prefetch requests), to measure a lever. */
  blockedUrlPatterns?: string[];
  /** Lighthouse's desktop preset instead of its default mobile emulation. */
  desktop?: boolean;
  /**
   * "simulate" (Lighthouse's default): load at full speed, then estimate the throttled metrics with Lantern from that
   * trace. "devtools": the page really loads under the throttled network and CPU, and the metrics are the observed
   * ones. See scripts/bench/lighthouse-compare.ts for why the bench reports both.
   */
  throttlingMethod?: ThrottlingMethod;
  /** Niceness of the run: on a busy machine other jobs otherwise stretch the traces it simulates from. */
  nice?: number;
}

export interface LighthouseReport {
  /** Category scores, 0-100. */
  scores: Partial<Record<LighthouseCategory, number>>;
  /** Numeric value of an audit (ms for timings), NaN when the audit is missing. */
  metric(auditId: string): number;
  /** The display text of an audit ("1.2 s"), or "—". */
  display(auditId: string): string;
  /** Ids of the weighted audits of a category that did not pass. */
  failingAudits(category: LighthouseCategory): string[];
  json: string;
}

interface Lhr {
  categories: Record<
    string,
    { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined
  >;
  audits: Record<string, { score: number | null; numericValue?: number; displayValue?: string } | undefined>;
}

const WORKER = path.join(__dirname, "lighthouse-worker.mjs");
const TRANSIENT = /\b(NO_NAVSTART|NO_FCP|NO_LCP)\b/;
const MAX_TRACE_RETRIES = 2;

export function runLighthouse(url: string, options: LighthouseOptions): LighthouseReport {
  const dir = mkdtempSync(path.join(tmpdir(), "modelfit-lh-"));
  const reportPath = path.join(dir, "report.json");
  try {
    const command = [process.execPath, WORKER, url, reportPath, JSON.stringify(options)];
    const once = () =>
      options.nice === undefined
        ? spawnSync(command[0]!, command.slice(1), { stdio: ["ignore", "ignore", "pipe"] })
        : spawnSync("nice", ["-n", String(options.nice), ...command], {
            stdio: ["ignore", "ignore", "pipe"],
          });
    // Chromium sometimes drops the navigation start from the trace (Lighthouse's NO_NAVSTART, NO_FCP, NO_LCP): a
    // fresh browser almost always records it. Any other failure is reported at once.
    const transient = (r: ReturnType<typeof once>) => r.status !== 0 && TRANSIENT.test(r.stderr.toString());
    let run = once();
    for (let retry = 0; retry < MAX_TRACE_RETRIES && transient(run); retry++) run = once();
    if (run.status !== 0) throw new Error(`lighthouse ${url} failed: ${run.stderr.toString().slice(-500)}`);
    const json = readFileSync(reportPath, "utf8");
    const lhr = JSON.parse(json) as Lhr;
    const scores: LighthouseReport["scores"] = {};
    for (const category of options.categories) {
      scores[category] = Math.round((lhr.categories[category]?.score ?? 0) * 100);
    }
    return {
      scores,
      metric: (id) => lhr.audits[id]?.numericValue ?? Number.NaN,
      display: (id) => lhr.audits[id]?.displayValue ?? "—",
      failingAudits: (category) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => ref.id),
      json,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
