// After `MODELFIT_EXPORT=1 next build`: the steps a static export needs that Next.js cannot express without a server.
// - The Markdown twin of each model page is prerendered as models/<slug>/index.md; `next start` also serves it at
//   /models/<slug>.md through a rewrite, which a static host does not have: write the same file at that path too.
// Run by `npm run build` (a no-op unless MODELFIT_EXPORT=1) and by scripts/check-export.ts.
import { copyFileSync, existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** Copies out/models/<slug>/index.md to out/models/<slug>.md; returns how many twins were written. */
export function finishExport(out: string): number {
  const models = path.join(out, "models");
  if (!existsSync(models)) return 0;
  let written = 0;
  for (const entry of readdirSync(models, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const twin = path.join(models, entry.name, "index.md");
    if (!existsSync(twin)) continue;
    copyFileSync(twin, path.join(models, `${entry.name}.md`));
    written++;
  }
  return written;
}

if (require.main === module) {
  if (process.env.MODELFIT_EXPORT === "1") {
    const out = path.resolve(process.argv[2] ?? "out");
    console.log(`finish-export: ${finishExport(out)} Markdown twins written as models/<slug>.md in ${out}`);
  }
}
