// A throw-away copy of the site under $TMPDIR/modelfit-bench/<name>/, so a benchmark or the export test can build with
// other settings or other content without touching the working tree's .next/, .contentlayer/ or out/. Outside the
// project, so Next.js does not take the project's lockfile for the workspace root. node_modules is hard-linked (a
// copy costs seconds, no disk): Turbopack refuses a node_modules symlink that points outside its root.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { timedRun } from "./proc";
import type { TimedRun } from "./proc";

export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
export const BENCH_TMP = process.env.MODELFIT_BENCH_TMP ?? path.join(os.tmpdir(), "modelfit-bench");

/** Files of the working tree: tracked and untracked, without what .gitignore excludes. */
function workingTreeFiles(): string[] {
  const result = spawnSync("git", ["ls-files", "-z", "-co", "--exclude-standard"], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  });
  if (result.status === 0) return result.stdout.split("\0").filter((file) => file !== "");
  // Not a git checkout (e.g. an unpacked archive): everything but build output and dependencies.
  const skip = new Set([
    "node_modules",
    ".next",
    "out",
    ".contentlayer",
    ".git",
    "test-results",
    "playwright-report",
  ]);
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(PROJECT_ROOT, folder), { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(relative);
      else if (entry.isFile()) files.push(relative);
    }
  };
  walk("");
  return files;
}

export function makeSiteCopy(name: string, options: { skip?: (file: string) => boolean } = {}): string {
  const dir = path.join(BENCH_TMP, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of workingTreeFiles()) {
    if (options.skip?.(file)) continue;
    const from = path.join(PROJECT_ROOT, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    const to = path.join(dir, file);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  const modules = path.join(PROJECT_ROOT, "node_modules");
  const linked = spawnSync("cp", ["-al", modules, path.join(dir, "node_modules")]);
  if (linked.status !== 0) {
    // Another file system: a real copy.
    rmSync(path.join(dir, "node_modules"), { recursive: true, force: true });
    const copied = spawnSync("cp", ["-a", modules, path.join(dir, "node_modules")]);
    if (copied.status !== 0) throw new Error(`cannot copy node_modules: ${copied.stderr.toString()}`);
  }
  return dir;
}

export function removeSiteCopy(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface BuildResult {
  contentlayer: TimedRun;
  next: TimedRun;
}

/** `contentlayer2 build` then `next build` in `dir`, each timed with its peak memory. */
export async function buildSite(
  dir: string,
  env: Record<string, string> = {},
  echo = false,
  withContentlayer = true,
): Promise<BuildResult> {
  // contentlayer2 writes .contentlayer/ under $PWD, not the process's working directory: set both.
  const fullEnv = { ...process.env, PWD: dir, NEXT_TELEMETRY_DISABLED: "1", ...env };
  const contentlayer = withContentlayer
    ? await timedRun(process.execPath, ["node_modules/contentlayer2/bin/cli.cjs", "build"], {
        cwd: dir,
        env: fullEnv,
        echo,
      })
    : { code: 0, seconds: 0, peakTreeRss: 0, peakProcessRss: 0, output: "" };
  if (contentlayer.code !== 0)
    throw new Error(`contentlayer2 build failed in ${dir}:\n${contentlayer.output}`);
  // Through sh, so that `pgrep -f "next build"` (how people on a shared machine check for a running build) sees it:
  // Next.js renames its own process to "next-build".
  const next = await timedRun(
    "sh",
    ["-c", `"${process.execPath}" node_modules/next/dist/bin/next build; exit $?`],
    {
      cwd: dir,
      env: fullEnv,
      echo,
    },
  );
  if (next.code !== 0) throw new Error(`next build failed in ${dir}:\n${next.output.slice(-4000)}`);
  return { contentlayer, next };
}
