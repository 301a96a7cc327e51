// The log reader on real engine output (testdata/SOURCES.md names where each excerpt comes from).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLog } from "./log-reader";

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;
const log = (name: string) => readFileSync(join(__dirname, "testdata", name), "utf8");

function reading(name: string) {
  const r = readLog(log(name));
  if (!r.ok) throw new Error(r.message);
  return r.reading;
}

describe("llama.cpp buffer lines (Ollama, Llama 3.1 8B Q4_K_M, RTX 4090)", () => {
  const r = reading("ollama-llama-3.1-8b-q4_k_m-4090.log");
  it("sums the model buffers over devices", () => {
    expect(r.engine).toBe("llama.cpp");
    expect(r.basis).toBe("buffer lines");
    expect(r.terms.weights?.devices).toEqual([
      { device: "CPU", bytes: Math.round(281.81 * MIB) },
      { device: "CUDA0", bytes: Math.round(4403.49 * MIB) },
    ]);
    expect(r.terms.weights?.bytes).toBe(Math.round(281.81 * MIB) + Math.round(4403.49 * MIB));
  });
  it("reads the KV buffer and both compute buffers", () => {
    expect(r.terms.kvCache?.bytes).toBe(1024 * MIB);
    expect(r.terms.compute?.devices.map((d) => d.device)).toEqual(["CUDA0", "CUDA_Host"]);
    expect(r.terms.compute?.bytes).toBe(560 * MIB + Math.round(24.01 * MIB));
  });
  it("reads the settings the run used", () => {
    expect(r.settings).toMatchObject({
      format: "Q4_K_M",
      contextTokens: 8192,
      sequences: 4,
      ubatchTokens: 512,
      flashAttention: false,
      kvCacheType: "f16",
      modelName: "Meta Llama 3.1 8B Instruct",
    });
  });
});

describe("llama.cpp memory breakdown tables", () => {
  it("reads model / context / compute per device when there are no buffer lines (llama.cpp #19437)", () => {
    const r = reading("llama-cpp-issue-19437-breakdown.log");
    expect(r.basis).toBe("memory breakdown");
    expect(r.terms.weights?.bytes).toBe((9814 + 166) * MIB);
    expect(r.terms.kvCache?.bytes).toBe(134 * MIB);
    expect(r.terms.compute?.bytes).toBe((51 + 30) * MIB);
  });
  it("sums several GPUs and the host (Ollama PR #16031)", () => {
    const r = reading("ollama-pr-16031-two-gpus.log");
    expect(r.terms.compute?.devices.map((d) => [d.device, d.bytes / MIB])).toEqual([
      ["CUDA0 (RTX 5090)", 4205],
      ["CUDA1 (RTX 3090)", 1292],
      ["Host", 2088],
    ]);
    expect(r.terms.kvCache?.bytes).toBe((15360 + 21504) * MIB);
    expect(r.terms.weights?.bytes).toBe((1177 + 1502) * MIB);
  });
});

describe("vLLM start-up lines (Llama 3.1 8B BF16, A100 40GB)", () => {
  const r = reading("vllm-llama-3.1-8b-bf16-a100.log");
  it("reads weights, KV memory and the KV token count", () => {
    expect(r.engine).toBe("vllm");
    expect(r.terms.weights?.bytes).toBe(Math.round(14.99 * GIB));
    expect(r.terms.kvCache?.bytes).toBe(Math.round(19.28 * GIB));
    expect(r.settings.kvCacheTokens).toBe(157936);
  });
  it("reads dtype, quantization and max model length as settings", () => {
    expect(r.settings).toMatchObject({
      format: "BF16",
      kvCacheType: "bf16",
      contextTokens: 131072,
      tensorParallel: 1,
    });
  });
  it("says that this vLLM version prints no activation peak", () => {
    expect(r.terms.compute).toBeNull();
    expect(r.notes.join(" ")).toMatch(/torch peak memory increase/);
  });
});

describe("logs it cannot read", () => {
  it.each([
    ["", /empty/],
    ["hello world\nnothing here", /not a llama\.cpp or vLLM start-up log/],
    [
      "llama_context: n_ctx = 4096\nllama_context: n_seq_max = 1",
      /no memory lines found: paste the lines with 'model buffer size'/,
    ],
  ])("%j gets a message naming what is missing", (text, message) => {
    const r = readLog(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
  it("never throws on non-string input", () => {
    expect(readLog(undefined).ok).toBe(false);
    expect(readLog(42).ok).toBe(false);
  });
});

describe("readLog on hostile input", () => {
  it("refuses a paste past the size limit with one short message", () => {
    const text = "load_tensors: CUDA0 model buffer size = 1.00 MiB\n".repeat(50_000);
    const result = readLog(text);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toMatch(/characters long; paste the start-up lines only \(up to 2,000,000\)/);
  });
});
