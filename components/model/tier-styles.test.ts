// The legend swatches must stand out from the page by at least 3:1 (WCAG 1.4.11, non-text contrast) in both themes.
// Colours come from Tailwind's own palette file, converted from OKLCH to sRGB (Björn Ottosson's OKLab matrices,
// https://bottosson.github.io/posts/oklab/), and compared with the WCAG 2 relative-luminance formula.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TIER_CLASSES, TIER_MARKS, TIER_SWATCH_BORDERS } from "./tier-styles";

const theme = readFileSync(path.join(process.cwd(), "node_modules/tailwindcss/theme.css"), "utf8");
const globals = readFileSync(path.join(process.cwd(), "app/globals.css"), "utf8");

function linearFromOklch(name: string): [number, number, number] {
  const match = new RegExp(`--color-${name}: oklch\\(([\\d.]+)% ([\\d.]+) ([\\d.]+)\\)`).exec(theme);
  if (!match) throw new Error(`no colour ${name} in tailwindcss/theme.css`);
  const [lightness, chroma, hue] = match.slice(1).map(Number) as [number, number, number];
  const L = lightness / 100;
  const a = chroma * Math.cos((hue * Math.PI) / 180);
  const b = chroma * Math.sin((hue * Math.PI) / 180);
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return [
    clamp(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    clamp(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    clamp(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
  ];
}

function linearFromHex(hex: string): [number, number, number] {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(1), channel(3), channel(5)];
}

const luminance = ([r, g, b]: [number, number, number]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
function contrast(x: [number, number, number], y: [number, number, number]): number {
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The page colour of each theme, read from the --surface variable in app/globals.css. */
function surface(theme: "light" | "dark"): [number, number, number] {
  const values = [...globals.matchAll(/--surface: (#[0-9a-f]{6});/g)].map((m) => m[1] ?? "");
  const hex = theme === "light" ? values[0] : values[1];
  if (!hex) throw new Error(`no --surface for the ${theme} theme`);
  return linearFromHex(hex);
}

describe("fit tier swatches", () => {
  it("contrast helper matches a known pair (black on white is 21:1)", () => {
    expect(contrast(linearFromHex("#000000"), linearFromHex("#ffffff"))).toBeCloseTo(21, 5);
  });

  for (const [tier, classes] of Object.entries(TIER_SWATCH_BORDERS)) {
    it(`${tier}: border ≥ 3:1 against the page in light and dark themes`, () => {
      const light = /(?:^| )border-([a-z]+-\d+)/.exec(classes)?.[1];
      const dark = /dark:border-([a-z]+-\d+)/.exec(classes)?.[1];
      expect(light && dark).toBeTruthy();
      expect(contrast(linearFromOklch(light!), surface("light"))).toBeGreaterThanOrEqual(3);
      expect(contrast(linearFromOklch(dark!), surface("dark"))).toBeGreaterThanOrEqual(3);
    });
  }

  it("the table cells (app/globals.css) use the same colours as the legend", () => {
    for (const [tier, classes] of Object.entries(TIER_CLASSES)) {
      const rule = new RegExp(`\\.requirements td\\[data-tier="${tier}"\\] \\{\\s*@apply ([^;]+);`).exec(
        globals,
      );
      expect(rule?.[1], tier).toBe(classes);
    }
  });

  it("each tier has its own mark, so colour is not the only cue", () => {
    expect(new Set(Object.values(TIER_MARKS)).size).toBe(Object.keys(TIER_MARKS).length);
  });
});
