// lib/estimator's decode bound against measured llama.cpp scoreboard points: the bound must hold (bound ≥ measured)
// on every point, and the ratio stays in a plausible band (engines reach 40–85 % of the bandwidth roofline).
import { describe, expect, it } from "vitest";
import { ratioSummary, speedComparisons, speedOnGpu } from "./speed";

describe("decode bound vs measured tg", () => {
  const all = speedComparisons();
  it("holds on every measured point", () => {
    for (const c of all) expect(c.ratio, c.point.id).toBeGreaterThan(1);
  });
  it("stays within 1.1× – 3× of the measured speed", () => {
    const s = ratioSummary();
    expect(s.points).toBe(all.length);
    expect(s.min).toBeGreaterThan(1.1);
    expect(s.max).toBeLessThan(3);
  });
  it("RTX 4090 has the CUDA scoreboard point, linked to discussion #15013", () => {
    const [c] = speedOnGpu("rtx-4090");
    expect(c?.point.tgTokensPerSecond).toBe(186.21);
    expect(c?.point.source).toBe("https://github.com/ggml-org/llama.cpp/discussions/15013");
  });
});
