// Fuzzing the estimator's inputs with fast-check (seeded by SEED in lib/fuzz/arbitraries.ts): random and malformed config.json
// objects (real configs from the catalog with fields removed, retyped or blown up) and random estimate inputs. The
// documented failures are ConfigError (naming the field) from parseConfig and RangeError (with a message) from
// estimateMemory; nothing else may escape, and every estimate that is returned is made of finite, non-negative whole
// byte counts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigError, WEIGHT_FORMATS, countParameters, estimateMemory, parseConfig } from "@/lib/estimator";
import { readConfigFile } from "@/lib/estimator/fixtures.test-utils";
import type { EstimateInput, ModelArchitecture } from "@/lib/estimator";
import { RUNS, SEED, chance, hostileString, sometimes } from "@/lib/fuzz/arbitraries";

/** Real config.json objects: the catalog's architectures (generated content) and the estimator's test data. */
function realConfigs(): Record<string, unknown>[] {
  const configs: Record<string, unknown>[] = [];
  const generated = path.join(".contentlayer", "generated", "Model");
  if (existsSync(generated)) {
    for (const file of readdirSync(generated)) {
      if (!file.endsWith(".json") || file.startsWith("_")) continue;
      const doc = JSON.parse(readFileSync(path.join(generated, file), "utf8")) as { architecture?: unknown };
      if (doc.architecture && typeof doc.architecture === "object")
        configs.push(doc.architecture as Record<string, unknown>);
    }
  }
  const testdata = path.join("lib", "estimator", "testdata");
  for (const file of readdirSync(testdata)) {
    if (file.endsWith(".json"))
      configs.push(readConfigFile(path.join(testdata, file)) as Record<string, unknown>);
  }
  return configs;
}

const CONFIGS = realConfigs();

const junk: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 1 },
  {
    arbitrary: fc.constantFrom<unknown>(
      null,
      undefined,
      -1,
      0,
      0.5,
      1.5,
      7,
      1e6,
      1e12,
      2 ** 53,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      "32",
      "",
      [],
      [1, 2],
      {},
      { nested: true },
      true,
      false,
    ),
    weight: 20,
  },
);

interface Edit {
  key: string;
  action: number;
  junk: unknown;
  factor: number;
}

/** One to four fields removed, replaced by junk or scaled, and now and then a `__proto__` key in front. */
function edited(original: Record<string, unknown>): fc.Arbitrary<unknown> {
  const edit: fc.Arbitrary<Edit> = fc.record({
    key: fc.oneof(
      { arbitrary: fc.constantFrom(...Object.keys(original)), weight: 9 },
      { arbitrary: hostileString, weight: 1 },
    ),
    action: fc.integer({ min: 0, max: 3 }),
    junk,
    factor: fc.constantFrom(0, -1, 1000, 1e9),
  });
  return fc.tuple(fc.array(edit, { minLength: 1, maxLength: 4 }), chance(0.05)).map(([edits, proto]) => {
    const config: Record<string, unknown> = structuredClone(original);
    for (const { key, action, junk: value, factor } of edits) {
      if (action === 0) delete config[key];
      else if (action === 2 && typeof config[key] === "number")
        config[key] = (config[key] as number) * factor;
      else config[key] = value;
    }
    if (proto)
      return JSON.parse(`{"__proto__": {"num_hidden_layers": 1}, ${JSON.stringify(config).slice(1)}`);
    return config;
  });
}

/**
 * A real config, edited; or junk instead of an object; or, nested up to three levels, under text_config as multimodal
 * configs are. Built once per config, so no arbitrary is made per run.
 */
function mutated(original: Record<string, unknown>): fc.Arbitrary<unknown> {
  const edits = edited(original);
  let level: fc.Arbitrary<unknown> = fc.oneof(
    { arbitrary: edits, weight: 18 },
    { arbitrary: junk, weight: 2 },
  );
  for (let depth = 0; depth < 3; depth++) {
    level = fc.oneof(
      { arbitrary: edits, weight: 18 },
      { arbitrary: junk, weight: 1 },
      { arbitrary: level.map((inner) => ({ text_config: inner })), weight: 1 },
    );
  }
  return level;
}

const mutatedConfig: fc.Arbitrary<unknown> = fc.oneof(...CONFIGS.map((config) => mutated(config)));

const randomInput: fc.Arbitrary<EstimateInput> = fc
  .record({
    format: fc.oneof(
      { arbitrary: fc.constantFrom<string>(...WEIGHT_FORMATS.map((w) => w.id)), weight: 9 },
      { arbitrary: fc.constantFrom("Q4", "", "q4_k_m", "<b>"), weight: 1 },
    ),
    contextTokens: fc.constantFrom<unknown>(
      1,
      512,
      4096,
      131072,
      1_000_000,
      0,
      -1,
      1.5,
      Number.NaN,
      "4096",
      2 ** 40,
    ),
    engine: sometimes(0.5, fc.constantFrom("llama.cpp", "vllm", "vLLM", "tgi")),
    kvCacheType: sometimes(0.5, fc.constantFrom("f16", "bf16", "q8_0", "q4_0", "fp8", "int4")),
    sequences: sometimes(0.3, fc.constantFrom<unknown>(1, 4, 256, 0, -2, 2.5)),
    ubatchTokens: sometimes(0.2, fc.constantFrom<unknown>(512, 1, 0, -1, 1e9)),
    flashAttention: sometimes(0.2, fc.constantFrom<unknown>(true, false, "yes", 1)),
  })
  // Options the roll left out are absent, not null.
  .map(
    (input) =>
      Object.fromEntries(
        Object.entries(input).filter(([, value]) => value !== null),
      ) as unknown as EstimateInput,
  );

function parses(config: unknown): boolean {
  try {
    parseConfig(config);
    return true;
  } catch {
    return false;
  }
}

function expectWholeBytes(value: number, what: string) {
  expect(Number.isFinite(value) && value >= 0 && Number.isInteger(value), `${what} = ${value}`).toBe(true);
}

const ARCHITECTURES = CONFIGS.map((config) => parseConfig(config));

describe(`estimator input fuzz (${RUNS} configs per property, ${CONFIGS.length} real architectures)`, () => {
  it("has real configs to start from", () => {
    expect(CONFIGS.length).toBeGreaterThanOrEqual(2);
  });

  it("the mutated configs reach both the accepted and the rejected path", () => {
    const sample = fc.sample(mutatedConfig, { seed: SEED, numRuns: 300 });
    const accepted = sample.filter(parses).length;
    expect(accepted).toBeGreaterThan(sample.length / 20);
    expect(sample.length - accepted).toBeGreaterThan(sample.length / 20);
  });

  it("parseConfig accepts a config or throws ConfigError naming the field", () => {
    fc.assert(
      fc.property(mutatedConfig, (config) => {
        let arch: ModelArchitecture;
        try {
          arch = parseConfig(config);
        } catch (error) {
          const described = `${String(error)} for ${JSON.stringify(config)?.slice(0, 300)}`;
          expect(error instanceof ConfigError, described).toBe(true);
          expect((error as ConfigError).field.length, described).toBeGreaterThan(0);
          expect((error as ConfigError).message.length, described).toBeGreaterThan(10);
          return;
        }
        const counted = countParameters(arch);
        expect(
          Number.isFinite(counted.total) && counted.total > 0,
          JSON.stringify(config).slice(0, 300),
        ).toBe(true);
        expect(
          counted.active <= counted.total,
          `active ${counted.active} > total ${counted.total}: ${JSON.stringify(config).slice(0, 1500)}`,
        ).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);

  it("the random inputs reach estimates, not only errors", () => {
    const sample = fc.sample(fc.tuple(fc.constantFrom(...ARCHITECTURES), randomInput), {
      seed: SEED,
      numRuns: 300,
    });
    const estimated = sample.filter(([arch, input]) => {
      try {
        estimateMemory(arch, input);
        return true;
      } catch {
        return false;
      }
    }).length;
    expect(estimated).toBeGreaterThan(sample.length / 10);
  });

  it("estimateMemory returns whole byte counts or throws RangeError with a message", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ARCHITECTURES), randomInput, (arch, input) => {
        let estimate: ReturnType<typeof estimateMemory>;
        try {
          estimate = estimateMemory(arch, input);
        } catch (error) {
          const described = `${String(error)} for ${JSON.stringify(input)}`;
          expect(error instanceof RangeError, described).toBe(true);
          expect((error as Error).message.length, described).toBeGreaterThan(10);
          return;
        }
        for (const [part, bytes] of Object.entries(estimate.bytes))
          expectWholeBytes(bytes, `${arch.modelType} ${part}`);
        expect(estimate.bytes.total).toBe(
          estimate.bytes.weights +
            estimate.bytes.kvCache +
            estimate.bytes.recurrentState +
            estimate.bytes.compute +
            estimate.bytes.overhead,
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});
