/**
 * Typed, defaulting access to a config.json object, shared by every architecture adapter.
 * Errors are ConfigError with the offending key, so the CLI and the pages print one clear line.
 */
import { excerpt } from "../json-input";

/** Thrown for a malformed / unsupported config; `field` names the missing or bad key. */
export class ConfigError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = "ConfigError";
    this.field = field;
  }
}

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export class Reader {
  constructor(
    private readonly cfg: Obj,
    private readonly defaults: Obj = {},
  ) {}

  has(key: string): boolean {
    return this.cfg[key] !== undefined && this.cfg[key] !== null;
  }

  raw(key: string): unknown {
    const v = this.cfg[key];
    return v === undefined || v === null ? this.defaults[key] : v;
  }

  int(key: string): number {
    const v = this.raw(key);
    if (v === undefined || v === null) {
      throw new ConfigError(key, `config.json: missing "${key}" (number)`);
    }
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
      throw new ConfigError(key, `config.json: "${key}" must be a non-negative integer, got ${excerpt(v)}`);
    }
    return v;
  }

  optInt(key: string): number | null {
    const v = this.raw(key);
    if (v === undefined || v === null) return null;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
      throw new ConfigError(
        key,
        `config.json: "${key}" must be a non-negative integer or null, got ${excerpt(v)}`,
      );
    }
    return v;
  }

  /** A positive integer that must be present (a dimension that sizes tensors). */
  dim(key: string): number {
    const v = this.int(key);
    if (v === 0) throw new ConfigError(key, `config.json: "${key}" must be > 0`);
    return v;
  }

  bool(key: string, fallback: boolean): boolean {
    const v = this.raw(key);
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "boolean") {
      throw new ConfigError(key, `config.json: "${key}" must be a boolean, got ${excerpt(v)}`);
    }
    return v;
  }

  str(key: string): string | null {
    const v = this.raw(key);
    if (v === undefined || v === null) return null;
    if (typeof v !== "string") {
      throw new ConfigError(key, `config.json: "${key}" must be a string, got ${excerpt(v)}`);
    }
    return v;
  }

  intArray(key: string): number[] | null {
    const v = this.raw(key);
    if (v === undefined || v === null) return null;
    if (!Array.isArray(v) || !v.every((x) => typeof x === "number" && Number.isInteger(x))) {
      throw new ConfigError(key, `config.json: "${key}" must be an array of integers`);
    }
    return v as number[];
  }

  strArray(key: string): string[] | null {
    const v = this.raw(key);
    if (v === undefined || v === null) return null;
    if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) {
      throw new ConfigError(key, `config.json: "${key}" must be an array of strings`);
    }
    return v as string[];
  }
}
