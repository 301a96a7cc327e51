// Property tests for the numeric and structural rules: every real config passes; random KV-head layouts are
// accepted exactly when grouped-query attention can use them; absurd sizes are refused with the field named, and
// whatever is accepted gives finite estimates.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RUNS, SEED } from "@/lib/fuzz/arbitraries";
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

  const layout = fc
    .tuple(
      fc.integer({ min: 1, max: 128 }),
      fc.oneof(fc.integer({ min: 0, max: 160 }), fc.constantFrom("heads", 1, -0, "double")),
    )
    .map(([heads, kv]) => [heads, typeof kv === "number" ? kv : kv === "heads" ? heads : heads * 2] as const);
  it("accepts KV heads exactly when they divide the query heads (random layouts)", () => {
    fc.assert(
      fc.property(layout, ([heads, kvHeads]) => {
        const error = configError({
          ...LLAMA,
          num_attention_heads: heads,
          num_key_value_heads: kvHeads,
          head_dim: 128,
        });
        const valid = kvHeads >= 1 && !Object.is(kvHeads, -0) && kvHeads <= heads && heads % kvHeads === 0;
        expect(error === null, `${heads} heads, ${kvHeads} KV heads`).toBe(valid);
        if (error) expect(error.field).toBe("num_key_value_heads");
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  const ranges = [
    FIELD_RANGES.hiddenSize,
    FIELD_RANGES.vocabSize,
    FIELD_RANGES.intermediateSize,
    FIELD_RANGES.maxPositionEmbeddings,
    FIELD_RANGES.headDim,
    FIELD_RANGES.numAttentionHeads,
  ];
  const outOfRange = fc.oneof(
    ...ranges.map((range) =>
      fc.tuple(
        fc.constant(range),
        fc.oneof(
          fc.constantFrom(0, -0, range.max + 1, 1e308),
          fc.integer({ min: 2, max: 1000 }).map((k) => range.max * k),
          fc.integer({ min: 7, max: 308 }).map((k) => 10 ** k),
        ),
      ),
    ),
  );
  it("refuses sizes outside each field's range, naming the field (random fields and magnitudes)", () => {
    fc.assert(
      fc.property(outOfRange, ([range, value]) => {
        fc.pre(value > range.max || value < range.min);
        const error = configError({ ...LLAMA, [range.key]: value });
        expect(error, `${range.key} = ${value}`).not.toBeNull();
        expect(error!.message.length).toBeLessThan(200);
        // num_attention_heads 0 is named by its own older check; a huge value may first break the KV-head rule.
        expect([range.key, "num_key_value_heads"]).toContain(error!.field);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  const hugeValueInRealConfig = fc
    .tuple(
      fc.constantFrom(...REAL),
      fc.constantFrom(
        "hidden_size",
        "vocab_size",
        "intermediate_size",
        "num_hidden_layers",
        "max_position_embeddings",
      ),
      fc.constantFrom(1, 2, 4096, 65_536, 262_144, 16_777_216, 2 ** 31, 1e15),
    )
    .map(([{ config }, key, value]) => ({ ...config, [key]: value }));
  it("whatever is accepted gives finite, non-negative figures (random huge values in real configs)", () => {
    fc.assert(
      fc.property(hugeValueInRealConfig, (mutated) => {
        let arch;
        try {
          arch = parseConfig(mutated);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          return;
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
      }),
      { seed: SEED, numRuns: RUNS / 10, unbiased: true },
    );
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
