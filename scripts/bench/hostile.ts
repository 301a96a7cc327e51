// Time from opening a hostile calculator link to a ready page (the island has read the link and shows its message),
// beside the plain /calculator, in Debian's Chromium against `next start`. Median of `runs` fresh page loads each, in interleaved rounds.
import { startNext } from "../lib/proc";
import { LLAMA_3_1_8B_CONFIG } from "@/features/calculator/fixtures.test-utils";
import { launchChromium } from "./chromium";

export interface HostileTiming {
  name: string;
  linkChars: number;
  medianMs: number;
  maxMs: number;
}

/** The links of issue 16 that crashed or froze the calculator before the bounded reader. */
export const HOSTILE_LINKS: readonly [string, string][] = [
  ["plain /calculator (baseline)", "/calculator"],
  ["5,000 nested arrays (10 KB)", `/calculator?model=custom&cfg=${"[".repeat(5000)}${"]".repeat(5000)}`],
  ["1,000 nested arrays", `/calculator?model=custom&cfg=${"[".repeat(1000)}${"]".repeat(1000)}`],
  [
    "hidden_size 1e308",
    `/calculator?model=custom&cfg=${encodeURIComponent(JSON.stringify({ ...LLAMA_3_1_8B_CONFIG, hidden_size: 1e308 }))}`,
  ],
  [
    "1,000-element array in a field",
    `/calculator?model=custom&cfg=${encodeURIComponent(JSON.stringify({ ...LLAMA_3_1_8B_CONFIG, num_key_value_heads: Array.from({ length: 1000 }, (_, i) => i) }))}`,
  ],
];

export async function timeHostileLinks(nextDir: string, runs: number): Promise<HostileTiming[]> {
  const server = await startNext(nextDir);
  const browser = await launchChromium();
  try {
    const warm = await browser.newPage();
    await warm.goto(`${server.origin}/calculator`);
    await warm.close();
    // Rounds interleave the links, so a burst of load on the shared machine does not land on one link only.
    const samples = HOSTILE_LINKS.map((): number[] => []);
    for (let run = 0; run < runs; run++) {
      for (const [index, [, link]] of HOSTILE_LINKS.entries()) {
        const page = await browser.newPage();
        await page.goto(server.origin + link);
        await page.waitForSelector('[data-testid="calculator"][data-ready="true"]');
        samples[index]!.push(await page.evaluate(() => performance.now()));
        await page.close();
      }
    }
    const timings = HOSTILE_LINKS.map(([name, link], index): HostileTiming => {
      const sorted = [...samples[index]!].sort((a, b) => a - b);
      return {
        name,
        linkChars: link.length,
        medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
        maxMs: sorted[sorted.length - 1] ?? 0,
      };
    });
    return timings;
  } finally {
    await browser.close();
    await server.stop();
  }
}
