// A seeded pseudo-random generator and hostile-input helpers for the fuzz tests: the same seed gives the same inputs,
// so a failure can be replayed (set FUZZ_SEED to explore other inputs, FUZZ_RUNS to run more of them).

/** mulberry32: 32-bit state, good enough to spread test inputs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
export const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

export class Fuzzer {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  bool(p = 0.5): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** Random code points, including controls, surrogates' neighbours, bidi overrides and markup characters. */
  text(maxLength = 24): string {
    const length = this.int(0, maxLength);
    let out = "";
    for (let i = 0; i < length; i++) {
      const kind = this.int(0, 5);
      if (kind === 0) out += String.fromCharCode(this.int(0, 31));
      else if (kind === 1)
        out += this.pick(["<", ">", '"', "'", "&", "%", "=", "?", "#", "/", "\\", ";", "`", "{", "}"]);
      else if (kind === 2)
        out += String.fromCodePoint(this.pick([0x202e, 0x200b, 0xfeff, 0x1f600, 0xe9, 0x4e2d, 0xfffd]));
      else out += String.fromCharCode(this.int(32, 126));
    }
    return out;
  }
  /** A random number-like string: valid, out of range, negative, exponent, hex, NaN, Infinity, huge. */
  numberish(): string {
    return this.pick([
      String(this.int(0, 10)),
      String(this.int(0, 300000)),
      String(-this.int(1, 1000)),
      `${this.int(0, 99)}.${this.int(0, 99999)}`,
      "1e3",
      "1e308",
      "9".repeat(this.int(10, 400)),
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
    ]);
  }
}

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

/** True when the text contains something a browser would parse as an element, comment or script. */
export function looksLikeMarkup(text: string): boolean {
  return /<\s*[a-z!/?]/i.test(text);
}
