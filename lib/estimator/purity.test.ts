// Guard: the estimator modules stay pure TypeScript (docs/estimator-api.md). Only test files may touch the file
// system or the process (the CLI lives in scripts/estimate.ts); no module may import React, Next, Node built-ins or site content.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const DIR = __dirname;
const FORBIDDEN = [
  /^react(\/|$)/,
  /^react-dom(\/|$)/,
  /^next(\/|$)/,
  /^node:/,
  /^fs(\/|$)/,
  /^path$/,
  /^contentlayer/,
  /^@\/content(\/|$)/,
];

function moduleFiles(): string[] {
  // Subfolders too (architectures/): every module of the estimator is held to the same rule.
  return readdirSync(DIR, { recursive: true, encoding: "utf8" }).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".test-utils.ts"),
  );
}

/** Every module specifier in import/export-from statements, dynamic import() and require(). */
export function importedSpecifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

describe("estimator purity", () => {
  it("the specifier scanner sees every import form", () => {
    const src = `import x from "react";\nimport { a } from 'next/link';\nexport * from "node:fs";\nconst p = import("path");\nconst q = require("fs");\nimport type { T } from "@/content/models";`;
    expect(importedSpecifiers(src)).toEqual([
      "react",
      "next/link",
      "node:fs",
      "@/content/models",
      "path",
      "fs",
    ]);
  });

  it("finds the modules to check", () => {
    const files = moduleFiles();
    expect(files).toContain("index.ts");
    expect(files).toContain("formats.ts");
    expect(files).toContain(join("architectures", "index.ts"));
  });

  for (const file of moduleFiles()) {
    it(`${file} imports nothing impure`, () => {
      const bad = importedSpecifiers(readFileSync(join(DIR, file), "utf8")).filter((s) =>
        FORBIDDEN.some((re) => re.test(s)),
      );
      expect(bad).toEqual([]);
    });
  }
});
