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

/** A value as JSON, cut to a readable length for a one-line message. */
function shortJson(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
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
    const wrongType = issue.code === "invalid_type" && "input" in issue;
    const input: unknown = wrongType ? issue.input : undefined;
    let detail = issue.message;
    if (wrongType && input === undefined) detail = `is missing; it ${issue.message}`;
    else if (wrongType && !issue.message.includes(", got "))
      detail = `${issue.message}, got ${shortJson(input)}`;
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
