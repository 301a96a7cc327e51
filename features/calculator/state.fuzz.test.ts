// Fuzzing the calculator's query string (features/calculator/state.ts) with fast-check: thousands of random and
// hostile links (seeded by SEED in lib/fuzz/arbitraries.ts).
// Whatever the link says, parsing never throws, the state is always one the calculator can compute, every rejected
// value is reported as short plain text, and the link written back for that state reads back as the same state.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CUSTOM,
  LIMITS,
  PARAMS,
  calculatorStateHref,
  formatsForEngine,
  kvTypesForEngine,
  maxContextOf,
  normalizeState,
  parseCalculatorState,
  readCustomConfig,
} from "@/features/calculator/state";
import type { CalculatorCatalog, CalculatorState, StateProblem } from "@/features/calculator/state";
import { WEIGHT_FORMATS } from "@/lib/estimator";
import {
  RUNS,
  SEED,
  chance,
  hostileString,
  hostileText,
  looksLikeMarkup,
  numberish,
  sometimes,
} from "@/lib/fuzz/arbitraries";
import { LLAMA_3_1_8B_CONFIG } from "./fixtures.test-utils";

const CATALOG: CalculatorCatalog = {
  models: [
    { slug: "llama-3-1-8b", contextLength: 131072 },
    { slug: "gemma-2-9b", contextLength: 8192 },
    { slug: "deepseek-r1", contextLength: 163840 },
    { slug: "tiny", contextLength: 4096 },
  ],
  gpus: [{ slug: "rtx-4090" }, { slug: "h100-sxm" }, { slug: "rtx-3060-12gb" }],
};

const LLAMA_CONFIG = { ...LLAMA_3_1_8B_CONFIG, torch_dtype: "bfloat16" };

function plausibleValue(key: string): fc.Arbitrary<string> {
  switch (key) {
    case "model":
      return fc.constantFrom(...CATALOG.models.map((m) => m.slug), CUSTOM, "Llama-3-1-8B", " tiny ", "gpt-5");
    case "cfg": {
      const broken = fc.record({
        field: fc.constantFrom(...Object.keys(LLAMA_CONFIG)),
        value: fc.oneof(
          fc.constantFrom<unknown>(null, -1, 0, 1.5, "32", [], {}, 1e308, true),
          hostileText(8),
        ),
      });
      const json = sometimes(0.5, broken).map((edit) =>
        JSON.stringify(edit ? { ...LLAMA_CONFIG, [edit.field]: edit.value } : LLAMA_CONFIG),
      );
      return fc.oneof(
        json,
        fc.tuple(json, fc.nat()).map(([text, cut]) => text.slice(0, cut % (text.length + 1))),
        json.map((text) => `[${text}]`),
        fc.constantFrom("null", '"x"', "{}"),
        hostileText(40),
      );
    }
    case "engine":
      return fc.constantFrom("llama.cpp", "vllm", "VLLM", "llamacpp", "llama-cpp", "tgi", "");
    case "quant":
      return fc.constantFrom(...WEIGHT_FORMATS.map((w) => w.id), "q4_k_m", "Q4_K_XL", "fp4", "");
    case "kv":
      return fc.constantFrom("f16", "bf16", "q8_0", "q4_0", "fp8", "F16", "int4", "");
    case "gpu":
      return fc.constantFrom(...CATALOG.gpus.map((g) => g.slug), CUSTOM, "RTX-4090", "a100");
    default:
      return numberish;
  }
}

function randomValue(key: string): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: plausibleValue(key), weight: 5 },
    { arbitrary: hostileString, weight: 2 },
    { arbitrary: numberish, weight: 1 },
    { arbitrary: hostileText(60), weight: 2 },
  );
}

/** How a key or value is written into the link: raw, form-encoded, percent-encoded, or with a broken escape. */
const encoding = fc.oneof(
  fc.constant("raw"), // &, =, # and % as they come
  fc.constant("form"),
  fc.constantFrom("%", "%E", "%ZZ", "%E0%A4%A", "%FF"), // broken escapes
  { arbitrary: fc.constant("percent"), weight: 2 },
);

function encode(text: string, how: string): string {
  if (how === "raw") return text;
  if (how === "form") return encodeURIComponent(text).replace(/%20/g, "+");
  if (how === "percent") return encodeURIComponent(text);
  return `${encodeURIComponent(text)}${how}`;
}

/**
 * [key, value] pairs: a calculator parameter with a value for it (built once per parameter, so no arbitrary is made
 * per run), or a hostile or random key with any value.
 */
const keyAndValue: fc.Arbitrary<[string, string]> = fc.oneof(
  ...PARAMS.map((key) => ({ arbitrary: fc.tuple(fc.constant(key), randomValue(key)), weight: 8 })),
  { arbitrary: fc.tuple(hostileString, randomValue("")), weight: PARAMS.length },
  { arbitrary: fc.tuple(hostileText(12), randomValue("")), weight: PARAMS.length },
);

/** One `key=value` pair (or, rarely, a bare key), each side encoded its own way. */
const pair: fc.Arbitrary<string> = fc
  .tuple(keyAndValue, encoding, encoding, chance(0.05))
  .map(([[key, value], keyHow, valueHow, bare]) =>
    bare ? encode(key, keyHow) : `${encode(key, keyHow)}=${encode(value, valueHow)}`,
  );

const randomQuery: fc.Arbitrary<string> = fc
  .tuple(fc.array(pair, { maxLength: 14 }), chance(0.3), chance(0.9))
  .map(([pairs, question, ampersand]) => `${question ? "?" : ""}${pairs.join(ampersand ? "&" : ";")}`);

function expectValidState(state: CalculatorState) {
  expect(["llama.cpp", "vllm"]).toContain(state.engine);
  expect(formatsForEngine(state.engine)).toContain(state.quant);
  expect(kvTypesForEngine(state.engine)).toContain(state.kv);
  if (state.model === CUSTOM) {
    expect(state.config).not.toBeNull();
    expect(readCustomConfig(state.config ?? "").ok).toBe(true);
  } else {
    expect(CATALOG.models.map((m) => m.slug)).toContain(state.model);
    expect(state.config).toBeNull();
  }
  expect(Number.isInteger(state.context)).toBe(true);
  expect(state.context).toBeGreaterThanOrEqual(1);
  expect(state.context).toBeLessThanOrEqual(maxContextOf(state, CATALOG));
  expect(Number.isInteger(state.seqs) && state.seqs >= LIMITS.seqs.min && state.seqs <= LIMITS.seqs.max).toBe(
    true,
  );
  expect(Number.isInteger(state.gpus) && state.gpus >= LIMITS.gpus.min && state.gpus <= LIMITS.gpus.max).toBe(
    true,
  );
  expect(Number.isFinite(state.ram) && state.ram >= LIMITS.ram.min && state.ram <= LIMITS.ram.max).toBe(true);
  if (state.gpu === CUSTOM) {
    expect(state.vram).not.toBeNull();
    expect((state.vram ?? 0) >= LIMITS.vram.min && (state.vram ?? 0) <= LIMITS.vram.max).toBe(true);
  } else {
    expect(CATALOG.gpus.map((g) => g.slug)).toContain(state.gpu);
    expect(state.vram).toBeNull();
  }
}

/** The input for a failure message, cut short (some fuzz inputs are thousands of characters long). */
function label(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text;
}

function expectPlainProblems(problems: StateProblem[], input: string) {
  const query = label(input);
  for (const problem of problems) {
    expect(problem.param.length, query).toBeLessThanOrEqual(24);
    expect(problem.value.length, query).toBeLessThanOrEqual(40);
    expect(problem.value, query).not.toMatch(/[\u0000-\u001f\u007f]/);
    // The message is ours: it says what was wrong and what is used instead, and never carries the input's markup.
    expect(problem.message.length, query).toBeGreaterThan(10);
    expect(looksLikeMarkup(problem.message), `${query} → ${problem.message}`).toBe(false);
  }
}

const numbers = [NaN, Infinity, -Infinity, -1, 0, 0.5, 1, 3.7, 1e9, Number.MAX_SAFE_INTEGER];
const anyNumber = fc.constantFrom(...numbers);

/** A state as an edit could leave it: catalog names, but any number, NaN and Infinity included. */
const editedState: fc.Arbitrary<CalculatorState> = fc.record({
  model: fc.constantFrom(...CATALOG.models.map((m) => m.slug)),
  config: sometimes(0.2, fc.constant(JSON.stringify(LLAMA_CONFIG))),
  engine: fc.constantFrom("llama.cpp", "vllm"),
  quant: fc.constantFrom(...WEIGHT_FORMATS.map((w) => w.id)),
  context: anyNumber,
  kv: fc.constantFrom("f16", "bf16", "q8_0", "q4_0", "fp8"),
  seqs: anyNumber,
  gpu: fc.constantFrom(...CATALOG.gpus.map((g) => g.slug), CUSTOM),
  vram: sometimes(0.5, anyNumber),
  gpus: anyNumber,
  gpu2: sometimes(0.3, fc.constantFrom(...CATALOG.gpus.map((g) => g.slug), "nope")),
  gpus2: anyNumber,
  ram: anyNumber,
});

/** The object form Next.js passes: repeated keys as arrays, missing values, prototype names as keys. */
const searchParamsObject = fc
  .array(
    fc.oneof(
      ...PARAMS.map((key) => ({
        arbitrary: fc.tuple(
          fc.constant(key),
          randomValue(key),
          randomValue(key),
          fc.integer({ min: 0, max: 9 }),
        ),
        weight: 7,
      })),
      {
        arbitrary: fc.tuple(hostileString, randomValue(""), randomValue(""), fc.integer({ min: 0, max: 9 })),
        weight: 3 * PARAMS.length,
      },
    ),
    { maxLength: 8 },
  )
  .map((entries) => {
    const input = Object.create(null) as Record<string, string | string[] | undefined>;
    // Three in ten keys repeat (an array), one in ten has no value.
    for (const [key, value, second, roll] of entries)
      input[key] = roll < 3 ? [value, second] : roll < 4 ? undefined : value;
    return input;
  });

describe(`calculator query-string fuzz (${RUNS} links per property)`, () => {
  it("never throws, always yields a computable state and plain-text problems", () => {
    fc.assert(
      fc.property(randomQuery, (input) => {
        const query = label(input);
        const parsed = parseCalculatorState(input, CATALOG);
        expectValidState(parsed.state);
        expectPlainProblems(parsed.problems, input);
        // A parsed state is already normal.
        expect(normalizeState(parsed.state, CATALOG), query).toEqual(parsed.state);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);

  it("reads back the link it writes for any parsed state, without problems", () => {
    fc.assert(
      fc.property(randomQuery, (input) => {
        const query = label(input);
        const { state } = parseCalculatorState(input, CATALOG);
        const href = calculatorStateHref(state);
        expect(href.startsWith("/calculator?"), href).toBe(true);
        const again = parseCalculatorState(href.slice("/calculator".length), CATALOG);
        expect(again.problems, `${query} → ${href}`).toEqual([]);
        expect(again.state, `${query} → ${href}`).toEqual(state);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);

  it("accepts the object form Next.js passes (repeated keys as arrays, prototype names as keys)", () => {
    fc.assert(
      fc.property(searchParamsObject, (input) => {
        const { state, problems } = parseCalculatorState(input, CATALOG);
        expectValidState(state);
        expectPlainProblems(problems, JSON.stringify(input));
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 3) },
    );
  }, 120_000);

  it("normalizeState repairs any edited state", () => {
    fc.assert(
      fc.property(editedState, (edited) => {
        expectValidState(normalizeState(edited, CATALOG));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});
