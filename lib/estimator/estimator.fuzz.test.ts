// Fuzzing the estimator's inputs, seeded: random and malformed config.json objects (real configs from the catalog
// with fields removed, retyped or blown up) and random estimate inputs. The documented failures are ConfigError
// (naming the field) from parseConfig and RangeError (with a message) from estimateMemory; nothing else may escape,
// and every estimate that is returned is made of finite, non-negative whole byte counts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, WEIGHT_FORMATS, countParameters, estimateMemory, parseConfig } from "@/lib/estimator";
import { readConfigFile } from "@/lib/estimator/fixtures.test-utils";
import type { EstimateInput, ModelArchitecture } from "@/lib/estimator";
import { Fuzzer, HOSTILE_STRINGS, RUNS, SEED } from "../fuzz/prng";

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

function junk(f: Fuzzer): unknown {
  return f.pick<unknown>([
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
    f.pick(HOSTILE_STRINGS),
  ]);
}

function mutate(f: Fuzzer, original: Record<string, unknown>): unknown {
  const roll = f.int(0, 19);
  if (roll === 0) return junk(f); // not an object at all
  if (roll === 1) return { text_config: mutate(f, original) }; // nested, as multimodal configs are
  const config: Record<string, unknown> = structuredClone(original);
  const keys = Object.keys(config);
  for (let i = f.int(1, 4); i > 0; i--) {
    const key = f.bool(0.9) ? f.pick(keys) : f.pick(HOSTILE_STRINGS);
    const action = f.int(0, 3);
    if (action === 0) delete config[key];
    else if (action === 1) config[key] = junk(f);
    else if (action === 2 && typeof config[key] === "number")
      config[key] = (config[key] as number) * f.pick([0, -1, 1000, 1e9]);
    else config[key] = junk(f);
  }
  if (f.bool(0.05))
    return JSON.parse(`{"__proto__": {"num_hidden_layers": 1}, ${JSON.stringify(config).slice(1)}`);
  return config;
}

function randomInput(f: Fuzzer): EstimateInput {
  const input: Record<string, unknown> = {
    format: f.bool(0.9) ? f.pick(WEIGHT_FORMATS).id : f.pick(["Q4", "", "q4_k_m", "<b>"]),
    contextTokens: f.pick<unknown>([
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
    ]),
  };
  if (f.bool(0.5)) input.engine = f.pick(["llama.cpp", "vllm", "vLLM", "tgi"]);
  if (f.bool(0.5)) input.kvCacheType = f.pick(["f16", "bf16", "q8_0", "q4_0", "fp8", "int4"]);
  if (f.bool(0.3)) input.sequences = f.pick<unknown>([1, 4, 256, 0, -2, 2.5]);
  if (f.bool(0.2)) input.ubatchTokens = f.pick<unknown>([512, 1, 0, -1, 1e9]);
  if (f.bool(0.2)) input.flashAttention = f.pick<unknown>([true, false, "yes", 1]);
  return input as unknown as EstimateInput;
}

function expectWholeBytes(value: number, what: string) {
  expect(Number.isFinite(value) && value >= 0 && Number.isInteger(value), `${what} = ${value}`).toBe(true);
}

describe(`estimator input fuzz (seed ${SEED}, ${RUNS} configs, ${CONFIGS.length} real architectures)`, () => {
  it("has real configs to start from", () => {
    expect(CONFIGS.length).toBeGreaterThanOrEqual(2);
  });

  it("parseConfig accepts a config or throws ConfigError naming the field", () => {
    const f = new Fuzzer(SEED + 20);
    let accepted = 0;
    let rejected = 0;
    for (let run = 0; run < RUNS; run++) {
      const config = mutate(f, f.pick(CONFIGS));
      let arch: ModelArchitecture;
      try {
        arch = parseConfig(config);
      } catch (error) {
        const described = `${String(error)} for ${JSON.stringify(config)?.slice(0, 300)}`;
        expect(error instanceof ConfigError, described).toBe(true);
        expect((error as ConfigError).field.length, described).toBeGreaterThan(0);
        expect((error as ConfigError).message.length, described).toBeGreaterThan(10);
        rejected++;
        continue;
      }
      accepted++;
      const counted = countParameters(arch);
      expect(Number.isFinite(counted.total) && counted.total > 0, JSON.stringify(config).slice(0, 300)).toBe(
        true,
      );
      expect(
        counted.active <= counted.total,
        `active ${counted.active} > total ${counted.total}: ${JSON.stringify(config).slice(0, 1500)}`,
      ).toBe(true);
    }
    // Both paths were exercised.
    expect(accepted).toBeGreaterThan(RUNS / 20);
    expect(rejected).toBeGreaterThan(RUNS / 20);
  }, 120_000);

  it("estimateMemory returns whole byte counts or throws RangeError with a message", () => {
    const f = new Fuzzer(SEED + 21);
    const architectures = CONFIGS.map((config) => parseConfig(config));
    let estimates = 0;
    for (let run = 0; run < RUNS; run++) {
      const arch = f.pick(architectures);
      const input = randomInput(f);
      try {
        const estimate = estimateMemory(arch, input);
        for (const [part, bytes] of Object.entries(estimate.bytes))
          expectWholeBytes(bytes, `${arch.modelType} ${part}`);
        expect(estimate.bytes.total).toBe(
          estimate.bytes.weights +
            estimate.bytes.kvCache +
            estimate.bytes.recurrentState +
            estimate.bytes.compute +
            estimate.bytes.overhead,
        );
        estimates++;
      } catch (error) {
        const described = `${String(error)} for ${JSON.stringify(input)}`;
        expect(error instanceof RangeError, described).toBe(true);
        expect((error as Error).message.length, described).toBeGreaterThan(10);
      }
    }
    expect(estimates).toBeGreaterThan(RUNS / 10);
  }, 120_000);
});
