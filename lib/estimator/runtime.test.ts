import { describe, expect, it } from "vitest";
import {
  CUDA_CONTEXT_BYTES,
  VLLM_CUDA_GRAPH_BYTES,
  VLLM_MAX_NUM_BATCHED_TOKENS,
  VLLM_MAX_NUM_SEQS,
  computeBytes,
  llamaCppComputeBytes,
  llamaCppComputeParts,
  overheadBytesPerGpu,
  vllmActivationBytes,
} from "./index";
import { fixtureArch } from "./fixtures.test-utils";

const MiB = 1024 * 1024;
const a = fixtureArch("Llama-3.1-8B-Instruct");

describe("llama.cpp compute buffer", () => {
  it("with flash attention the logits of one ubatch dominate: n_vocab × n_ubatch × 4 B (+ one hidden row)", () => {
    expect(llamaCppComputeBytes(a, { contextTokens: 4096 })).toBe(128256 * 512 * 4 + 4096 * 512 * 4);
  });

  it("with flash attention it does not grow with context", () => {
    expect(llamaCppComputeBytes(a, { contextTokens: 4096 })).toBe(
      llamaCppComputeBytes(a, { contextTokens: 131072 }),
    );
  });

  it("grows linearly with n_ubatch", () => {
    expect(llamaCppComputeBytes(a, { contextTokens: 8192, ubatchTokens: 1024 })).toBe(
      2 * llamaCppComputeBytes(a, { contextTokens: 8192, ubatchTokens: 512 }),
    );
  });

  it("n_ubatch is capped by the requested context (n_batch = min(n_ctx, n_batch))", () => {
    expect(llamaCppComputeBytes(a, { contextTokens: 100 })).toBe(
      llamaCppComputeBytes(a, { contextTokens: 4096, ubatchTokens: 100 }),
    );
  });

  it("without flash attention the KQ scores (n_ctx × n_ubatch × n_head × f32) grow with context", () => {
    const c4 = llamaCppComputeBytes(a, { contextTokens: 4096, flashAttention: false });
    const c8 = llamaCppComputeBytes(a, { contextTokens: 8192, flashAttention: false });
    expect(c8 - c4).toBe(4096 * 512 * 32 * 4);
    // a llama.cpp log for Llama 3.1 8B (n_ctx 8192 cells, n_ubatch 512, flash_attn 0) printed
    // "CUDA0 compute buffer size = 560.00 MiB": the KQ term alone is 8192 × 512 × 32 × 4 B = 512 MiB
    const c8single = llamaCppComputeBytes(a, { contextTokens: 8192, flashAttention: false });
    expect(Math.abs(c8single / (560 * MiB) - 1)).toBeLessThan(0.05);
    expect(c4).toBeGreaterThan(llamaCppComputeBytes(a, { contextTokens: 4096 }));
  });

  it("DeepSeek-V3 without flash attention at 32768 tokens: KQ of 128 heads dominates (ik_llama.cpp log: 8470.00 MiB)", () => {
    // ik_llama.cpp PR #259: DeepSeek-R1 (V3 architecture), n_ctx 32768, flash_attn off,
    // "CUDA0 compute buffer size = 8470.00 MiB" (n_ubatch not printed; llama.cpp's default 512 assumed)
    const ds = fixtureArch("DeepSeek-V3");
    const est = llamaCppComputeBytes(ds, { contextTokens: 32768, flashAttention: false });
    expect(Math.abs(est / (8470 * MiB) - 1)).toBeLessThan(0.03);
  });

  it("a GPU without the output head only needs the per-layer buffer", () => {
    const p = llamaCppComputeParts(a, { contextTokens: 4096 });
    expect(p.layersOnly).toBeLessThan(p.withOutput);
    // FFN phase: gate + up (2 × 14336) and three hidden rows, f32, per ubatch token
    expect(p.layersOnly).toBe((2 * 14336 + 3 * 4096) * 512 * 4);
  });
});

describe("vLLM activation peak and overhead", () => {
  it("profiling pass of max_num_batched_tokens plus sampler logits/probs for max_num_seqs rows", () => {
    const expected =
      VLLM_MAX_NUM_BATCHED_TOKENS * 2 * (3 * 4096 + 3 * 14336) + 2 * VLLM_MAX_NUM_SEQS * 128256 * 4;
    expect(vllmActivationBytes(a)).toBe(expected);
    expect(computeBytes(a, { contextTokens: 4096, engine: "vllm" })).toBe(expected);
  });

  it("calibration: Meta-Llama-3-8B profiled with 8192 batched tokens reported 'PyTorch activation peak memory 1.26GiB'", () => {
    // vllm PR #10511 (memory profiling overhaul) sanity log; Llama 3 8B has the shapes of the Llama 3.1 8B config.
    // In that V0 build the profiling batch was max_model_len = 8192 tokens (chunked prefill off).
    const est = vllmActivationBytes(a, 1, 8192);
    expect(Math.abs(est / (1.26 * 1024 ** 3) - 1)).toBeLessThan(0.2);
  });

  it("tensor parallelism shards the FFN activations but not the hidden rows or sampler", () => {
    const one = vllmActivationBytes(a, 1);
    const two = vllmActivationBytes(a, 2);
    expect(one - two).toBe((VLLM_MAX_NUM_BATCHED_TOKENS * 2 * 3 * 14336) / 2);
  });

  it("per-GPU overhead: CUDA context, plus the CUDA-graph pool for vLLM", () => {
    expect(overheadBytesPerGpu("llama.cpp")).toBe(CUDA_CONTEXT_BYTES);
    expect(overheadBytesPerGpu("vllm")).toBe(CUDA_CONTEXT_BYTES + VLLM_CUDA_GRAPH_BYTES);
    expect(CUDA_CONTEXT_BYTES).toBe(330 * MiB);
  });
});
