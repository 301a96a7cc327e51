// Test-side access to the generated content, so browser tests compare the page with lib/estimator directly.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface GeneratedModel {
  slug: string;
  name: string;
  contextLength: number;
  architecture: unknown;
  baseModel?: string;
  summary?: string;
}

const GENERATED_DIR = path.join(process.cwd(), ".contentlayer", "generated", "Model");

export function generatedModels(): GeneratedModel[] {
  return readdirSync(GENERATED_DIR)
    .filter((file) => file.endsWith(".json") && file !== "_index.json")
    .map((file) => {
      const doc = JSON.parse(readFileSync(path.join(GENERATED_DIR, file), "utf8")) as GeneratedModel & {
        _raw: { sourceFileName: string };
      };
      return { ...doc, slug: doc._raw.sourceFileName.replace(/\.mdx$/, "") };
    });
}

export function generatedModel(slug: string): GeneratedModel {
  const model = generatedModels().find((entry) => entry.slug === slug);
  if (!model) throw new Error(`no generated content for ${slug}`);
  return model;
}
