// Calculator links that carry a config.json: node:zlib is the oracle for the DEFLATE code (it must read what we
// write, and we must read what it writes with fixed codes); sizes are measured on the real configs of the repo.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { constants, deflateRawSync, inflateRawSync } from "node:zlib";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEED } from "@/lib/fuzz/arbitraries";
import {
  CONFIG_LINK_MAX_CHARS,
  configLinkSize,
  decodeConfigParam,
  encodeConfigParam,
} from "@/features/calculator/config-link";
import { InflateError, deflateRaw, inflateRaw } from "@/features/calculator/deflate-raw";

const CONFIG_DIR = path.join("lib", "validation", "fixtures", "configs");
const CONFIGS = readdirSync(CONFIG_DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.stringify(JSON.parse(readFileSync(path.join(CONFIG_DIR, f), "utf8"))));

/** Round trip through our deflateRaw, checked by zlib's inflate and by our own inflateRaw. */
function expectRoundTrip(input: Uint8Array) {
  const compressed = deflateRaw(input);
  expect(Buffer.compare(inflateRawSync(compressed), Buffer.from(input))).toBe(0);
  expect(Buffer.compare(Buffer.from(inflateRaw(compressed, input.length + 1)), Buffer.from(input))).toBe(0);
}

/** Random bytes over an alphabet of 2, 4 or 256 values (few symbols make long matches, many make literals). */
const randomBytes = fc.oneof(
  ...[2, 4, 256].map((alphabet) => fc.uint8Array({ min: 0, max: alphabet - 1, maxLength: 5000 })),
);

describe("deflateRaw / inflateRaw against node:zlib", () => {
  it("zlib inflates what deflateRaw writes, for real configs and edge cases", () => {
    const inputs = [
      ...CONFIGS.map((c) => new TextEncoder().encode(c)),
      new Uint8Array(0),
      new Uint8Array(70_000).fill(65), // runs longer than the 32 KB window and the 258-byte match
    ];
    for (const input of inputs) expectRoundTrip(input);
  });

  it("zlib inflates what deflateRaw writes, for random bytes", () => {
    fc.assert(
      fc.property(randomBytes, (input) => {
        expectRoundTrip(input);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it("inflateRaw reads zlib's fixed-code and stored blocks", () => {
    for (const c of CONFIGS) {
      const input = Buffer.from(c);
      for (const options of [{ strategy: constants.Z_FIXED }, { level: 0 }]) {
        const out = inflateRaw(deflateRawSync(input, options), 1_000_000);
        expect(Buffer.compare(Buffer.from(out), input)).toBe(0);
      }
    }
  });

  it("refuses output past the limit, back-references before the start and truncated data", () => {
    const bomb = deflateRaw(new Uint8Array(1_000_000));
    expect(bomb.length).toBeLessThan(10_000); // expands more than 100-fold
    expect(() => inflateRaw(bomb, 100_000)).toThrow(InflateError);
    // BFINAL=1, fixed codes, then length code 257 (3 bytes) at distance 1 with nothing written yet.
    expect(() => inflateRaw(Uint8Array.from([0x03, 0x02]), 100)).toThrow(InflateError);
    const good = deflateRaw(new TextEncoder().encode(CONFIGS[0]!));
    expect(() => inflateRaw(good.slice(0, good.length >> 1), 100_000)).toThrow(InflateError);
    expect(() => inflateRaw(Uint8Array.from([0x07]), 100)).toThrow(InflateError); // BTYPE 11 is reserved
  });
});

describe("config links", () => {
  it("round-trips every real config and makes its link shorter than percent-encoded JSON", () => {
    for (const c of CONFIGS) {
      const value = encodeConfigParam(c);
      expect(value).toMatch(/^z1\.[A-Za-z0-9_-]+$/);
      expect(decodeConfigParam(value)).toEqual({ ok: true, text: c });
      expect(value.length).toBeLessThan(new URLSearchParams({ cfg: c }).toString().length);
      expect(configLinkSize(c).fits).toBe(true);
    }
  });

  it("carries a 16 KB config (the one that made a 27 KB link) within the limit", () => {
    const base = JSON.parse(CONFIGS[0]!) as Record<string, unknown>;
    const big = JSON.stringify({
      ...base,
      layer_types: Array.from({ length: 600 }, (_, i) =>
        i % 6 === 5 ? "full_attention" : "sliding_attention",
      ),
      id2label: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [String(i), `LABEL_${i}`])),
    });
    expect(big.length).toBeGreaterThan(16_000);
    const size = configLinkSize(big);
    expect(size.fits).toBe(true);
    expect(size.chars).toBeLessThan(CONFIG_LINK_MAX_CHARS);
  });

  it("reports random text as too large rather than writing a long link", () => {
    const [pad] = fc.sample(
      fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 9000, maxLength: 9000 }),
      1,
    );
    const noise = JSON.stringify({ pad });
    expect(configLinkSize(noise).fits).toBe(false);
  });

  it("keeps old plain-JSON links and names damaged compressed ones", () => {
    expect(decodeConfigParam('{"model_type":"llama"}')).toEqual({ ok: true, text: '{"model_type":"llama"}' });
    for (const bad of ["z1.%%%", "z1.A", "z1.AAAA", `z1.${"_".repeat(40)}`]) {
      const result = decodeConfigParam(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/compressed config\.json in the link/);
    }
  });
});
