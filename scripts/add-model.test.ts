// npm run add-model, run as a person runs it (node + tsx, real files): a page from Qwen3-8B's published config.json,
// every bad input refused with one line and exit 2 and nothing written, and the placeholder page refused by the
// content check (the two stages of the real build) until a person fills it in.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// The YAML parser contentlayer2 reads frontmatter with (a dependency of @contentlayer2/source-files).
import { parse as parseYaml } from "yaml";
import { renderModelPage } from "./add-model";
import { checkContentDirs } from "./check-content";

const SCRIPT = path.join(__dirname, "add-model.ts");
const work = mkdtempSync(path.join(os.tmpdir(), "modelfit-add-model-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// https://huggingface.co/Qwen/Qwen3-8B/blob/main/config.json as published (2025-04-29), byte for byte.
const QWEN3_8B_CONFIG = `{
  "architectures": [
    "Qwen3ForCausalLM"
  ],
  "attention_bias": false,
  "attention_dropout": 0.0,
  "bos_token_id": 151643,
  "eos_token_id": 151645,
  "head_dim": 128,
  "hidden_act": "silu",
  "hidden_size": 4096,
  "initializer_range": 0.02,
  "intermediate_size": 12288,
  "max_position_embeddings": 40960,
  "max_window_layers": 36,
  "model_type": "qwen3",
  "num_attention_heads": 32,
  "num_hidden_layers": 36,
  "num_key_value_heads": 8,
  "rms_norm_eps": 1e-06,
  "rope_scaling": null,
  "rope_theta": 1000000,
  "sliding_window": null,
  "tie_word_embeddings": false,
  "torch_dtype": "bfloat16",
  "transformers_version": "4.51.0",
  "use_cache": true,
  "use_sliding_window": false,
  "vocab_size": 151936
}
`;

function file(name: string, text: string): string {
  const target = path.join(work, name);
  writeFileSync(target, text);
  return target;
}

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", SCRIPT, ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function freshDir(name: string): string {
  const dir = path.join(work, name, "models");
  mkdirSync(dir, { recursive: true });
  return dir;
}

function frontmatter(page: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(page);
  if (!match?.[1]) throw new Error("no frontmatter");
  return parseYaml(match[1]) as Record<string, unknown>;
}

describe("npm run add-model", () => {
  const config = file("qwen3-8b.json", QWEN3_8B_CONFIG);
  const out = freshDir("ok");
  const first = run("--config", config, "--hf-id", "Qwen/Qwen3-8B", "--out", out);
  const page = readFileSync(path.join(out, "qwen3-8b.mdx"), "utf8");

  it("writes <slug>.mdx with the config verbatim, the counted size, the context and the first sources", () => {
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(readdirSync(out)).toEqual(["qwen3-8b.mdx"]);
    const data = frontmatter(page);
    expect(data["architecture"]).toEqual(JSON.parse(QWEN3_8B_CONFIG));
    // Numbers as published, not as JSON.parse prints them.
    expect(page).toContain("  rms_norm_eps: 1e-06\n");
    expect(page).toContain("  attention_dropout: 0.0\n");
    expect(data["huggingFaceId"]).toBe("Qwen/Qwen3-8B");
    expect(data["contextLength"]).toBe(40960);
    expect(data["sources"]).toEqual([
      { label: "config.json", url: "https://huggingface.co/Qwen/Qwen3-8B/blob/main/config.json" },
      { label: "Model card", url: "https://huggingface.co/Qwen/Qwen3-8B" },
    ]);
    // The card says 8.2B; 8.19B is what lib/estimator counts from these shapes.
    expect(page).toContain("counted from the config: 8.19B");
    for (const field of ["family", "developer", "releaseDate", "license", "licenseUrl", "summary"]) {
      expect(String(data[field]), field).toMatch(/^TODO\(add-model\): /);
    }
  });

  it("keeps Python's Infinity (nemotron_h's time_step_limit) as YAML .inf", () => {
    const withInfinity = QWEN3_8B_CONFIG.replace(
      '"vocab_size": 151936',
      '"vocab_size": 151936,\n  "time_step_limit": [\n    0.0,\n    Infinity\n  ]',
    );
    const dir = freshDir("infinity");
    const result = run("--config", file("infinity.json", withInfinity), "--hf-id", "a/b", "--out", dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const written = readFileSync(path.join(dir, "b.mdx"), "utf8");
    expect(written).toContain("  time_step_limit: [0.0, .inf]\n");
    expect((frontmatter(written)["architecture"] as Record<string, unknown>)["time_step_limit"]).toEqual([
      0,
      Number.POSITIVE_INFINITY,
    ]);
  });

  it("derives the modality from the towers the config has, ignoring null ones", () => {
    const modality = (extra: string) =>
      frontmatter(
        renderModelPage({
          configText: QWEN3_8B_CONFIG.replace('"vocab_size": 151936', `"vocab_size": 151936${extra}`),
          huggingFaceId: "a/b",
        }),
      )["modality"];
    expect(modality("")).toBe("text");
    // Gemma 4's larger models: a vision tower and "audio_config": null.
    expect(modality(', "vision_config": {"hidden_size": 1152}, "audio_config": null')).toBe("text+image");
    expect(modality(', "vision_config": {"hidden_size": 1152}, "audio_config": {"hidden_size": 1536}')).toBe(
      "text+image+audio",
    );
  });

  it.each([
    [
      "an unreadable config",
      ["--config", path.join(work, "missing.json"), "--hf-id", "a/b"],
      /cannot read --config .*missing\.json \(ENOENT\)/,
    ],
    [
      "a config that is not JSON",
      ["--config", file("broken.json", "{ nope"), "--hf-id", "a/b"],
      /config is not valid JSON/,
    ],
    [
      "an unsupported model type",
      ["--config", file("unknown.json", '{"model_type": "not_a_model", "hidden_size": 8}'), "--hf-id", "a/b"],
      /unsupported "model_type" "not_a_model"/,
    ],
    ["a taken slug", ["--config", config, "--hf-id", "Qwen/Qwen3-8B"], /slug "qwen3-8b" is taken/],
    ["no --hf-id", ["--config", config], /missing --hf-id/],
    [
      "a malformed --hf-id",
      ["--config", config, "--hf-id", "just-a-name"],
      /--hf-id must look like org\/name/,
    ],
  ])("refuses %s with one line, exit 2, and writes nothing", (_case, args, message) => {
    const result = run(...args, "--out", out);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(readdirSync(out)).toEqual(["qwen3-8b.mdx"]);
    expect(readFileSync(path.join(out, "qwen3-8b.mdx"), "utf8")).toBe(page);
  });

  it("the placeholder page fails the content check by file and field, and builds once filled in", async () => {
    const filled = page
      .replace(/^ {2}total: .*$/m, "  total: 8200000000")
      .replace(/^ {2}source: .*$/m, "  source: https://huggingface.co/Qwen/Qwen3-8B")
      .replace(/^family: .*$/m, "family: Qwen3")
      .replace(/^developer: .*$/m, "developer: Alibaba Cloud (Qwen team)")
      .replace(/^releaseDate: .*$/m, "releaseDate: 2025-04-29")
      .replace(/^license: .*$/m, "license: Apache-2.0")
      .replace(/^licenseUrl: .*$/m, "licenseUrl: https://huggingface.co/Qwen/Qwen3-8B/blob/main/LICENSE")
      .replace(/^summary: .*$/m, "summary: A dense 8B Qwen3 model.")
      .replace(/^TODO\(add-model\): .*$/m, "Prose.");
    const numbersOnly = filled.replace(/^family: .*$/m, 'family: "TODO(add-model): release series"');
    const bodyOnly = filled.replace("Prose.", "TODO(add-model): prose");
    const dirs = { placeholder: page, numbersOnly, bodyOnly, filled };
    const folders = Object.entries(dirs).map(([name, text]) => {
      const dir = freshDir(`check-${name}`);
      writeFileSync(path.join(dir, "qwen3-8b.mdx"), text);
      return path.dirname(dir);
    });
    const [placeholder, family, body, complete] = await checkContentDirs(folders);
    const expectProblem = (result: typeof placeholder, field: string) => {
      expect(result?.problems.map((problem) => [path.basename(problem.file), problem.field])).toEqual([
        ["qwen3-8b.mdx", field],
      ]);
    };
    // A placeholder is reported before the field's own rule (parameters.total is a number in the schema), at the
    // first frontmatter field that holds one.
    expectProblem(placeholder, "family");
    expect(placeholder?.problems[0]?.message).toContain("still holds the TODO(add-model) placeholder");
    expectProblem(family, "family");
    expectProblem(body, "(body)");
    expect(complete).toEqual({ problems: [], models: 1 });
  }, 120_000);
});
