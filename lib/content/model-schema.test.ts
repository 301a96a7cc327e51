// The zod frontmatter schema must describe the same fields as contentlayer.config.ts: scripts/check-content.ts reads
// the files with the schema alone, so a field added to one and not the other would pass the check and fail the build
// (or the reverse).
import { describe, expect, it } from "vitest";
import { Model } from "../../contentlayer.config";
import { checkFrontmatter, MODALITIES, ModelFrontmatter } from "./model-schema";

interface FieldDef {
  type: string;
  required?: boolean;
  options?: readonly string[];
  of?: { def?: () => { fields: Record<string, FieldDef> } };
}
const contentlayerFields = (Model as unknown as { def: () => { fields: Record<string, FieldDef> } }).def()
  .fields;

describe("ModelFrontmatter against contentlayer.config.ts", () => {
  it("has the same fields, required the same way", () => {
    const shape = ModelFrontmatter.shape;
    expect(Object.keys(shape).sort()).toEqual(Object.keys(contentlayerFields).sort());
    for (const [name, field] of Object.entries(contentlayerFields)) {
      const schema = shape[name as keyof typeof shape];
      expect(schema.safeParse(undefined).success, `${name} optional`).toBe(!field.required);
    }
  });

  it("allows the same modalities as the enum", () => {
    expect([...MODALITIES]).toEqual([...(contentlayerFields["modality"]?.options ?? [])]);
  });

  it("has the nested parameter fields of StatedParameters", () => {
    const nested = contentlayerFields["parameters"]?.of?.def?.().fields ?? {};
    expect(Object.keys(ModelFrontmatter.shape.parameters.shape).sort()).toEqual(Object.keys(nested).sort());
  });
});

describe("checkFrontmatter", () => {
  it("names a frontmatter that is not a mapping", () => {
    expect(checkFrontmatter("just text")).toEqual({
      ok: false,
      issues: [{ keys: [], path: "", detail: 'must be a YAML mapping of fields, got "just text"' }],
    });
  });
});
