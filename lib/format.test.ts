import { describe, expect, it } from "vitest";
import { formatFixed, formatGib, formatInteger, formatParameters, formatTokens } from "@/lib/format";

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

// lib/format writes numbers without Intl (its first use loads the browser's locale data): it must write exactly what
// toLocaleString("en-US") writes. Compared over edge cases and a deterministic spread of values and digit counts.
describe("numbers without Intl", () => {
  const edge = [
    0,
    -0,
    0.5,
    1.005,
    2.675,
    1.45,
    -1.45,
    999.995,
    1e3,
    123456.785,
    1e20,
    1.5e21,
    -1234.5,
    0.0004,
    NaN,
  ];
  // A linear congruential sequence: the same values on every run.
  const spread: number[] = [];
  let seed = 12345;
  for (let i = 0; i < 3000; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const scale = 10 ** ((seed % 14) - 3);
    spread.push(((seed / 2 ** 31) * scale * (i % 7 === 0 ? -1 : 1)) as number);
  }
  const values = [...edge, ...spread, ...spread.map((v) => Math.round(v))];

  it("formatFixed equals toLocaleString with 0–3 fixed decimals", () => {
    for (const value of values) {
      for (const digits of [0, 1, 2, 3]) {
        const expected = value.toLocaleString("en-US", {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        });
        expect(formatFixed(value, digits), `${value} with ${digits}`).toBe(expected);
      }
    }
  });

  it("formatInteger and formatTokens equal toLocaleString for plain counts", () => {
    for (const value of values) {
      expect(formatInteger(value), String(value)).toBe(value.toLocaleString("en-US"));
    }
    expect(formatTokens(36_352)).toBe("36,352");
    expect(formatGib(1024 ** 3 * 1252.04)).toBe("1,252.0 GiB");
  });
});
