// Validates a content folder the way the build does, without building the site, straight from the files:
//   1. the frontmatter, parsed as contentlayer2 parses it (gray-matter with the `yaml` package);
//   2. the MDX body, compiled with @mdx-js/mdx (the compiler contentlayer2 runs through mdx-bundler);
//   3. lib/content/catalog's buildCatalog over the folder (placeholders, the zod frontmatter schema of
//      lib/content/model-schema.ts, the architecture, links between models): what every page calls through
//      lib/content/models.ts.
// Steps 1–2 report every problem of every file; a folder with one stops there, as the real build does. Each problem
// is printed as
//   <content folder>/models/<file>.mdx: frontmatter field "<field>" <what is wrong>
// and the exit code is 1. Used by scripts/check-content.test.ts with the fixtures in e2e/fixtures/.
//   tsx scripts/check-content.ts [content folder=content] [--json]
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { buildCatalog, checkDocument, ContentError } from "../lib/content/catalog";
import type { RawModelDocument } from "../lib/content/catalog";

export interface ContentProblem {
  /** Path of the file as given on the command line, e.g. e2e/fixtures/x/models/a.mdx. */
  file: string;
  /** Frontmatter field, dotted for nested ones; "(file name)", "(body)" or "(frontmatter)" otherwise. */
  field: string;
  message: string;
  stage: "file" | "catalog";
}

export interface ContentResult {
  problems: ContentProblem[];
  models: number;
}

function problem(
  file: string,
  field: string,
  detail: string,
  stage: ContentProblem["stage"],
): ContentProblem {
  return { file, field, message: new ContentError(file, field, detail).message, stage };
}

/** Lines of `text` before `offset`, to turn a position inside the frontmatter or the body into a line of the file. */
function linesBefore(text: string, offset: number): number {
  return text.slice(0, Math.max(0, offset)).split("\n").length - 1;
}

/** The one-line reason of a YAML or MDX error, without the position and the code frame the tools append. */
function reason(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "").trim();
}

interface ParsedFile {
  doc: RawModelDocument | null;
  problems: ContentProblem[];
}

/** Steps 1 and 2 for one file: its frontmatter and body, or what stops them. */
async function readModelFile(file: string, sourceFilePath: string): Promise<ParsedFile> {
  const text = readFileSync(file, "utf8");
  let parsed: matter.GrayMatterFile<string>;
  try {
    // The same YAML engine as contentlayer2 (it keeps dates as strings); no cache, so each run reads the file anew.
    parsed = matter(text, { engines: { yaml: (source: string) => parseYaml(source) as object } });
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    // The YAML starts on the line after the opening "---".
    const at = error.linePos?.[0];
    const where = at ? ` (line ${at.line + 1}, column ${at.col} of the file)` : "";
    return {
      doc: null,
      problems: [
        problem(file, "(frontmatter)", `is not valid YAML: ${reason(error.message)}${where}`, "file"),
      ],
    };
  }
  const problems: ContentProblem[] = [];
  const { compile } = await import("@mdx-js/mdx");
  try {
    await compile(parsed.content);
  } catch (error) {
    // The MDX compiler puts the position inside the reason, "(7:1-7:12)", counted from the start of the body.
    const message = error instanceof Error ? error.message : String(error);
    const at = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(reason(message));
    const bodyStart = linesBefore(text, text.length - parsed.content.length);
    const detail = reason(message).replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)\s*$/, "");
    const where = at ? ` (line ${Number(at[1]) + bodyStart}, column ${at[2]} of the file)` : "";
    problems.push(problem(file, "(body)", `is not valid MDX: ${detail}${where}`, "file"));
  }
  const data: Record<string, unknown> = { ...(parsed.data as Record<string, unknown>) };
  const doc: RawModelDocument = { ...data, sourceFilePath, bodyCode: "", bodyRaw: parsed.content };
  // Every frontmatter problem of the file at once; buildCatalog would stop at the first.
  const checked = checkDocument(doc);
  if (!checked.ok) {
    for (const error of checked.problems) problems.push(problem(file, error.field, error.detail, "file"));
  }
  return { doc, problems };
}

/** Checks one content folder; problems name the files under `contentDir` as given. */
export async function checkContent(contentDir: string): Promise<ContentResult> {
  let names: string[] = [];
  try {
    names = readdirSync(path.join(contentDir, "models")).sort();
  } catch {
    names = []; // no models folder: no documents, as for the build
  }
  const docs: RawModelDocument[] = [];
  const problems: ContentProblem[] = [];
  for (const name of names) {
    // contentlayer.config.ts reads models/*.mdx and fails on any other document (onUnknownDocuments: "fail").
    const file = path.join(contentDir, "models", name);
    if (!name.endsWith(".mdx")) {
      problems.push(
        problem(file, "(file name)", "is not an .mdx file; the content layer refuses it", "file"),
      );
      continue;
    }
    const parsed = await readModelFile(file, `models/${name}`);
    problems.push(...parsed.problems);
    if (parsed.doc) docs.push(parsed.doc);
  }
  if (problems.length > 0) return { problems, models: 0 };
  try {
    return { problems: [], models: buildCatalog(docs).length };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    // lib/content/catalog names files as content/<path>; name the folder that was actually read.
    const file = path.join(contentDir, error.file.replace(/^content\//, ""));
    const message = error.message.replaceAll("content/models/", `${path.join(contentDir, "models")}/`);
    return { problems: [{ file, field: error.field, message, stage: "catalog" }], models: 0 };
  }
}

/** Several folders at once (each is checked on its own). */
export async function checkContentDirs(contentDirs: readonly string[]): Promise<ContentResult[]> {
  const results: ContentResult[] = [];
  for (const dir of contentDirs) results.push(await checkContent(dir));
  return results;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const contentDir = args.find((arg) => !arg.startsWith("--")) ?? "content";
  const { problems, models } = await checkContent(contentDir);
  if (json) {
    console.log(JSON.stringify({ contentDir, models, problems }, null, 2));
  } else if (problems.length === 0) {
    console.log(`${contentDir}: ${models} models, no problems`);
  } else {
    for (const found of problems) console.error(found.message);
  }
  process.exit(problems.length === 0 ? 0 : 1);
}

if (require.main === module) void main();
