// Hostile calculator links (issue 16): every one must come back as a short, named problem, quickly, and every
// config that is accepted must survive the link round trip (compressed or, for old links, plain JSON).
import { describe, expect, it } from "vitest";
import {
  CUSTOM,
  LIMITS,
  calculatorStateHref,
  configShareable,
  defaultState,
  parseCalculatorState,
  readCustomConfig,
} from "@/features/calculator/state";
import type { CalculatorCatalog } from "@/features/calculator/state";

const LLAMA = {
  model_type: "llama",
  hidden_size: 4096,
  intermediate_size: 14336,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  vocab_size: 128256,
  max_position_embeddings: 131072,
};
const CATALOG: CalculatorCatalog = {
  models: [{ slug: "llama-3-1-8b", contextLength: 131072 }],
  gpus: [{ slug: "rtx-4090" }],
};

/** Reads a link three times and keeps the fastest: a freeze shows in every run, a busy machine's pause in one. */
function link(cfg: string) {
  const query = new URLSearchParams({ model: "custom", cfg }).toString();
  let ms = Number.POSITIVE_INFINITY;
  let result = parseCalculatorState(query, CATALOG);
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    result = parseCalculatorState(query, CATALOG);
    ms = Math.min(ms, performance.now() - started);
  }
  return { ...result, ms };
}

describe("hostile cfg values in a link", () => {
  const cases: [string, string, RegExp][] = [
    ["7,000 nested arrays", `${"[".repeat(7000)}${"]".repeat(7000)}`, /nests more than 64 levels deep/],
    [
      "nesting inside a real config",
      JSON.stringify({ ...LLAMA, x: 0 }).replace("0}", `${"[".repeat(3000)}${"]".repeat(3000)}}`),
      /nests more than 64/,
    ],
    [
      "hidden_size 1e308",
      JSON.stringify({ ...LLAMA, hidden_size: 1e308 }),
      /"hidden_size" must be a whole number from 1 to/,
    ],
    ["vocab_size 1e308", JSON.stringify({ ...LLAMA, vocab_size: 1e308 }), /"vocab_size"/],
    ["0 KV heads", JSON.stringify({ ...LLAMA, num_key_value_heads: 0 }), /"num_key_value_heads"/],
    [
      "-0 KV heads",
      JSON.stringify({ ...LLAMA, num_key_value_heads: 0 }).replace(
        '"num_key_value_heads":0',
        '"num_key_value_heads":-0',
      ),
      /"num_key_value_heads" must be .* got -0/,
    ],
    ["head_dim 0", JSON.stringify({ ...LLAMA, head_dim: 0 }), /"head_dim"/],
    ["intermediate_size 0", JSON.stringify({ ...LLAMA, intermediate_size: 0 }), /"intermediate_size"/],
    [
      "more KV heads than heads",
      JSON.stringify({ ...LLAMA, num_key_value_heads: 40 }),
      /must not exceed "num_attention_heads"/,
    ],
    [
      "heads not divisible",
      JSON.stringify({ ...LLAMA, num_key_value_heads: 5 }),
      /must be a multiple of "num_key_value_heads"/,
    ],
    [
      "context 0",
      JSON.stringify({ ...LLAMA, max_position_embeddings: 0 }),
      /"max_position_embeddings" must be a whole number from 1 to 16,777,216/,
    ],
    [
      "context 1e308",
      JSON.stringify({ ...LLAMA, max_position_embeddings: 1e308 }),
      /"max_position_embeddings"/,
    ],
    [
      "Infinity hidden size",
      JSON.stringify({ ...LLAMA, hidden_size: 1 }).replace('"hidden_size":1', '"hidden_size":Infinity'),
      /"hidden_size" must be a non-negative integer, got Infinity/,
    ],
    ["bare word", '{"model_type": llama}', /not valid JSON at line 1, column 16: unexpected "llama"/],
  ];
  for (const [name, cfg, why] of cases) {
    it(`${name}: one named problem, default model, fast`, () => {
      const { state, problems, ms } = link(cfg);
      expect(state.model).toBe("llama-3-1-8b");
      expect(problems).toHaveLength(1);
      expect(problems[0]?.param).toBe("cfg");
      expect(problems[0]?.message).toMatch(why);
      expect(problems[0]!.message.length).toBeLessThan(300);
      expect(ms).toBeLessThan(250);
    });
  }

  it("a 3,000-element array in a field gives a short message, not the array", () => {
    const result = readCustomConfig(
      JSON.stringify({ ...LLAMA, num_key_value_heads: Array.from({ length: 3000 }, (_, i) => i) }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/got an array of 3000 items/);
      expect(result.message.length).toBeLessThan(200);
    }
  });
});

describe("config links round-trip", () => {
  it("writes a compressed cfg and reads it back; old plain links still work", () => {
    const state = { ...defaultState(CATALOG), model: CUSTOM, config: JSON.stringify(LLAMA) };
    const href = calculatorStateHref(state);
    expect(new URLSearchParams(href.split("?")[1]).get("cfg")).toMatch(/^z1\./);
    expect(parseCalculatorState(href.split("?")[1]!, CATALOG)).toEqual({ state, problems: [] });
    const old = parseCalculatorState(
      new URLSearchParams({ model: "custom", cfg: JSON.stringify(LLAMA) }),
      CATALOG,
    );
    expect(old.problems).toEqual([]);
    expect(old.state.config).toBe(JSON.stringify(LLAMA));
  });

  it("keeps Python's bare Infinity through the round trip (official Nemotron-H writes one)", () => {
    const text = JSON.stringify({ ...LLAMA, time_step_limit: [0, 1] }).replace("[0,1]", "[0.0, Infinity]");
    const read = readCustomConfig(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.config).toContain('"time_step_limit":[0,Infinity]');
    const href = calculatorStateHref({ ...defaultState(CATALOG), model: CUSTOM, config: read.config });
    expect(parseCalculatorState(href.split("?")[1]!, CATALOG).state.config).toBe(read.config);
  });

  it("leaves a config too large for a link out of it and says so", () => {
    // Incompressible numbers: ~60 KB of JSON, far past the 8,000-character link limit after compression.
    let seed = 1;
    const noise = Array.from({ length: 8000 }, () => (seed = (seed * 48271) % 2147483647));
    const config = JSON.stringify({ ...LLAMA, noise });
    expect(readCustomConfig(config).ok).toBe(true);
    const state = { ...defaultState(CATALOG), model: CUSTOM, config };
    expect(configShareable(state)).toMatchObject({ shareable: false });
    const href = calculatorStateHref(state);
    expect(href).not.toContain("cfg=");
    expect(href.length).toBeLessThan(LIMITS.configLinkChars);
    const back = parseCalculatorState(href.split("?")[1]!, CATALOG);
    expect(back.problems[0]?.message).toMatch(/too large for a link/);
  });
});
