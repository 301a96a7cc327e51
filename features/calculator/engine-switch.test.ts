import { describe, expect, it } from "vitest";
import { KV_TYPES_BY_ENGINE, WEIGHT_FORMATS } from "@/lib/estimator";
import { nearestFormat, nearestKvType } from "@/features/calculator/state";
import { engineSwitchNotes } from "./engine-switch";

function switchTo(engine: "llama.cpp" | "vllm", from: Parameters<typeof engineSwitchNotes>[0]) {
  const after = { engine, quant: nearestFormat(from.quant, engine), kv: nearestKvType(from.kv, engine) };
  return { after, notes: engineSwitchNotes(from, after) };
}

describe("engineSwitchNotes", () => {
  it("says nothing when vLLM supports both the format and the KV type", () => {
    const { after, notes } = switchTo("vllm", { engine: "llama.cpp", quant: "BF16", kv: "bf16" });
    expect(after).toMatchObject({ quant: "BF16", kv: "bf16" });
    expect(notes).toEqual([]);
  });

  it("names the replaced GGUF format and the q8_0 cache (the reported silent swap)", () => {
    const { after, notes } = switchTo("vllm", { engine: "llama.cpp", quant: "Q5_K_M", kv: "q8_0" });
    expect(after.kv).toBe("fp8");
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain("Q5_K_M");
    expect(notes[0]).toContain("does not load GGUF files");
    expect(notes[1]).toBe(
      "KV cache q8_0 → fp8: vLLM has no q8_0 cache type; fp8 also stores 8 bits per element.",
    );
  });

  it("explains the way back to llama.cpp", () => {
    const { notes } = switchTo("llama.cpp", { engine: "vllm", quant: "AWQ-INT4", kv: "fp8" });
    expect(notes.join(" ")).toMatch(/AWQ INT4 → GGUF .*llama\.cpp does not load that checkpoint format/);
    expect(notes.join(" ")).toContain("fp8 → q8_0");
  });

  it("produces a note for every setting a switch replaces, and only those", () => {
    for (const format of WEIGHT_FORMATS) {
      for (const kv of KV_TYPES_BY_ENGINE["llama.cpp"]) {
        if (!format.engines.includes("llama.cpp")) continue;
        const { after, notes } = switchTo("vllm", { engine: "llama.cpp", quant: format.id, kv });
        const changed = Number(after.quant !== format.id) + Number(after.kv !== kv);
        expect(notes).toHaveLength(changed);
      }
    }
  });
});
