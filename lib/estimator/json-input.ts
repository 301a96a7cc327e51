/**
 * A bounded reader for config.json text from untrusted places (a shared link, a paste, a file given to the CLI).
 * Pure: no I/O.
 *
 * It is a small recursive-descent JSON parser rather than JSON.parse because the limits must hold before any
 * recursive work happens: JSON.parse accepts any nesting depth, and every later recursive walk (JSON.stringify,
 * pretty-printing, a spread) can then overflow the stack or grow with the square of the depth. Here the depth is
 * counted while reading and the parse stops at the first brace past the limit.
 *
 * Differences from JSON.parse, on purpose:
 * - bare `Infinity`, `-Infinity` and `NaN` are accepted, because Python's json module writes them and Hugging Face
 *   configs carry them (Nemotron-H: `"time_step_limit": [0.0, Infinity]`);
 * - a leading UTF-8 byte order mark is skipped (Windows editors write one);
 * - errors name the line and column and quote at most a short excerpt of the text.
 */

export const JSON_INPUT_LIMITS = {
  /** Characters of text (the CLI checks the file size in bytes before reading; same order of magnitude). */
  maxChars: 10 * 1024 * 1024,
  /** Nested objects and arrays. Real config.json files nest 3-4 deep. */
  maxDepth: 64,
  /** Object keys in the whole document. A large config.json (with id2label maps) has a few hundred. */
  maxKeys: 20_000,
} as const;

export interface JsonInputOptions {
  maxChars?: number;
  maxDepth?: number;
  maxKeys?: number;
}

/** Thrown for text that is not acceptable JSON; the message is one line and quotes no more than a short excerpt. */
export class JsonInputError extends Error {
  readonly line: number | null;
  readonly column: number | null;
  constructor(message: string, line: number | null = null, column: number | null = null) {
    super(message);
    this.name = "JsonInputError";
    this.line = line;
    this.column = column;
  }
}

const EXCERPT_CHARS = 40;

/** A short, single-line description of a value for an error message: never the whole of a long string or array. */
export function excerpt(value: unknown, maxChars = EXCERPT_CHARS): string {
  if (typeof value === "number") return String(value); // Infinity and NaN by name, where JSON.stringify says null
  if (typeof value === "string") {
    const clean = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " ");
    const cut = clean.length > maxChars ? `${clean.slice(0, maxChars - 1)}…` : clean;
    return JSON.stringify(cut);
  }
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  if (value === undefined) return "nothing";
  return String(value);
}

/** Parses config.json text within the limits; throws JsonInputError. */
export function parseJsonInput(text: string, options: JsonInputOptions = {}): unknown {
  const maxChars = options.maxChars ?? JSON_INPUT_LIMITS.maxChars;
  const maxDepth = options.maxDepth ?? JSON_INPUT_LIMITS.maxDepth;
  const maxKeys = options.maxKeys ?? JSON_INPUT_LIMITS.maxKeys;
  if (typeof text !== "string") throw new JsonInputError("expected JSON text");
  if (text.length > maxChars) {
    throw new JsonInputError(
      `the text is ${text.length.toLocaleString("en-US")} characters long; the limit is ${maxChars.toLocaleString("en-US")}`,
    );
  }
  return new Parser(text, maxDepth, maxKeys).document();
}

/**
 * Minified JSON for a value returned by parseJsonInput, writing non-finite numbers back as the bare tokens the
 * reader accepts (JSON.stringify would turn them into null and change the config).
 */
export function stringifyJsonInput(value: unknown): string {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return JSON.stringify(value);
    return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  }
  if (Array.isArray(value)) return `[${value.map(stringifyJsonInput).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const parts: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) parts.push(`${JSON.stringify(key)}:${stringifyJsonInput(item)}`);
    }
    return `{${parts.join(",")}}`;
  }
  if (value === undefined) return "null";
  return JSON.stringify(value);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Parser {
  private pos = 0;
  private keys = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly maxKeys: number,
  ) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1; // UTF-8 byte order mark
  }

  document(): unknown {
    this.space();
    if (this.pos >= this.text.length) this.fail("there is no JSON value (the text is empty)");
    const value = this.value(0);
    this.space();
    if (this.pos < this.text.length) this.fail(`unexpected ${this.found()} after the end of the JSON value`);
    return value;
  }

  /** Line and column (1-based) of a character offset. */
  private place(at: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = this.text.indexOf("\n"); i !== -1 && i < at; i = this.text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: at - lineStart + 1 };
  }

  private fail(what: string, at = this.pos): never {
    const { line, column } = this.place(at);
    throw new JsonInputError(`not valid JSON at line ${line}, column ${column}: ${what}`, line, column);
  }

  /** Valid JSON past a limit: named as such, with the place. */
  private limit(what: string, at = this.pos): never {
    const { line, column } = this.place(at);
    throw new JsonInputError(`${what} (line ${line}, column ${column})`, line, column);
  }

  /** The text at the current position, as a short quoted excerpt. */
  private found(): string {
    if (this.pos >= this.text.length) return "end of text";
    // A word or number of up to 16 characters; a longer one is cut and marked with "…".
    const word = /[A-Za-z0-9_$+.-]{1,17}/y;
    word.lastIndex = this.pos;
    const m = word.exec(this.text);
    return excerpt(m ? m[0] : this.text.charAt(this.pos), 16);
  }

  private space(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  private value(depth: number): unknown {
    const t = this.text;
    const c = t.charAt(this.pos);
    if (c === "{") return this.object(depth + 1);
    if (c === "[") return this.array(depth + 1);
    if (c === '"') return this.string();
    if (t.startsWith("true", this.pos)) return this.word("true", true);
    if (t.startsWith("false", this.pos)) return this.word("false", false);
    if (t.startsWith("null", this.pos)) return this.word("null", null);
    // Python's json module writes these for float('inf') / float('nan').
    if (t.startsWith("Infinity", this.pos)) return this.word("Infinity", Number.POSITIVE_INFINITY);
    if (t.startsWith("-Infinity", this.pos)) return this.word("-Infinity", Number.NEGATIVE_INFINITY);
    if (t.startsWith("NaN", this.pos)) return this.word("NaN", Number.NaN);
    if (c === "-" || (c >= "0" && c <= "9")) return this.number();
    return this.fail(`unexpected ${this.found()}`);
  }

  private word<T>(word: string, value: T): T {
    const end = this.pos + word.length;
    if (/[A-Za-z0-9_$]/.test(this.text.charAt(end))) this.fail(`unexpected ${this.found()}`);
    this.pos = end;
    return value;
  }

  private number(): number {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) return this.fail(`unexpected ${this.found()}`);
    const end = this.pos + m[0].length;
    if (/[A-Za-z0-9_$.+-]/.test(this.text.charAt(end))) this.fail(`unexpected ${this.found()}`);
    this.pos = end;
    return Number(m[0]);
  }

  private string(): string {
    const t = this.text;
    const start = this.pos;
    this.pos++; // opening quote
    let out = "";
    let chunk = this.pos;
    while (true) {
      if (this.pos >= t.length) this.fail("a string is not closed", start);
      const c = t.charCodeAt(this.pos);
      if (c === 0x22) break;
      if (c < 0x20) this.fail("a control character inside a string (write it as an escape such as \\n)");
      if (c === 0x5c) {
        out += t.slice(chunk, this.pos);
        const e = t.charAt(this.pos + 1);
        if (e === "u") {
          const hex = t.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("a \\u escape needs four hexadecimal digits");
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
        } else if (e in ESCAPES) {
          out += ESCAPES[e];
          this.pos += 2;
        } else {
          this.fail(`unknown escape ${excerpt(`\\${e}`)} in a string`);
        }
        chunk = this.pos;
        continue;
      }
      this.pos++;
    }
    out += t.slice(chunk, this.pos);
    this.pos++; // closing quote
    return out;
  }

  private enter(depth: number): void {
    if (depth > this.maxDepth) this.limit(`the JSON nests more than ${this.maxDepth} levels deep`);
  }

  private array(depth: number): unknown[] {
    this.enter(depth);
    this.pos++; // [
    const out: unknown[] = [];
    this.space();
    if (this.text.charAt(this.pos) === "]") {
      this.pos++;
      return out;
    }
    while (true) {
      this.space();
      out.push(this.value(depth));
      this.space();
      const c = this.text.charAt(this.pos);
      if (c === ",") {
        this.pos++;
        continue;
      }
      if (c === "]") {
        this.pos++;
        return out;
      }
      this.fail(`expected "," or "]" but found ${this.found()}`);
    }
  }

  private object(depth: number): Record<string, unknown> {
    this.enter(depth);
    this.pos++; // {
    const out: Record<string, unknown> = {};
    this.space();
    if (this.text.charAt(this.pos) === "}") {
      this.pos++;
      return out;
    }
    while (true) {
      this.space();
      if (this.text.charAt(this.pos) !== '"') this.fail(`expected a quoted key but found ${this.found()}`);
      const keyAt = this.pos;
      const key = this.string();
      if (++this.keys > this.maxKeys)
        this.limit(`the JSON has more than ${this.maxKeys.toLocaleString("en-US")} keys`, keyAt);
      this.space();
      if (this.text.charAt(this.pos) !== ":") this.fail(`expected ":" after a key but found ${this.found()}`);
      this.pos++;
      this.space();
      const item = this.value(depth);
      // An own property even for "__proto__", as JSON.parse makes it (plain assignment would set the prototype).
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
      this.space();
      const c = this.text.charAt(this.pos);
      if (c === ",") {
        this.pos++;
        continue;
      }
      if (c === "}") {
        this.pos++;
        return out;
      }
      this.fail(`expected "," or "}" but found ${this.found()}`);
    }
  }
}
