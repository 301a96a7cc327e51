/**
 * Granite 4.0 H (granitemoehybrid; llama.cpp calls it granitehybrid): Mamba2 and attention layers listed in
 * layer_types, every layer followed by a MoE block (num_local_experts, top num_experts_per_tok, width
 * intermediate_size) plus an always-on shared MLP (shared_intermediate_size); with no experts the shared MLP is
 * the layer's dense FFN. Keys: transformers configuration_granitemoehybrid.py; tensors: llama.cpp
 * LLM_ARCH_GRANITE_HYBRID.
 */
import { ConfigError } from "./reader";
import type { ArchitectureAdapter } from "./types";

export const graniteHybrid: ArchitectureAdapter = {
  modelTypes: ["granitemoehybrid", "granitehybrid"],
  tieDefault: true,
  apply(r, d, base) {
    d.qkvBias = r.bool("attention_bias", false);
    d.outputBias = d.qkvBias;
    d.useLayerTypes = false;
    const types = r.strArray("layer_types") ?? r.strArray("layers_block_type");
    if (types === null)
      throw new ConfigError("layer_types", `config.json: missing "layer_types" (array of strings)`);
    if (types.length !== base.numLayers) {
      throw new ConfigError(
        "layer_types",
        `config.json: "layer_types" has ${types.length} entries, expected ${base.numLayers}`,
      );
    }
    d.layerMixer = (i) => (types[i] === "mamba" ? "recurrent" : "attention");
    const expand = r.optInt("mamba_expand") ?? 2;
    const headDim = r.optInt("mamba_d_head") ?? 64;
    const heads = r.optInt("mamba_n_heads") ?? Math.floor((expand * base.hiddenSize) / headDim);
    d.recurrent = {
      kind: "mamba2",
      convKernel: r.optInt("mamba_d_conv") ?? 4,
      innerSize: heads * headDim,
      stateSize: r.optInt("mamba_d_state") ?? 128,
      groups: r.optInt("mamba_n_groups") ?? 1,
      heads,
      convBias: r.bool("mamba_conv_bias", true),
    };
    const shared = r.optInt("shared_intermediate_size") ?? 0;
    const experts = r.optInt("num_local_experts") ?? 0;
    if (experts > 0) {
      d.moe = {
        numExperts: experts,
        expertsPerToken: r.int("num_experts_per_tok"),
        expertIntermediateSize: base.intermediateSize,
        numSharedExperts: shared > 0 ? 1 : 0,
        sharedIntermediateSize: shared,
        sharedExpertGate: false,
        routerBias: false,
        expertBias: false,
      };
      d.moeLayer = () => true;
    } else {
      d.denseIntermediate = shared > 0 ? shared : base.intermediateSize;
    }
  },
};
