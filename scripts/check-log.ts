/**
 * npm run --silent check-log -- --config <config.json> --log <file> [--json]
 * Reads a llama.cpp or vLLM start-up log, rebuilds the run's settings from it and prints lib/estimator's estimate
 * beside the measured bytes of each term (summed over devices). Exit 2 with one line on bad input.
 */
import { ConfigError, JsonInputError, parseConfig, parseJsonInput, GIB } from "@/lib/estimator";
import type { ModelArchitecture } from "@/lib/estimator";
import { checkLog } from "@/lib/evidence/log-check";
import { TERM_NAMES } from "@/lib/evidence/log-reader";
import { parseFlags } from "@/scripts/lib/cli-args";
import { readRegularTextFile } from "@/scripts/lib/read-text-file";

const USAGE = "usage: npm run --silent check-log -- --config <config.json> --log <file> [--json]";

function fail(message: string): never {
  process.stderr.write(`check-log: ${message}\n`);
  process.exit(2);
}

function readText(flag: string, path: string): string {
  try {
    return readRegularTextFile(path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(message.replace(/^cannot read /, `cannot read ${flag} `));
  }
}

function main(argv: string[]): void {
  let values: { config?: string; log?: string; json?: boolean; help?: boolean };
  try {
    values = parseFlags(argv, {
      config: { type: "string" },
      log: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}; ${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.config) fail(`--config is required; ${USAGE}`);
  if (!values.log) fail(`--log is required; ${USAGE}`);

  let config: unknown;
  try {
    config = parseJsonInput(readText("--config", values.config));
  } catch (error) {
    if (error instanceof JsonInputError) {
      const m = error.message;
      fail(`--config ${values.config} ${m.startsWith("not valid JSON") ? `is ${m}` : `: ${m}`}`);
    }
    throw error;
  }
  let arch: ModelArchitecture;
  try {
    arch = parseConfig(config);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RangeError) fail(`--config: ${error.message}`);
    throw error;
  }
  const result = checkLog(arch, readText("--log", values.log));
  if (!result.ok) fail(result.message);
  const { check } = result;
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ terms: check.terms, settings: check.reading.settings, engine: check.reading.engine })}\n`,
    );
    return;
  }
  const gib = (bytes: number | null) => (bytes === null ? "—" : `${(bytes / GIB).toFixed(2)} GiB`);
  const lines = [`${check.reading.engine} log, read from ${check.reading.basis}`];
  for (const name of TERM_NAMES) {
    const t = check.terms[name];
    lines.push(
      `${name.padEnd(8)} estimated ${gib(t.estimated).padStart(10)}   measured ${gib(t.measured).padStart(10)}`,
    );
  }
  for (const note of check.reading.notes) lines.push(`note: ${note}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

main(process.argv.slice(2));
