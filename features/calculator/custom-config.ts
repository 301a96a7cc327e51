// A pasted, uploaded or linked config.json, read without ever throwing: every problem comes back as one sentence.
import { JsonInputError, parseConfig, parseJsonInput, stringifyJsonInput } from "@/lib/estimator";
import type { ModelArchitecture } from "@/lib/estimator";
import { LIMITS } from "./state-rules";

export type CustomConfigResult =
  { ok: true; config: string; architecture: ModelArchitecture } | { ok: false; message: string };

/** Replaces quoted input values in an estimator message that look like markup or are long. */
function withoutEchoedMarkup(detail: string): string {
  return detail.replace(/"(?:[^"\\]|\\.)*"/g, (quoted) =>
    /[<>]/.test(quoted) || quoted.length > 42 ? "(the given value)" : quoted,
  );
}

/**
 * Reads a pasted or uploaded config.json. Never throws: malformed JSON, a non-object, an unsupported
 * architecture or a missing field each come back as a message naming the problem.
 */
export function readCustomConfig(text: string): CustomConfigResult {
  const trimmed = text.trim();
  if (trimmed === "")
    return { ok: false, message: "The config.json is empty. Paste the contents of the model's config.json." };
  if (trimmed.length > LIMITS.configChars * 5) {
    return {
      ok: false,
      message: `The text is ${trimmed.length.toLocaleString("en-US")} characters long; a config.json is a few thousand.`,
    };
  }
  // Bounded reader: depth, keys and size are checked while reading, before anything recursive runs on the value
  // (a link nesting thousands of arrays overflowed JSON.stringify's stack and froze the page).
  let raw: unknown;
  try {
    raw = parseJsonInput(trimmed, { maxChars: LIMITS.configChars * 5 });
  } catch (error) {
    const detail = error instanceof JsonInputError ? error.message : "not valid JSON";
    const sentence = detail.startsWith("not valid JSON")
      ? `This is ${detail}`
      : `This config.json cannot be used: ${detail}`;
    return { ok: false, message: `${withoutEchoedMarkup(sentence)}.` };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, message: 'The JSON must be an object like a config.json ({ "model_type": … }).' };
  }
  let architecture: ModelArchitecture;
  try {
    architecture = parseConfig(raw);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `This config.json cannot be used: ${withoutEchoedMarkup(detail.replace(/^config\.json: /, ""))}.`,
    };
  }
  // Minified, keeping Infinity / NaN as the bare tokens the reader accepts (JSON.stringify would write null).
  return { ok: true, config: stringifyJsonInput(raw), architecture };
}
