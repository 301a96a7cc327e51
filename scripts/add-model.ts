// Starts a model page from an official config.json:
//   npm run add-model -- --config <config.json> --hf-id <org/name> [--out <dir>] [--slug <slug>]
// Writes <out>/<slug>.mdx (out defaults to content/models) with the config verbatim under `architecture`, the
// parameter count from lib/estimator, the context from the config and the first two sources. What only a person can
// know (summary, release date, licence, the card's parameter figures, prose) is written as a TODO(add-model)
// placeholder, which the content check rejects by file and field, so a half-finished page never builds.
// Bad input prints one line and exits 2 without writing anything.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, countParameters, parseConfig } from "../lib/estimator";
import { PLACEHOLDER_MARK } from "../lib/content/catalog";
import { parseFlags } from "./lib/cli-args";
import { parseJsonKeepingNumbers, toPlain, toYamlLines } from "./lib/verbatim-yaml";
import type { JsonValue } from "./lib/verbatim-yaml";

const PROJECT_ROOT = path.resolve(__dirname, "..");
const HF_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class AddModelError extends Error {}

/** "Qwen/Qwen3-30B-A3B-Instruct-2507" → "qwen3-30b-a3b-instruct-2507". */
export function slugFromHuggingFaceId(huggingFaceId: string): string {
  const name = huggingFaceId.split("/").pop() ?? huggingFaceId;
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function todo(what: string): string {
  return JSON.stringify(`${PLACEHOLDER_MARK}: ${what}`);
}

function billions(count: number): string {
  return `${(count / 1e9).toFixed(2)}B`;
}

export interface PageInput {
  /** The config.json text as published. */
  configText: string;
  huggingFaceId: string;
}

/** The page text; throws AddModelError with one line when the config cannot make a page. */
export function renderModelPage({ configText, huggingFaceId }: PageInput): string {
  let config: JsonValue;
  try {
    config = parseJsonKeepingNumbers(configText);
  } catch (error) {
    throw new AddModelError(`config is not valid JSON: ${(error as Error).message}`);
  }
  const plain = toPlain(config);
  let counted: { total: number; active: number };
  let contextTokens: number;
  let moe: boolean;
  try {
    const architecture = parseConfig(plain);
    counted = countParameters(architecture);
    contextTokens = architecture.maxPositionEmbeddings;
    moe = architecture.moe !== null;
  } catch (error) {
    if (error instanceof ConfigError) throw new AddModelError(error.message);
    throw error;
  }
  const record = plain as Record<string, unknown>;
  // A tower counts when its config is present and not null (Gemma 4's larger models carry "audio_config": null).
  const modality =
    record["audio_config"] != null
      ? "text+image+audio"
      : record["vision_config"] != null
        ? "text+image"
        : "text";
  const name = huggingFaceId.split("/").pop() ?? huggingFaceId;
  const cardUrl = `https://huggingface.co/${huggingFaceId}`;

  const lines = [
    "---",
    `name: ${JSON.stringify(name)}`,
    `aliases: [${JSON.stringify(name)}, ${JSON.stringify(huggingFaceId)}]`,
    `family: ${todo("release series, e.g. Qwen3")}`,
    `developer: ${todo("organisation that released the model")}`,
    `releaseDate: ${todo("YYYY-MM-DD from the model card or announcement")}`,
    `license: ${todo("licence name from the model card, e.g. Apache-2.0")}`,
    `licenseUrl: ${todo("link to the licence text")}`,
    `modality: ${modality}`,
    `summary: ${todo("one or two sentences in our own words")}`,
    `huggingFaceId: ${huggingFaceId}`,
    `contextLength: ${contextTokens}`,
    "parameters:",
    `  total: ${todo(`total parameters as the model card states them (counted from the config: ${billions(counted.total)})`)}`,
    ...(moe
      ? [
          `  active: ${todo(`active parameters per token as the card states them (counted: ${billions(counted.active)})`)}`,
        ]
      : []),
    `  source: ${todo("link to the page that states the parameter count")}`,
    "sources:",
    "  - label: config.json",
    `    url: ${cardUrl}/blob/main/config.json`,
    "  - label: Model card",
    `    url: ${cardUrl}`,
    "architecture:",
    ...toYamlLines(config, 1),
    "---",
    "",
    `## About ${name}`,
    "",
    `${PLACEHOLDER_MARK}: two to four short paragraphs in our own words — what the model is for, its architecture, how it compares, its licence.`,
    "",
    "## Technical specifications",
    "",
    "<SpecSheet />",
    "",
    "## System requirements",
    "",
    "<RequirementsTable />",
    "",
    "<GpuFit />",
    "",
  ];
  return lines.join("\n");
}

export interface AddModelResult {
  file: string;
  slug: string;
}

export function addModel(argv: readonly string[]): AddModelResult {
  let values: { config?: string; "hf-id"?: string; out?: string; slug?: string };
  try {
    values = parseFlags(argv, {
      config: { type: "string" },
      "hf-id": { type: "string" },
      out: { type: "string" },
      slug: { type: "string" },
    });
  } catch (error) {
    throw new AddModelError((error as Error).message);
  }
  const configPath = values.config;
  const huggingFaceId = values["hf-id"];
  if (!configPath) throw new AddModelError("missing --config <config.json>");
  if (!huggingFaceId) throw new AddModelError("missing --hf-id <org/name>");
  if (!HF_ID_PATTERN.test(huggingFaceId)) {
    throw new AddModelError(`--hf-id must look like org/name, got ${JSON.stringify(huggingFaceId)}`);
  }
  const slug = values.slug ?? slugFromHuggingFaceId(huggingFaceId);
  if (!SLUG_PATTERN.test(slug)) {
    throw new AddModelError(`slug ${JSON.stringify(slug)} must be lowercase letters, digits and hyphens`);
  }
  const outDir = path.resolve(values.out ?? path.join(PROJECT_ROOT, "content", "models"));
  const file = path.join(outDir, `${slug}.mdx`);
  if (existsSync(file)) {
    throw new AddModelError(`slug "${slug}" is taken: ${file} exists (choose another with --slug)`);
  }
  let configText: string;
  try {
    configText = readFileSync(configPath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new AddModelError(`cannot read --config ${configPath} (${code})`);
  }
  const page = renderModelPage({ configText, huggingFaceId });
  try {
    // "wx": never overwrite a page that appeared in the meantime.
    writeFileSync(file, page, { flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new AddModelError(`cannot write ${file} (${code})`);
  }
  return { file, slug };
}

function main(): void {
  try {
    const { file } = addModel(process.argv.slice(2));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
    console.log(
      `fill in every ${PLACEHOLDER_MARK} field (the build refuses the page until then): family, developer, releaseDate, license, licenseUrl, summary, parameters, prose`,
    );
  } catch (error) {
    if (error instanceof AddModelError) {
      console.error(`add-model: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

if (require.main === module) main();
