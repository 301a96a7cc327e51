// Debian's Chromium for the browser benchmarks (hostile links, calculator latency), launched the way the e2e tests
// launch it; CHROMIUM_PATH overrides the path.
import { chromium } from "@playwright/test";
import type { Browser } from "@playwright/test";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
}
