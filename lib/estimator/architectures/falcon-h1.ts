/**
 * Falcon-H1 (falcon_h1): every layer runs GQA attention and a Mamba2 mixer in parallel, then a gated FFN, so
 * every layer keeps both a KV cache and a recurrent state (llama.cpp LLM_ARCH_FALCON_H1: the hybrid memory's
 * attention and recurrent filters both accept every layer). Keys: transformers configuration_falcon_h1.py.
 */
import type { ArchitectureAdapter } from "./types";

export const falconH1: ArchitectureAdapter = {
  modelTypes: ["falcon_h1"],
  tieDefault: false,
  apply(r, d, base) {
    d.qkvBias = r.bool("attention_bias", false);
    d.outputBias = d.qkvBias;
    d.parallelRecurrent = true;
    const heads = r.dim("mamba_n_heads");
    const headDim = r.optInt("mamba_d_head") ?? Math.floor(base.hiddenSize / heads);
    d.recurrent = {
      kind: "mamba2",
      convKernel: r.optInt("mamba_d_conv") ?? 4,
      innerSize: r.optInt("mamba_d_ssm") ?? heads * headDim,
      stateSize: r.optInt("mamba_d_state") ?? 256,
      groups: r.optInt("mamba_n_groups") ?? 1,
      heads,
      convBias: r.bool("mamba_conv_bias", true),
      norm: r.bool("mamba_rms_norm", false),
    };
  },
};
