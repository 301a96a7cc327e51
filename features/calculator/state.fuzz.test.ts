// Fuzzing the calculator's query string (features/calculator/state.ts): thousands of random and hostile links, seeded.
// Whatever the link says, parsing never throws, the state is always one the calculator can compute, every rejected
// value is reported as short plain text, and the link written back for that state reads back as the same state.
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
import { Fuzzer, HOSTILE_STRINGS, RUNS, SEED, looksLikeMarkup } from "../../lib/fuzz/prng";

const CATALOG: CalculatorCatalog = {
  models: [
    { slug: "llama-3-1-8b", contextLength: 131072 },
    { slug: "gemma-2-9b", contextLength: 8192 },
    { slug: "deepseek-r1", contextLength: 163840 },
    { slug: "tiny", contextLength: 4096 },
  ],
  gpus: [{ slug: "rtx-4090" }, { slug: "h100-sxm" }, { slug: "rtx-3060-12gb" }],
};

const LLAMA_CONFIG = {
  model_type: "llama",
  hidden_size: 4096,
  intermediate_size: 14336,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  vocab_size: 128256,
  max_position_embeddings: 131072,
  tie_word_embeddings: false,
  torch_dtype: "bfloat16",
};

function plausibleValue(f: Fuzzer, key: string): string {
  switch (key) {
    case "model":
      return f.pick([...CATALOG.models.map((m) => m.slug), CUSTOM, "Llama-3-1-8B", " tiny ", "gpt-5"]);
    case "cfg": {
      const config: Record<string, unknown> = { ...LLAMA_CONFIG };
      if (f.bool(0.5)) {
        const field = f.pick(Object.keys(config));
        config[field] = f.pick([null, -1, 0, 1.5, "32", [], {}, 1e308, true, f.text(8)]);
      }
      const json = JSON.stringify(config);
      return f.pick([
        json,
        json.slice(0, f.int(0, json.length)),
        `[${json}]`,
        "null",
        '"x"',
        "{}",
        f.text(40),
      ]);
    }
    case "engine":
      return f.pick(["llama.cpp", "vllm", "VLLM", "llamacpp", "llama-cpp", "tgi", ""]);
    case "quant":
      return f.pick([...WEIGHT_FORMATS.map((w) => w.id), "q4_k_m", "Q4_K_XL", "fp4", ""]);
    case "kv":
      return f.pick(["f16", "bf16", "q8_0", "q4_0", "fp8", "F16", "int4", ""]);
    case "gpu":
      return f.pick([...CATALOG.gpus.map((g) => g.slug), CUSTOM, "RTX-4090", "a100"]);
    default:
      return f.numberish();
  }
}

function randomValue(f: Fuzzer, key: string): string {
  const roll = f.int(0, 9);
  if (roll < 5) return plausibleValue(f, key);
  if (roll < 7) return f.pick(HOSTILE_STRINGS);
  if (roll < 8) return f.numberish();
  return f.text(60);
}

function encode(f: Fuzzer, text: string): string {
  switch (f.int(0, 4)) {
    case 0:
      return text; // raw: &, =, # and % as they come
    case 1:
      return encodeURIComponent(text).replace(/%20/g, "+");
    case 2:
      return `${encodeURIComponent(text)}%${f.pick(["", "E", "ZZ", "E0%A4%A", "FF"])}`; // broken escapes
    default:
      return encodeURIComponent(text);
  }
}

function randomQuery(f: Fuzzer): string {
  const pairs: string[] = [];
  const count = f.int(0, 14);
  for (let i = 0; i < count; i++) {
    const key = f.bool(0.8) ? f.pick(PARAMS) : f.bool(0.5) ? f.pick(HOSTILE_STRINGS) : f.text(12);
    const value = randomValue(f, key);
    pairs.push(f.bool(0.05) ? encode(f, key) : `${encode(f, key)}=${encode(f, value)}`);
  }
  return `${f.bool(0.3) ? "?" : ""}${pairs.join(f.bool(0.9) ? "&" : ";")}`;
}

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

describe(`calculator query-string fuzz (seed ${SEED}, ${RUNS} links)`, () => {
  it("never throws, always yields a computable state and plain-text problems", () => {
    const f = new Fuzzer(SEED);
    for (let run = 0; run < RUNS; run++) {
      const input = randomQuery(f);
      const query = label(input);
      let parsed: ReturnType<typeof parseCalculatorState>;
      try {
        parsed = parseCalculatorState(input, CATALOG);
      } catch (error) {
        throw new Error(`parseCalculatorState threw for ${JSON.stringify(query)}: ${String(error)}`);
      }
      expectValidState(parsed.state);
      expectPlainProblems(parsed.problems, input);
      // A parsed state is already normal.
      expect(normalizeState(parsed.state, CATALOG), query).toEqual(parsed.state);
    }
  }, 120_000);

  it("reads back the link it writes for any parsed state, without problems", () => {
    const f = new Fuzzer(SEED + 1);
    for (let run = 0; run < RUNS; run++) {
      const input = randomQuery(f);
      const query = label(input);
      const { state } = parseCalculatorState(input, CATALOG);
      const href = calculatorStateHref(state);
      expect(href.startsWith("/calculator?"), href).toBe(true);
      const again = parseCalculatorState(href.slice("/calculator".length), CATALOG);
      expect(again.problems, `${query} → ${href}`).toEqual([]);
      expect(again.state, `${query} → ${href}`).toEqual(state);
    }
  }, 120_000);

  it("accepts the object form Next.js passes (repeated keys as arrays, prototype names as keys)", () => {
    const f = new Fuzzer(SEED + 2);
    for (let run = 0; run < Math.ceil(RUNS / 3); run++) {
      const input: Record<string, string | string[] | undefined> = Object.create(null) as Record<
        string,
        string
      >;
      for (let i = f.int(0, 8); i > 0; i--) {
        const key = f.bool(0.7) ? f.pick(PARAMS) : f.pick(HOSTILE_STRINGS);
        input[key] = f.bool(0.3)
          ? [randomValue(f, key), randomValue(f, key)]
          : f.bool(0.1)
            ? undefined
            : randomValue(f, key);
      }
      const { state, problems } = parseCalculatorState(input, CATALOG);
      expectValidState(state);
      expectPlainProblems(problems, JSON.stringify(input));
    }
  }, 120_000);

  it("normalizeState repairs any edited state", () => {
    const f = new Fuzzer(SEED + 3);
    const numbers = [NaN, Infinity, -Infinity, -1, 0, 0.5, 1, 3.7, 1e9, Number.MAX_SAFE_INTEGER];
    for (let run = 0; run < RUNS; run++) {
      const edited: CalculatorState = {
        model: f.pick([...CATALOG.models.map((m) => m.slug)]),
        config: f.bool(0.2) ? JSON.stringify(LLAMA_CONFIG) : null,
        engine: f.pick(["llama.cpp", "vllm"] as const),
        quant: f.pick(WEIGHT_FORMATS).id,
        context: f.pick(numbers),
        kv: f.pick(["f16", "bf16", "q8_0", "q4_0", "fp8"] as const),
        seqs: f.pick(numbers),
        gpu: f.pick([...CATALOG.gpus.map((g) => g.slug), CUSTOM]),
        vram: f.bool(0.5) ? f.pick(numbers) : null,
        gpus: f.pick(numbers),
        gpu2: f.bool(0.3) ? f.pick([...CATALOG.gpus.map((g) => g.slug), "nope"]) : null,
        gpus2: f.pick(numbers),
        ram: f.pick(numbers),
      };
      const state = normalizeState(edited, CATALOG);
      expectValidState(state);
    }
  }, 120_000);
});
