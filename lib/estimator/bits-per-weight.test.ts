// Checked against real GGUF files: 8 × file bytes ÷ parameters of Llama 3.1 8B (file sizes and their sources in
// lib/validation/fixtures/gguf-sizes.json: llama.cpp tools/quantize README, LM Studio and GPT4All catalogs).
import { describe, expect, it } from "vitest";
import config from "@/lib/validation/fixtures/configs/Llama-3.1-8B-Instruct.json";
import ggufSizes from "@/lib/validation/fixtures/gguf-sizes.json";
import { averageBitsPerWeight } from "./bits-per-weight";
import { parseConfig } from "./config";
import { countParameters } from "./parameters";
import type { WeightFormat } from "./formats";

const arch = parseConfig(config);
const parameters = countParameters(arch).total;

// A GGUF file also holds metadata and the tokenizer (a few MB): ±1.5 % covers that and the rounding of the sources.
const TOLERANCE = 0.015;

describe("averageBitsPerWeight", () => {
  const files = ggufSizes.filter(
    (row) => row.config === "Llama-3.1-8B-Instruct.json" && row.model.includes("8B") && row.format !== null,
  );
  it("has real files to check against", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });
  for (const file of files) {
    it(`${file.format} of Llama 3.1 8B matches the file (${file.model})`, () => {
      const fromFile = (8 * file.bytes) / parameters;
      const estimated = averageBitsPerWeight(arch, file.format as WeightFormat);
      expect(Math.abs(estimated - fromFile) / fromFile).toBeLessThanOrEqual(TOLERANCE);
    });
  }

  it("tells Q4_K_M, Q4_K_S and Q4_0 apart at two decimals (all are nominally 4.5)", () => {
    const shown = (["Q4_K_M", "Q4_K_S", "Q4_0"] as const).map((f) =>
      averageBitsPerWeight(arch, f).toFixed(2),
    );
    expect(new Set(shown).size).toBe(3);
  });
});
