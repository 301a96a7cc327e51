// `npm run lighthouse`: all four Lighthouse categories for home, one model page and the calculator on the production
// build (run `npm run build` first), with one assertion: the model page scores 100 for SEO and accessibility.
//   LIGHTHOUSE_MODEL=<slug>   model page to audit (default deepseek-r1)
//   LIGHTHOUSE_PRESET=desktop Lighthouse's desktop preset instead of its default mobile emulation
//   LIGHTHOUSE_OUT=<dir>      where the JSON reports go (default $TMPDIR/modelfit-lighthouse)
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { modelPath } from "@/lib/routes";
import { runLighthouse } from "./bench/lighthouse-run";
import type { LighthouseCategory } from "./bench/lighthouse-run";
import { startNext } from "./lib/proc";
import { PROJECT_ROOT } from "./lib/site-copy";

const CATEGORIES: LighthouseCategory[] = ["performance", "accessibility", "best-practices", "seo"];
/** Categories the model page must score 100 in: the ones a page's markup fully decides. */
const MUST_BE_PERFECT: LighthouseCategory[] = ["accessibility", "seo"];

async function main(): Promise<number> {
  if (!existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))) {
    console.error("lighthouse: no production build in .next/ — run `npm run build` first");
    return 2;
  }
  const model = process.env.LIGHTHOUSE_MODEL ?? "deepseek-r1";
  const out = process.env.LIGHTHOUSE_OUT ?? path.join(tmpdir(), "modelfit-lighthouse");
  mkdirSync(out, { recursive: true });
  const pages = [
    { name: "home", path: "/" },
    { name: "model", path: modelPath(model) },
    { name: "calculator", path: "/calculator" },
  ];
  const server = await startNext(PROJECT_ROOT);
  const problems: string[] = [];
  try {
    const pad = (value: string | number, width: number) => String(value).padEnd(width);
    const header = ["page", "perf", "a11y", "best", "seo", "LCP", "CLS"].map((h, i) =>
      pad(h, i === 0 ? 28 : 6),
    );
    console.log(`${header.join("")}TBT`);
    for (const page of pages) {
      const report = runLighthouse(`${server.origin}${page.path}`, {
        categories: CATEGORIES,
        desktop: process.env.LIGHTHOUSE_PRESET === "desktop",
      });
      writeFileSync(path.join(out, `${page.name}.json`), report.json);
      const s = report.scores;
      console.log(
        pad(page.path, 28) +
          [s.performance, s.accessibility, s["best-practices"], s.seo].map((v) => pad(v ?? "—", 6)).join("") +
          pad(report.display("largest-contentful-paint"), 10) +
          pad(report.display("cumulative-layout-shift"), 8) +
          report.display("total-blocking-time"),
      );
      for (const category of MUST_BE_PERFECT) {
        const failing = report.failingAudits(category);
        if (failing.length > 0) console.log(`  ${category} issues: ${failing.join(", ")}`);
      }
      if (page.name !== "model") continue;
      for (const category of MUST_BE_PERFECT) {
        if ((s[category] ?? 0) < 100)
          problems.push(`${page.path} scores ${s[category]} for ${category}, not 100`);
      }
    }
  } finally {
    await server.stop();
  }
  for (const problem of problems) console.error(`lighthouse: ${problem}`);
  console.log(`reports: ${out}`);
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`lighthouse: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
