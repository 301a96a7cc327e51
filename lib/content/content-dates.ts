// When content last changed, for the sitemap's lastModified: the last commit that touched a file. Build-time only.
// Falls back to `fallback` (e.g. a model's release date) when the build runs outside a git checkout.
import "server-only";
import { execFileSync } from "node:child_process";

const cache = new Map<string, string | null>();

export function gitLastModified(repoPath: string): string | null {
  if (cache.has(repoPath)) return cache.get(repoPath) ?? null;
  let date: string | null = null;
  try {
    const out = execFileSync("git", ["log", "-1", "--format=%cI", "--", repoPath], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    date = out && !Number.isNaN(Date.parse(out)) ? out : null;
  } catch {
    date = null;
  }
  cache.set(repoPath, date);
  return date;
}

export function lastModified(repoPath: string, fallback: string): string {
  return gitLastModified(repoPath) ?? fallback;
}

/** The latest of several ISO dates. */
export function latest(dates: readonly string[]): string {
  if (dates.length === 0) throw new Error("latest: no dates");
  return dates.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}
