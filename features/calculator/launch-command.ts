// Launch commands for the calculator: llama-server, vllm serve and mlx_lm.server lines that match the estimate's settings and the
// placement lib/estimator chose (GPU layers, MoE experts kept in system RAM). Pure; no memory arithmetic.
import { articleFor } from "@/lib/articles";
import type { Engine, KvCacheType, Placement, WeightFormat } from "@/lib/estimator";
import { GIB, MLX_FORMAT_BITS, MLX_GROUP_SIZE } from "@/lib/estimator";

export interface LaunchCommandInput {
  engine: Engine;
  format: WeightFormat;
  /** Context per sequence, in tokens. */
  contextTokens: number;
  kvCacheType: KvCacheType;
  sequences: number;
  gpuCount: number;
  /** Usable bytes of each GPU (mixed cards): llama.cpp's --tensor-split follows them. */
  deviceMemoryBytes?: readonly number[];
  /** Hugging Face repository of the model; null for a pasted config.json. */
  huggingFaceId: string | null;
  /** num_attention_heads: vLLM tensor parallelism must divide it. */
  attentionHeads: number;
  placement: Pick<
    Placement,
    "fits" | "fitsInGpuOnly" | "gpuLayers" | "totalLayers" | "offloadedExpertLayers" | "perDeviceBytes"
  >;
  /** Memory of one GPU, to turn the estimate into vLLM's --gpu-memory-utilization. */
  gpuMemoryBytes: number;
  /** The model's native context (max_position_embeddings); beyond it mlx-lm needs rope_scaling in config.json. */
  nativeContextTokens?: number;
  /** KV cache plus recurrent state of all sequences: mlx-lm's prompt-cache budget. */
  cacheBytes?: number;
  /** Engine flags that switch on RoPE scaling (YaRN) for a context beyond the native one (lib/estimator). */
  ropeScalingFlags?: readonly string[];
}

export interface LaunchCommand {
  engine: Engine;
  /** The command as argument tokens (already shell-quoted where needed). */
  argv: string[];
  /** One line, ready to paste into a shell. */
  command: string;
  /** Things the user must know to run it (checkpoints to fetch, warnings). */
  notes: string[];
  /** A command to run once before it (mlx-lm: converting the weights), or null. */
  prepare: { argv: string[]; command: string } | null;
}

const SAFE = /^[A-Za-z0-9_./:=,@+-]+$/;

/** POSIX shell quoting for one argument. */
export function shellQuote(arg: string): string {
  if (arg !== "" && SAFE.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

function repoName(huggingFaceId: string | null): string | null {
  if (!huggingFaceId) return null;
  const name = huggingFaceId.split("/").pop();
  return name && name.trim() !== "" ? name : null;
}

/** The GGUF file name people find for a model and format (e.g. "Llama-3.1-8B-Instruct-Q4_K_M.gguf"). */
export function ggufFileName(huggingFaceId: string | null, format: WeightFormat): string {
  return `${repoName(huggingFaceId) ?? "model"}-${format}.gguf`;
}

/** llama.cpp needs flash attention for a quantized V cache. */
export function needsFlashAttention(kv: KvCacheType): boolean {
  return kv === "q8_0" || kv === "q4_0";
}

/**
 * vLLM pre-allocates gpu_memory_utilization × GPU memory and fills what weights, activations and CUDA graphs leave
 * with KV cache. Use the fraction the estimate needs (rounded up to a hundredth), never below vLLM's default 0.9
 * (more cache only adds concurrency) and never above 0.98.
 */
export function vllmGpuMemoryUtilization(perDeviceBytes: number, gpuMemoryBytes: number): number {
  if (!(gpuMemoryBytes > 0) || !Number.isFinite(perDeviceBytes)) return 0.9;
  const needed = Math.ceil((perDeviceBytes / gpuMemoryBytes) * 100) / 100;
  return Math.min(0.98, Math.max(0.9, needed));
}

/** --tensor-split proportions: each GPU's usable memory in whole GiB ("24,12"), or 1 per GPU when all are equal. */
export function tensorSplit(deviceMemoryBytes: readonly number[] | undefined, gpuCount: number): string {
  const sizes = deviceMemoryBytes && deviceMemoryBytes.length === gpuCount ? deviceMemoryBytes : null;
  if (!sizes || sizes.every((b) => b === sizes[0])) return new Array(gpuCount).fill("1").join(",");
  return sizes.map((b) => String(Math.max(1, Math.round(b / GIB)))).join(",");
}

function llamaCppCommand(input: LaunchCommandInput): LaunchCommand {
  const { placement } = input;
  const notes: string[] = [];
  const argv = ["llama-server", "-m", shellQuote(ggufFileName(input.huggingFaceId, input.format))];
  // -c is the total context of all slots; -np splits it evenly, so each sequence gets contextTokens.
  argv.push("-c", String(input.contextTokens * input.sequences));
  // -ngl counts the output layer as one more: n_layer + 1 puts everything on the GPU.
  const allOnGpu = placement.gpuLayers >= placement.totalLayers;
  argv.push("-ngl", String(allOnGpu ? placement.totalLayers + 1 : placement.gpuLayers));
  if (placement.offloadedExpertLayers > 0) argv.push("--n-cpu-moe", String(placement.offloadedExpertLayers));
  argv.push("--cache-type-k", input.kvCacheType, "--cache-type-v", input.kvCacheType);
  if (needsFlashAttention(input.kvCacheType)) argv.push("-fa", "on");
  argv.push("-np", String(input.sequences));
  if (input.gpuCount > 1) {
    // lib/estimator splits the layers in proportion to each GPU's memory (even for equal cards).
    argv.push("--tensor-split", tensorSplit(input.deviceMemoryBytes, input.gpuCount));
  }
  argv.push(...(input.ropeScalingFlags ?? []));

  if (input.huggingFaceId === null) {
    notes.push(
      `Convert your model to GGUF and quantize it to ${input.format} first (convert_hf_to_gguf.py, llama-quantize).`,
    );
  } else {
    notes.push(
      `Download ${articleFor(input.format)} ${input.format} GGUF of ${input.huggingFaceId} and point -m at it.`,
    );
  }
  // llama.cpp PR #16653 (--fit, on by default in recent builds; llama-fit-params prints the values it picks).
  notes.push(
    "Once the file is on your machine, recent llama.cpp builds fit -c / -ngl / -ot to your devices themselves (--fit, or llama-fit-params to print them); this estimate answers before you download or buy.",
  );
  if (!placement.fits) {
    notes.push(
      "This setup does not fit even with offload: add GPUs or system RAM, or pick a smaller format or context.",
    );
  } else if (!placement.fitsInGpuOnly) {
    if (placement.offloadedExpertLayers > 0 && allOnGpu) {
      notes.push(
        `The routed experts of the first ${placement.offloadedExpertLayers} layers stay in system RAM (--n-cpu-moe); attention and the KV cache stay on the GPU.`,
      );
    } else {
      notes.push(
        `${placement.totalLayers - placement.gpuLayers} of ${placement.totalLayers} layers run from system RAM; expect much slower generation.`,
      );
    }
  }
  return { engine: "llama.cpp", argv, command: argv.join(" "), notes, prepare: null };
}

const PREQUANTIZED: Partial<Record<WeightFormat, string>> = {
  INT8: "an INT8 (W8A8) checkpoint",
  "AWQ-INT4": "an AWQ 4-bit checkpoint",
  "GPTQ-INT4": "a GPTQ 4-bit checkpoint",
};

function vllmCommand(input: LaunchCommandInput): LaunchCommand {
  const notes: string[] = [];
  const prequantized = PREQUANTIZED[input.format];
  const name = repoName(input.huggingFaceId);
  let model: string;
  if (prequantized) {
    model = `path/to/${name ?? "model"}-${input.format}`;
    notes.push(
      `${input.format} needs ${prequantized} of ${input.huggingFaceId ?? "the model"}: replace ${model} with it; vLLM reads the quantization from its config.`,
    );
  } else if (input.huggingFaceId) {
    model = input.huggingFaceId;
  } else {
    model = "path/to/model";
    notes.push(
      "Replace path/to/model with the folder or Hugging Face repository that holds this config.json.",
    );
  }
  const argv = ["vllm", "serve", shellQuote(model)];
  if (input.format === "BF16") argv.push("--dtype", "bfloat16");
  if (input.format === "F16") argv.push("--dtype", "float16");
  if (input.format === "FP8") argv.push("--quantization", "fp8");
  argv.push("--max-model-len", String(input.contextTokens));
  argv.push("--tensor-parallel-size", String(input.gpuCount));
  argv.push("--kv-cache-dtype", input.kvCacheType === "fp8" ? "fp8" : "auto");
  const perDevice = Math.max(0, ...input.placement.perDeviceBytes);
  argv.push("--gpu-memory-utilization", vllmGpuMemoryUtilization(perDevice, input.gpuMemoryBytes).toFixed(2));
  argv.push("--max-num-seqs", String(input.sequences));
  argv.push(...(input.ropeScalingFlags ?? []));

  if (input.gpuCount > 1 && input.attentionHeads % input.gpuCount !== 0) {
    notes.push(
      `vLLM needs the ${input.attentionHeads} attention heads to divide evenly over the GPUs; ${input.gpuCount} does not.`,
    );
  }
  if (!input.placement.fitsInGpuOnly) {
    notes.push(
      "This does not fit in GPU memory: vLLM will stop at start-up. Add GPUs, or pick a smaller format or context.",
    );
  }
  return { engine: "vllm", argv, command: argv.join(" "), notes, prepare: null };
}

/** The folder mlx_lm.convert writes, named like the community's conversions ("Qwen3-8B-MLX-4bit"). */
export function mlxFolderName(huggingFaceId: string | null, format: WeightFormat): string {
  return `${repoName(huggingFaceId) ?? "model"}-${format}`;
}

/**
 * mlx-lm (ml-explore/mlx-lm): `mlx_lm.convert` quantizes once (mlx_lm/convert.py: --hf-path, -q, --q-bits,
 * --q-group-size, --dtype, --mlx-path, which must not exist yet), then `mlx_lm.server` serves the folder
 * (mlx_lm/server.py: --model, --port, --decode-concurrency, --prompt-concurrency, --prompt-cache-bytes). The server
 * has no context-length flag: a conversation's cache grows as it goes. It keeps up to 10 finished conversations'
 * caches for reuse (--prompt-cache-size), so the cache budget is capped at the estimate's KV bytes.
 */
function mlxCommand(input: LaunchCommandInput): LaunchCommand {
  const notes: string[] = [];
  const source = input.huggingFaceId ?? "path/to/model";
  const bits = MLX_FORMAT_BITS[input.format];
  let model: string;
  let prepare: LaunchCommand["prepare"] = null;
  if (bits === undefined && input.format === "BF16") {
    // The released bf16 checkpoint loads as it is.
    model = source;
  } else {
    model = mlxFolderName(input.huggingFaceId, input.format);
    const convert = ["mlx_lm.convert", "--hf-path", shellQuote(source)];
    if (bits !== undefined)
      convert.push("-q", "--q-bits", String(bits), "--q-group-size", String(MLX_GROUP_SIZE));
    else convert.push("--dtype", "float16");
    convert.push("--mlx-path", shellQuote(model));
    prepare = { argv: convert, command: convert.join(" ") };
  }
  const argv = ["mlx_lm.server", "--model", shellQuote(model), "--port", "8080"];
  argv.push("--decode-concurrency", String(input.sequences), "--prompt-concurrency", String(input.sequences));
  if (input.cacheBytes !== undefined && input.cacheBytes > 0) {
    // mlx_lm/utils.py _parse_size reads "MB" as 10^6 bytes; round up so the estimate's cache fits.
    argv.push("--prompt-cache-bytes", `${Math.ceil(input.cacheBytes / 1e6)}MB`);
  }
  if (input.huggingFaceId === null) {
    notes.push(
      "Replace path/to/model with the folder or Hugging Face repository that holds this config.json.",
    );
  }
  if (prepare !== null) {
    notes.push(
      `Run mlx_lm.convert once: it downloads the weights and writes ${model}; a ready mlx-community conversion with the same bits and group size of 64 works too.`,
    );
  }
  notes.push(
    `mlx_lm.server has no context limit: keep conversations within ${input.contextTokens.toLocaleString("en-US")} tokens for this estimate to hold.`,
  );
  if (input.nativeContextTokens !== undefined && input.contextTokens > input.nativeContextTokens) {
    // mlx_lm/models/rope_utils.py initialize_rope reads rope_scaling from config.json; the server has no flag for it.
    notes.push(
      `${input.contextTokens.toLocaleString("en-US")} tokens is past the model's native ${input.nativeContextTokens.toLocaleString("en-US")}: add the rope_scaling (YaRN) block from its model card to config.json in ${prepare ? model : `a local copy of ${model}`}; mlx-lm has no flag for it.`,
    );
  }
  if (input.gpuCount > 1) {
    notes.push(
      "Several Macs: mlx-lm splits a model across machines started with mlx.launch; the command above is for one.",
    );
  }
  if (!input.placement.fitsInGpuOnly) {
    notes.push(
      "This does not fit in the memory the GPU may use: MLX has no offload. Pick a smaller format or context, or raise the limit.",
    );
  }
  return { engine: "mlx", argv, command: argv.join(" "), notes, prepare };
}

export function buildLaunchCommand(input: LaunchCommandInput): LaunchCommand {
  const command =
    input.engine === "vllm"
      ? vllmCommand(input)
      : input.engine === "mlx"
        ? mlxCommand(input)
        : llamaCppCommand(input);
  if ((input.ropeScalingFlags ?? []).length > 0) {
    command.notes.push(
      "This context is longer than the model was trained on natively: the RoPE-scaling (YaRN) flags switch on the extension its model card describes.",
    );
  }
  return command;
}
