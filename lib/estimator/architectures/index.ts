/**
 * The table of architecture adapters: adding a model family is one file in this folder and one line here.
 * Order is the order of SUPPORTED_MODEL_TYPES (shown on /methodology).
 */
import { deepseek, deepseekV32, kimiK2 } from "./deepseek";
import { falconH1 } from "./falcon-h1";
import { gemma2, gemma3, gemma3Text } from "./gemma";
import { gemma4, gemma4Text } from "./gemma4";
import { glm4Moe } from "./glm";
import { gptOss } from "./gpt-oss";
import { graniteHybrid } from "./granite-hybrid";
import { llama, mixtral, phi3 } from "./llama";
import { jamba } from "./jamba";
import { lfm2, lfm2Moe, lfm2Vl } from "./lfm2";
import { llama4, llama4Text } from "./llama4";
import { minimaxM2 } from "./minimax";
import { mistral3, ministral3 } from "./mistral3";
import { nemotronH } from "./nemotron-h";
import { exaone4, olmo3 } from "./post-norm";
import { qwen } from "./qwen";
import { qwen3Vl, qwen3VlMoe, qwen3VlMoeText, qwen3VlText } from "./qwen3-vl";
import { qwen35, qwen35Moe, qwen35MoeText, qwen35Text, qwen3Next } from "./qwen-next";
import { smollm3 } from "./smollm3";
import type { ArchitectureAdapter } from "./types";

export const ADAPTERS: readonly ArchitectureAdapter[] = [
  llama,
  mixtral,
  qwen,
  gemma2,
  gemma3,
  gemma3Text,
  phi3,
  deepseek,
  gptOss,
  llama4,
  llama4Text,
  mistral3,
  kimiK2,
  qwen3Next,
  qwen35,
  qwen35Text,
  qwen35Moe,
  qwen35MoeText,
  nemotronH,
  lfm2,
  lfm2Moe,
  lfm2Vl,
  glm4Moe,
  gemma4,
  gemma4Text,
  graniteHybrid,
  falconH1,
  jamba,
  olmo3,
  exaone4,
  minimaxM2,
  ministral3,
  deepseekV32,
  qwen3Vl,
  qwen3VlText,
  qwen3VlMoe,
  qwen3VlMoeText,
  smollm3,
];

const BY_TYPE = new Map<string, ArchitectureAdapter>();
for (const a of ADAPTERS) for (const t of a.modelTypes) BY_TYPE.set(t, a);

export function adapterFor(modelType: string): ArchitectureAdapter | undefined {
  return BY_TYPE.get(modelType);
}

export const MODEL_TYPES: readonly string[] = ADAPTERS.flatMap((a) => a.modelTypes);
