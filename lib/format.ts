// Display helpers: turning exact numbers into short labels. No memory arithmetic here.
// The estimator's leaf module, not its index: client islands that only format numbers do not bundle the estimator.
import { GIB } from "@/lib/estimator/units";

// Numbers are written as toLocaleString("en-US") writes them, without Intl: the first Intl.NumberFormat a page creates
// loads the browser's locale data (25–160 ms measured in Chromium on the development machine), and the calculator
// formats some 140 figures while it hydrates. Intl rounds the shortest decimal form of the number (String(value)),
// half away from zero; so does roundDecimal. format.test.ts compares the two over many values; numbers String writes
// with an exponent go to Intl.

/** `digits` (a decimal digit string) plus one in its last place. */
function incrementDigits(digits: string): string {
  const out = digits.split("");
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== "9") {
      out[i] = String(Number(out[i]) + 1);
      return out.join("");
    }
    out[i] = "0";
  }
  return `1${out.join("")}`;
}

/** A non-negative plain decimal string ("1234.5678") rounded to `digits` decimals, half away from zero. */
function roundDecimal(plain: string, digits: number): { whole: string; fraction: string } {
  const [whole = "0", fraction = ""] = plain.split(".");
  if (fraction.length <= digits) return { whole, fraction: fraction.padEnd(digits, "0") };
  let kept = whole + fraction.slice(0, digits);
  if (fraction.charCodeAt(digits) >= "5".charCodeAt(0)) kept = incrementDigits(kept);
  return { whole: kept.slice(0, kept.length - digits) || "0", fraction: kept.slice(kept.length - digits) };
}

function writeNumber(value: number, minDigits: number, maxDigits: number): string | null {
  const plain = String(Math.abs(value));
  if (!Number.isFinite(value) || plain.includes("e")) return null;
  const rounded = roundDecimal(plain, maxDigits);
  let fraction = rounded.fraction;
  while (fraction.length > minDigits && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  const grouped = rounded.whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  return `${sign}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** `value` with exactly `digits` decimals and thousands separators, as toLocaleString("en-US") writes it. */
export function formatFixed(value: number, digits: number): string {
  return (
    writeNumber(value, digits, digits) ??
    value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
  );
}

/** A count with thousands separators (at most 3 decimals), as toLocaleString("en-US") writes it. */
function formatPlain(value: number): string {
  return writeNumber(value, 0, 3) ?? value.toLocaleString("en-US");
}

/** Bytes as GiB with one decimal (two below 10 GiB), e.g. "22.4 GiB". */
export function formatGib(bytes: number): string {
  const gib = bytes / GIB;
  const digits = gib < 10 ? 2 : 1;
  return `${formatFixed(gib, digits)} GiB`;
}

/** Bytes as a bare GiB number, for table cells whose header carries the unit. */
export function formatGibNumber(bytes: number): string {
  const gib = bytes / GIB;
  const digits = gib < 10 ? 2 : gib < 1000 ? 1 : 0;
  return formatFixed(gib, digits);
}

/** Parameter count as people say it: 671B, 70.6B, 1.5B, 494M. */
export function formatParameters(count: number): string {
  if (count >= 1e12) return `${trim(count / 1e12)}T`;
  if (count >= 1e9) return `${trim(count / 1e9)}B`;
  return `${trim(count / 1e6)}M`;
}

function trim(value: number): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return Number(value.toFixed(digits)).toString();
}

/**
 * Context length in tokens as "128K" (binary K, as model cards use it) when it is a round size (a multiple of 4K, or
 * 1K / 2K, or a round decimal size such as 128,000), otherwise the exact count, so computed limits such as 9,216 or 21,248 read alike.
 */
export function formatTokens(tokens: number): string {
  if (tokens >= 1024 * 1024 && tokens % (1024 * 1024) === 0) return `${tokens / (1024 * 1024)}M`;
  if (tokens === 1024 || tokens === 2048 || (tokens >= 4096 && tokens % 4096 === 0))
    return `${tokens / 1024}K`;
  // Some cards state a decimal size (Mistral NeMo: 128,000) and call it "128K" like the binary ones.
  if (tokens >= 32_000 && tokens % 8_000 === 0) return `${tokens / 1000}K`;
  return formatPlain(tokens);
}

export function formatInteger(value: number): string {
  return formatPlain(value);
}

/** YYYY-MM-DD as "20 Jan 2025", independent of the build machine's time zone. */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** Tokens per second, rounded to a readable precision. */
export function formatTokensPerSecond(value: number): string {
  if (!Number.isFinite(value) || value <= 0) return "—";
  return value >= 100 ? Math.round(value).toString() : value.toFixed(1);
}
