import { describe, expect, it } from "vitest";
import { formatGib, formatParameters, formatTokens } from "@/lib/format";

describe("formatTokens", () => {
  it.each([
    [1024, "1K"],
    [8192, "8K"],
    [40960, "40K"],
    [131072, "128K"],
    [1048576, "1M"],
    [9216, "9,216"],
    [21248, "21,248"],
    [500, "500"],
    // Mistral NeMo's card: 128,000 tokens, called "128K" like everyone else's.
    [128000, "128K"],
    [36352, "36,352"],
  ])("%i → %s", (tokens, label) => {
    expect(formatTokens(tokens)).toBe(label);
  });
});

describe("formatParameters / formatGib", () => {
  it("rounds like a model card", () => {
    expect(formatParameters(671_026_419_200)).toBe("671B");
    expect(formatParameters(1_777_088_000)).toBe("1.78B");
    expect(formatParameters(494_000_000)).toBe("494M");
  });
  it("prints GiB with more digits below 10", () => {
    expect(formatGib(1024 ** 3 * 6.16)).toBe("6.16 GiB");
    expect(formatGib(1024 ** 3 * 378.46)).toBe("378.5 GiB");
  });
});
