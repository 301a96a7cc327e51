// Turns raw content documents into the typed, validated catalog. Pure (no content-layer import) so tests and
// scripts/check-content.ts can feed it broken documents; lib/content/models.ts feeds it the real ones. The frontmatter
// rules live in ./model-schema.ts (zod); this module adds the file name, the body and the links between models.
// Every error names the file and the field.
import { ConfigError, countParameters, parseConfig } from "@/lib/estimator";
import type { ModelArchitecture } from "@/lib/estimator";
import { checkFrontmatter } from "@/lib/content/model-schema";
import type { ModelFrontmatter } from "@/lib/content/model-schema";

export interface ModelSource {
  label: string;
  url: string;
}

/** A content document as the content layer (or check-content, from the file) hands it over. */
export interface RawModelDocument {
  sourceFilePath: string; // relative to the content folder, e.g. "models/deepseek-r1.mdx"
  bodyCode: string;
  bodyRaw: string;
  /** The frontmatter fields, as parsed: checked by ModelFrontmatter. */
  [field: string]: unknown;
}

export interface CatalogModel {
  slug: string;
  sourceFilePath: string;
  name: string;
  aliases: string[];
  family: string;
  developer: string;
  releaseDate: string; // YYYY-MM-DD
  license: string;
  licenseUrl: string;
  modality: string;
  summary: string;
  tags: string[];
  baseModel: string | null;
  huggingFaceId: string;
  contextLength: number;
  statedParameters: { total: number; active: number | null; nominal: boolean; source: string };
  sources: ModelSource[];
  /** The frontmatter architecture block, with Hugging Face config.json field names. */
  config: Record<string, unknown>;
  architecture: ModelArchitecture;
  /** Counted from the tensor shapes by lib/estimator. */
  parameters: { total: number; active: number };
  isMixtureOfExperts: boolean;
  bodyCode: string;
  bodyRaw: string;
}

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    /** What is wrong with the field, as a phrase ("must be …"). */
    readonly detail: string,
  ) {
    super(`${file}: frontmatter field "${field}" ${detail}`);
    this.name = "ContentError";
  }
}

/** What `npm run add-model` writes where only a person can fill in the value; a page holding one never builds. */
export const PLACEHOLDER_MARK = "TODO(add-model)";

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Links from prose to other model pages: ](/models/<slug>) or ](/models/<slug>#anchor)
const MODEL_LINK_PATTERN = /\]\(\/models\/([^)#?\s]+)/g;
export function slugFromPath(sourceFilePath: string): string {
  const fileName = sourceFilePath.split("/").pop() ?? sourceFilePath;
  return fileName.replace(/\.mdx?$/, "");
}

/** The dotted path of the first frontmatter value that still holds the add-model placeholder, or null. */
function placeholderField(value: unknown, field: string): string | null {
  if (typeof value === "string") return value.includes(PLACEHOLDER_MARK) ? field : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = placeholderField(item, `${field}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = placeholderField(item, field ? `${field}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

function placeholderProblem(file: string, doc: RawModelDocument): ContentError | null {
  // Only frontmatter: not our body fields nor the content layer's own keys (body, _raw, _id, type); the body is
  // checked on its own below.
  const skipped = new Set(["sourceFilePath", "bodyCode", "bodyRaw", "body", "type"]);
  const frontmatter = Object.fromEntries(
    Object.entries(doc).filter(([key]) => !skipped.has(key) && !key.startsWith("_")),
  );
  const field = placeholderField(frontmatter, "");
  if (field)
    return new ContentError(file, field, `still holds the ${PLACEHOLDER_MARK} placeholder; fill it in`);
  if (doc.bodyRaw.includes(PLACEHOLDER_MARK)) {
    return new ContentError(
      file,
      "(body)",
      `still holds the ${PLACEHOLDER_MARK} placeholder; write the prose`,
    );
  }
  return null;
}

type DocumentCheck = { ok: true; fields: ModelFrontmatter } | { ok: false; problems: ContentError[] };

/**
 * One document on its own, before the links between documents: an add-model placeholder (reported alone, as it
 * explains the fields around it), the file name, then every frontmatter rule of ./model-schema.ts and the body.
 */
export function checkDocument(doc: RawModelDocument): DocumentCheck {
  const file = `content/${doc.sourceFilePath}`;
  const placeholder = placeholderProblem(file, doc);
  if (placeholder) return { ok: false, problems: [placeholder] };
  const slug = slugFromPath(doc.sourceFilePath);
  if (!SLUG_PATTERN.test(slug)) {
    const detail = `gives the slug "${slug}"; use lowercase letters, digits and hyphens`;
    return { ok: false, problems: [new ContentError(file, "(file name)", detail)] };
  }
  const checked = checkFrontmatter(doc);
  const problems = checked.ok
    ? []
    : checked.issues.map((issue) => new ContentError(file, issue.path || "(frontmatter)", issue.detail));
  if (!doc.bodyRaw.trim())
    problems.push(new ContentError(file, "(body)", "is empty; write the model's prose"));
  return checked.ok && problems.length === 0 ? { ok: true, fields: checked.value } : { ok: false, problems };
}

function buildOne(doc: RawModelDocument): CatalogModel {
  const file = `content/${doc.sourceFilePath}`;
  const checked = checkDocument(doc);
  if (!checked.ok) throw checked.problems[0] ?? new ContentError(file, "(frontmatter)", "is invalid");
  const { fields } = checked;
  const slug = slugFromPath(doc.sourceFilePath);

  let architecture: ModelArchitecture;
  try {
    architecture = parseConfig(fields.architecture);
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new ContentError(file, `architecture.${error.field}`, `is invalid: ${error.message}`);
    }
    throw error;
  }
  const { total, active, nominal, source } = fields.parameters;

  return {
    slug,
    sourceFilePath: file,
    name: fields.name,
    aliases: fields.aliases ?? [],
    family: fields.family,
    developer: fields.developer,
    releaseDate: fields.releaseDate,
    license: fields.license,
    licenseUrl: fields.licenseUrl,
    modality: fields.modality,
    summary: fields.summary,
    tags: fields.tags ?? [],
    baseModel: fields.baseModel ?? null,
    huggingFaceId: fields.huggingFaceId,
    contextLength: fields.contextLength,
    statedParameters: { total, active: active ?? null, nominal: nominal ?? false, source },
    sources: fields.sources.map(({ label, url }) => ({ label, url })),
    config: fields.architecture,
    architecture,
    parameters: countParameters(architecture),
    isMixtureOfExperts: architecture.moe !== null,
    bodyCode: doc.bodyCode,
    bodyRaw: doc.bodyRaw,
  };
}

/** Validates every document and the links between them; sorted by name. */
export function buildCatalog(docs: readonly RawModelDocument[]): CatalogModel[] {
  const models = docs.map(buildOne);
  const bySlug = new Map<string, CatalogModel>();
  const byName = new Map<string, CatalogModel>();
  for (const model of models) {
    const sameSlug = bySlug.get(model.slug);
    if (sameSlug) {
      throw new ContentError(
        model.sourceFilePath,
        "(file name)",
        `duplicates the slug of ${sameSlug.sourceFilePath}`,
      );
    }
    bySlug.set(model.slug, model);
    const nameKey = model.name.toLowerCase();
    const sameName = byName.get(nameKey);
    if (sameName) {
      throw new ContentError(
        model.sourceFilePath,
        "name",
        `"${model.name}" is already used by ${sameName.sourceFilePath}`,
      );
    }
    byName.set(nameKey, model);
  }
  for (const model of models) {
    for (const match of model.bodyRaw.matchAll(MODEL_LINK_PATTERN)) {
      const target = match[1] ?? "";
      if (!bySlug.has(target)) {
        throw new ContentError(
          model.sourceFilePath,
          "(body)",
          `links to /models/${target}, which is not a model in content/models/`,
        );
      }
    }
    if (model.baseModel === null) continue;
    if (model.baseModel === model.slug) {
      throw new ContentError(model.sourceFilePath, "baseModel", "cannot point at the model itself");
    }
    if (!bySlug.has(model.baseModel)) {
      throw new ContentError(
        model.sourceFilePath,
        "baseModel",
        `names "${model.baseModel}", which is not a model in content/models/`,
      );
    }
  }
  return models.sort((a, b) => a.name.localeCompare(b.name, "en"));
}

/** The parameter counts a page leads with: the card's figures, or our count when the card gives only a nominal size. */
export function headlineParameters(model: CatalogModel): { total: number; active: number } {
  if (model.statedParameters.nominal) return model.parameters;
  return {
    total: model.statedParameters.total,
    active: model.statedParameters.active ?? model.parameters.active,
  };
}
