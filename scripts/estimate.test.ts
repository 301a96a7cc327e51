// Spawns the CLI (node --import tsx scripts/estimate.ts, what `npm run estimate` runs) on real config files.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { estimateMemory, estimateVisionTower, parseConfig } from "../lib/estimator/index";
import { FIXTURE_DIR, TESTDATA_DIR, fixtureConfig, testdataArch } from "../lib/estimator/fixtures.test-utils";

const CLI = join(__dirname, "estimate.ts");
// each spawn starts node + tsx (~1-3 s on a loaded 2-core machine)
vi.setConfig({ testTimeout: 120_000 });

function run(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const llama = join(FIXTURE_DIR, "Llama-3.1-8B-Instruct.json");

describe("estimate CLI", () => {
  it("--json prints one object matching estimateMemory", () => {
    const r = run(["--config", llama, "--quant", "Q4_K_M", "--context", "8192", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trim().split("\n");
    expect(lines.length).toBe(1);
    const out = JSON.parse(lines[0]!);
    const e = estimateMemory(parseConfig(fixtureConfig("Llama-3.1-8B-Instruct")), {
      format: "Q4_K_M",
      contextTokens: 8192,
    });
    expect(out.params).toEqual(e.params);
    expect(out.bytes).toEqual(e.bytes);
    for (const k of ["weights", "kvCache", "recurrentState", "compute", "overhead", "total"])
      expect(Number.isInteger(out.bytes[k])).toBe(true);
    // an attention-only model keeps no recurrent state
    expect(out.bytes.recurrentState).toBe(0);
    expect(Number.isInteger(out.params.total) && Number.isInteger(out.params.active)).toBe(true);
  });

  it("honours --kv-type, --batch and --engine", () => {
    const base = JSON.parse(
      run(["--config", llama, "--quant", "Q4_K_M", "--context", "4096", "--json"]).stdout,
    );
    const q8 = JSON.parse(
      run(["--config", llama, "--quant", "Q4_K_M", "--context", "4096", "--kv-type", "q8_0", "--json"])
        .stdout,
    );
    const b4 = JSON.parse(
      run(["--config", llama, "--quant", "Q4_K_M", "--context", "4096", "--batch", "4", "--json"]).stdout,
    );
    expect(q8.bytes.kvCache).toBe((base.bytes.kvCache * 34) / 64);
    expect(b4.bytes.kvCache).toBe(4 * base.bytes.kvCache);
    const v = run([
      "--config",
      llama,
      "--quant",
      "AWQ-INT4",
      "--context",
      "4096",
      "--engine",
      "vllm",
      "--json",
    ]);
    expect(v.code).toBe(0);
    const bf16 = JSON.parse(
      run(["--config", llama, "--quant", "BF16", "--context", "4096", "--engine", "vllm", "--json"]).stdout,
    );
    expect(JSON.parse(v.stdout).bytes.weights).toBeLessThan(bf16.bytes.weights / 2);
  });

  it("works on MoE / MLA / nested configs", () => {
    for (const f of [
      join(FIXTURE_DIR, "DeepSeek-V3.json"),
      join(FIXTURE_DIR, "gpt-oss-120b.json"),
      join(TESTDATA_DIR, "mixtral-8x7b.json"),
    ]) {
      const r = run(["--config", f, "--quant", "Q4_K_M", "--context", "4096", "--json"]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).params.active).toBeLessThan(JSON.parse(r.stdout).params.total);
    }
  });

  it("without --json prints a readable breakdown", () => {
    const r = run(["--config", llama, "--quant", "Q8_0", "--context", "2048"]);
    expect(r.code).toBe(0);
    for (const word of ["weights", "KV cache", "recurrent", "compute", "overhead", "total", "GiB"])
      expect(r.stdout).toContain(word);
  });

  it("a hybrid's recurrent state is its own term of the JSON, inside the total", () => {
    const f = join(TESTDATA_DIR, "Qwen3-Coder-Next.json");
    const out = JSON.parse(run(["--config", f, "--quant", "Q4_K_M", "--context", "4096", "--json"]).stdout);
    const b = out.bytes;
    // 36 Gated DeltaNet layers × (3 × 8192 conv + 128 × 4096 state) f32 values (llama.cpp log hparams, see
    // hybrids.test.ts)
    expect(b.recurrentState).toBe(36 * (3 * 8192 + 128 * 4096) * 4);
    expect(b.total).toBe(b.weights + b.kvCache + b.recurrentState + b.compute + b.overhead);
  });

  it("--engine mlx with an MLX format prints the same JSON as estimateMemory", () => {
    const r = run([
      "--config",
      llama,
      "--quant",
      "MLX-4bit",
      "--context",
      "8192",
      "--engine",
      "mlx",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const e = estimateMemory(parseConfig(fixtureConfig("Llama-3.1-8B-Instruct")), {
      format: "MLX-4bit",
      contextTokens: 8192,
      engine: "mlx",
    });
    expect(JSON.parse(r.stdout).bytes).toEqual(e.bytes);
  });

  it("--help states the defaults", () => {
    const r = run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("llama.cpp");
    expect(r.stdout).toContain("1 sequence");
    expect(r.stdout).toContain("n_ubatch 512");
    expect(r.stdout).toContain("f16 KV cache");
  });

  const dir = mkdtempSync(join(tmpdir(), "estimator-cli-"));
  const badJson = join(dir, "bad.json");
  writeFileSync(badJson, "{ not json");
  const noHeads = join(dir, "noheads.json");
  const cfg = { ...(fixtureConfig("Llama-3.1-8B-Instruct") as Record<string, unknown>) };
  delete cfg["num_attention_heads"];
  writeFileSync(noHeads, JSON.stringify(cfg));

  const failures: [string, string[], RegExp][] = [
    [
      "unknown flag",
      ["--config", llama, "--quant", "Q4_K_M", "--context", "1", "--frobnicate"],
      /unknown option/,
    ],
    ["missing --config", ["--quant", "Q4_K_M", "--context", "1"], /--config/],
    ["bad --quant", ["--config", llama, "--quant", "Q4_K", "--context", "1"], /--quant/],
    ["bad --context", ["--config", llama, "--quant", "Q4_K_M", "--context", "-3"], /--context/],
    [
      "bad --kv-type",
      ["--config", llama, "--quant", "Q4_K_M", "--context", "1", "--kv-type", "q5_1"],
      /--kv-type/,
    ],
    [
      "format not for engine",
      ["--config", llama, "--quant", "Q4_K_M", "--context", "1", "--engine", "vllm"],
      /not available on vllm/,
    ],
    [
      "MLX format on llama.cpp",
      ["--config", llama, "--quant", "MLX-4bit", "--context", "1"],
      /not available on llama\.cpp/,
    ],
    [
      "missing file",
      ["--config", join(dir, "nope.json"), "--quant", "Q4_K_M", "--context", "1"],
      /cannot read/,
    ],
    ["invalid JSON", ["--config", badJson, "--quant", "Q4_K_M", "--context", "1"], /not valid JSON/],
    [
      "config missing a field",
      ["--config", noHeads, "--quant", "Q4_K_M", "--context", "1"],
      /missing "num_attention_heads" \(number\)/,
    ],
  ];
  for (const [name, args, re] of failures) {
    it(`exit 2 with one stderr line: ${name}`, () => {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines.length).toBe(1);
      expect(lines[0]).toMatch(re);
    });
  }
});

describe("estimate CLI with a multimodal config", () => {
  it("--json adds a separate vision object and keeps bytes.total the sum of its terms", () => {
    const r = run([
      "--config",
      join(TESTDATA_DIR, "Qwen3-VL-8B-Instruct.json"),
      "--quant",
      "Q4_K_M",
      "--context",
      "8192",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      bytes: Record<string, number>;
      vision: { parameters: number; mmprojBytes: { f16: number; q8_0: number } };
    };
    const { total, ...terms } = out.bytes;
    expect(total).toBe(Object.values(terms).reduce((a, b) => a + b, 0));
    expect(out.vision).toEqual(estimateVisionTower(testdataArch("Qwen3-VL-8B-Instruct").vision!));
  });
});
