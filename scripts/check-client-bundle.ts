// Nothing secret or server-side may reach the browser. Scans what a client downloads from a production build — the
// JavaScript and CSS in .next/static and the prerendered HTML and RSC payloads in .next/server/app — for:
//   - the value of every environment variable of the build whose name looks secret (TOKEN, SECRET, KEY, PASSWORD …),
//     and of MODELFIT_BUILD_CANARY, a random value CI sets for the build (a dumped process.env would carry it);
//   - `process.env.NAME` references left in client code (other than the NODE_ENV/NEXT_PUBLIC_ ones Next inlines);
//   - well-known credential formats (private keys, AWS, GitHub, npm, Slack, OpenAI-style keys);
//   - server-only modules bundled for the client (child_process, node:fs).
//   tsx scripts/check-client-bundle.ts [project dir=.]
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const SECRET_NAME =
  /SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE|CREDENTIAL|API_?KEY|ACCESS_?KEY|AUTH|COOKIE|SESSION|CANARY/i;
const ALLOWED_ENV_REFERENCES =
  /^(NODE_ENV|NEXT_RUNTIME|NEXT_PUBLIC_\w+|__NEXT_\w+|TURBOPACK\w*|NEXT_DEPLOYMENT_ID)$/;
const CREDENTIAL_PATTERNS: readonly [string, RegExp][] = [
  ["private key", /-----BEGIN (?:RSA |EC |OPENSSH |PGP )?PRIVATE KEY-----/],
  ["AWS access key", /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ["GitHub token", /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ["npm token", /\bnpm_[A-Za-z0-9]{36}\b/],
  ["Slack token", /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/],
  ["OpenAI-style key", /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}\b/],
];
const SERVER_ONLY =
  /\b(?:require\(["']child_process["']\)|from ["']node:child_process["']|["']node:fs["']|execFileSync)\b/;

function walk(folder: string, keep: (file: string) => boolean, out: string[] = []): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return out;
  }
  for (const name of entries) {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) walk(file, keep, out);
    else if (keep(file)) out.push(file);
  }
  return out;
}

export interface BundleReport {
  files: number;
  bytes: number;
  secretValuesChecked: number;
  problems: string[];
}

export function checkClientBundle(projectDir: string, env: NodeJS.ProcessEnv = process.env): BundleReport {
  const staticFiles = walk(path.join(projectDir, ".next", "static"), (f) => /\.(js|css|json)$/.test(f));
  const pageFiles = walk(path.join(projectDir, ".next", "server", "app"), (f) =>
    /\.(html|rsc|body)$/.test(f),
  );
  const secrets = Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === "string" && value.length >= 8)
    .map(([name, value]) => [name, value ?? ""] as const);
  const problems: string[] = [];
  let bytes = 0;
  for (const file of [...staticFiles, ...pageFiles]) {
    const text = readFileSync(file, "utf8");
    bytes += text.length;
    const where = path.relative(projectDir, file);
    for (const [name, value] of secrets) {
      if (text.includes(value)) problems.push(`${where}: contains the value of $${name}`);
    }
    for (const [label, pattern] of CREDENTIAL_PATTERNS) {
      if (pattern.test(text)) problems.push(`${where}: looks like it contains a ${label}`);
    }
    if (staticFiles.includes(file)) {
      for (const match of text.matchAll(/process\.env\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
        const name = match[1] ?? "";
        if (!ALLOWED_ENV_REFERENCES.test(name))
          problems.push(`${where}: client code reads process.env.${name}`);
      }
      if (SERVER_ONLY.test(text))
        problems.push(`${where}: bundles a server-only module (child_process / node:fs)`);
    }
  }
  return {
    files: staticFiles.length + pageFiles.length,
    bytes,
    secretValuesChecked: secrets.length,
    problems: [...new Set(problems)],
  };
}

function main(): void {
  const projectDir = path.resolve(process.argv[2] ?? ".");
  const report = checkClientBundle(projectDir);
  if (report.files === 0) {
    console.error(`client bundle: no build in ${projectDir}/.next — run \`npm run build\` first`);
    process.exit(2);
  }
  if (!process.env.MODELFIT_BUILD_CANARY) {
    console.log(
      "client bundle: MODELFIT_BUILD_CANARY is not set (CI sets it for the build); checking the other values",
    );
  }
  console.log(
    `client bundle: ${report.files} files (${(report.bytes / 2 ** 20).toFixed(1)} MiB) scanned for ${report.secretValuesChecked} secret-named environment values, credential formats, process.env reads and server-only modules: ${report.problems.length} problems`,
  );
  for (const problem of report.problems.slice(0, 30)) console.error(`  ${problem}`);
  if (report.problems.length > 30) console.error(`  … and ${report.problems.length - 30} more`);
  if (report.problems.length > 0) process.exit(1);
}

if (require.main === module) main();
