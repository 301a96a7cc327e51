// How a pasted config.json travels in a calculator link: `cfg=z1.<base64url of raw DEFLATE of the minified JSON>`.
// Compressed because a link must pass `next start` (431 above ~16 KB of request headers) and common proxies and chat
// apps (8 KB is a safe ceiling); percent-encoded JSON grows by ~40 %, the compressed form shrinks by 20-80 %.
// Old links carry the plain JSON (`cfg={...}`) and keep working: the decoder accepts both.
import { InflateError, deflateRaw, inflateRaw } from "@/features/calculator/deflate-raw";

const PREFIX = "z1.";

/** The longest `cfg` value a link may carry, in characters (the rest of the link adds ~200). */
export const CONFIG_LINK_MAX_CHARS = 8000;

/** The most text a compressed `cfg` may expand to (a config.json is a few KB; the paste limit is 100,000). */
export const CONFIG_LINK_MAX_TEXT_BYTES = 100_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The `cfg` value for a minified config.json. */
export function encodeConfigParam(configJson: string): string {
  return PREFIX + toBase64Url(deflateRaw(new TextEncoder().encode(configJson)));
}

/** Whether a config fits in a link, and the length of its encoded form. */
export function configLinkSize(configJson: string): { chars: number; fits: boolean } {
  const chars = encodeConfigParam(configJson).length;
  return { chars, fits: chars <= CONFIG_LINK_MAX_CHARS };
}

/** The config.json text a `cfg` value carries: compressed (`z1.` …) or, from older links, plain JSON. */
export function decodeConfigParam(
  value: string,
): { ok: true; text: string } | { ok: false; message: string } {
  if (!value.startsWith(PREFIX)) return { ok: true, text: value };
  const bytes = fromBase64Url(value.slice(PREFIX.length));
  if (bytes === null) return { ok: false, message: "The compressed config.json in the link is damaged" };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(
      inflateRaw(bytes, CONFIG_LINK_MAX_TEXT_BYTES),
    );
    return { ok: true, text };
  } catch (error) {
    const why = error instanceof InflateError ? `: ${error.message}` : "";
    return { ok: false, message: `The compressed config.json in the link cannot be read${why}` };
  }
}
