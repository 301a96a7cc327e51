// "Which format" on Llama 3 8B (measured KLD table) and on a model without a table (bits per weight).
import { describe, expect, it } from "vitest";
import { getGpu } from "@/lib/content/gpus";
import { getModel } from "@/lib/content/models";
import { bestFormatFor, rankedFormats } from "./best-format";
import { QUALITY } from "./quality-data";

const llama3 = getModel("llama-3-8b")!;
const card = (slug: string) => ({ gpuMemoryBytes: getGpu(slug)!.memoryBytes, gpuCount: 1 });

describe("bestFormatFor", () => {
  it("ranks Llama 3 8B formats by measured KLD (IQ4_XS above Q4_K_S, as the table says)", () => {
    const order = rankedFormats(llama3.architecture, QUALITY).map((c) => c.format);
    expect(order[0]).toBe("BF16");
    expect(order.indexOf("IQ4_XS")).toBeLessThan(order.indexOf("Q4_K_S"));
    expect(order.at(-1)).toBe("IQ1_S");
  });
  it("24 GB at 8K holds the unquantized model; 12 GB the best 8-bit one", () => {
    expect(
      bestFormatFor(llama3.architecture, QUALITY, { ...card("rtx-4090"), contextTokens: 8192 })?.format,
    ).toBe("BF16");
    const on3060 = bestFormatFor(llama3.architecture, QUALITY, {
      ...card("rtx-3060-12gb"),
      contextTokens: 8192,
    });
    expect(on3060?.format).toBe("Q8_0");
    expect(on3060?.quality.kind).toBe("measured");
    if (on3060?.quality.kind === "measured") expect(on3060.quality.kld).toBe(0.001355);
  });
  it("labels quality by bits per weight where no table exists", () => {
    const qwen = getModel("qwen-3-32b")!;
    const best = bestFormatFor(qwen.architecture, null, { ...card("rtx-4090"), contextTokens: 8192 });
    expect(best?.quality.kind).toBe("bits");
    expect(best?.format).toMatch(/^Q4|^IQ4|^Q5/);
  });
  it("null when nothing fits, RangeError for a bad count", () => {
    const big = getModel("llama-3-1-405b")!;
    expect(
      bestFormatFor(big.architecture, null, { ...card("rtx-3060-12gb"), contextTokens: 8192 }),
    ).toBeNull();
    expect(() =>
      bestFormatFor(llama3.architecture, QUALITY, { ...card("rtx-4090"), gpuCount: 0, contextTokens: 1 }),
    ).toThrow(RangeError);
  });
});
