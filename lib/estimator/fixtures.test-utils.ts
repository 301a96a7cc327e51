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

/**
 * The Llama 4 text config fields Scout and Maverick share (Scout: the Llama4Config printout of Llama-4-Scout-17B-16E;
 * Maverick: TensorRT-LLM's LLAMA_4_MAVERICK config with its 48 layers restored). Each test adds the expert count,
 * the MoE interleave step and the context length of its model.
 */
export const LLAMA4_TEXT_CONFIG = {
  model_type: "llama4_text",
  hidden_size: 5120,
  intermediate_size: 8192,
  intermediate_size_mlp: 16384,
  num_hidden_layers: 48,
  num_attention_heads: 40,
  num_key_value_heads: 8,
  head_dim: 128,
  vocab_size: 202048,
  num_experts_per_tok: 1,
  attention_chunk_size: 8192,
} as const;
