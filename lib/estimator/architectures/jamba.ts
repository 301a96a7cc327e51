/**
 * Jamba / Jamba 1.5-1.7 (jamba): Mamba-1 layers with one attention layer every attn_layer_period
 * (at attn_layer_offset) and a MoE FFN every expert_layer_period (at expert_layer_offset). Keys: transformers
 * configuration_jamba.py; tensors: llama.cpp LLM_ARCH_JAMBA. State per llama-hparams.cpp with n_group = 0:
 * conv (d_conv − 1)·d_inner and SSM d_state·d_inner values.
 */
import { plainMoe } from "./moe";
import type { ArchitectureAdapter } from "./types";

export const jamba: ArchitectureAdapter = {
  modelTypes: ["jamba"],
  tieDefault: false,
  apply(r, d, base) {
    const attnPeriod = r.optInt("attn_layer_period") ?? 8;
    const attnOffset = r.optInt("attn_layer_offset") ?? 4;
    const expertPeriod = r.optInt("expert_layer_period") ?? 2;
    const expertOffset = r.optInt("expert_layer_offset") ?? 1;
    d.useLayerTypes = false;
    d.layerMixer = (i) => (attnPeriod > 0 && i % attnPeriod === attnOffset ? "attention" : "recurrent");
    const expand = r.optInt("mamba_expand") ?? 2;
    d.recurrent = {
      kind: "mamba",
      convKernel: r.optInt("mamba_d_conv") ?? 4,
      innerSize: expand * base.hiddenSize,
      stateSize: r.optInt("mamba_d_state") ?? 16,
      groups: 0,
      heads: 0,
      convBias: r.bool("mamba_conv_bias", true),
      dtRank: r.optInt("mamba_dt_rank") ?? Math.ceil(base.hiddenSize / 16),
    };
    const experts = r.optInt("num_experts") ?? 1;
    if (experts > 1) {
      d.moe = plainMoe(r, experts, base.intermediateSize);
      d.moeLayer = (i) => expertPeriod > 0 && i % expertPeriod === expertOffset;
    }
  },
};
