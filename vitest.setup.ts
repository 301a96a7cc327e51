// One seed for every fast-check property, so a run is reproducible: FUZZ_SEED=<n> explores other inputs, and a
// failure prints the seed and path that replay it.
import { fc } from "@fast-check/vitest";

fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? 20261128) });
