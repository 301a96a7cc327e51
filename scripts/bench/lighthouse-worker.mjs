// Runs one Lighthouse audit through its Node API and writes the report (JSON) to a file. Plain node, not tsx: tsx
// compiles with esbuild's keepNames, whose __name helper breaks the functions Lighthouse sends into the page.
//   node scripts/bench/lighthouse-worker.mjs <url> <report.json> <options as JSON>
import { writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";

const [url, reportPath, optionsJson] = process.argv.slice(2);
const options = JSON.parse(optionsJson ?? "{}");
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
});
try {
  const result = await lighthouse(
    url,
    {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: options.categories,
      ...(options.throttlingMethod ? { throttlingMethod: options.throttlingMethod } : {}),
      ...(options.blockedUrlPatterns ? { blockedUrlPatterns: options.blockedUrlPatterns } : {}),
    },
    options.desktop ? desktopConfig : undefined,
  );
  if (!result) throw new Error("no result");
  if (result.lhr.runtimeError)
    throw new Error(`${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
  writeFileSync(reportPath, typeof result.report === "string" ? result.report : JSON.stringify(result.lhr));
} finally {
  chrome.kill();
}
