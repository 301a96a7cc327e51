// Validates a content folder the way the build does, without building the site:
//   1. `contentlayer2 build` with MODELFIT_CONTENT_DIR (the frontmatter schema of contentlayer.config.ts), then
//   2. lib/content/catalog's buildCatalog over the generated documents (what every page calls through lib/content/models.ts).
// Runs in a scratch folder, so the project's .contentlayer/ is left alone. Every problem is printed as
//   <content folder>/models/<file>.mdx: frontmatter field "<field>" <what is wrong>
// and the exit code is 1. Used by scripts/check-content.test.ts with the fixtures in e2e/fixtures/.
//   tsx scripts/check-content.ts [content folder=content] [--json]
import { spawn } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildCatalog, ContentError } from "../lib/content/catalog";
import type { RawModelDocument } from "../lib/content/catalog";

const PROJECT_ROOT = path.resolve(__dirname, "..");

export interface ContentProblem {
  /** Path of the file as given on the command line, e.g. e2e/fixtures/x/models/a.mdx. */
  file: string;
  /** Frontmatter field, dotted for nested ones; "(file name)", "(body)" or "(frontmatter)" otherwise. */
  field: string;
  message: string;
  stage: "contentlayer" | "catalog";
}

/**
 * contentlayer2 names the file (relative to the content folder) and each field, in a tree like
 *   • "models/a.mdx" (of type "Model") is missing the following required fields:
 *     • family: string
 *   • "models/b.mdx" of type "Model" has the following incompatible fields:
 *     • contextLength: "lots"
 * We turn each field line into one problem with the full path. Anything we cannot parse is kept whole.
 */
export function parseContentlayerErrors(output: string, contentDir: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  let file: string | null = null;
  let kind = "";
  const clean = output.replace(/\u001b\[[0-9;]*m/g, "");
  for (const line of clean.split("\n")) {
    const header = /•\s+"([^"]+\.mdx?)"\s+(?:\(of type "[^"]+"\)\s+|of type "[^"]+"\s+)?(.*)$/.exec(line);
    if (header) {
      file = path.join(contentDir, header[1] ?? "");
      kind = header[2] ?? "";
      if (!/missing|incompatible/.test(kind)) {
        // Not about one field, e.g. "failed with YAMLParseError: … at line 5, column 1:".
        problems.push({ file, field: "(frontmatter)", message: `${file}: ${kind}`, stage: "contentlayer" });
        file = null;
      }
      continue;
    }
    const fieldLine = /^[\s│├└─]*•\s+([A-Za-z0-9_.[\]]+):\s*(.*)$/.exec(line);
    if (file && fieldLine) {
      const field = fieldLine[1] ?? "";
      const detail = (fieldLine[2] ?? "").trim();
      const what = kind.includes("missing")
        ? `is missing (required ${detail})`
        : kind.includes("incompatible")
          ? `has a value of the wrong type or not among the allowed values: ${detail}`
          : `${kind.replace(/:$/, "")}: ${detail}`;
      problems.push({
        file,
        field,
        message: `${file}: frontmatter field "${field}" ${what}`,
        stage: "contentlayer",
      });
      continue;
    }
    if (line.trim() === "" || /^\s*[│├└]/.test(line)) continue;
    if (!/^\s*•/.test(line)) file = file && /^\s/.test(line) ? file : null;
  }
  if (problems.length === 0 && output.trim() !== "") {
    // A YAML syntax error or anything else: name the file if the output does.
    const named = /"?((?:[\w.-]+\/)*[\w.-]+\.mdx)"?/.exec(clean);
    const file = named?.[1] ? path.join(contentDir, named[1].replace(/^.*?(models\/)/, "$1")) : contentDir;
    problems.push({ file, field: "(frontmatter)", message: clean.trim(), stage: "contentlayer" });
  }
  return problems;
}

interface GeneratedDoc {
  _raw: { sourceFilePath: string };
  body: { code: string; raw: string };
  [field: string]: unknown;
}

/** The same mapping as lib/content/models.ts, from a generated JSON document. */
function toRawDocument(doc: GeneratedDoc): RawModelDocument {
  return {
    ...(doc as unknown as RawModelDocument),
    sourceFilePath: doc._raw.sourceFilePath,
    architecture: doc.architecture,
    bodyCode: doc.body.code,
    bodyRaw: doc.body.raw,
  };
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ status: code ?? 1, output }));
  });
}

export interface ContentResult {
  problems: ContentProblem[];
  models: number;
}

function contentlayer(work: string, contentDir: string) {
  // contentlayer2 writes .contentlayer/ under $PWD, not the process's working directory: set both.
  return run(process.execPath, [path.join(work, "node_modules/contentlayer2/bin/cli.cjs"), "build"], work, {
    ...process.env,
    PWD: work,
    MODELFIT_CONTENT_DIR: contentDir,
    FORCE_COLOR: "0",
  });
}

/**
 * Checks several content folders with two contentlayer2 runs in all (a run costs seconds): their model files are
 * copied side by side into one scratch folder as models/<n>--<file>. Run 1 reports every schema problem of every file
 * (contentlayer2 lists them all at once); run 2 generates the files without such problems, and each folder's documents
 * then go through buildCatalog on their own, under their own file names. A folder with a schema problem stops there,
 * as the real build does.
 */
export async function checkContentDirs(contentDirs: readonly string[]): Promise<ContentResult[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), "modelfit-content-"));
  try {
    copyFileSync(
      path.join(PROJECT_ROOT, "contentlayer.config.ts"),
      path.join(work, "contentlayer.config.ts"),
    );
    copyFileSync(path.join(PROJECT_ROOT, "package.json"), path.join(work, "package.json"));
    symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(work, "node_modules"));
    const combined = path.join(work, "content");
    mkdirSync(path.join(combined, "models"), { recursive: true });
    // scratch name → [folder index, name inside the folder]
    const origin = new Map<string, { index: number; file: string }>();
    contentDirs.forEach((dir, index) => {
      let files: string[] = [];
      try {
        files = readdirSync(path.join(dir, "models"));
      } catch {
        files = [];
      }
      for (const file of files) {
        const scratch = `${index}--${file}`;
        copyFileSync(path.join(dir, "models", file), path.join(combined, "models", scratch));
        origin.set(`models/${scratch}`, { index, file: `models/${file}` });
      }
    });
    const results: ContentResult[] = contentDirs.map(() => ({ problems: [], models: 0 }));
    const place = (scratchPath: string) => {
      const key = scratchPath.replace(/^\/+/, "");
      const found = origin.get(key);
      if (!found) return null;
      const dir = contentDirs[found.index] ?? "";
      return { index: found.index, file: path.join(dir, found.file) };
    };

    let run1 = await contentlayer(work, combined);
    if (run1.status !== 0) {
      for (const problem of parseContentlayerErrors(run1.output, "")) {
        const where = place(problem.file);
        if (!where) throw new Error(`contentlayer2 failed without naming a file:\n${run1.output}`);
        results[where.index]?.problems.push({
          ...problem,
          file: where.file,
          message: problem.message.replace(problem.file, where.file),
        });
      }
      // Run 2 over the folders without schema problems.
      for (const [key, { index }] of origin) {
        if ((results[index]?.problems.length ?? 0) > 0) rmSync(path.join(combined, key));
      }
      run1 = await contentlayer(work, combined);
      if (run1.status !== 0) throw new Error(`contentlayer2 failed again:\n${run1.output}`);
    }

    const generated = path.join(work, ".contentlayer", "generated", "Model");
    let files: string[] = [];
    try {
      files = readdirSync(generated).filter((file) => file.endsWith(".json") && !file.startsWith("_"));
    } catch {
      files = []; // no documents at all
    }
    const docsByDir = contentDirs.map((): RawModelDocument[] => []);
    for (const file of files) {
      const doc = toRawDocument(JSON.parse(readFileSync(path.join(generated, file), "utf8")) as GeneratedDoc);
      const found = origin.get(doc.sourceFilePath);
      if (!found) continue;
      docsByDir[found.index]?.push({ ...doc, sourceFilePath: found.file });
    }
    contentDirs.forEach((dir, index) => {
      const result = results[index];
      if (!result || result.problems.length > 0) return;
      try {
        result.models = buildCatalog(docsByDir[index] ?? []).length;
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        // lib/content/catalog names files as content/<path>; name the folder that was actually read.
        const file = path.join(dir, error.file.replace(/^content\//, ""));
        const message = error.message.replaceAll("content/models/", `${path.join(dir, "models")}/`);
        result.problems.push({ file, field: error.field, message, stage: "catalog" });
      }
    });
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function checkContent(contentDir: string): Promise<ContentResult> {
  const [result] = await checkContentDirs([contentDir]);
  if (!result) throw new Error("no result");
  return result;
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
    for (const problem of problems) console.error(problem.message);
  }
  process.exit(problems.length === 0 ? 0 : 1);
}

if (require.main === module) void main();
