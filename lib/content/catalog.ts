// Turns raw content documents into the typed, validated catalog. Pure (no content-layer import) so tests can feed it
// broken documents; lib/content/models.ts feeds it the real ones. Every error names the file and the field.
import { ConfigError, countParameters, parseConfig } from "@/lib/estimator";
import type { ModelArchitecture } from "@/lib/estimator";

export interface ModelSource {
  label: string;
  url: string;
}

/** The fields of a content document as the content layer hands them over. */
export interface RawModelDocument {
  sourceFilePath: string; // relative to the content folder, e.g. "models/deepseek-r1.mdx"
  name: string;
  aliases?: string[] | undefined;
  family: string;
  developer: string;
  releaseDate: string;
  license: string;
  licenseUrl: string;
  modality: string;
  summary: string;
  tags?: string[] | undefined;
  baseModel?: string | undefined;
  huggingFaceId: string;
  contextLength: number;
  parameters: { total: number; active?: number | undefined; nominal?: boolean | undefined; source: string };
  sources: ModelSource[];
  architecture: unknown;
  bodyCode: string;
  bodyRaw: string;
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
    detail: string,
  ) {
    super(`${file}: frontmatter field "${field}" ${detail}`);
    this.name = "ContentError";
  }
}

/** The same list as the modality enum in contentlayer.config.ts. */
export const MODALITIES = ["text", "text+image", "text+image+audio"] as const;

/** What `npm run add-model` writes where only a person can fill in the value; a page holding one never builds. */
export const PLACEHOLDER_MARK = "TODO(add-model)";

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Links from prose to other model pages: ](/models/<slug>) or ](/models/<slug>#anchor)
const MODEL_LINK_PATTERN = /\]\(\/models\/([^)#?\s]+)/g;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})/;

export function slugFromPath(sourceFilePath: string): string {
  const fileName = sourceFilePath.split("/").pop() ?? sourceFilePath;
  return fileName.replace(/\.mdx?$/, "");
}

function validUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

function isoDay(file: string, value: string): string {
  const match = DATE_PATTERN.exec(value);
  const date = match ? new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`) : null;
  if (
    !match ||
    !date ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value.slice(0, 10)
  ) {
    throw new ContentError(
      file,
      "releaseDate",
      `must be a real calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`,
    );
  }
  return value.slice(0, 10);
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

function rejectPlaceholders(file: string, doc: RawModelDocument): void {
  // Only frontmatter: not our body fields nor the content layer's own keys (body, _raw, _id, type); the body is
  // checked on its own below.
  const skipped = new Set(["sourceFilePath", "bodyCode", "bodyRaw", "body", "type"]);
  const frontmatter = Object.fromEntries(
    Object.entries(doc).filter(([key]) => !skipped.has(key) && !key.startsWith("_")),
  );
  const field = placeholderField(frontmatter, "");
  if (field)
    throw new ContentError(file, field, `still holds the ${PLACEHOLDER_MARK} placeholder; fill it in`);
  if (doc.bodyRaw.includes(PLACEHOLDER_MARK)) {
    throw new ContentError(
      file,
      "(body)",
      `still holds the ${PLACEHOLDER_MARK} placeholder; write the prose`,
    );
  }
}

function buildOne(doc: RawModelDocument): CatalogModel {
  const file = `content/${doc.sourceFilePath}`;
  rejectPlaceholders(file, doc);
  const slug = slugFromPath(doc.sourceFilePath);
  if (!SLUG_PATTERN.test(slug)) {
    throw new ContentError(
      file,
      "(file name)",
      `gives the slug "${slug}"; use lowercase letters, digits and hyphens`,
    );
  }
  for (const field of ["name", "family", "developer", "license", "summary", "huggingFaceId"] as const) {
    if (typeof doc[field] !== "string" || doc[field].trim() === "") {
      throw new ContentError(file, field, "must be a non-empty string");
    }
  }
  // contentlayer2 does not enforce "enum" fields (it accepts any string), so the allowed values are checked here.
  if (!(MODALITIES as readonly string[]).includes(doc.modality)) {
    throw new ContentError(
      file,
      "modality",
      `must be one of ${MODALITIES.join(", ")}, got ${JSON.stringify(doc.modality)}`,
    );
  }
  if (!validUrl(doc.licenseUrl))
    throw new ContentError(file, "licenseUrl", "must be an absolute http(s) URL");
  if (!Number.isInteger(doc.contextLength) || doc.contextLength <= 0) {
    throw new ContentError(
      file,
      "contextLength",
      `must be a positive whole number of tokens, got ${doc.contextLength}`,
    );
  }
  const { total, active, nominal, source } = doc.parameters;
  if (!Number.isFinite(total) || total <= 0) {
    throw new ContentError(file, "parameters.total", "must be a positive number of parameters");
  }
  if (active !== undefined && (!Number.isFinite(active) || active <= 0 || active > total)) {
    throw new ContentError(
      file,
      "parameters.active",
      "must be a positive number no larger than parameters.total",
    );
  }
  if (!validUrl(source)) throw new ContentError(file, "parameters.source", "must be an absolute http(s) URL");
  if (doc.sources.length === 0) throw new ContentError(file, "sources", "must list at least one source");
  doc.sources.forEach((entry, index) => {
    if (!validUrl(entry.url))
      throw new ContentError(file, `sources[${index}].url`, "must be an absolute http(s) URL");
  });
  if (!doc.bodyRaw.trim()) throw new ContentError(file, "(body)", "is empty; write the model's prose");

  if (typeof doc.architecture !== "object" || doc.architecture === null || Array.isArray(doc.architecture)) {
    throw new ContentError(file, "architecture", "must be the model's config.json fields as a mapping");
  }
  let architecture: ModelArchitecture;
  try {
    architecture = parseConfig(doc.architecture);
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new ContentError(file, `architecture.${error.field}`, `is invalid: ${error.message}`);
    }
    throw error;
  }
  const parameters = countParameters(architecture);

  return {
    slug,
    sourceFilePath: file,
    name: doc.name,
    aliases: doc.aliases ?? [],
    family: doc.family,
    developer: doc.developer,
    releaseDate: isoDay(file, doc.releaseDate),
    license: doc.license,
    licenseUrl: doc.licenseUrl,
    modality: doc.modality,
    summary: doc.summary,
    tags: doc.tags ?? [],
    baseModel: doc.baseModel ?? null,
    huggingFaceId: doc.huggingFaceId,
    contextLength: doc.contextLength,
    statedParameters: { total, active: active ?? null, nominal: nominal ?? false, source },
    sources: doc.sources.map(({ label, url }) => ({ label, url })),
    config: doc.architecture as Record<string, unknown>,
    architecture,
    parameters,
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
