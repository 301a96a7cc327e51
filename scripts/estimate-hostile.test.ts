// The CLI on hostile files (issue 16): special files are refused before anything is read, oversized files by their
// size, and every failure is one stderr line and exit 2; a BOM and Python's bare Infinity are accepted.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { FIXTURE_DIR } from "../lib/estimator/fixtures.test-utils";

const CLI = join(__dirname, "estimate.ts");
vi.setConfig({ testTimeout: 120_000 });

function run(config: string) {
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", CLI, "--config", config, "--quant", "Q4_K_M", "--context", "4096", "--json"],
    { encoding: "utf8", timeout: 60_000 },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

const dir = mkdtempSync(join(tmpdir(), "estimator-cli-hostile-"));
const llamaText = readFileSync(join(FIXTURE_DIR, "Llama-3.1-8B-Instruct.json"), "utf8");
const llama = JSON.parse(llamaText) as Record<string, unknown>;
function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("estimate CLI on hostile input", () => {
  it("reads a config with a UTF-8 BOM and one with Python's bare Infinity", () => {
    const plain = JSON.parse(run(join(FIXTURE_DIR, "Llama-3.1-8B-Instruct.json")).stdout);
    for (const path of [
      file("bom.json", `\ufeff${llamaText}`),
      file(
        "inf.json",
        JSON.stringify({ ...llama, time_step_limit: [0, 1] }).replace("[0,1]", "[0.0, Infinity]"),
      ),
    ]) {
      const r = run(path);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).bytes).toEqual(plain.bytes);
    }
  });

  const oversized = join(dir, "huge.json");
  writeFileSync(oversized, "");
  truncateSync(oversized, 10 * 1024 * 1024 + 1); // sparse: no 10 MB written to disk
  const failures: [string, string, RegExp][] = [
    ["/dev/zero", "/dev/zero", /cannot read \/dev\/zero: it is a device/],
    ["a directory", dir, /it is a directory/],
    ["an oversized file", oversized, /10,485,761 bytes; the limit is 10,485,760/],
    ["a bare word", file("word.json", '{\n  "hidden_size": inf\n}'), /line 2, column 18: unexpected "inf"/],
    ["deep nesting", file("deep.json", "[".repeat(100_000)), /nests more than 64 levels deep/],
    [
      "hidden_size 1e308",
      file("big.json", JSON.stringify({ ...llama, hidden_size: 1e308 })),
      /"hidden_size" must be/,
    ],
    [
      "a 3,000-element array",
      file(
        "array.json",
        JSON.stringify({ ...llama, num_key_value_heads: Array.from({ length: 3000 }, (_, i) => i) }),
      ),
      /got an array of 3000 items$/,
    ],
    ["bytes that are not UTF-8", file("latin1.json", Buffer.from([0x7b, 0xff, 0x7d])), /not UTF-8/],
  ];
  for (const [name, path, why] of failures) {
    it(`exit 2 with one short line: ${name}`, () => {
      const r = run(path);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(why);
      expect(lines[0]!.length).toBeLessThan(300);
    });
  }

  it("refuses a named pipe without waiting for a writer", () => {
    const fifo = join(dir, "pipe");
    const made = spawnSync("mkfifo", [fifo]);
    expect(made.status).toBe(0);
    const r = run(fifo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/it is a named pipe/);
  });
});
