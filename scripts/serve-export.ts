// Serves a static export like a plain static host (scripts/lib/export-host.ts, sirv):
//   tsx scripts/serve-export.ts [--dir out] [--port 3000]
import { parseArgs } from "node:util";
import { startExportHost } from "./lib/export-host";

const { values } = parseArgs({
  options: { dir: { type: "string", default: "out" }, port: { type: "string", default: "3000" } },
  strict: true,
});
void startExportHost(values.dir, Number(values.port)).then(({ origin }) =>
  console.log(`serving ${values.dir} on ${origin}`),
);
