// "a" or "an" before a figure or a format name, chosen by how it is read aloud. Framework-free, so the client
// calculator can use it too.

// Letters whose spoken name starts with a vowel sound: "an F16", "an IQ2_XXS", "an MXFP4", "an 8-bit" but "a Q4_K_M".
const VOWEL_SOUND_LETTERS = new Set(["a", "e", "f", "h", "i", "l", "m", "n", "o", "r", "s", "x"]);

/**
 * English picks the article by sound: "an 8K", "an 11K", "an 18K", but "a 4K", "a 128K", "a 110K"; format and type
 * names read letter by letter ("an IQ2_XXS", "an F16", "a Q4_K_M", "a BF16").
 */
export function articleFor(spoken: string): "a" | "an" {
  const text = spoken.trim();
  const digits = /^\d+/.exec(text.replace(/,/g, ""))?.[0];
  if (digits !== undefined) {
    if (digits.startsWith("8")) return "an"; // eight, eighty, eight hundred, eight thousand …
    if (digits.length % 3 === 2 && (digits.startsWith("11") || digits.startsWith("18"))) return "an"; // eleven, eighteen
    return "a";
  }
  const first = text[0]?.toLowerCase() ?? "";
  // An initialism or a type name (capitals, or letters run into digits or underscores) is spelt out.
  if (/^[A-Z]{2}|^[A-Za-z]+[\d_]/.test(text)) return VOWEL_SOUND_LETTERS.has(first) ? "an" : "a";
  return "aeio".includes(first) && first !== "" ? "an" : "a";
}

/** The article before a spelled-out acronym or model name: "an RTX 4090", "an H100", "a GeForce …". */
export function acronymArticle(name: string): "a" | "an" {
  return /^([AEFHILMNORSX][A-Z0-9]|[AEIO])/.test(name) ? "an" : "a";
}

/** The sentence with its first letter in capitals. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
