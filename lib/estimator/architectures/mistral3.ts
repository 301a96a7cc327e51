/**
 * Mistral Small 3.x: Mistral3Config wraps a plain MistralConfig language model in text_config
 * (transformers models/mistral3/configuration_mistral3.py; text_config defaults to "mistral").
 */
import { llama } from "./llama";
import { ConfigError, isObj } from "./reader";
import type { ArchitectureAdapter } from "./types";
import { excerpt } from "../json-input";

export const mistral3: ArchitectureAdapter = {
  ...llama,
  modelTypes: ["mistral3"],
  unwrap(config) {
    const tc = config["text_config"];
    if (!isObj(tc))
      throw new ConfigError("text_config", `config.json: "text_config" must be an object for mistral3`);
    const inner = typeof tc["model_type"] === "string" ? tc["model_type"] : "mistral";
    if (inner !== "mistral" && inner !== "ministral3") {
      throw new ConfigError(
        "text_config",
        `config.json: unsupported text_config "model_type" ${excerpt(inner)}`,
      );
    }
    return { cfg: { ...config, ...tc }, modelType: inner };
  },
};

/**
 * Ministral 3 / Devstral Small 2 language model (ministral3, usually inside a mistral3 wrapper): Mistral's block
 * with a YaRN / Llama-4-style attention scaling that does not change any shape (transformers
 * configuration_ministral3.py).
 */
export const ministral3: ArchitectureAdapter = { ...llama, modelTypes: ["ministral3"] };
