// "Can I run it?" in a few lines: the hardware people own that runs a model, from the fit planner (lib/views/gpu-fit).
// Shared by the first screen of a model page, the FAQ, the Markdown twin and llms.txt, so they say the same.
import type { FitAnswer, LongestContext, WeightFormat } from "@/lib/estimator";
import type { CatalogModel } from "@/lib/content/catalog";
import { formatGib, formatTokens, formatTokensPerSecond } from "@/lib/format";
import {
  type ContextFit,
  longestContextOnGpu,
  OFFLOAD_RAM_LABEL,
  smallestConsumerSetup,
  smallestDataCentreSetup,
  smallestOffloadSetup,
  smallestUnifiedSetup,
  type GpuSetup,
} from "@/lib/views/gpu-fit";
import type { Gpu } from "@/lib/content/gpus";
import { estimateFor, HEADLINE_FORMAT, headlineContext, tableFormats } from "@/lib/views/requirements";
import { GIB } from "@/lib/estimator";

export type RunOptionKind = "gpu" | "lower-format" | "unified" | "offload" | "datacentre";

export interface RunOption {
  kind: RunOptionKind;
  setup: GpuSetup;
  format: WeightFormat;
  /** One line in plain words, e.g. "A 12 GB GPU (RTX 3060 12GB) at Q4_K_M, up to 32K context". */
  text: string;
}

export interface RunAnswer {
  format: WeightFormat;
  contextTokens: number;
  totalBytes: number;
  options: RunOption[];
}

/** The article before a size read aloud: "an 8 GB GPU", "an 18 GB", "an 80 GB", "a 12 GB". */
export function articleForSize(label: string): "A" | "An" {
  return /^(8|11|18)\b|^8\d/.test(label) ? "An" : "A";
}

/** "24 GB": the marketed size of a card (memoryBytes is the marketed size in binary units). */
export function sizeLabel(gpu: Gpu): string {
  return `${Math.round(gpu.memoryBytes / GIB)} GB`;
}

export function shortGpuName(gpu: Gpu): string {
  return gpu.name.replace(/^(GeForce|Radeon|Apple) /, "");
}

/** "up to 40K context (131K with YaRN)" / "up to 12K context (memory-bound)". */
export function describeLongest(longest: LongestContext, nativeTokens: number): string {
  if (longest.tokens === 0) return "below a 4K context";
  const upTo = `up to ${formatTokens(longest.tokens)} context`;
  const maximum = longest.limit === "model" ? ", the model's maximum" : "";
  const yarn = longest.needsRopeScaling
    ? ` (${formatTokens(nativeTokens)} native; beyond that with YaRN RoPE scaling)`
    : "";
  return `${upTo}${maximum}${yarn}`;
}

/** One cell of the "longest context on common hardware" table, the same words on the page and in Markdown. */
export function contextFitText(fit: ContextFit, nativeTokens: number): string {
  if (fit.gpuOnly.tokens > 0) {
    return describeLongest(fit.gpuOnly, nativeTokens).replace(/^up to /, "");
  }
  if (fit.withOffload && fit.withOffload.tokens > 0) {
    return `Not on the GPU alone; ${describeLongest(fit.withOffload, nativeTokens)} with ${OFFLOAD_RAM_LABEL}`;
  }
  return "Does not fit (not even 4K)";
}

/** One cell of the "smallest hardware" table. */
export function setupText(setup: GpuSetup | null, withOffload = false): string {
  if (!setup) return "—";
  const name = `${setup.count > 1 ? `${setup.count}× ` : ""}${shortGpuName(setup.gpu)}`;
  if (!withOffload) return name;
  const tokensPerSecond = setup.answer.decodeTokensPerSecond;
  const bound = tokensPerSecond !== null ? `; ≤ ${formatTokensPerSecond(tokensPerSecond)} tok/s` : "";
  return `${name} (${offloadHow(setup.answer)}${bound})`;
}

export function nativeContext(model: CatalogModel): number {
  return Math.min(model.architecture.maxPositionEmbeddings, model.contextLength);
}

function setupName(setup: GpuSetup): string {
  const name = shortGpuName(setup.gpu);
  return setup.count > 1 ? `${setup.count}× ${name} (${sizeLabel(setup.gpu)} each)` : name;
}

/** How llama.cpp offloads in this answer, as the flags a person would type. */
export function offloadHow(answer: FitAnswer): string {
  const offload = answer.offload;
  if (!offload) return "";
  if (offload.cpuMoeLayers > 0 && offload.gpuLayers === offload.totalLayers) {
    return `experts of ${offload.cpuMoeLayers} of ${offload.totalLayers} layers in RAM: --n-cpu-moe ${offload.cpuMoeLayers}`;
  }
  return `${offload.gpuLayers} of ${offload.totalLayers} layers on the GPU: -ngl ${offload.gpuLayers}`;
}

function speed(answer: FitAnswer): string {
  return answer.decodeTokensPerSecond === null
    ? ""
    : `, at most ~${formatTokensPerSecond(answer.decodeTokensPerSecond)} tokens/s`;
}

export function runAnswer(model: CatalogModel): RunAnswer {
  const format = HEADLINE_FORMAT;
  const contextTokens = headlineContext(model);
  const totalBytes = estimateFor(model, format, contextTokens).bytes.total;
  const native = nativeContext(model);
  const options: RunOption[] = [];

  const consumer = smallestConsumerSetup(model, format, contextTokens);
  if (consumer) {
    const longest = longestContextOnGpu(model, consumer.gpu, format, { count: consumer.count });
    const lead =
      consumer.count > 1 ? setupName(consumer) : `${sized(consumer.gpu)} GPU (${setupName(consumer)})`;
    options.push({
      kind: "gpu",
      setup: consumer,
      format,
      text: `${lead} at ${format}, ${describeLongest(longest, native)}`,
    });
  }

  // The smallest single card at a lower-precision format, when that is a smaller card (ties: the more precise
  // format). IQ1_S is left out: at ~1.6 bits per weight it is a curiosity, not a way to run a model.
  const below = tableFormats(model)
    .slice(tableFormats(model).indexOf(format) + 1)
    .filter((lower) => lower !== "IQ1_S");
  let smaller: { setup: GpuSetup; format: WeightFormat } | null = null;
  for (const lower of below) {
    const setup = smallestConsumerSetup(model, lower, contextTokens);
    if (!setup || setup.count !== 1) continue;
    if (consumer && setup.gpu.usableBytes >= consumer.gpu.usableBytes * consumer.count) continue;
    if (!smaller || setup.gpu.usableBytes < smaller.setup.gpu.usableBytes) smaller = { setup, format: lower };
  }
  if (smaller) {
    const { setup } = smaller;
    options.push({
      kind: "lower-format",
      setup,
      format: smaller.format,
      text: `${sized(setup.gpu)} GPU (${setupName(setup)}) at ${smaller.format}`,
    });
  }

  const unified = smallestUnifiedSetup(model, format, contextTokens);
  if (unified) {
    options.push({
      kind: "unified",
      setup: unified,
      format,
      text:
        `${sized(unified.gpu)} ${unified.gpu.vendor === "Apple" ? "Mac" : "unified-memory PC"} ` +
        `(${shortGpuName(unified.gpu)}; its GPU may use ${formatGib(unified.gpu.usableBytes)} by default) at ${format}`,
    });
  }

  if (!consumer || consumer.count > 1) {
    const offload = smallestOffloadSetup(model, format, contextTokens);
    if (offload) {
      options.push({
        kind: "offload",
        setup: offload,
        format,
        text:
          `${sized(offload.gpu)} GPU + ${OFFLOAD_RAM_LABEL} with llama.cpp offload ` +
          `(${offloadHow(offload.answer)})${speed(offload.answer)}`,
      });
    }
    const datacentre = smallestDataCentreSetup(model, format, contextTokens);
    if (datacentre) {
      options.push({
        kind: "datacentre",
        setup: datacentre,
        format,
        text: `${datacentre.count > 1 ? `${datacentre.count}×` : "One"} ${shortGpuName(datacentre.gpu)} at ${format}`,
      });
    }
  }
  return { format, contextTokens, totalBytes, options };
}

/** The shortest form for a list card: the smallest hardware that runs the headline format. */
export function cardRunsOn(model: CatalogModel): string {
  const first = runAnswer(model).options[0];
  if (!first) return "Needs more than 8 data-centre GPUs";
  const { setup } = first;
  if (first.kind === "gpu" || first.kind === "lower-format") {
    return setup.count > 1
      ? `Runs on ${setup.count}× ${sizeLabel(setup.gpu)} GPUs`
      : `Runs on ${an(setup.gpu)} GPU${first.kind === "lower-format" ? ` at ${first.format}` : ""}`;
  }
  if (first.kind === "unified")
    return `Runs on ${an(setup.gpu)} ${setup.gpu.vendor === "Apple" ? "Mac" : "unified-memory PC"}`;
  if (first.kind === "offload") return `Runs on ${an(setup.gpu)} GPU with offload`;
  return `Runs on ${setup.count}× ${shortGpuName(setup.gpu)}`;
}

/** "an 80 GB", "a 24 GB". */
/** "An 8 GB", "A 12 GB": the size with the article it is read with. */
function sized(gpu: Gpu): string {
  const label = sizeLabel(gpu);
  return `${articleForSize(label)} ${label}`;
}

function an(gpu: Gpu): string {
  const text = sized(gpu);
  return text.charAt(0).toLowerCase() + text.slice(1);
}
