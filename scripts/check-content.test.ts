// Broken content must stop the build with a message that names the file and the field. Each folder in
// e2e/fixtures/broken-content/ differs from the valid control (e2e/fixtures/valid-content/) in one defect; expect.json
// says which file and field the message must name. checkContent reads the files as contentlayer2 does (gray-matter +
// yaml, the MDX compiler), then runs lib/content/catalog (the zod frontmatter schema, the architecture, the links).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkContentDirs } from "./check-content";
import type { ContentResult } from "./check-content";

const FIXTURES = path.join("e2e", "fixtures");
const BROKEN = path.join(FIXTURES, "broken-content");

interface Expectation {
  file: string;
  field: string;
  mentions?: string;
}

const cases = readdirSync(BROKEN).sort();

describe("content validation", () => {
  it("has the broken cases the brief asks for", () => {
    for (const name of [
      "missing-field",
      "wrong-type",
      "unknown-base-model",
      "duplicate-name",
      "impossible-date",
      "bad-date-format",
      "yaml-syntax",
      "mdx-syntax",
    ]) {
      expect(cases).toContain(name);
    }
  });

  describe("fixtures", () => {
    const dirs = [path.join(FIXTURES, "valid-content"), ...cases.map((name) => path.join(BROKEN, name))];
    let results: ContentResult[] = [];
    beforeAll(async () => {
      results = await checkContentDirs(dirs);
    });

    it("passes the valid control fixture (so each failure below is the defect, not the harness)", () => {
      expect(results[0]?.problems).toEqual([]);
      expect(results[0]?.models).toBe(2);
    });

    cases.forEach((name, index) => {
      it(`fails ${name} naming the file and the field`, () => {
        const dir = path.join(BROKEN, name);
        const expected = JSON.parse(readFileSync(path.join(dir, "expect.json"), "utf8")) as Expectation;
        const result = results[index + 1];
        expect(result?.problems.length, `${name} must fail`).toBeGreaterThan(0);
        const problem = result?.problems[0];
        expect(problem?.file).toBe(path.join(dir, expected.file));
        expect(problem?.field).toBe(expected.field);
        expect(problem?.message).toContain(path.join(dir, expected.file));
        if (expected.field !== "(frontmatter)") expect(problem?.message).toContain(`"${expected.field}"`);
        if (expected.mentions) expect(problem?.message).toContain(expected.mentions);
      });
    });

    it("reports every frontmatter problem of a file, not only the first", async () => {
      const valid = readFileSync(path.join(FIXTURES, "valid-content", "models", "fixture-model.mdx"), "utf8");
      const dir = mkdtempSync(path.join(os.tmpdir(), "modelfit-check-content-"));
      try {
        mkdirSync(path.join(dir, "models"));
        const file = path.join(dir, "models", "two-defects.mdx");
        const broken = valid
          .replace(/^family: .*\n/m, "")
          .replace(/^contextLength: .*$/m, "contextLength: lots");
        expect(broken).not.toBe(valid);
        writeFileSync(file, broken);
        const [result] = await checkContentDirs([dir]);
        expect(result?.problems.map((p) => [p.file, p.field])).toEqual([
          [file, "family"],
          [file, "contextLength"],
        ]);
        expect(result?.problems[0]?.message).toBe(
          `${file}: frontmatter field "family" is missing; it must be a non-empty string`,
        );
        expect(result?.problems[1]?.message).toBe(
          `${file}: frontmatter field "contextLength" must be a positive whole number of tokens, got "lots"`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
