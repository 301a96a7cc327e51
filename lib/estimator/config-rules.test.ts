// Property tests for the numeric and structural rules: every real config passes; random KV-head layouts are
// accepted exactly when grouped-query attention can use them; absurd sizes are refused with the field named, and
// whatever is accepted gives finite estimates.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Fuzzer, RUNS, SEED } from "@/lib/fuzz/prng";
import { FIXTURE_DIR, TESTDATA_DIR, fixtureArch, fixtureConfig, readConfigFile } from "./fixtures.test-utils";
import { FIELD_RANGES, MAX_CONTEXT_TOKENS, architectureProblem } from "./config-rules";
import { ConfigError, parseConfig } from "./config";
import { estimateMemory } from "./estimate";
import { planPlacement } from "./placement";
import { decodeTokensPerSecondUpperBound } from "./throughput";

const REAL = [FIXTURE_DIR, TESTDATA_DIR].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({
      name: f,
      config: readConfigFile(join(dir, f)) as Record<string, unknown>,
    })),
);
const LLAMA = fixtureConfig("Llama-3.1-8B-Instruct") as Record<string, unknown>;

function configError(config: unknown): ConfigError | null {
  try {
    parseConfig(config);
    return null;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

describe("config rules", () => {
  it("every real config passes", () => {
    for (const { name, config } of REAL) expect(configError(config), name).toBeNull();
  });

  it("accepts KV heads exactly when they divide the query heads (random layouts)", () => {
    const f = new Fuzzer(SEED);
    for (let run = 0; run < RUNS; run++) {
      const heads = f.int(1, 128);
      const kvHeads = f.pick([f.int(0, 160), heads, 1, -0, heads * 2]);
      const error = configError({
        ...LLAMA,
        num_attention_heads: heads,
        num_key_value_heads: kvHeads,
        head_dim: 128,
      });
      const valid = kvHeads >= 1 && !Object.is(kvHeads, -0) && kvHeads <= heads && heads % kvHeads === 0;
      expect(error === null, `${heads} heads, ${kvHeads} KV heads`).toBe(valid);
      if (error) expect(error.field).toBe("num_key_value_heads");
    }
  });

  it("refuses sizes outside each field's range, naming the field (random fields and magnitudes)", () => {
    const f = new Fuzzer(SEED + 1);
    const fields = [
      FIELD_RANGES.hiddenSize,
      FIELD_RANGES.vocabSize,
      FIELD_RANGES.intermediateSize,
      FIELD_RANGES.maxPositionEmbeddings,
      FIELD_RANGES.headDim,
      FIELD_RANGES.numAttentionHeads,
    ];
    for (let run = 0; run < RUNS; run++) {
      const range = f.pick(fields);
      const value = f.pick([0, -0, range.max + 1, range.max * f.int(2, 1000), 10 ** f.int(7, 308), 1e308]);
      if (value <= range.max && value >= range.min) continue;
      const error = configError({ ...LLAMA, [range.key]: value });
      expect(error, `${range.key} = ${value}`).not.toBeNull();
      expect(error!.message.length).toBeLessThan(200);
      // num_attention_heads 0 is named by its own older check; a huge value may first break the KV-head rule.
      expect([range.key, "num_key_value_heads"]).toContain(error!.field);
    }
  });

  it("whatever is accepted gives finite, non-negative figures (random huge values in real configs)", () => {
    const f = new Fuzzer(SEED + 2);
    const keys = [
      "hidden_size",
      "vocab_size",
      "intermediate_size",
      "num_hidden_layers",
      "max_position_embeddings",
    ];
    for (let run = 0; run < RUNS / 10; run++) {
      const { config } = f.pick(REAL);
      const mutated = {
        ...config,
        [f.pick(keys)]: f.pick([1, 2, 4096, 65_536, 262_144, 16_777_216, 2 ** 31, 1e15]),
      };
      let arch;
      try {
        arch = parseConfig(mutated);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        continue;
      }
      const input = {
        format: "Q4_K_M" as const,
        contextTokens: Math.min(arch.maxPositionEmbeddings, 32_768),
      };
      const estimate = estimateMemory(arch, input);
      for (const value of [...Object.values(estimate.bytes), ...Object.values(estimate.params)]) {
        expect(Number.isFinite(value) && value >= 0).toBe(true);
      }
      const placement = planPlacement(arch, input, { gpuMemoryBytes: 24 * 2 ** 30, gpuCount: 1 });
      for (const value of placement.perDeviceBytes) expect(Number.isFinite(value)).toBe(true);
      expect(Number.isFinite(decodeTokensPerSecondUpperBound(arch, input, 1e12))).toBe(true);
    }
  });

  it("states the context limit and refuses more", () => {
    expect(MAX_CONTEXT_TOKENS).toBe(16_777_216);
    expect(configError({ ...LLAMA, max_position_embeddings: MAX_CONTEXT_TOKENS })).toBeNull();
    expect(configError({ ...LLAMA, max_position_embeddings: MAX_CONTEXT_TOKENS + 1 })?.message).toMatch(
      /"max_position_embeddings" must be a whole number from 1 to 16,777,216, got 16777217/,
    );
  });

  it("a non-finite figure is an error even for an architecture built by hand", () => {
    const arch = { ...fixtureArch("Llama-3.1-8B-Instruct"), hiddenSize: 1e308, vocabSize: 1e308 };
    expect(architectureProblem(arch)?.field).toBe("hidden_size");
    expect(() => estimateMemory(arch, { format: "Q4_K_M", contextTokens: 4096 })).toThrow(
      /not a finite size/,
    );
  });
});
