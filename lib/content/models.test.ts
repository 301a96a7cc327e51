import { describe, expect, it } from "vitest";
import { getModels } from "@/lib/content/models";
import { relatedModels } from "@/lib/views/related";

const models = getModels();

// Model cards round their counts ("8B" for 8.03B, "7B" for 7.25B) and some include a vision tower that the text
// config does not describe, so the stated and counted totals agree only to a few per cent. A mistyped shape
// (a wrong layer count, FFN width or expert count) moves the count by far more than this.
const TOTAL_TOLERANCE = 0.06;
// Some cards give only the size in the model's name ("1.5B" for a model with untied 1.78B); such entries are marked
// `nominal` and the page leads with our count. The name still has to be in the right ballpark; the same holds for an
// active count that only the name gives ("A3B" for Qwen3-Next's 3.6B counted without the embedding lookup).
const NOMINAL_TOLERANCE = 0.2;
const ACTIVE_TOLERANCE = 0.1;

describe("catalog", () => {
  it("holds the DeepSeek R1 page", () => {
    expect(models.map((model) => model.slug)).toContain("deepseek-r1");
  });

  it.each(models.map((model) => [model.slug, model] as const))(
    "%s: parameters counted from the architecture match the model card",
    (_slug, model) => {
      const total = model.parameters.total;
      const stated = model.statedParameters.total;
      expect(Math.abs(total - stated) / stated, `counted ${total} vs stated ${stated}`).toBeLessThanOrEqual(
        model.statedParameters.nominal ? NOMINAL_TOLERANCE : TOTAL_TOLERANCE,
      );
      if (model.statedParameters.active !== null) {
        const active = model.parameters.active;
        const statedActive = model.statedParameters.active;
        expect(
          Math.abs(active - statedActive) / statedActive,
          `counted active ${active} vs stated ${statedActive}`,
        ).toBeLessThanOrEqual(model.statedParameters.nominal ? NOMINAL_TOLERANCE : ACTIVE_TOLERANCE);
      }
      expect(model.isMixtureOfExperts).toBe(model.statedParameters.active !== null);
    },
  );

  it.each(models.map((model) => [model.slug, model] as const))(
    "%s: the body embeds the spec sheet, requirements table and GPU fit",
    (_slug, model) => {
      expect(model.bodyRaw).toContain("<SpecSheet />");
      expect(model.bodyRaw).toContain("<RequirementsTable />");
      expect(model.bodyRaw).toContain("<GpuFit />");
    },
  );

  it("every model has related models, and a distill lists its base", () => {
    for (const model of models) {
      expect(relatedModels(model, models).length, model.slug).toBeGreaterThan(0);
      if (model.baseModel) {
        expect(relatedModels(model, models).map((entry) => entry.model.slug)).toContain(model.baseModel);
      }
    }
  });
});
