// fast-check arbitraries shared by the property and fuzz tests: hostile text, number-like strings and a weighted coin.
// Every property runs with the fixed SEED, so a run is reproducible; FUZZ_SEED=<n> explores other inputs, and a
// failing property prints the seed and path that replay it.
import * as fc from "fast-check";

export const SEED = Number(process.env.FUZZ_SEED ?? 20261128);

/**
 * Runs for the heavier properties (FUZZ_RUNS to run more). 1,500 rather than the 2,000 of the old hand-written
 * generator: fast-check spends more per run (every value carries its shrinker) and starts from the edge cases (small
 * numbers, the first constants), so the suite keeps its time and loses none of the cases that found bugs.
 */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

/** True with probability `p` (to two decimals). */
export function chance(p: number): fc.Arbitrary<boolean> {
  const yes = Math.round(p * 100);
  return fc.oneof(
    { arbitrary: fc.constant(true), weight: yes },
    { arbitrary: fc.constant(false), weight: 100 - yes },
  );
}

/** A value from `arbitrary` with probability `p`, otherwise null. */
export function sometimes<T>(p: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  const yes = Math.round(p * 100);
  return fc.oneof({ arbitrary, weight: yes }, { arbitrary: fc.constant(null), weight: 100 - yes });
}

const MARKUP = ["<", ">", '"', "'", "&", "%", "=", "?", "#", "/", "\\", ";", "`", "{", "}"];
const SPECIAL_CODE_POINTS = [0x202e, 0x200b, 0xfeff, 0x1f600, 0xe9, 0x4e2d, 0xfffd];

/**
 * One character: controls, markup punctuation, bidi overrides and other odd code points one sixth each, printable
 * ASCII the other half. mapToConstant draws one integer per character, much cheaper than a oneof per character.
 */
const hostileChar: fc.Arbitrary<string> = fc.mapToConstant(
  { num: 95, build: (v) => String.fromCharCode(v % 32) },
  { num: 95, build: (v) => MARKUP[v % MARKUP.length]! },
  { num: 95, build: (v) => String.fromCodePoint(SPECIAL_CODE_POINTS[v % SPECIAL_CODE_POINTS.length]!) },
  { num: 285, build: (v) => String.fromCharCode(32 + (v % 95)) },
);

/** Text of up to `maxLength` characters drawn from `hostileChar`. */
export function hostileText(maxLength = 24): fc.Arbitrary<string> {
  return fc.string({ unit: hostileChar, maxLength });
}

/** A number-like string: valid, out of range, negative, exponent, hex, NaN, Infinity, huge, other digits. */
export const numberish: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 10 }).map(String),
  fc.integer({ min: 0, max: 300_000 }).map(String),
  fc.integer({ min: 1, max: 1000 }).map((n) => String(-n)),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99_999 })).map(([a, b]) => `${a}.${b}`),
  fc.integer({ min: 10, max: 400 }).map((n) => "9".repeat(n)),
  fc.constantFrom(
    "1e3",
    "1e308",
    "0x10",
    "NaN",
    "Infinity",
    "-0",
    " 42 ",
    "4 2",
    "",
    "0",
    "00000000000008",
    "1_000",
    "١٢٣",
  ),
);

/** Strings that have broken web pages before: script and markup injection, URL schemes, prototype keys. */
export const HOSTILE_STRINGS: readonly string[] = [
  "<script>alert(1)</script>",
  '"><script>alert(document.domain)</script>',
  "'><img src=x onerror=alert(1)>",
  "<svg/onload=alert(1)>",
  "<iframe src=javascript:alert(1)>",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "../../etc/passwd",
  "%00",
  "\u0000",
  "\u202e<b>",
  "a".repeat(5000),
  "</title><script>alert(1)</script>",
  "<!--",
  "]]>",
  "\r\nSet-Cookie: x=1",
];

export const hostileString: fc.Arbitrary<string> = fc.constantFrom(...HOSTILE_STRINGS);

/** True when the text contains something a browser would parse as an element, comment or script. */
export function looksLikeMarkup(text: string): boolean {
  return /<\s*[a-z!/?]/i.test(text);
}
