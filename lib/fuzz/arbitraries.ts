// fast-check arbitraries shared by the property and fuzz tests: hostile text, number-like strings and a weighted coin.
// Seeds and run counts are set once for every test in vitest.setup.ts (FUZZ_SEED, FUZZ_RUNS); a failing property
// prints its seed and path, so `FUZZ_SEED=<seed>` replays it.
import { fc } from "@fast-check/vitest";

/** Runs for the heavier properties (FUZZ_RUNS to run more). */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

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

/** One code unit or code point: controls, markup punctuation, bidi overrides, emoji, and (most often) printable ASCII. */
const hostileChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), weight: 1 },
  {
    arbitrary: fc.constantFrom("<", ">", '"', "'", "&", "%", "=", "?", "#", "/", "\\", ";", "`", "{", "}"),
    weight: 1,
  },
  {
    arbitrary: fc
      .constantFrom(0x202e, 0x200b, 0xfeff, 0x1f600, 0xe9, 0x4e2d, 0xfffd)
      .map((c) => String.fromCodePoint(c)),
    weight: 1,
  },
  { arbitrary: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)), weight: 3 },
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
