// Turns zod's issues into "where: what" pairs for the one-line messages of content, GPU and fixture checks.
import type { z } from "zod";

export interface FieldIssue {
  /** The path as keys and list indexes (for an unknown field, its name is the last key). */
  keys: PropertyKey[];
  /** Dotted path with list indexes, e.g. "sources[0].url"; "" for the value itself. */
  path: string;
  /** What is wrong, as a phrase that follows the field name ("must be …", "is missing"). */
  detail: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Every issue of a failed parse, in schema order. Parse with `{ reportInput: true }` so a missing value can be told
 * from a wrong one; each schema states its own rule as the message ("must be a positive integer (bytes)").
 */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      const keys = [...issue.path, issue.keys[0] ?? ""];
      return { keys, path: formatPath(keys), detail: "is not a known field" };
    }
    const missing = issue.code === "invalid_type" && "input" in issue && issue.input === undefined;
    const detail = missing ? `is missing; it ${issue.message}` : issue.message;
    return { keys: [...issue.path], path: formatPath(issue.path), detail };
  });
}

/** An absolute http(s) URL; `httpsOnly` for sources that must be served over TLS. */
export function isWebUrl(value: string, httpsOnly = false): boolean {
  try {
    const url = new URL(value);
    if (url.hostname === "") return false;
    return url.protocol === "https:" || (!httpsOnly && url.protocol === "http:");
  } catch {
    return false;
  }
}
