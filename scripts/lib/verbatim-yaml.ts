// config.json → YAML frontmatter lines that keep the file as published: key order, and each number as written
// ("1e-06", "0.0", "10000.0"), which JSON.parse would turn into 0.000001, 0 and 10000. The YAML follows the style of
// the existing pages: block mappings, flow lists for lists of scalars, JSON-quoted strings.

/** A JSON number kept as its source text. */
export class NumberLiteral {
  constructor(readonly text: string) {}
}

export type JsonValue = null | boolean | string | NumberLiteral | JsonValue[] | { [key: string]: JsonValue };

/** JSON.parse, except that numbers stay NumberLiteral and object key order is kept (also for "1"-like keys). */
export function parseJsonKeepingNumbers(text: string): JsonValue {
  let at = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at position ${at}`);
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at] ?? "")) at++;
  };
  const string = (): string => {
    const match = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/.exec(text.slice(at));
    if (!match) return fail("bad string");
    at += match[0].length;
    return JSON.parse(match[0]) as string;
  };
  const value = (): JsonValue => {
    space();
    const char = text[at];
    if (char === "{") {
      at++;
      // Entries as a list, so numeric-looking keys keep their place (plain objects would sort them first).
      const entries: [string, JsonValue][] = [];
      space();
      if (text[at] === "}") {
        at++;
        return orderedObject(entries);
      }
      for (;;) {
        space();
        const key = string();
        space();
        if (text[at] !== ":") fail("expected ':'");
        at++;
        entries.push([key, value()]);
        space();
        if (text[at] === ",") {
          at++;
          continue;
        }
        if (text[at] === "}") {
          at++;
          return orderedObject(entries);
        }
        fail("expected ',' or '}'");
      }
    }
    if (char === "[") {
      at++;
      const items: JsonValue[] = [];
      space();
      if (text[at] === "]") {
        at++;
        return items;
      }
      for (;;) {
        items.push(value());
        space();
        if (text[at] === ",") {
          at++;
          continue;
        }
        if (text[at] === "]") {
          at++;
          return items;
        }
        fail("expected ',' or ']'");
      }
    }
    if (char === '"') return string();
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at));
    if (number) {
      at += number[0].length;
      return new NumberLiteral(number[0]);
    }
    // Python's json module writes float("inf") as Infinity (nemotron_h's time_step_limit); keep it.
    for (const word of ["Infinity", "-Infinity", "NaN"]) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return new NumberLiteral(word);
      }
    }
    for (const [word, result] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return result;
      }
    }
    return fail("unexpected token");
  };
  const result = value();
  space();
  if (at !== text.length) fail("unexpected text after the JSON value");
  return result;
}

const ORDER = Symbol("key order");
type Ordered = { [key: string]: JsonValue } & { [ORDER]?: string[] };

function orderedObject(entries: [string, JsonValue][]): { [key: string]: JsonValue } {
  const object: Ordered = Object.create(null) as Ordered;
  for (const [key, item] of entries) object[key] = item;
  Object.defineProperty(object, ORDER, { value: entries.map(([key]) => key), enumerable: false });
  return object;
}

function keysOf(object: Ordered): string[] {
  return object[ORDER] ?? Object.keys(object);
}

function isMapping(value: JsonValue): value is { [key: string]: JsonValue } {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof NumberLiteral)
  );
}

const YAML_SPECIAL_NUMBERS: Record<string, string> = { Infinity: ".inf", "-Infinity": "-.inf", NaN: ".nan" };

/** The parsed value with every number as a JavaScript number (Infinity included), for the estimator. */
export function toPlain(value: JsonValue): unknown {
  if (value instanceof NumberLiteral) return Number(value.text);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(keysOf(value).map((key) => [key, toPlain(value[key] as JsonValue)]));
  }
  return value;
}

function scalar(value: JsonValue): string {
  if (value === null) return "null";
  if (value instanceof NumberLiteral) return YAML_SPECIAL_NUMBERS[value.text] ?? value.text;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  throw new Error("not a scalar");
}

function yamlKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
}

/** YAML lines for a mapping, indented by `depth` × 2 spaces. */
export function toYamlLines(value: JsonValue, depth: number): string[] {
  if (!isMapping(value)) throw new Error("the config must be a JSON object");
  const pad = "  ".repeat(depth);
  const lines: string[] = [];
  for (const key of keysOf(value)) {
    const item = value[key] as JsonValue;
    lines.push(...entryLines(`${pad}${yamlKey(key)}:`, item, depth));
  }
  return lines;
}

function entryLines(head: string, item: JsonValue, depth: number): string[] {
  if (isMapping(item)) {
    return keysOf(item).length === 0 ? [`${head} {}`] : [head, ...toYamlLines(item, depth + 1)];
  }
  if (Array.isArray(item)) {
    if (item.every((entry) => !isMapping(entry) && !Array.isArray(entry))) {
      return [`${head} [${item.map(scalar).join(", ")}]`];
    }
    // Lists of mappings or lists: one "-" entry each, written as flow JSON-style YAML.
    const pad = "  ".repeat(depth + 1);
    return [head, ...item.map((entry) => `${pad}- ${flow(entry)}`)];
  }
  return [`${head} ${scalar(item)}`];
}

function flow(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(", ")}]`;
  if (isMapping(value)) {
    return `{${keysOf(value)
      .map((key) => `${JSON.stringify(key)}: ${flow(value[key] as JsonValue)}`)
      .join(", ")}}`;
  }
  return scalar(value);
}
