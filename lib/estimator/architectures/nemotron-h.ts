/**
 * Nemotron-H / Nemotron Nano v2 / Nemotron 3 (nemotron_h): blocks of one kind each, from
 * hybrid_override_pattern — "M" Mamba2, "*" attention, "-" squared-ReLU MLP, "E" MoE — every block behind a
 * single RMSNorm. Keys: transformers / vLLM configuration_nemotron_h.py (NemotronHConfig); tensors:
 * llama.cpp llama-model.cpp LLM_ARCH_NEMOTRON_H / LLM_ARCH_NEMOTRON_H_MOE.
 *
 * Nemotron 3 Super adds LatentMoE (moe_latent_size): the routed experts run in a narrower latent width between
 * ffn_latent_down {hidden → latent} and ffn_latent_up {latent → hidden}, while the router, its bias and the shared
 * expert read the full hidden state (llama.cpp PR #20411, src/models/nemotron-h.cpp load_arch_tensors and
 * build_ffn_layer; HF names mixer.fc1_latent_proj / fc2_latent_proj). llama-quantize has no rule for the two
 * projections (their names match none of ffn_up / ffn_gate / ffn_down in tensor_get_category), so they take the
 * mix's default type. The checkpoint's MTP block (num_nextn_predict_layers, mtp_hybrid_override_pattern "*E") is
 * not written into the main GGUF: llama-bench reports 120,668,707,840 parameters for unsloth's Super GGUF, the
 * repeating layers alone.
 */
import { ConfigError, type Obj, type Reader } from "./reader";
import { excerpt } from "../json-input";
import type { ArchitectureAdapter } from "./types";

/** layers_block_type names and their hybrid_override_pattern letters (NemotronHConfig). */
const BLOCK_LETTER: Record<string, string> = { mamba: "M", attention: "*", mlp: "-", moe: "E" };

/**
 * Newer NemotronHConfig files (Nemotron 3 Ultra, transformers 4.57) list the blocks as `layers_block_type`
 * names and may leave num_hidden_layers null (llama.cpp PR #27101 derives the block count from the list):
 * spell the list as the pattern string the rest of the adapter reads.
 */
function withPattern(config: Obj): Obj {
  const list = config["layers_block_type"];
  if (config["hybrid_override_pattern"] != null || list == null) return config;
  if (!Array.isArray(list) || list.length === 0) {
    throw new ConfigError("layers_block_type", `config.json: "layers_block_type" must be a non-empty array`);
  }
  const letters = list.map((name) => (typeof name === "string" ? BLOCK_LETTER[name] : undefined));
  const bad = letters.indexOf(undefined);
  if (bad >= 0) {
    throw new ConfigError(
      "layers_block_type",
      `config.json: "layers_block_type" entry ${bad} must be one of mamba, attention, mlp, moe`,
    );
  }
  const layers = config["num_hidden_layers"] ?? list.length;
  if (layers !== list.length) {
    throw new ConfigError(
      "layers_block_type",
      `config.json: "layers_block_type" has ${list.length} entries but "num_hidden_layers" is ${excerpt(layers)}`,
    );
  }
  return { ...config, num_hidden_layers: layers, hybrid_override_pattern: letters.join("") };
}

/** The first key present among spellings used by different config versions. */
function firstInt(r: Reader, keys: string[], fallback: number): number {
  for (const k of keys) {
    const v = r.optInt(k);
    if (v !== null) return v;
  }
  return fallback;
}

export const nemotronH: ArchitectureAdapter = {
  modelTypes: ["nemotron_h"],
  tieDefault: false,
  unwrap: (config) => ({ cfg: withPattern(config), modelType: "nemotron_h" }),
  // the vendor's cards count active parameters without the input-embedding lookup table
  activeExcludesEmbedding: true,
  // MoE-only configs (Nemotron 3) may leave intermediate_size out.
  defaults: { intermediate_size: 0 },
  apply(r, d, base) {
    const pattern = r.str("hybrid_override_pattern");
    if (pattern === null) {
      throw new ConfigError(
        "hybrid_override_pattern",
        `config.json: missing "hybrid_override_pattern" (string)`,
      );
    }
    if (pattern.length !== base.numLayers || !/^[M*\-E]+$/.test(pattern)) {
      throw new ConfigError(
        "hybrid_override_pattern",
        `config.json: "hybrid_override_pattern" must have ${base.numLayers} characters of M, *, - or E`,
      );
    }
    const kind = (i: number) => pattern[i]!;
    d.layerMixer = (i) => (kind(i) === "M" ? "recurrent" : kind(i) === "*" ? "attention" : "none");
    d.layerHasFfn = (i) => kind(i) === "-" || kind(i) === "E";
    d.ungatedFfn = true;
    d.useLayerTypes = false;
    d.qkvBias = r.bool("attention_bias", false);
    d.outputBias = d.qkvBias;
    d.headDim = firstInt(r, ["head_dim", "attention_head_dim"], d.headDim);
    d.vHeadDim = d.headDim;
    d.mlpBias = r.bool("mlp_bias", false);

    const heads = r.dim("mamba_num_heads");
    const headDim = r.dim("mamba_head_dim");
    d.recurrent = {
      kind: "mamba2",
      convKernel: firstInt(r, ["conv_kernel", "mamba_d_conv"], 4),
      innerSize: heads * headDim,
      stateSize: firstInt(r, ["ssm_state_size"], 128),
      groups: firstInt(r, ["n_groups", "mamba_n_groups"], 8),
      heads,
      convBias: r.bool("use_conv_bias", r.bool("mamba_conv_bias", true)),
    };

    if (pattern.includes("E")) {
      const routed = r.int("n_routed_experts");
      const shared = r.optInt("moe_shared_expert_intermediate_size") ?? 0;
      // null or absent on Nano and Nemotron-H (NemotronHConfig default None)
      const latent = r.optInt("moe_latent_size") ?? 0;
      d.moe = {
        numExperts: routed,
        expertsPerToken: r.int("num_experts_per_tok"),
        expertIntermediateSize: r.int("moe_intermediate_size"),
        numSharedExperts: shared > 0 ? 1 : 0,
        sharedIntermediateSize: shared,
        sharedExpertGate: false,
        // sigmoid routing with e_score_correction_bias (NemotronHTopkRouter)
        routerBias: true,
        expertBias: false,
      };
      if (latent > 0) d.moe.latentSize = latent;
      d.moeLayer = (i) => kind(i) === "E";
    }
  },
};
