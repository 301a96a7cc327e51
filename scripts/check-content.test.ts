// Broken content must stop the build with a message that names the file and the field. Each folder in
// e2e/fixtures/broken-content/ differs from the valid control (e2e/fixtures/valid-content/) in one defect; expect.json
// says which file and field the message must name. checkContent runs the two stages of the real build: contentlayer2
// with MODELFIT_CONTENT_DIR, then lib/content/catalog's buildCatalog.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkContentDirs, parseContentlayerErrors } from "./check-content";
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
    ]) {
      expect(cases).toContain(name);
    }
  });

  it("parses contentlayer2's report into one problem per field", () => {
    const report = [
      "Error: Found 2 problems in 2 documents.",
      " ├── Missing required fields for 1 documents.",
      ' │   • "models/a.mdx" (of type "Model") is missing the following required fields:',
      " │     • family: string",
      " │     • summary: string",
      " └── 1 documents contain field data which didn't match the structure defined in the document type definition.",
      '     • "models/b.mdx" of type "Model" has the following incompatible fields:',
      '       • contextLength: "lots" ',
    ].join("\n");
    const problems = parseContentlayerErrors(report, "some/dir");
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      [path.join("some/dir", "models/a.mdx"), "family"],
      [path.join("some/dir", "models/a.mdx"), "summary"],
      [path.join("some/dir", "models/b.mdx"), "contextLength"],
    ]);
  });

  describe("fixtures", () => {
    // One batch: two contentlayer2 runs for all folders (see checkContentDirs).
    const dirs = [path.join(FIXTURES, "valid-content"), ...cases.map((name) => path.join(BROKEN, name))];
    let results: ContentResult[] = [];
    beforeAll(async () => {
      results = await checkContentDirs(dirs);
    }, 120_000);

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
  });
});
