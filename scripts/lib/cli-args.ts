// Command-line flags for the scripts: node:util parseArgs (strict, long options), with its errors rewritten as one
// short line that names the flag, so every CLI fails the same way: one stderr line and exit 2.
import { parseArgs } from "node:util";
import type { ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

export class UsageError extends Error {}

function usageMessage(error: unknown, argv: readonly string[]): string {
  const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
  const code = (error as { code?: string }).code;
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? "";
  // parseArgs names an option as "--name", "--name <value>" or "-n, --name"; keep the long form.
  const flag = /--[^\s,']+/.exec(quoted)?.[0] ?? quoted;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return `unknown option ${JSON.stringify(quoted)} (see --help)`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL")
    return `unexpected argument ${JSON.stringify(quoted)}: values follow their option (see --help)`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (message.includes("argument missing")) return `${flag} expects a value`;
    if (message.includes("does not take an argument")) return `${flag} takes no value`;
    if (message.includes("ambiguous")) {
      const next = argv[argv.indexOf(flag) + 1] ?? "";
      return `${flag} expects a value, got the option-like ${JSON.stringify(next)} (write ${flag}=${next} if that is the value)`;
    }
  }
  return message;
}

/** The flags in `argv`; throws UsageError (one line) for an unknown flag, a missing value or a stray argument. */
export function parseFlags<O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(usageMessage(error, argv));
  }
}

/** Like parseFlags, and also returns the positional arguments (for scripts that take names, such as bench sections). */
export function parseFlagsAndNames<O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(usageMessage(error, argv));
  }
}
