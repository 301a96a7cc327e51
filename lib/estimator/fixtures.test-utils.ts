// Test-only helper: loads real config.json files. Excluded from the purity guard (tests may read files).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseConfig, parseJsonInput, type ModelArchitecture } from "./index";

const ROOT = join(__dirname, "..", "..");

/** A verbatim HF config from lib/validation/fixtures/configs (see SOURCES.md there). */
export function fixtureConfig(name: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, "lib/validation/fixtures/configs", `${name}.json`), "utf8"));
}

/** A config file read as the CLI reads it: Python's bare Infinity / NaN accepted (Nemotron-H configs have them). */
export function readConfigFile(file: string): unknown {
  return parseJsonInput(readFileSync(file, "utf8"));
}

/** A config from lib/estimator/testdata (see SOURCES.md there). */
export function testdataConfig(name: string): unknown {
  return readConfigFile(join(__dirname, "testdata", `${name}.json`));
}

export function fixtureArch(name: string): ModelArchitecture {
  return parseConfig(fixtureConfig(name));
}

export function testdataArch(name: string): ModelArchitecture {
  return parseConfig(testdataConfig(name));
}

export const FIXTURE_DIR = join(ROOT, "lib/validation/fixtures/configs");
export const TESTDATA_DIR = join(__dirname, "testdata");
