import { describe, expect, it } from "vitest";
import { getModel, getModels } from "@/lib/content/models";
import { modelMarkdown } from "@/lib/publish/model-markdown";
import { visionTowerLine } from "@/lib/views/vision-tower";

function model(slug: string) {
  const found = getModel(slug);
  if (!found) throw new Error(`no page ${slug}`);
  return found;
}

describe("vision tower line on model pages", () => {
  it("Qwen3-VL 8B: about 1.08 GiB at f16 (the 576M-parameter tower with DeepStack mergers)", () => {
    const line = visionTowerLine(model("qwen-3-vl-8b"));
    expect(line).not.toBeNull();
    expect(line!.headline).toBe("+ 1.08 GiB for the vision projector (mmproj, f16)");
    expect(line!.detail).toContain("576M-parameter");
    expect(line!.q8Bytes).toBeLessThan(line!.f16Bytes);
  });

  it("text-only models and towers the estimator does not know show no line", () => {
    expect(visionTowerLine(model("qwen-3-8b"))).toBeNull();
    // Gemma 4's own vision encoder (gemma4_vision) is not modelled yet: no figure rather than a wrong one.
    expect(visionTowerLine(model("gemma-4-31b"))).toBeNull();
  });

  it("every page whose config carries a Qwen3-VL-style tower gets the line, in HTML data and Markdown alike", () => {
    const withTower = getModels().filter((m) => m.architecture.vision);
    expect(withTower.map((m) => m.slug)).toEqual(
      expect.arrayContaining(["qwen-3-vl-2b", "qwen-3-5-27b", "gemma-3-27b"]),
    );
    for (const m of withTower) {
      const line = visionTowerLine(m)!;
      expect(modelMarkdown(m), m.slug).toContain(line.headline);
    }
    expect(modelMarkdown(model("qwen-3-8b"))).not.toContain("vision projector");
  });
});
