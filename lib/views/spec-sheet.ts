// Rows of a model's spec sheet: labels, display values and the config.json fields they come from.
import type { CatalogModel } from "@/lib/content/catalog";
import { formatInteger, formatParameters, formatTokens } from "@/lib/format";

export interface SpecRow {
  key: string;
  label: string;
  value: string;
  fields: string[];
}

function configValue(model: CatalogModel, key: string): unknown {
  const textConfig = model.config.text_config;
  if (textConfig && typeof textConfig === "object" && key in textConfig) {
    return (textConfig as Record<string, unknown>)[key];
  }
  return model.config[key];
}

export function attentionDescription(model: CatalogModel): string {
  const arch = model.architecture;
  if (arch.attention.kind === "mla" && arch.attention.mla) {
    const mla = arch.attention.mla;
    return `Multi-head Latent Attention (MLA): a ${mla.kvLoraRank}-dim latent + ${mla.qkRopeHeadDim}-dim rotary key cached per token`;
  }
  if (arch.numKeyValueHeads === 1) return "Multi-query attention (MQA)";
  if (arch.numKeyValueHeads === arch.numAttentionHeads) return "Multi-head attention (MHA)";
  return `Grouped-query attention (GQA), ${arch.numAttentionHeads / arch.numKeyValueHeads} query heads per KV head`;
}

function windowDescription(model: CatalogModel): string | null {
  const layers = model.architecture.layers;
  const windowed = layers.filter((layer) => layer.attention !== "full");
  if (windowed.length === 0) return null;
  const windows = [...new Set(windowed.map((layer) => layer.window))].filter((w): w is number => w !== null);
  const kind = windowed[0]?.attention === "chunked" ? "chunked local attention" : "sliding-window attention";
  return `${windowed.length} of ${layers.length} layers use ${kind} over ${windows.map(formatInteger).join(" / ")} tokens; the rest attend to the full context`;
}

export function specSheetRows(model: CatalogModel): SpecRow[] {
  const arch = model.architecture;
  const rows: SpecRow[] = [];
  const add = (key: string, label: string, value: string, fields: string[] = []) =>
    rows.push({ key, label, value, fields });

  add(
    "parameters",
    "Total parameters",
    model.statedParameters.nominal
      ? `${formatParameters(model.parameters.total)} counted (the card gives only the nominal ${formatParameters(model.statedParameters.total)})`
      : `${formatParameters(model.statedParameters.total)} (counted: ${formatParameters(model.parameters.total)})`,
  );
  if (arch.moe) {
    add(
      "active-parameters",
      "Active parameters",
      `${formatParameters(model.statedParameters.active ?? model.parameters.active)} per token (counted: ${formatParameters(model.parameters.active)})`,
    );
    const moeLayers = arch.layers.filter((layer) => layer.moe).length;
    const shared = arch.moe.numSharedExperts > 0 ? ` + ${arch.moe.numSharedExperts} shared` : "";
    add(
      "architecture",
      "Architecture",
      `Mixture of experts: ${arch.moe.expertsPerToken} of ${arch.moe.numExperts} routed experts per token${shared}, in ${moeLayers} of ${arch.numLayers} layers`,
      ["n_routed_experts / num_local_experts / num_experts", "num_experts_per_tok"],
    );
  } else {
    add("architecture", "Architecture", "Dense decoder-only transformer");
  }
  add("model-type", "Model type", String(configValue(model, "model_type") ?? arch.modelType), ["model_type"]);
  add("layers", "Transformer layers", formatInteger(arch.numLayers), ["num_hidden_layers"]);
  add("hidden-size", "Hidden size", formatInteger(arch.hiddenSize), ["hidden_size"]);
  add("attention", "Attention", attentionDescription(model));
  add("attention-heads", "Attention heads", formatInteger(arch.numAttentionHeads), ["num_attention_heads"]);
  if (arch.attention.kind === "mla" && arch.attention.mla) {
    const mla = arch.attention.mla;
    add("kv-latent", "KV latent rank", formatInteger(mla.kvLoraRank), ["kv_lora_rank"]);
    add(
      "head-dim",
      "Head dimension",
      `${mla.qkNopeHeadDim + mla.qkRopeHeadDim} for queries/keys (${mla.qkNopeHeadDim} + ${mla.qkRopeHeadDim} rotary), ${mla.vHeadDim} for values`,
      ["qk_nope_head_dim", "qk_rope_head_dim", "v_head_dim"],
    );
    if (mla.qLoraRank !== null)
      add("q-latent", "Query latent rank", formatInteger(mla.qLoraRank), ["q_lora_rank"]);
  } else {
    add("kv-heads", "Key/value heads", formatInteger(arch.numKeyValueHeads), ["num_key_value_heads"]);
    add("head-dim", "Head dimension", formatInteger(arch.headDim), ["head_dim"]);
  }
  const window = windowDescription(model);
  if (window) add("window", "Local attention", window, ["sliding_window", "layer_types"]);
  if (arch.moe) {
    add("expert-ffn", "Expert FFN width", formatInteger(arch.moe.expertIntermediateSize), [
      "moe_intermediate_size",
    ]);
  }
  if (!arch.moe || arch.layers.some((layer) => !layer.moe)) {
    add("ffn", "Dense FFN width", formatInteger(arch.intermediateSize), ["intermediate_size"]);
  }
  const activation = configValue(model, "hidden_act") ?? configValue(model, "hidden_activation");
  if (typeof activation === "string") add("activation", "Activation", activation, ["hidden_act"]);
  add("vocab", "Vocabulary", `${formatInteger(arch.vocabSize)} tokens`, ["vocab_size"]);
  add("tied", "Tied input/output embeddings", arch.tieWordEmbeddings ? "Yes" : "No", ["tie_word_embeddings"]);
  add("positions", "Max position embeddings", `${formatInteger(arch.maxPositionEmbeddings)} tokens`, [
    "max_position_embeddings",
  ]);
  const ropeScaling = configValue(model, "rope_scaling");
  if (ropeScaling && typeof ropeScaling === "object") {
    const scaling = ropeScaling as Record<string, unknown>;
    const kind = scaling.rope_type ?? scaling.type;
    if (typeof kind === "string") {
      const factor = typeof scaling.factor === "number" ? ` × ${scaling.factor}` : "";
      add("rope", "RoPE scaling", `${kind}${factor}`, ["rope_scaling"]);
    }
  }
  add("context", "Context length (model card)", `${formatTokens(model.contextLength)} tokens`);
  const dtype = configValue(model, "torch_dtype") ?? configValue(model, "dtype");
  const quant = configValue(model, "quantization_config");
  const quantMethod =
    quant && typeof quant === "object" ? (quant as Record<string, unknown>).quant_method : undefined;
  if (typeof dtype === "string" || typeof quantMethod === "string") {
    const parts = [
      typeof dtype === "string" ? dtype : null,
      typeof quantMethod === "string" ? `${quantMethod} weights` : null,
    ];
    add("dtype", "Released precision", parts.filter(Boolean).join(", "), [
      "torch_dtype",
      "quantization_config",
    ]);
  }
  return rows;
}
