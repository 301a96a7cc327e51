// The calculator island's input-to-result latency, in Debian's Chromium against `next start`: for each model, 20
// changes of the weight format, timed from the change event to the new total in the DOM (MutationObserver) and to the
// next frame. Printed by `npm run bench -- latency`; a figure, not a test (no time limit is asserted).
import { startNext } from "../lib/proc";
import { launchChromium } from "./chromium";

export interface CalculatorLatency {
  slug: string;
  changes: number;
  medianDomMs: number;
  medianFrameMs: number;
  maxFrameMs: number;
}

export const LATENCY_MODELS = ["llama-3-1-8b", "deepseek-r1"] as const;
const CHANGES = 20;

export async function timeCalculatorInput(nextDir: string): Promise<CalculatorLatency[]> {
  const server = await startNext(nextDir);
  const browser = await launchChromium();
  try {
    const results: CalculatorLatency[] = [];
    for (const slug of LATENCY_MODELS) {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/calculator?model=${slug}&quant=Q4_K_M&context=8192`);
      await page.waitForSelector('[data-testid="calculator"][data-ready="true"]');
      // The page function runs in the browser; the count is passed in (it cannot read this module's constants).
      const timings = await page.evaluate(async (changes) => {
        const select = document.getElementById("calc-quant") as HTMLSelectElement;
        const totalEl = document.querySelector('[data-testid="total"]') as HTMLElement;
        const formats = ["Q8_0", "Q4_K_M", "Q6_K", "Q3_K_M"];
        const dom: number[] = [];
        const frame: number[] = [];
        for (let i = 0; i < changes; i++) {
          const before = totalEl.getAttribute("data-total-bytes");
          const changed = new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              if (totalEl.getAttribute("data-total-bytes") !== before) {
                observer.disconnect();
                resolve(performance.now());
              }
            });
            observer.observe(totalEl, { attributes: true });
          });
          const t0 = performance.now();
          select.value = formats[i % formats.length]!;
          select.dispatchEvent(new Event("change", { bubbles: true }));
          const t1 = await changed;
          // The frame after the change: rAF runs before paint, the task after it runs once the frame is out.
          const t2 = await new Promise<number>((resolve) =>
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)),
          );
          dom.push(t1 - t0);
          frame.push(t2 - t0);
        }
        return { dom, frame };
      }, CHANGES);
      await page.close();
      results.push({
        slug,
        changes: CHANGES,
        medianDomMs: median(timings.dom),
        medianFrameMs: median(timings.frame),
        maxFrameMs: Math.max(...timings.frame),
      });
    }
    return results;
  } finally {
    await browser.close();
    await server.stop();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
