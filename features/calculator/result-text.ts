// The calculator's result sentences, from the derived results and the state. Pure. Each line is one string (one
// text node), so new figures never move the text around them.
import { formatGib, formatInteger, formatTokens, formatTokensPerSecond } from "@/lib/format";
import { ENGINE_LABELS } from "@/features/calculator/state";
import { raiseLimitHow } from "@/lib/estimator";
import type { CalculatorState } from "@/features/calculator/state";
import type { CalculatorResults } from "./results";

export function fitBadge(results: CalculatorResults): { text: string; className: string } {
  const { fit } = results;
  if (results.engineProblem)
    return {
      text: "No verdict: MLX is estimated for Apple silicon only",
      className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
    };
  if (fit.kind === "gpu")
    return {
      text: "Fits in GPU memory",
      className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
    };
  if (fit.kind === "offload")
    return {
      text: "Fits with offload to system RAM",
      className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
    };
  return {
    text: fit.reason?.startsWith("does not fit")
      ? `D${fit.reason.slice(1)}`
      : `Does not fit: ${fit.reason ?? "not enough memory"}`,
    className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  };
}

export function offloadAdvice(results: CalculatorResults, state: CalculatorState): string {
  const { placement } = results;
  const layers = placement.totalLayers;
  if (results.engineProblem) return results.engineProblem;
  if (state.engine === "mlx") {
    if (placement.fitsInGpuOnly)
      return "No offload needed: MLX keeps the whole model in the Mac's unified memory.";
    const raise = raiseLimitHow(results.gpu.memoryBytes, "apple-silicon");
    return `MLX cannot offload: pick a smaller format or context${raise ? `, or raise the GPU's share of memory. ${raise}` : "."}`;
  }
  if (placement.fitsInGpuOnly) {
    const embeddings = placement.cpuBreakdown.tokenEmbeddings;
    return (
      `No offload needed: all ${layers} layers on the GPU${state.gpus > 1 ? "s" : ""}.` +
      (embeddings > 0
        ? ` llama.cpp keeps the token embeddings (${formatGib(embeddings)}) in system RAM; they are in the total, not on the GPU.`
        : "")
    );
  }
  if (state.engine === "vllm")
    return "vLLM cannot offload to system RAM: add GPUs or choose a smaller format or context.";
  if (state.ram <= 0) return "Allow some system RAM above to see how many layers or experts to offload.";
  if (!results.fit.fits) {
    return placement.gpuLayers === 0
      ? "Offload would leave no layer on the GPU: that is CPU inference, not counted as running on this GPU."
      : `Even with offload it needs ${formatGib(placement.cpuBytes)} of system RAM, more than the ${state.ram} GB given.`;
  }
  const parts: string[] = [];
  if (placement.offloadedExpertLayers > 0) {
    parts.push(
      `keep the experts of ${placement.offloadedExpertLayers} of ${layers} layers in system RAM (--n-cpu-moe ${placement.offloadedExpertLayers})`,
    );
  }
  if (placement.gpuLayers < layers) {
    parts.push(
      `run ${layers - placement.gpuLayers} of ${layers} layers from system RAM (-ngl ${placement.gpuLayers})`,
    );
  }
  return `To fit: ${parts.join(" and ")}; ${formatGib(placement.cpuBytes)} in system RAM.`;
}

export function decodeText(results: CalculatorResults, state: CalculatorState): string {
  const bound = results.decodeBound;
  if (bound.tokensPerSecond === null) return `Not shown: ${bound.reason}.`;
  const gbps = formatInteger(Math.round(bound.bandwidthBytesPerSecond / 1e9));
  const offloaded = bound.offloaded
    ? " The part in system RAM is read at dual-channel DDR5 speed (89.6 GB/s), which dominates."
    : "";
  return (
    `At most ${formatTokensPerSecond(bound.tokensPerSecond)} tokens/s${state.seqs > 1 ? " summed over the sequences" : ""}. ` +
    `A bound, not a prediction: memory bandwidth (${gbps} GB/s) divided by the bytes read per token.${offloaded}`
  );
}

export function longestText(results: CalculatorResults): string {
  const { longest } = results;
  if (longest.tokens === 0) return "None: not even a 4K context fits with these settings.";
  const where = longest.kind === "offload" ? " with offload" : " in GPU memory";
  const limit = longest.limit === "model" ? " — the model's own maximum" : " — memory is the limit";
  const yarn = longest.needsRopeScaling ? "; past its native context it needs YaRN (in the command)" : "";
  return `${formatTokens(longest.tokens)} tokens${where}${limit}${yarn}.`;
}

export function percent(part: number, total: number): string {
  return `${total > 0 ? Math.round((part / total) * 100) : 0}%`;
}

/** The second GPU type's first device, when the state has one. */
function secondDevice(results: CalculatorResults, state: CalculatorState) {
  return state.gpu2 !== null && state.gpus2 > 0 ? results.devices[state.gpus] : undefined;
}

/** Which hardware the verdict is about, in a few words ("2× RTX 4090 + 1× RTX 3090"). */
export function deviceLabel(results: CalculatorResults, state: CalculatorState): string {
  const second = secondDevice(results, state);
  return `${state.gpus}× ${results.gpu.name}` + (second ? ` + ${state.gpus2}× ${second.name}` : "");
}

/** The hardware line of the fit card: counts, usable memory each, and the unified-memory share. */
export function gpuLine(results: CalculatorResults, state: CalculatorState): string {
  const { gpu } = results;
  const second = secondDevice(results, state);
  return (
    `${state.gpus}× ${gpu.name}, ${formatGib(gpu.usableBytes)} usable each` +
    (second
      ? ` + ${state.gpus2}× ${second.name}, ${formatGib(second.usableBytes)} each (layers split by memory)`
      : "") +
    (gpu.unifiedMemory
      ? ` (unified memory: the GPU may use ${formatGib(gpu.usableBytes)} of ${formatGib(gpu.memoryBytes)} by default)`
      : "")
  );
}

/** One line naming the state: model, format, context, sequences, KV type and engine. */
export function stateSummary(results: CalculatorResults, state: CalculatorState): string {
  const sequences = state.seqs > 1 ? ` × ${state.seqs} sequences` : "";
  return `${results.model.name} · ${state.quant} · ${formatTokens(state.context)} context${sequences} · KV ${state.kv} · ${ENGINE_LABELS[state.engine]}`;
}

/** Context steps for the slider: powers of two from 256 below the maximum, then the maximum itself. */
export function contextSteps(max: number): number[] {
  const steps: number[] = [];
  for (let t = 256; t < max; t *= 2) steps.push(t);
  steps.push(max);
  return steps;
}

/** The slider position of a context: the largest step at or below it. */
export function stepIndex(steps: number[], value: number): number {
  let index = 0;
  steps.forEach((step, i) => {
    if (step <= value) index = i;
  });
  return index;
}
