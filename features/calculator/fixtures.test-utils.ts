// Shared test data for the calculator's tests and benchmarks: one config, so every test reads the same model.

/**
 * The fields of meta-llama/Llama-3.1-8B-Instruct's official config.json that the estimator reads (rope scaling and
 * token ids left out): https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/config.json
 */
export const LLAMA_3_1_8B_CONFIG = {
  model_type: "llama",
  hidden_size: 4096,
  intermediate_size: 14336,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  vocab_size: 128256,
  max_position_embeddings: 131072,
  tie_word_embeddings: false,
} as const;
