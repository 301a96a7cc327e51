/**
 * SmolLM3 against the released checkpoint. The config is HuggingFaceTB/SmolLM3-3B's config.json as mirrored
 * (with the repository's model.safetensors.index.json) in https://github.com/fetchwiki/HuggingFaceTB-SmolLM3-3B
 * at commit 2db8990c473c6b73b340dde39f1f323e8ab305e4 (a 15 July 2025 snapshot of the Hugging Face repository).
 */
import { describe, expect, it } from "vitest";
import { testdataArch, testdataConfig } from "../fixtures.test-utils";
import { listTensors, parameterBreakdown, parseConfig } from "../index";

describe("smollm3 (SmolLM3-3B)", () => {
  const arch = testdataArch("SmolLM3-3B");

  // model.safetensors.index.json of the release: "metadata": {"total_parameters": 3075098624,
  // "total_size": 6150197248} — the exact count, so the adapter must match it to the parameter.
  it("counts the checkpoint's 3,075,098,624 parameters exactly", () => {
    expect(parameterBreakdown(arch).total).toBe(3_075_098_624);
  });

  // The two safetensors shards hold 258 + 68 = 326 tensors (mirror README): 36 layers of 9 tensors, the
  // embedding and the final norm — no lm_head, because the output layer is tied to the embedding.
  it("has no separate output tensor: 36 × 9 + 2 = 326 tensors", () => {
    const tensors = listTensors(arch);
    expect(tensors.length).toBe(326);
    expect(tensors.some((t) => t.name === "output.weight")).toBe(false);
  });

  it("an explicit untied config grows by one vocab × hidden output matrix", () => {
    const cfg = { ...(testdataConfig("SmolLM3-3B") as Record<string, unknown>), tie_word_embeddings: false };
    expect(parameterBreakdown(parseConfig(cfg)).total - 3_075_098_624).toBe(128_256 * 2048);
  });
});
