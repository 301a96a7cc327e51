// The verbatim Hugging Face config.json files the validation rows are estimated from (see fixtures/configs/SOURCES.md).
import DevNext from "./fixtures/configs/Qwen3-Coder-Next.json";
import Exaone4_32B from "./fixtures/configs/exaone4-32b.json";
import Gemma4_31B from "./fixtures/configs/gemma-4-31B-it.json";
import Glm45Air from "./fixtures/configs/GLM-4.5-Air.json";
import Granite4HSmall from "./fixtures/configs/granite-4.0-h-small.json";
import JambaMini from "./fixtures/configs/Jamba-Mini.json";
import MiniMaxM2 from "./fixtures/configs/minimax-m2.json";
import Nemotron3Nano from "./fixtures/configs/NVIDIA-Nemotron-3-Nano-30B-A3B.json";
import NemotronNano9B from "./fixtures/configs/NVIDIA-Nemotron-Nano-9B-v2.json";
import Qwen36_35B from "./fixtures/configs/Qwen3.6-35B-A3B.json";
import DeepSeekV3 from "./fixtures/configs/DeepSeek-V3.json";
import Gemma2_9B from "./fixtures/configs/gemma-2-9b-it.json";
import GptOss120B from "./fixtures/configs/gpt-oss-120b.json";
import GptOss20B from "./fixtures/configs/gpt-oss-20b.json";
import Llama31_70B from "./fixtures/configs/Llama-3.1-70B-Instruct.json";
import Llama31_8B from "./fixtures/configs/Llama-3.1-8B-Instruct.json";
import Llama32_1B from "./fixtures/configs/Llama-3.2-1B-Instruct.json";
import Llama32_3B from "./fixtures/configs/Llama-3.2-3B-Instruct.json";
import Mistral7B from "./fixtures/configs/Mistral-7B-Instruct-v0.3.json";
import Phi3Mini from "./fixtures/configs/Phi-3-mini-4k-instruct.json";
import Phi4 from "./fixtures/configs/Phi-4.json";
import Qwen25_3B from "./fixtures/configs/Qwen2.5-3B.json";
import Qwen25_7B from "./fixtures/configs/Qwen2.5-7B-Instruct.json";
import Qwen3_14B from "./fixtures/configs/Qwen3-14B.json";
import Qwen3_30B_A3B from "./fixtures/configs/Qwen3-30B-A3B.json";
import Qwen3_32B from "./fixtures/configs/Qwen3-32B.json";
import Qwen3_4B from "./fixtures/configs/Qwen3-4B.json";
import Qwen3_8B from "./fixtures/configs/Qwen3-8B.json";

/** Verbatim Hugging Face config.json files, keyed by file name (see fixtures/configs/SOURCES.md). */
export const CONFIGS: Readonly<Record<string, unknown>> = {
  "DeepSeek-V3.json": DeepSeekV3,
  "gemma-2-9b-it.json": Gemma2_9B,
  "gpt-oss-120b.json": GptOss120B,
  "gpt-oss-20b.json": GptOss20B,
  "Llama-3.1-70B-Instruct.json": Llama31_70B,
  "Llama-3.1-8B-Instruct.json": Llama31_8B,
  "Llama-3.2-1B-Instruct.json": Llama32_1B,
  "Llama-3.2-3B-Instruct.json": Llama32_3B,
  "Mistral-7B-Instruct-v0.3.json": Mistral7B,
  "Phi-3-mini-4k-instruct.json": Phi3Mini,
  "Phi-4.json": Phi4,
  "Qwen2.5-3B.json": Qwen25_3B,
  "Qwen2.5-7B-Instruct.json": Qwen25_7B,
  "Qwen3-14B.json": Qwen3_14B,
  "Qwen3-30B-A3B.json": Qwen3_30B_A3B,
  "Qwen3-32B.json": Qwen3_32B,
  "Qwen3-4B.json": Qwen3_4B,
  "Qwen3-8B.json": Qwen3_8B,
  // 2025-26 hybrids and new architectures (transcriptions / reconstructions, see configs/SOURCES.md)
  "Qwen3-Coder-Next.json": DevNext,
  "Qwen3.6-35B-A3B.json": Qwen36_35B,
  "GLM-4.5-Air.json": Glm45Air,
  "gemma-4-31B-it.json": Gemma4_31B,
  "NVIDIA-Nemotron-Nano-9B-v2.json": NemotronNano9B,
  "NVIDIA-Nemotron-3-Nano-30B-A3B.json": Nemotron3Nano,
  "granite-4.0-h-small.json": Granite4HSmall,
  "minimax-m2.json": MiniMaxM2,
  "Jamba-Mini.json": JambaMini,
  "exaone4-32b.json": Exaone4_32B,
};
