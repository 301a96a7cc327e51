import { describe, expect, it } from "vitest";
import {
  buildLaunchCommand,
  ggufFileName,
  needsFlashAttention,
  shellQuote,
  vllmGpuMemoryUtilization,
} from "@/features/calculator/launch-command";
import type { LaunchCommandInput } from "@/features/calculator/launch-command";
import { GIB, parseConfig, planPlacement } from "@/lib/estimator";
import { LLAMA_3_1_8B_CONFIG } from "./fixtures.test-utils";

const LLAMA_8B = parseConfig(LLAMA_3_1_8B_CONFIG);

const MIXTRAL = parseConfig({
  model_type: "mixtral",
  hidden_size: 4096,
  intermediate_size: 14336,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  num_local_experts: 8,
  num_experts_per_tok: 2,
  vocab_size: 32000,
  max_position_embeddings: 32768,
  tie_word_embeddings: false,
});

function base(overrides: Partial<LaunchCommandInput> = {}): LaunchCommandInput {
  return {
    engine: "llama.cpp",
    format: "Q4_K_M",
    contextTokens: 8192,
    kvCacheType: "f16",
    sequences: 1,
    gpuCount: 1,
    huggingFaceId: "meta-llama/Llama-3.1-8B-Instruct",
    attentionHeads: 32,
    placement: {
      fits: true,
      fitsInGpuOnly: true,
      gpuLayers: 32,
      totalLayers: 32,
      offloadedExpertLayers: 0,
      perDeviceBytes: [6 * GIB],
    },
    gpuMemoryBytes: 24 * GIB,
    ...overrides,
  };
}

/** Value following a flag in the argument list. */
function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i < 0 ? undefined : argv[i + 1];
}

describe("download note", () => {
  it("chooses the article by how the format is read: an IQ2_XXS, a Q4_K_M, an F16", () => {
    const note = (format: LaunchCommandInput["format"]) => buildLaunchCommand(base({ format })).notes[0];
    expect(note("IQ2_XXS")).toBe(
      "Download an IQ2_XXS GGUF of meta-llama/Llama-3.1-8B-Instruct and point -m at it.",
    );
    expect(note("Q4_K_M")).toMatch(/^Download a Q4_K_M GGUF/);
    expect(note("F16")).toMatch(/^Download an F16 GGUF/);
    expect(note("BF16")).toMatch(/^Download a BF16 GGUF/);
  });
});

describe("shellQuote", () => {
  it("leaves plain arguments alone and single-quotes the rest", () => {
    expect(shellQuote("meta-llama/Llama-3.1-8B")).toBe("meta-llama/Llama-3.1-8B");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("$(rm -rf ~)")).toBe("'$(rm -rf ~)'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote("")).toBe("''");
  });
});

describe("ggufFileName", () => {
  it("joins the repository name and the format", () => {
    expect(ggufFileName("meta-llama/Llama-3.1-8B-Instruct", "Q4_K_M")).toBe(
      "Llama-3.1-8B-Instruct-Q4_K_M.gguf",
    );
    expect(ggufFileName(null, "Q8_0")).toBe("model-Q8_0.gguf");
  });
});

describe("llama.cpp command", () => {
  it("states file, context, GPU layers, cache types and slots", () => {
    const cmd = buildLaunchCommand(base());
    expect(cmd.argv.slice(0, 3)).toEqual(["llama-server", "-m", "Llama-3.1-8B-Instruct-Q4_K_M.gguf"]);
    expect(flag(cmd.argv, "-c")).toBe("8192");
    // all 32 repeating layers plus the output layer
    expect(flag(cmd.argv, "-ngl")).toBe("33");
    expect(flag(cmd.argv, "--cache-type-k")).toBe("f16");
    expect(flag(cmd.argv, "--cache-type-v")).toBe("f16");
    expect(flag(cmd.argv, "-np")).toBe("1");
    expect(cmd.argv).not.toContain("-fa");
    expect(cmd.argv).not.toContain("--n-cpu-moe");
    expect(cmd.argv).not.toContain("--tensor-split");
    expect(cmd.command).toBe(cmd.argv.join(" "));
    expect(cmd.command).not.toMatch(/\n/);
  });

  it("gives -c the context of all parallel sequences together", () => {
    const cmd = buildLaunchCommand(base({ contextTokens: 4096, sequences: 4 }));
    expect(flag(cmd.argv, "-c")).toBe(String(4096 * 4));
    expect(flag(cmd.argv, "-np")).toBe("4");
  });

  it("turns flash attention on for a quantized V cache", () => {
    for (const kv of ["q8_0", "q4_0"] as const) {
      const cmd = buildLaunchCommand(base({ kvCacheType: kv }));
      expect(flag(cmd.argv, "--cache-type-v")).toBe(kv);
      expect(flag(cmd.argv, "-fa")).toBe("on");
      expect(needsFlashAttention(kv)).toBe(true);
    }
    expect(buildLaunchCommand(base({ kvCacheType: "bf16" })).argv).not.toContain("-fa");
  });

  it("offloads the layers the placement keeps on the CPU", () => {
    const placement = planPlacement(
      LLAMA_8B,
      { format: "BF16", contextTokens: 8192 },
      { gpuMemoryBytes: 8 * GIB, gpuCount: 1, systemRamBytes: 64 * GIB },
    );
    expect(placement.fits).toBe(true);
    expect(placement.fitsInGpuOnly).toBe(false);
    expect(placement.gpuLayers).toBeLessThan(32);
    const cmd = buildLaunchCommand(base({ format: "BF16", placement, gpuMemoryBytes: 8 * GIB }));
    expect(flag(cmd.argv, "-ngl")).toBe(String(placement.gpuLayers));
    expect(cmd.notes.join(" ")).toMatch(new RegExp(`${32 - placement.gpuLayers} of 32 layers`));
  });

  it("keeps MoE experts in system RAM with --n-cpu-moe", () => {
    const placement = planPlacement(
      MIXTRAL,
      { format: "Q4_K_M", contextTokens: 8192 },
      { gpuMemoryBytes: 16 * GIB, gpuCount: 1, systemRamBytes: 64 * GIB },
    );
    expect(placement.offloadedExpertLayers).toBeGreaterThan(0);
    const cmd = buildLaunchCommand(
      base({ huggingFaceId: "mistralai/Mixtral-8x7B-Instruct-v0.1", placement }),
    );
    expect(flag(cmd.argv, "--n-cpu-moe")).toBe(String(placement.offloadedExpertLayers));
    expect(flag(cmd.argv, "-ngl")).toBe(placement.gpuLayers === 32 ? "33" : String(placement.gpuLayers));
  });

  it("splits evenly over several GPUs", () => {
    const cmd = buildLaunchCommand(base({ gpuCount: 3 }));
    expect(flag(cmd.argv, "--tensor-split")).toBe("1,1,1");
  });

  it("warns when nothing fits and names a custom model's file", () => {
    const cmd = buildLaunchCommand(
      base({
        huggingFaceId: null,
        placement: {
          fits: false,
          fitsInGpuOnly: false,
          gpuLayers: 0,
          totalLayers: 32,
          offloadedExpertLayers: 0,
          perDeviceBytes: [1],
        },
      }),
    );
    expect(flag(cmd.argv, "-m")).toBe("model-Q4_K_M.gguf");
    expect(cmd.notes.join(" ")).toMatch(/does not fit/);
    expect(cmd.notes.join(" ")).toMatch(/convert_hf_to_gguf/);
  });
});

describe("vLLM command", () => {
  const vllm = (o: Partial<LaunchCommandInput> = {}) =>
    buildLaunchCommand(base({ engine: "vllm", format: "BF16", ...o }));

  it("serves the Hugging Face repository with the estimate's settings", () => {
    const cmd = vllm({ contextTokens: 32768, gpuCount: 2, sequences: 8 });
    expect(cmd.argv.slice(0, 3)).toEqual(["vllm", "serve", "meta-llama/Llama-3.1-8B-Instruct"]);
    expect(flag(cmd.argv, "--max-model-len")).toBe("32768");
    expect(flag(cmd.argv, "--tensor-parallel-size")).toBe("2");
    expect(flag(cmd.argv, "--kv-cache-dtype")).toBe("auto");
    expect(flag(cmd.argv, "--max-num-seqs")).toBe("8");
    expect(flag(cmd.argv, "--dtype")).toBe("bfloat16");
    expect(flag(cmd.argv, "--gpu-memory-utilization")).toBe("0.90");
  });

  it("uses fp8 for an fp8 cache and on-the-fly FP8 weights", () => {
    const cmd = vllm({ format: "FP8", kvCacheType: "fp8" });
    expect(flag(cmd.argv, "--kv-cache-dtype")).toBe("fp8");
    expect(flag(cmd.argv, "--quantization")).toBe("fp8");
  });

  it("asks for a pre-quantized checkpoint for AWQ, GPTQ and INT8", () => {
    for (const format of ["AWQ-INT4", "GPTQ-INT4", "INT8"] as const) {
      const cmd = vllm({ format });
      expect(cmd.argv[2]).toBe(`path/to/Llama-3.1-8B-Instruct-${format}`);
      expect(cmd.notes.join(" ")).toContain("meta-llama/Llama-3.1-8B-Instruct");
    }
  });

  it("raises --gpu-memory-utilization when the estimate needs more than 90%", () => {
    // 23 of 24 GiB is 95.8%, rounded up to 96%.
    const cmd = vllm({ placement: { ...base().placement, perDeviceBytes: [23 * GIB, 23 * GIB] } });
    expect(flag(cmd.argv, "--gpu-memory-utilization")).toBe("0.96");
  });

  it("warns when the heads do not divide over the GPUs or nothing fits", () => {
    const cmd = vllm({ gpuCount: 3, placement: { ...base().placement, fits: false, fitsInGpuOnly: false } });
    const notes = cmd.notes.join(" ");
    expect(notes).toMatch(/32 attention heads/);
    expect(notes).toMatch(/does not fit/);
  });
});

describe("vllmGpuMemoryUtilization", () => {
  it("uses the needed fraction rounded up, between 0.90 and 0.98", () => {
    expect(vllmGpuMemoryUtilization(12 * GIB, 24 * GIB)).toBe(0.9);
    expect(vllmGpuMemoryUtilization(22 * GIB, 24 * GIB)).toBe(0.92); // 91.67% → 0.92
    expect(vllmGpuMemoryUtilization(24 * GIB, 24 * GIB)).toBe(0.98);
    expect(vllmGpuMemoryUtilization(1, 0)).toBe(0.9);
  });
});

describe("llama.cpp's own fitting", () => {
  it("llama.cpp commands mention --fit / llama-fit-params; vLLM commands do not", () => {
    expect(buildLaunchCommand(base({ engine: "llama.cpp" })).notes.join(" ")).toMatch(
      /--fit.*llama-fit-params/,
    );
    expect(
      buildLaunchCommand(base({ engine: "vllm", format: "BF16", kvCacheType: "bf16" })).notes.join(" "),
    ).not.toMatch(/--fit/);
  });
});

describe("mlx-lm commands", () => {
  // Flag names as mlx_lm/convert.py and mlx_lm/server.py declare them (ml-explore/mlx-lm, argparse).
  const CONVERT_FLAGS = new Set([
    "--hf-path",
    "--model",
    "--mlx-path",
    "-q",
    "--quantize",
    "--q-group-size",
    "--q-bits",
    "--q-mode",
    "--quant-predicate",
    "--dtype",
    "--upload-repo",
    "-d",
    "--dequantize",
    "--trust-remote-code",
  ]);
  const SERVER_FLAGS = new Set([
    "--model",
    "--adapter-path",
    "--host",
    "--port",
    "--allowed-origins",
    "--draft-model",
    "--num-draft-tokens",
    "--trust-remote-code",
    "--log-level",
    "--chat-template",
    "--use-default-chat-template",
    "--temp",
    "--top-p",
    "--top-k",
    "--min-p",
    "--max-tokens",
    "--chat-template-args",
    "--decode-concurrency",
    "--prompt-concurrency",
    "--prefill-step-size",
    "--prompt-cache-size",
    "--prompt-cache-bytes",
    "--pipeline",
  ]);
  const mlx = (overrides: Partial<LaunchCommandInput> = {}) =>
    buildLaunchCommand(
      base({ engine: "mlx", format: "MLX-4bit", huggingFaceId: "Qwen/Qwen3-8B", ...overrides }),
    );

  it("converts once at 4 bits in groups of 64, then serves the folder", () => {
    const command = mlx({ cacheBytes: 1_207_959_552 });
    expect(command.prepare?.command).toBe(
      "mlx_lm.convert --hf-path Qwen/Qwen3-8B -q --q-bits 4 --q-group-size 64 --mlx-path Qwen3-8B-MLX-4bit",
    );
    expect(command.command).toBe(
      "mlx_lm.server --model Qwen3-8B-MLX-4bit --port 8080 --decode-concurrency 1 --prompt-concurrency 1 --prompt-cache-bytes 1208MB",
    );
  });

  it("uses only flags mlx-lm declares, and no llama.cpp or vLLM flag", () => {
    for (const format of ["MLX-3bit", "MLX-6bit", "MLX-8bit", "F16", "BF16"] as const) {
      const command = mlx({ format, sequences: 4, gpuCount: 2, cacheBytes: 5e9 });
      for (const arg of command.prepare?.argv ?? [])
        if (arg.startsWith("-")) expect(CONVERT_FLAGS).toContain(arg);
      for (const arg of command.argv) if (arg.startsWith("-")) expect(SERVER_FLAGS).toContain(arg);
      expect(command.command).not.toMatch(
        /-ngl|--n-cpu-moe|--tensor-split|--cache-type|--gpu-memory-utilization/,
      );
    }
  });

  it("passes the bits of each format and the sequences", () => {
    expect(flag(mlx({ format: "MLX-6bit" }).prepare!.argv, "--q-bits")).toBe("6");
    expect(flag(mlx({ format: "MLX-3bit" }).prepare!.argv, "--q-bits")).toBe("3");
    expect(flag(mlx({ sequences: 4 }).argv, "--decode-concurrency")).toBe("4");
  });

  it("serves the released BF16 checkpoint directly and converts F16 without quantizing", () => {
    const bf16 = mlx({ format: "BF16" });
    expect(bf16.prepare).toBeNull();
    expect(bf16.command).toMatch(/^mlx_lm\.server --model Qwen\/Qwen3-8B /);
    expect(mlx({ format: "F16" }).prepare?.argv).toEqual([
      "mlx_lm.convert",
      "--hf-path",
      "Qwen/Qwen3-8B",
      "--dtype",
      "float16",
      "--mlx-path",
      "Qwen3-8B-F16",
    ]);
  });

  it("says when it does not fit (MLX has no offload) and that the server has no context limit", () => {
    const placement = { ...base().placement, fits: false, fitsInGpuOnly: false };
    const notes = mlx({ placement, contextTokens: 32768 }).notes.join(" ");
    expect(notes).toContain("MLX has no offload");
    expect(notes).toContain("within 32,768 tokens");
  });

  it("asks for rope_scaling in config.json past the native context (Qwen3: 40,960), and only then", () => {
    const yarn = (contextTokens: number) =>
      mlx({ contextTokens, nativeContextTokens: 40960 }).notes.filter((n) => n.includes("rope_scaling"));
    expect(yarn(40960)).toEqual([]);
    expect(yarn(131072)).toEqual([
      "131,072 tokens is past the model's native 40,960: add the rope_scaling (YaRN) block from its model card to config.json in Qwen3-8B-MLX-4bit; mlx-lm has no flag for it.",
    ]);
  });

  it("points a pasted config at a placeholder", () => {
    expect(mlx({ huggingFaceId: null }).prepare?.command).toContain("--hf-path path/to/model");
  });
});
