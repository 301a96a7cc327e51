import { describe, expect, it } from "vitest";
import { buildCatalog, ContentError } from "@/lib/content/catalog";
import type { RawModelDocument } from "@/lib/content/catalog";

// A small but real architecture: Llama 3.2 1B's config.json fields.
const llama32OneB = {
  architectures: ["LlamaForCausalLM"],
  model_type: "llama",
  hidden_size: 2048,
  intermediate_size: 8192,
  num_attention_heads: 32,
  num_hidden_layers: 16,
  num_key_value_heads: 8,
  head_dim: 64,
  max_position_embeddings: 131072,
  vocab_size: 128256,
  tie_word_embeddings: true,
  rms_norm_eps: 1e-5,
  rope_theta: 500000,
};

function doc(overrides: Partial<RawModelDocument> = {}): RawModelDocument {
  return {
    sourceFilePath: "models/test-model.mdx",
    name: "Test Model",
    family: "Test",
    developer: "Tester",
    releaseDate: "2024-09-25",
    license: "MIT",
    licenseUrl: "https://example.com/license",
    modality: "text",
    summary: "A model for tests.",
    huggingFaceId: "test/test",
    contextLength: 131072,
    parameters: { total: 1.24e9, source: "https://example.com/card" },
    sources: [{ label: "config.json", url: "https://example.com/config.json" }],
    architecture: llama32OneB,
    bodyCode: "",
    bodyRaw: "Some prose.",
    ...overrides,
  };
}

function errorOf(docs: RawModelDocument[]): ContentError {
  try {
    buildCatalog(docs);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error("expected a ContentError");
}

describe("buildCatalog", () => {
  it("accepts a valid document and counts its parameters", () => {
    const [model] = buildCatalog([doc()]);
    expect(model?.slug).toBe("test-model");
    expect(model?.parameters.total).toBeGreaterThan(1.2e9);
  });

  it.each([
    [
      "missing architecture field",
      doc({ architecture: { ...llama32OneB, num_attention_heads: undefined } }),
      "architecture.num_attention_heads",
    ],
    [
      "wrong architecture type",
      doc({ architecture: { ...llama32OneB, hidden_size: "big" } }),
      "architecture.hidden_size",
    ],
    ["architecture not a mapping", doc({ architecture: [1, 2] }), "architecture"],
    ["bad date", doc({ releaseDate: "2024-02-31" }), "releaseDate"],
    ["non-positive context", doc({ contextLength: 0 }), "contextLength"],
    [
      "active above total",
      doc({ parameters: { total: 1e9, active: 2e9, source: "https://x.org" } }),
      "parameters.active",
    ],
    ["relative source url", doc({ sources: [{ label: "card", url: "/card" }] }), "sources[0].url"],
    ["unknown base model", doc({ baseModel: "no-such-model" }), "baseModel"],
    ["bad slug", doc({ sourceFilePath: "models/Bad_Slug.mdx" }), "(file name)"],
    ["empty body", doc({ bodyRaw: "  " }), "(body)"],
    ["link to a missing model", doc({ bodyRaw: "See [the big one](/models/no-such-model)." }), "(body)"],
  ])("%s fails naming the file and the field", (_label, input, field) => {
    const error = errorOf([input]);
    expect(error.field).toBe(field);
    expect(error.message).toContain("content/models/");
    expect(error.message).toContain(`"${field}"`);
  });

  it("accepts prose links to models that exist", () => {
    const models = buildCatalog([doc({ bodyRaw: "See [itself](/models/test-model#specs)." })]);
    expect(models).toHaveLength(1);
  });

  it("rejects two documents with the same slug", () => {
    const error = errorOf([doc(), doc({ name: "Another name" })]);
    expect(error.field).toBe("(file name)");
    expect(error.message).toContain("duplicates the slug");
  });

  it("rejects two documents with the same name", () => {
    const error = errorOf([doc(), doc({ sourceFilePath: "models/other.mdx" })]);
    expect(error.field).toBe("name");
    expect(error.message).toContain("content/models/other.mdx");
  });
});
