/**
 * Qwen3-VL language models and multimodal projector (mmproj) files against real data. Each row names its source.
 */
import { describe, expect, it } from "vitest";
import { testdataArch } from "./fixtures.test-utils";
import {
  estimateMemory,
  estimateVisionTower,
  parameterBreakdown,
  parseConfig,
  parseVisionTower,
  type ModelArchitecture,
} from "./index";

function tower(arch: ModelArchitecture) {
  if (!arch.vision) throw new Error(`${arch.modelType}: no vision tower parsed`);
  return estimateVisionTower(arch.vision);
}

describe("qwen3_vl / qwen3_vl_moe language models", () => {
  // Model cards (huggingface.co/Qwen/Qwen3-VL-*): sizes in the names; HF's safetensors counts include the vision
  // tower. Text-only counts: language model alone; card + tower must land near the safetensors count.
  const rows: [string, number, number | null][] = [
    // [testdata, text-model parameters we expect (±2 %), active]
    ["Qwen3-VL-2B-Instruct", 1.72e9, null],
    ["Qwen3-VL-4B-Instruct", 4.02e9, null],
    ["Qwen3-VL-8B-Instruct", 8.19e9, null],
    ["Qwen3-VL-32B-Instruct", 32.8e9, null],
    ["Qwen3-VL-30B-A3B-Instruct", 30.5e9, 3.3e9],
    ["Qwen3-VL-235B-A22B-Instruct", 235.1e9, 22.2e9],
  ];
  it.each(rows)("%s: the language model counts as its Qwen3 text twin", (name, total, active) => {
    const arch = testdataArch(name);
    const p = parameterBreakdown(arch);
    expect(Math.abs(p.total / total - 1)).toBeLessThan(0.02);
    if (active !== null) expect(Math.abs(p.active / active - 1)).toBeLessThan(0.1);
    expect(arch.moe !== null).toBe(active !== null);
    // KV as Qwen3: 128-wide heads, every layer full attention.
    expect(arch.headDim).toBe(128);
    expect(arch.layers.every((l) => l.attention === "full")).toBe(true);
  });

  // Qwen3-VL-8B's text model has Qwen3-8B's exact shapes (36 layers, 4096 wide, 12288 FFN, 32/8 heads, untied,
  // vocabulary 151936), so its count must equal Qwen3-8B's to the parameter.
  it("Qwen3-VL-8B text model = Qwen3-8B shapes", () => {
    const vl = testdataArch("Qwen3-VL-8B-Instruct");
    const text = parseConfig({
      model_type: "qwen3",
      hidden_size: 4096,
      intermediate_size: 12288,
      num_hidden_layers: 36,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      head_dim: 128,
      vocab_size: 151936,
      max_position_embeddings: 40960,
      tie_word_embeddings: false,
    });
    expect(parameterBreakdown(vl).total).toBe(parameterBreakdown(text).total);
  });

  it("2B / 4B tie their embeddings (top-level tie_word_embeddings: true)", () => {
    expect(testdataArch("Qwen3-VL-2B-Instruct").tieWordEmbeddings).toBe(true);
    expect(testdataArch("Qwen3-VL-8B-Instruct").tieWordEmbeddings).toBe(false);
  });

  it("bytes.total of the text-only estimate ignores the vision tower", () => {
    const arch = testdataArch("Qwen3-VL-8B-Instruct");
    const { vision, ...textOnly } = arch;
    expect(vision).toBeDefined();
    const a = estimateMemory(arch, { format: "Q4_K_M", contextTokens: 8192 }).bytes.total;
    const b = estimateMemory(textOnly, { format: "Q4_K_M", contextTokens: 8192 }).bytes.total;
    expect(a).toBe(b);
  });

  it("a wrong text_config model_type fails with one line naming it", () => {
    expect(() => parseConfig({ model_type: "qwen3_vl", text_config: { model_type: "llama" } })).toThrow(
      /text_config "model_type"/,
    );
    expect(() => parseConfig({ model_type: "qwen3_vl_moe" })).toThrow(/text_config/);
  });
});

describe("vision tower (mmproj) sizes", () => {
  const MB = 1e6;

  // https://huggingface.co/khtsly/Mini-Coder-GGUF/commit/e0f87a9e9db2e5bafabf510ea38f3c306b0f40b0 (Unsloth export):
  // Qwen3.5-9B.BF16-mmproj.gguf, Git LFS pointer "size 921704576". Qwen3.5 reuses the Qwen3-VL vision module;
  // a BF16 file keeps the patch embedding in F32 (MmprojModel.tensor_force_quant), so its bytes are our f16
  // figure plus 2 bytes per patch-embedding weight.
  it("Qwen3.5-9B tower (Qwen3-VL layout, no DeepStack): BF16 mmproj within 0.5 % of 921,704,576 bytes", () => {
    const arch = testdataArch("Qwen3.5-9B");
    const est = tower(arch);
    const v = arch.vision!;
    const patchWeights = v.hiddenSize * v.inChannels * v.patchSize * v.patchSize * v.temporalPatchSize;
    const bf16 = est.mmprojBytes.f16 + 2 * patchWeights;
    expect(Math.abs(bf16 / 921_704_576 - 1)).toBeLessThan(0.005);
  });

  // https://huggingface.co/ggml-org/gemma-3-4b-it-GGUF/tree/main: mmproj-model-f16.gguf 851 MB;
  // https://huggingface.co/ggml-org/gemma-3-27b-it-GGUF/tree/main: mmproj-model-f16.gguf 858 MB.
  // vision_config as in google/gemma-3-*-it config.json (SigLIP so400m at 896 px, patch 14).
  const siglip = {
    hidden_size: 1152,
    image_size: 896,
    intermediate_size: 4304,
    model_type: "siglip_vision_model",
    num_attention_heads: 16,
    num_hidden_layers: 27,
    patch_size: 14,
    vision_use_head: false,
  };
  // https://huggingface.co/koboldcpp/mmproj/tree/main: gemma3-12b-mmproj.gguf 854 MB (f16).
  it.each([
    [2560, 851],
    [3840, 854],
    [5376, 858],
  ])("Gemma 3 (text hidden %i): f16 mmproj within 3 %% of %i MB", (textHidden, megabytes) => {
    const v = parseVisionTower({
      model_type: "gemma3",
      text_config: { model_type: "gemma3_text", hidden_size: textHidden },
      vision_config: siglip,
    });
    expect(v).not.toBeNull();
    const est = estimateVisionTower(v!);
    expect(Math.abs(est.mmprojBytes.f16 / (megabytes * MB) - 1)).toBeLessThan(0.03);
    // SigLIP so400m is "about 400M parameters" (Gemma 3 technical report, arXiv 2503.19786).
    expect(est.parameters).toBeGreaterThan(400e6);
    expect(est.parameters).toBeLessThan(440e6);
  });

  it("Qwen3-VL DeepStack mergers add to the tower; q8_0 is smaller than f16 but above half", () => {
    const e8 = tower(testdataArch("Qwen3-VL-8B-Instruct"));
    const e35 = tower(testdataArch("Qwen3.5-9B"));
    // Same 27-block tower and out width 4096; three DeepStack mergers of ~40M each.
    expect(e8.parameters - e35.parameters).toBeGreaterThan(3 * 39e6);
    expect(e8.parameters - e35.parameters).toBeLessThan(3 * 41e6);
    expect(e8.mmprojBytes.q8_0).toBeLessThan(e8.mmprojBytes.f16);
    expect(e8.mmprojBytes.q8_0).toBeGreaterThan(e8.mmprojBytes.f16 / 2);
  });

  // https://huggingface.co/koboldcpp/mmproj/tree/main: mmproj-mistralai_Mistral-Small-3.1-24B-Instruct-2503-f16.gguf
  // 878 MB. Config keys as in mistralai/Mistral-Small-3.1-24B-Instruct-2503 config.json (Pixtral encoder, 24 blocks,
  // 1024 wide, patch 14; spatial_merge_size 2; multimodal_projector_bias false; text hidden 5120).
  it("Mistral Small 3.1 (Pixtral tower): f16 mmproj within 3 % of 878 MB; no measured compute figure", () => {
    const v = parseVisionTower({
      model_type: "mistral3",
      multimodal_projector_bias: false,
      spatial_merge_size: 2,
      text_config: { model_type: "mistral", hidden_size: 5120 },
      vision_config: {
        head_dim: 64,
        hidden_act: "silu",
        hidden_size: 1024,
        image_size: 1540,
        intermediate_size: 4096,
        model_type: "pixtral",
        num_attention_heads: 16,
        num_channels: 3,
        num_hidden_layers: 24,
        patch_size: 14,
        rope_theta: 10000.0,
      },
    });
    expect(v?.family).toBe("pixtral");
    const est = estimateVisionTower(v!);
    expect(Math.abs(est.mmprojBytes.f16 / (878 * MB) - 1)).toBeLessThan(0.03);
    expect(est.computeBytes).toBeNull();
  });

  // https://github.com/gpustack/gguf-parser-go/issues/44: llama.cpp's own "[mtmd] adding N MiB" report, flash
  // attention off / on — Qwen3-VL 4728 / 323 MiB, gemma3 1132 / 121 MiB.
  it("compute allowance for image encoding: the measured llama.cpp figures per family", () => {
    const MiB = 1024 ** 2;
    const q = tower(testdataArch("Qwen3-VL-30B-A3B-Instruct")).computeBytes!;
    expect([q.noFlashAttention / MiB, q.flashAttention / MiB]).toEqual([4728, 323]);
    const g = estimateVisionTower(
      parseVisionTower({ model_type: "gemma3", text_config: { hidden_size: 2560 }, vision_config: siglip })!,
    ).computeBytes!;
    expect([g.noFlashAttention / MiB, g.flashAttention / MiB]).toEqual([1132, 121]);
  });

  it("configs without a known tower have none; a bad known tower fails naming the key", () => {
    expect(testdataArch("Mistral-7B-Instruct-v0.3").vision).toBeUndefined();
    expect(
      parseVisionTower({
        model_type: "gemma3",
        text_config: { hidden_size: 8 },
        vision_config: { model_type: "other" },
      }),
    ).toBeNull();
    expect(() =>
      parseVisionTower({
        model_type: "qwen3_vl",
        text_config: { hidden_size: 8 },
        vision_config: { depth: 0 },
      }),
    ).toThrow(/vision_config\.depth/);
    // A huge size is refused rather than turned into an Infinity of bytes.
    expect(() =>
      parseVisionTower({
        model_type: "qwen3_5",
        text_config: { hidden_size: 8 },
        vision_config: { hidden_size: 1e300 },
      }),
    ).toThrow(/vision_config\.hidden_size/);
  });
});
