/**
 * Command-line front end: npm run --silent estimate -- --config <config.json> --quant <FORMAT> --context <tokens> [...]
 * Reads the flags (node:util parseArgs, scripts/lib/cli-args.ts) and the config file; all logic lives in lib/estimator.
 */
import { UsageError, parseFlags } from "./lib/cli-args";
import { readRegularTextFile } from "./lib/read-text-file";
import {
  ConfigError,
  DEFAULTS,
  KV_CACHE_TYPES,
  WEIGHT_FORMATS,
  estimateMemory,
  estimateVisionTower,
  isKvCacheType,
  isWeightFormat,
  JsonInputError,
  parseConfig,
  parseJsonInput,
  type EstimateInput,
  type Engine,
} from "../lib/estimator/index";
import { GIB } from "@/lib/estimator";

const HELP = `Usage: npm run --silent estimate -- --config <config.json> --quant <FORMAT> --context <tokens> [options]

Estimate the memory an open-weight model needs.

Required:
  --config <path>       Hugging Face config.json of the model
  --quant <FORMAT>      weight format: ${WEIGHT_FORMATS.map((f) => f.id).join(", ")}
  --context <tokens>    context length per sequence (positive integer)

Options (defaults: llama.cpp profile, 1 sequence, n_ubatch 512, f16 KV cache):
  --kv-type <type>      KV cache type: ${KV_CACHE_TYPES.join(", ")} (default ${DEFAULTS.kvCacheType})
  --batch <n>           parallel sequences (default ${DEFAULTS.sequences})
  --ubatch <n>          llama.cpp micro-batch tokens, n_ubatch (default ${DEFAULTS.ubatchTokens})
  --engine <name>       llama.cpp | vllm | mlx (default ${DEFAULTS.engine}; MLX-* formats need mlx)
  --no-flash-attn       llama.cpp without flash attention (default: flash attention on)
  --json                print one JSON object
  --help                show this help
`;

interface Args {
  config: string;
  input: EstimateInput;
  json: boolean;
}

function intArg(flag: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new UsageError(`${flag} expects a positive integer, got ${JSON.stringify(v)}`);
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`${flag} expects a positive integer, got ${JSON.stringify(v)}`);
  return n;
}

const FLAGS = {
  config: { type: "string" },
  quant: { type: "string" },
  context: { type: "string" },
  "kv-type": { type: "string", default: DEFAULTS.kvCacheType },
  batch: { type: "string" },
  ubatch: { type: "string" },
  engine: { type: "string", default: DEFAULTS.engine },
  "no-flash-attn": { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

function readArgs(argv: string[]): Args | "help" {
  const values = parseFlags(argv, FLAGS);
  if (values.help) return "help";
  const { config, quant, "kv-type": kv, engine } = values;
  if (config === undefined) throw new UsageError("missing --config <path>");
  if (config === "") throw new UsageError("--config expects a path");
  if (quant === undefined) throw new UsageError("missing --quant <FORMAT>");
  if (!isWeightFormat(quant))
    throw new UsageError(
      `unknown --quant ${JSON.stringify(quant)}; one of ${WEIGHT_FORMATS.map((f) => f.id).join(", ")}`,
    );
  if (values.context === undefined) throw new UsageError("missing --context <tokens>");
  const context = intArg("--context", values.context, 0);
  const batch = intArg("--batch", values.batch, DEFAULTS.sequences);
  const ubatch = intArg("--ubatch", values.ubatch, DEFAULTS.ubatchTokens);
  if (!isKvCacheType(kv))
    throw new UsageError(`unknown --kv-type ${JSON.stringify(kv)}; one of ${KV_CACHE_TYPES.join(", ")}`);
  if (engine !== "llama.cpp" && engine !== "vllm" && engine !== "mlx")
    throw new UsageError(`unknown --engine ${JSON.stringify(engine)}; llama.cpp, vllm or mlx`);
  const input: EstimateInput = {
    format: quant,
    contextTokens: context,
    kvCacheType: kv,
    sequences: batch,
    ubatchTokens: ubatch,
    engine: engine as Engine,
  };
  if (values["no-flash-attn"]) input.flashAttention = false;
  return { config, input, json: values.json };
}

/** Messages go to one stderr line: newlines and control characters become spaces, and the line is capped. */
function oneLine(message: string): string {
  const flat = message.replace(/[\u0000-\u001f\u007f]+/g, " ");
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}

function gib(b: number): string {
  return `${(b / GIB).toFixed(2)} GiB`;
}

function main(argv: string[]): number {
  let args: Args | "help";
  try {
    args = readArgs(argv);
  } catch (e) {
    process.stderr.write(`estimate: ${(e as Error).message}\n`);
    return 2;
  }
  if (args === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  let raw: unknown;
  try {
    raw = parseJsonInput(readRegularTextFile(args.config));
  } catch (e) {
    const message = e instanceof JsonInputError ? `${args.config}: ${e.message}` : (e as Error).message;
    process.stderr.write(`estimate: ${oneLine(message)}\n`);
    return 2;
  }
  try {
    const arch = parseConfig(raw);
    const est = estimateMemory(arch, args.input);
    // The vision projector (mmproj) is its own figure, never part of bytes.total.
    const vision = arch.vision ? estimateVisionTower(arch.vision) : undefined;
    if (args.json) {
      process.stdout.write(
        JSON.stringify({ modelType: arch.modelType, input: args.input, ...est, vision }) + "\n",
      );
    } else {
      const b = est.bytes;
      const lines = [
        `model_type ${arch.modelType}: ${(est.params.total / 1e9).toFixed(2)}B parameters, ${(est.params.active / 1e9).toFixed(2)}B active as the model card counts (${(est.params.activeCompute / 1e9).toFixed(2)}B read per token)`,
        `${args.input.engine} · ${args.input.format} · context ${args.input.contextTokens} × ${args.input.sequences} sequence(s) · KV ${args.input.kvCacheType}`,
        `  weights   ${gib(b.weights).padStart(12)}`,
        `  KV cache  ${gib(b.kvCache).padStart(12)}`,
        `  recurrent ${gib(b.recurrentState).padStart(12)}`,
        `  compute   ${gib(b.compute).padStart(12)}`,
        `  overhead  ${gib(b.overhead).padStart(12)}`,
        `  total     ${gib(b.total).padStart(12)}`,
      ];
      if (vision) {
        lines.push(
          `vision projector (mmproj, separate file, not in total): f16 ${gib(vision.mmprojBytes.f16)}, q8_0 ${gib(vision.mmprojBytes.q8_0)}`,
        );
      }
      process.stdout.write(lines.join("\n") + "\n");
    }
    return 0;
  } catch (e) {
    if (e instanceof ConfigError || e instanceof RangeError) {
      process.stderr.write(`estimate: ${oneLine(e.message)}\n`);
      return 2;
    }
    // anything else is a bug in the estimator, not in the input; still one line and exit 2
    process.stderr.write(`estimate: internal error: ${oneLine((e as Error).message)}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
