/**
 * Nemotron 3 Super 120B-A12B and Ultra 550B-A55B (nemotron_h with LatentMoE) against real data. The config is the release's
 * config.json as copied verbatim into ai-dynamo/aiconfigurator (see testdata/SOURCES.md); it carries a bare
 * `Infinity` (time_step_limit), which the test loader reads the way the CLI does (parseJsonInput).
 */
import { describe, expect, it } from "vitest";
import { testdataArch, testdataConfig } from "../fixtures.test-utils";
import {
  countParameters,
  ggufTensorBytes,
  listTensors,
  parameterBreakdown,
  parseConfig,
  type ModelArchitecture,
} from "../index";

function superConfig(): Record<string, unknown> {
  return testdataConfig("NVIDIA-Nemotron-3-Super-120B-A12B") as Record<string, unknown>;
}

/** Layers, Mamba2 blocks, MoE blocks, attention blocks and the expert latent width. */
function shape(arch: ModelArchitecture) {
  return [
    arch.numLayers,
    arch.layers.filter((l) => l.mixer === "recurrent").length,
    arch.layers.filter((l) => l.moe).length,
    arch.layers.filter((l) => l.mixer === "attention").length,
    arch.moe?.latentSize,
  ];
}

describe("nemotron_h LatentMoE (Nemotron 3 Super 120B-A12B)", () => {
  const arch = parseConfig(superConfig());

  it("reads 40 Mamba2, 40 LatentMoE and 8 attention blocks with a 1024-wide expert latent", () => {
    expect(shape(arch)).toEqual([88, 40, 40, 8, 1024]);
  });

  // llama.cpp src/models/nemotron-h.cpp (load_arch_tensors, PR #20411): latent projections {n_embd, latent} and
  // {latent, n_embd}; experts {latent, n_ff_exp, n_expert} / {n_ff_exp, latent, n_expert}; router and shared
  // expert on the full n_embd.
  it("lays out an MoE block's tensors as llama.cpp creates them", () => {
    const block = listTensors(arch).filter((t) => t.layer === 1);
    const shape = (suffix: string) => block.find((t) => t.name === `blk.1.${suffix}`)?.ne;
    expect(shape("ffn_gate_inp.weight")).toEqual([4096, 512, 1]);
    expect(shape("exp_probs_b.bias")).toEqual([512, 1, 1]);
    expect(shape("ffn_latent_down.weight")).toEqual([4096, 1024, 1]);
    expect(shape("ffn_latent_up.weight")).toEqual([1024, 4096, 1]);
    expect(shape("ffn_up_exps.weight")).toEqual([1024, 2688, 512]);
    expect(shape("ffn_down_exps.weight")).toEqual([2688, 1024, 512]);
    expect(shape("ffn_up_shexp.weight")).toEqual([4096, 5376, 1]);
    expect(shape("ffn_down_shexp.weight")).toEqual([5376, 4096, 1]);
    expect(block.some((t) => t.name.includes("ffn_gate_exps"))).toBe(false);
  });

  // llama-bench on unsloth/NVIDIA-Nemotron-3-Super-120B-A12B-GGUF UD-IQ4_XS, build b9453: "model_n_params:
  // 120668707840" (search-tool file id 58138836309); the same count in llama-server's metadata for a Q4_K_M made
  // while llama.cpp PR #20411 was written (file id 39776560719). The GGUF holds the 88 repeating blocks only, not
  // the checkpoint's MTP block.
  it("counts llama.cpp's 120,668,707,840 parameters exactly", () => {
    expect(parameterBreakdown(arch).total).toBe(120_668_707_840);
  });

  // Model card and tech report (arXiv 2604.12374): "120B total, 12B active"; NVIDIA counts active parameters
  // without the input-embedding table (as for Nemotron 3 Nano: 3.2B active, 3.6B with embeddings).
  it("activates about 12B parameters per token: 22 of 512 experts plus latent projections and shared expert", () => {
    const p = countParameters(arch);
    expect(p.active).toBe(parameterBreakdown(arch).active);
    expect(Math.abs(p.active / 12e9 - 1)).toBeLessThan(0.02);
    expect(Math.abs(p.total / 120e9 - 1)).toBeLessThan(0.006);
  });

  // llama.cpp's model_size for that Q4_K_M (llama-quantize standard mix, build b7866): 86,173,184,000 bytes
  // (file id 39776560719). The latent projections fall in llama-quant.cpp's OTHER category (no ffn_up / ffn_gate /
  // ffn_down in their names) and take the mix's default type.
  it("sizes a standard Q4_K_M GGUF within 0.5 % of llama.cpp's model_size", () => {
    const tensors = ggufTensorBytes(arch, "Q4_K_M");
    const bytes = tensors.reduce((sum, t) => sum + t.bytes, 0);
    expect(Math.abs(bytes / 86_173_184_000 - 1)).toBeLessThan(0.005);
    const latent = tensors.filter(
      (t) => t.tensor.role === "ffn_latent_down" || t.tensor.role === "ffn_latent_up",
    );
    expect(latent.length).toBe(80);
    expect(new Set(latent.map((t) => t.type))).toEqual(new Set(["Q4_K"]));
  });

  it("treats a null moe_latent_size as an ordinary MoE and names a bad one", () => {
    const plain = parseConfig({ ...superConfig(), moe_latent_size: null });
    expect(plain.moe?.latentSize).toBeUndefined();
    expect(parameterBreakdown(plain).total).toBeGreaterThan(parameterBreakdown(arch).total);
    expect(() => parseConfig({ ...superConfig(), moe_latent_size: "1024" })).toThrow(/"moe_latent_size"/);
  });

  it("leaves Nemotron 3 Nano (no moe_latent_size) without latent tensors", () => {
    const nano = testdataArch("NVIDIA-Nemotron-3-Nano-30B-A3B");
    expect(nano.moe?.latentSize).toBeUndefined();
    expect(listTensors(nano).some((t) => t.role === "ffn_latent_down")).toBe(false);
  });
});

describe("nemotron_h layers_block_type (Nemotron 3 Ultra 550B-A55B)", () => {
  const ultra = testdataArch("NVIDIA-Nemotron-3-Ultra-550B-A55B");

  // https://research.nvidia.com/labs/nemotron/Nemotron-3-Ultra/ and the model card: "550B (55B active)".
  it("reads the 108-entry block list and lands on the card's 550B total and 55B active", () => {
    expect(shape(ultra)).toEqual([108, 48, 48, 12, 2048]);
    const p = countParameters(ultra);
    expect(Math.abs(p.total / 550e9 - 1)).toBeLessThan(0.005);
    expect(Math.abs(p.active / 55e9 - 1)).toBeLessThan(0.005);
  });

  // The release's file writes "num_hidden_layers": null (llama.cpp PR #27101 derives the block count from the list).
  it("accepts a null num_hidden_layers and refuses a list that disagrees with it or names an unknown block", () => {
    const cfg = testdataConfig("NVIDIA-Nemotron-3-Ultra-550B-A55B") as Record<string, unknown>;
    expect(parameterBreakdown(parseConfig({ ...cfg, num_hidden_layers: null })).total).toBe(
      parameterBreakdown(ultra).total,
    );
    expect(() => parseConfig({ ...cfg, num_hidden_layers: 100 })).toThrow(
      /"layers_block_type" has 108 entries/,
    );
    const list = [...(cfg["layers_block_type"] as string[])];
    list[3] = "linear_attention";
    expect(() => parseConfig({ ...cfg, layers_block_type: list })).toThrow(/entry 3 must be one of/);
  });
});
