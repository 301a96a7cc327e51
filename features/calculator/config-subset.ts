// The calculator island receives each catalog model's config.json, but lib/estimator reads only a few dozen of its
// keys; the rest (token ids, vision towers' unused fields, version strings) would only make the page's RSC payload,
// its HTML and its hydration larger. This keeps the keys parseConfig actually reads, found by letting it read the
// full config through a recording proxy; the caller checks that the subset parses to the same architecture.

interface Reads {
  /** Set when the object's keys were listed (a spread, Object.keys): then every key is kept. */
  enumerated: boolean;
  /** Keys read; for an object value, what was read inside it (through the proxy that the read returned). */
  keys: Map<string, Reads | null>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function recording(target: Record<string, unknown>, reads: Reads): Record<string, unknown> {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value: unknown = Reflect.get(obj, key, receiver);
      if (typeof key !== "string" || !Object.hasOwn(obj, key)) return value;
      if (!isObject(value)) {
        reads.keys.set(key, null);
        return value;
      }
      let child = reads.keys.get(key);
      if (!child) {
        child = { enumerated: false, keys: new Map() };
        reads.keys.set(key, child);
      }
      return recording(value, child);
    },
    has(obj, key) {
      if (typeof key === "string" && Object.hasOwn(obj, key) && !reads.keys.has(key))
        reads.keys.set(key, null);
      return Reflect.has(obj, key);
    },
    ownKeys(obj) {
      reads.enumerated = true;
      return Reflect.ownKeys(obj);
    },
  });
}

function subset(value: Record<string, unknown>, reads: Reads): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  const keys = reads.enumerated ? Object.keys(value) : [...reads.keys.keys()];
  for (const key of keys) {
    const field = value[key];
    const child = reads.keys.get(key);
    // A spread copies nested objects as the proxies get() returned, so what is read in them later is recorded too.
    kept[key] = child && isObject(field) ? subset(field, child) : field;
  }
  return kept;
}

/** The part of `config` that `read` looks at: every key it read, with nested objects cut down the same way. */
export function configSubset(
  config: Record<string, unknown>,
  read: (config: Record<string, unknown>) => unknown,
): Record<string, unknown> {
  const reads: Reads = { enumerated: false, keys: new Map() };
  read(recording(config, reads));
  return subset(config, reads);
}
