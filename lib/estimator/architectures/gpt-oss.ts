/** gpt-oss (transformers configuration_gpt_oss.py; OpenAI model card). */
import { isObj } from "./reader";
import type { ArchitectureAdapter } from "./types";

export const gptOss: ArchitectureAdapter = {
  modelTypes: ["gpt_oss"],
  tieDefault: false,
  // the vendor's cards count active parameters without the input-embedding lookup table
  activeExcludesEmbedding: true,
  apply(r, d, base) {
    d.qkvBias = true;
    d.outputBias = true;
    d.sinks = true;
    d.mlpBias = false;
    d.llamaCppWindowedCache = true;
    // GptOssConfig: without layer_types, even layers slide ("sliding_attention" if (i + 1) % 2).
    const w = r.int("sliding_window");
    d.layerAttn = (i) =>
      i % 2 === 0 ? { attention: "sliding", window: w } : { attention: "full", window: null };
    const e = r.optInt("num_local_experts") ?? r.int("num_experts");
    const k = r.optInt("num_experts_per_tok") ?? r.int("experts_per_token");
    d.moe = {
      numExperts: e,
      expertsPerToken: k,
      expertIntermediateSize: base.intermediateSize,
      numSharedExperts: 0,
      sharedIntermediateSize: 0,
      sharedExpertGate: false,
      routerBias: true,
      expertBias: true,
    };
    d.moeLayer = () => true;
    // Every gpt-oss release ships its routed experts in MXFP4 (quantization_config quant_method "mxfp4");
    // treat the model type as MXFP4 unless the config names another quantization method.
    const q = r.raw("quantization_config");
    d.mxfp4Experts = !isObj(q) || q["quant_method"] === "mxfp4";
  },
};
