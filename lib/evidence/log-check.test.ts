// Estimate against measured on the same real logs. Tolerances are the evidence this test gives: weights and KV
// cache within 0.5 %; the llama.cpp compute buffer is reported, not asserted (see the note in the test).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/estimator";
import { checkLog } from "./log-check";

const dir = join(__dirname, "testdata");
const arch = parseConfig(JSON.parse(readFileSync(join(dir, "llama-3.1-8b-instruct.config.json"), "utf8")));
const check = (name: string) => {
  const r = checkLog(arch, readFileSync(join(dir, name), "utf8"));
  if (!r.ok) throw new Error(r.message);
  return r.check;
};
const within = (estimated: number, measured: number | null, share: number) => {
  expect(measured).not.toBeNull();
  expect(Math.abs(estimated - measured!) / measured!).toBeLessThan(share);
};

describe("checkLog", () => {
  it("llama.cpp: rebuilds -c 8192 -np 4 as 2048 tokens × 4 sequences and matches weights and KV", () => {
    const c = check("ollama-llama-3.1-8b-q4_k_m-4090.log");
    expect(c.input).toMatchObject({
      format: "Q4_K_M",
      contextTokens: 2048,
      sequences: 4,
      flashAttention: false,
    });
    within(c.terms.weights.estimated, c.terms.weights.measured, 0.005);
    within(c.terms.kvCache.estimated, c.terms.kvCache.measured, 0.005);
    // This 2024 build kept one unified KV cache, so without flash attention its KQ buffer spans all 8192 cells;
    // the estimator follows today's per-sequence streams. Measured stays beside the estimate, both reported.
    expect(c.terms.compute.measured).toBe(560 * 1024 ** 2 + Math.round(24.01 * 1024 ** 2));
  });
  it("vLLM: compares the KV bytes of the tokens vLLM reports, and weights", () => {
    const c = check("vllm-llama-3.1-8b-bf16-a100.log");
    expect(c.input).toMatchObject({ engine: "vllm", format: "BF16", contextTokens: 157936 });
    within(c.terms.weights.estimated, c.terms.weights.measured, 0.005);
    within(c.terms.kvCache.estimated, c.terms.kvCache.measured, 0.005);
    expect(c.terms.compute.measured).toBeNull();
  });
  it("names the missing setting when the log has no file type", () => {
    const r = checkLog(arch, readFileSync(join(dir, "llama-cpp-issue-19437-breakdown.log"), "utf8"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/weight format/);
  });
});
