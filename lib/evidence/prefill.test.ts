// The stated prefill efficiency is the one the measured pp512 points give, and the estimate reproduces them.
import { describe, expect, it } from "vitest";
import { getGpu } from "@/lib/content/gpus";
import { calibratedEfficiency, calibrationPoints } from "./prefill";
import { PREFILL_EFFICIENCY, prefillOnGpu } from "./prefill-on-gpu";
import { speedOnGpu } from "./speed";

describe("prefill calibration", () => {
  it("PREFILL_EFFICIENCY equals the median of the calibration points (±0.01)", () => {
    expect(calibrationPoints().length).toBeGreaterThanOrEqual(2);
    expect(Math.abs(PREFILL_EFFICIENCY - calibratedEfficiency())).toBeLessThan(0.01);
  });
  it.each(["rtx-4090", "rtx-5090"])("%s: estimated pp512 within 10 %% of the measured one", (slug) => {
    const c = speedOnGpu(slug).find((p) => p.point.ppTokensPerSecond !== null)!;
    const gpu = getGpu(slug)!;
    const e = prefillOnGpu(c.arch, { format: c.point.format, contextTokens: 512 }, 512, gpu)!;
    expect(Math.abs(e.tokensPerSecond / c.point.ppTokensPerSecond! - 1)).toBeLessThan(0.1);
  });
  it("no compute figure, no estimate", () => {
    const gpu = getGpu("rx-7900-xtx")!;
    const c = speedOnGpu("rx-7900-xtx")[0]!;
    expect(prefillOnGpu(c.arch, { format: "Q4_0", contextTokens: 512 }, 512, gpu)).toBeNull();
  });
});
