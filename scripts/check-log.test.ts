// Spawns `npm run check-log`'s script on real logs (lib/evidence/testdata/SOURCES.md).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.setConfig({ testTimeout: 120_000 });
const ROOT = join(__dirname, "..");
const DATA = join(ROOT, "lib/evidence/testdata");
const CONFIG = join(DATA, "llama-3.1-8b-instruct.config.json");

function run(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, "check-log.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("check-log CLI", () => {
  it("--json prints estimated and measured bytes per term for a llama.cpp log", () => {
    const r = run(["--config", CONFIG, "--log", join(DATA, "ollama-llama-3.1-8b-q4_k_m-4090.log"), "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out.terms)).toEqual(["weights", "kvCache", "compute"]);
    expect(out.terms.kvCache).toEqual({ estimated: 1024 * 1024 ** 2, measured: 1024 * 1024 ** 2 });
    expect(out.terms.weights.measured).toBe(Math.round(281.81 * 1024 ** 2) + Math.round(4403.49 * 1024 ** 2));
    expect(Number.isInteger(out.terms.compute.estimated)).toBe(true);
  });
  it("reads a vLLM log; a term the log lacks is null", () => {
    const r = run(["--config", CONFIG, "--log", join(DATA, "vllm-llama-3.1-8b-bf16-a100.log"), "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.terms.weights.measured).toBe(Math.round(14.99 * 1024 ** 3));
    expect(out.terms.compute.measured).toBeNull();
  });
  it.each([
    [["--log", "x"], /--config is required/],
    [["--config", CONFIG], /--log is required/],
    [["--config", CONFIG, "--log", join(DATA, "missing.log")], /cannot read --log .*ENOENT/],
    [["--config", join(DATA, "SOURCES.md"), "--log", "x"], /is not valid JSON/],
    [["--config", CONFIG, "--log", CONFIG], /not a llama\.cpp or vLLM start-up log/],
    [["--config", CONFIG, "--log", join(DATA, "llama-cpp-issue-19437-breakdown.log")], /weight format/],
    [["--wat"], /unknown option "--wat"/],
  ])("exit 2 with one line: %j", (args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

describe("check-log CLI on special files", () => {
  it("refuses /dev/zero and a directory as the log without reading them", () => {
    for (const [log, why] of [
      ["/dev/zero", /cannot read --log \/dev\/zero: it is a device/],
      [DATA, /cannot read --log .*: it is a directory/],
    ] as const) {
      const r = run(["--config", CONFIG, "--log", log]);
      expect(r.code).toBe(2);
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(why);
    }
  });
});
