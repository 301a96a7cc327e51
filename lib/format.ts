// Display helpers: turning exact numbers into short labels. No memory arithmetic here.

const GIB = 1024 ** 3;

// Formatters built once: toLocaleString with options constructs a new Intl.NumberFormat on every call (about 0.1 ms),
// and the calculator formats some 140 figures each time it renders.
const INTEGER = new Intl.NumberFormat("en-US");
const FIXED = new Map<number, Intl.NumberFormat>();

/** `value` with exactly `digits` decimals and thousands separators, as toLocaleString("en-US") writes it. */
function fixed(value: number, digits: number): string {
  let format = FIXED.get(digits);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    FIXED.set(digits, format);
  }
  return format.format(value);
}

/** Bytes as GiB with one decimal (two below 10 GiB), e.g. "22.4 GiB". */
export function formatGib(bytes: number): string {
  const gib = bytes / GIB;
  const digits = gib < 10 ? 2 : 1;
  return `${fixed(gib, digits)} GiB`;
}

/** Bytes as a bare GiB number, for table cells whose header carries the unit. */
export function formatGibNumber(bytes: number): string {
  const gib = bytes / GIB;
  const digits = gib < 10 ? 2 : gib < 1000 ? 1 : 0;
  return fixed(gib, digits);
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
  return INTEGER.format(tokens);
}

export function formatInteger(value: number): string {
  return INTEGER.format(value);
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
