// The bounded config.json reader. JSON.parse is the oracle for valid JSON (random documents must read the same);
// the differences (Infinity / NaN, BOM, limits, line and column) are checked one by one.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEED, hostileText } from "@/lib/fuzz/arbitraries";
import { JsonInputError, excerpt, parseJsonInput, stringifyJsonInput } from "./json-input";

/** JSON values up to six levels deep: literals, odd numbers, hostile strings as values and as keys. */
const { json: randomJson } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { maxDepth: 6, depthIdentifier: "json" },
    fc.constantFrom(null, true, false),
    fc.oneof(
      fc.constantFrom(0, -0.5, 1e21, 123456789, -7, 2 ** 53, 1.5e-300),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 7),
    ),
    hostileText(12),
    fc.array(tie("json"), { maxLength: 4, depthIdentifier: "json" }),
    fc.dictionary(hostileText(6), tie("json"), { maxKeys: 4, depthIdentifier: "json" }),
  ),
}));

function thrown(text: string, options = {}): JsonInputError {
  try {
    parseJsonInput(text, options);
  } catch (error) {
    if (error instanceof JsonInputError) return error;
    throw error;
  }
  throw new Error(`accepted: ${text.slice(0, 60)}`);
}

describe("parseJsonInput", () => {
  it("reads random JSON documents exactly as JSON.parse does", () => {
    fc.assert(
      fc.property(randomJson, fc.constantFrom<number | string>(0, 1, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseJsonInput(text)).toEqual(JSON.parse(text));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("reads escapes, surrogate pairs and __proto__ as an own key", () => {
    const text = '{"a\\u00e9\\n\\"":"\\ud83d\\ude00\\/","__proto__":{"polluted":1}}';
    const value = parseJsonInput(text) as Record<string, unknown>;
    expect(value).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toContain("__proto__");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("accepts Python's bare Infinity, -Infinity and NaN, and writes them back", () => {
    const text = '{"time_step_limit": [0.0, Infinity], "low": -Infinity, "x": NaN}';
    const value = parseJsonInput(text) as Record<string, unknown>;
    expect(value["time_step_limit"]).toEqual([0, Number.POSITIVE_INFINITY]);
    expect(value["low"]).toBe(Number.NEGATIVE_INFINITY);
    expect(Number.isNaN(value["x"])).toBe(true);
    expect(stringifyJsonInput(value)).toBe('{"time_step_limit":[0,Infinity],"low":-Infinity,"x":NaN}');
    expect(parseJsonInput(stringifyJsonInput(value))).toEqual(value);
  });

  it("skips a UTF-8 byte order mark", () => {
    expect(parseJsonInput('\ufeff{"a": 1}')).toEqual({ a: 1 });
  });

  it("names line and column of anything else that is not JSON, with a short excerpt", () => {
    const cases: [string, RegExp][] = [
      ['{\n  "a": inf\n}', /^not valid JSON at line 2, column 8: unexpected "inf"$/],
      ['{"a": Infinityx}', /line 1, column 7: unexpected "Infinityx"/],
      ['{"a": 1,}', /line 1, column 9: expected a quoted key but found "}"/],
      ["{'a': 1}", /line 1, column 2: expected a quoted key/],
      ['{"a": 01}', /line 1, column 7: unexpected "01"/],
      ['{"a": 1} x', /line 1, column 10: unexpected "x" after the end/],
      ['{"a": "b', /line 1, column 7: a string is not closed/],
      ['["\t"]', /a control character inside a string/],
      ["", /there is no JSON value/],
      [`{"a": ${"9".repeat(500)}x}`, /unexpected "9{15}…"/],
    ];
    for (const [text, why] of cases) {
      const error = thrown(text);
      expect(error.message, text).toMatch(why);
      expect(error.message.length).toBeLessThan(120);
    }
  });

  it("stops at the first level past the depth limit, before any recursive work", () => {
    const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    expect(() => parseJsonInput(deep(64))).not.toThrow();
    expect(thrown(deep(65)).message).toBe("the JSON nests more than 64 levels deep (line 1, column 65)");
    // A million levels stop at the 65th: the column proves nothing past it was read (timing: npm run bench).
    expect(thrown(deep(1_000_000)).column).toBe(65);
    expect(thrown('{"a":'.repeat(100) + "1" + "}".repeat(100)).message).toMatch(/nests more than 64/);
  });

  it("limits the size and the number of keys", () => {
    expect(thrown("[1]", { maxChars: 2 }).message).toMatch(/3 characters long; the limit is 2/);
    const keys = `{${Array.from({ length: 11 }, (_, i) => `"k${i}":${i}`).join(",")}}`;
    expect(() => parseJsonInput(keys, { maxKeys: 11 })).not.toThrow();
    expect(thrown(keys, { maxKeys: 10 }).message).toMatch(/more than 10 keys \(line 1, column 72\)/);
  });
});

describe("excerpt", () => {
  it("keeps messages short whatever the value", () => {
    expect(excerpt(Array.from({ length: 3000 }, () => 1))).toBe("an array of 3000 items");
    expect(excerpt("x".repeat(10_000))).toHaveLength(42); // 40 characters and the quotes
    expect(excerpt(Number.POSITIVE_INFINITY)).toBe("Infinity");
    expect(excerpt({ a: 1 })).toBe("an object");
    expect(excerpt("a\nb")).toBe('"a b"');
  });
});
