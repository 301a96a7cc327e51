// The model page's FAQ: the three questions people search for, answered in sentences from lib/views (the fit
// planner and the requirements table). Shown on the page, in its JSON-LD and in its Markdown twin.
import type { CatalogModel } from "@/lib/content/catalog";
import type { Gpu } from "@/lib/content/gpus";
import { getGpu } from "@/lib/content/gpus";
import { acronymArticle, articleFor, capitalize } from "@/lib/articles";
import { GIB, ropeScalingFlags } from "@/lib/estimator";
import type { FitAnswer } from "@/lib/estimator";
import { formatGib, formatTokens, formatTokensPerSecond } from "@/lib/format";
import {
  bestFormatOnGpu,
  bestOffloadFormatOnGpu,
  contextFits,
  describeSetup,
  modelContextLimits,
  OFFLOAD_RAM_LABEL,
  smallestConsumerSetup,
  smallestDataCentreSetup,
} from "@/lib/views/gpu-fit";
import { contextFitText, nativeContext, offloadHow, shortGpuName } from "@/lib/views/run-answer";
import {
  estimateFor,
  HEADLINE_FORMAT,
  headlineContext,
  TABLE_PROFILE,
  tableFormats,
} from "@/lib/views/requirements";

export interface FaqEntry {
  question: string;
  answer: string;
}

const FAQ_CONTEXT_GPU = "rtx-4090";

const CONSUMER_CARD_LABEL = "24 GB";

/** Questions people search for, answered from lib/views/requirements and lib/views/gpu-fit. Shown on the page and in JSON-LD. */
export function modelFaq(model: CatalogModel): FaqEntry[] {
  const contextTokens = headlineContext(model);
  const ctx = formatTokens(contextTokens);
  const headline = estimateFor(model, HEADLINE_FORMAT, contextTokens);
  // Prose names formats by their short ids ("Q4_K_M"); tables use the longer labels.
  const q4 = HEADLINE_FORMAT;
  const profile = `${TABLE_PROFILE.engine}, ${TABLE_PROFILE.kvCacheType} KV cache, ${TABLE_PROFILE.sequences} sequence`;

  // 1. How much VRAM?
  const bf16 = estimateFor(model, "BF16", contextTokens);
  let vram =
    `About ${formatGib(headline.bytes.total)} at ${q4} with ${articleFor(ctx)} ${ctx} context (${profile}): ` +
    `${formatGib(headline.bytes.weights)} of weights, ${formatGib(headline.bytes.kvCache)} of KV cache, ` +
    `${formatGib(headline.bytes.compute)} of compute buffers and ${formatGib(headline.bytes.overhead)} of runtime overhead. ` +
    `Unquantized (BF16) it needs ${formatGib(bf16.bytes.total)}.`;
  if (model.contextLength > contextTokens) {
    const full = estimateFor(model, HEADLINE_FORMAT, model.contextLength);
    vram += ` At its full ${formatTokens(model.contextLength)} context, ${q4} needs ${formatGib(full.bytes.total)}.`;
  }

  // 2. Does it fit a 24 GB card? The planner answers GPU-only first, then with offload to system RAM.
  const card = getGpu(FAQ_CONTEXT_GPU);
  if (!card) throw new Error(`lib/seo/faq.ts: ${FAQ_CONTEXT_GPU} is not in content/gpus.json`);
  const gpuName = shortGpuName(card);
  const gpuMemory = formatGib(card.usableBytes);
  const best = bestFormatOnGpu(model, card, contextTokens);
  const formats = tableFormats(model);
  const headlineRank = formats.indexOf(HEADLINE_FORMAT);
  let fits: string;
  if (best && formats.indexOf(best.format) <= headlineRank) {
    const total = estimateFor(model, best.format, contextTokens).bytes.total;
    fits =
      `Yes. At ${best.format} with ${articleFor(ctx)} ${ctx} context it needs ${formatGib(total)} in total and fits on ` +
      `one ${CONSUMER_CARD_LABEL} card such as the ${gpuName}` +
      embeddingsNote(best.answer) +
      (best.format === HEADLINE_FORMAT ? "." : `; at ${q4} it needs ${formatGib(headline.bytes.total)}.`);
  } else if (best) {
    const total = estimateFor(model, best.format, contextTokens).bytes.total;
    fits =
      `Only heavily quantized on the GPU alone: at ${q4} it needs ${formatGib(headline.bytes.total)} with ` +
      `${articleFor(ctx)} ${ctx} context; ${best.format} (${formatGib(total)}) fits in the ${gpuName}'s ${gpuMemory}.` +
      offloadSentence(model, card, contextTokens);
  } else {
    const offload = bestOffloadFormatOnGpu(model, card, contextTokens);
    if (offload) {
      const speed = offload.answer.decodeTokensPerSecond;
      fits =
        `Not on the GPU alone, but yes with offload: with ${OFFLOAD_RAM_LABEL}, llama.cpp runs ${offload.format} ` +
        `(${offloadHow(offload.answer)}), keeping ${formatGib(offload.answer.hostBytes)} in system RAM` +
        (speed !== null ? `, at most about ${formatTokensPerSecond(speed)} tokens/s.` : ".");
    } else {
      const smallest = formats[formats.length - 1] ?? HEADLINE_FORMAT;
      const smallestTotal = estimateFor(model, smallest, contextTokens).bytes.total;
      const setup =
        smallestConsumerSetup(model, HEADLINE_FORMAT, contextTokens) ??
        smallestDataCentreSetup(model, HEADLINE_FORMAT, contextTokens);
      fits =
        `No. Even at ${smallest} with ${articleFor(ctx)} ${ctx} context it needs ${formatGib(smallestTotal)}, ` +
        `more than one ${CONSUMER_CARD_LABEL} card and ${OFFLOAD_RAM_LABEL} hold.` +
        (setup
          ? ` At ${q4} (${formatGib(headline.bytes.total)}) the smallest setup is ${describeSetup(setup)}.`
          : ` At ${q4} it needs ${formatGib(headline.bytes.total)}, more than eight data-centre GPUs hold.`);
    }
  }

  // 3. Longest context on that card.
  const fit = contextFits(model, HEADLINE_FORMAT).find((entry) => entry.gpu.slug === FAQ_CONTEXT_GPU);
  if (!fit)
    throw new Error(
      `lib/seo/faq.ts: ${FAQ_CONTEXT_GPU} is not among lib/views/gpu-fit's context reference GPUs`,
    );
  const native = nativeContext(model);
  let context = `${capitalize(contextFitText(fit, native))} at ${q4} (${profile}).`;
  if (fit.gpuOnly.tokens > 0 && fit.gpuOnly.limit === "memory") {
    context += ` Beyond that the ${q4} weights and KV cache no longer fit in the ${gpuName}'s ${gpuMemory}.`;
  } else if (fit.gpuOnly.tokens > 0) {
    context += ` That is the model's own limit, not the card's.`;
  }
  if (fit.gpuOnly.needsRopeScaling) {
    context +=
      ` Past its native ${formatTokens(native)} tokens the model needs YaRN RoPE scaling switched on ` +
      `(llama.cpp: ${ropeScalingFlags(modelContextLimits(model), "llama.cpp", fit.gpuOnly.tokens).join(" ")}).`;
  }

  return [
    { question: `How much VRAM does ${model.name} need?`, answer: vram },
    {
      question: `Can ${model.name} run on ${articleFor(CONSUMER_CARD_LABEL)} ${CONSUMER_CARD_LABEL} GPU?`,
      answer: fits,
    },
    {
      question: `What is the largest context for ${model.name} on ${acronymArticle(gpuName)} ${gpuName}?`,
      answer: context,
    },
  ];
}

/** llama.cpp keeps token embeddings in host memory: say so when they are a noticeable share. */
function embeddingsNote(answer: FitAnswer): string {
  const bytes = answer.host.tokenEmbeddings;
  return bytes >= 0.1 * GIB
    ? ` (llama.cpp keeps the ${formatGib(bytes)} of token embeddings in system RAM, so the GPU holds ${formatGib(
        answer.gpuBytesPerDevice.reduce((a, b) => a + b, 0),
      )})`
    : "";
}

function offloadSentence(model: CatalogModel, card: Gpu, contextTokens: number): string {
  const offload = bestOffloadFormatOnGpu(model, card, contextTokens);
  if (!offload || offload.answer.kind !== "offload") return "";
  const speed = offload.answer.decodeTokensPerSecond;
  return (
    ` With ${OFFLOAD_RAM_LABEL}, llama.cpp offload runs ${offload.format} (${offloadHow(offload.answer)})` +
    (speed !== null ? `, at most about ${formatTokensPerSecond(speed)} tokens/s.` : ".")
  );
}
