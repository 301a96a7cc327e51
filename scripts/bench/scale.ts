// Build scale: the real catalog plus N synthetic models, built in a scratch copy with MODELFIT_CONTENT_DIR pointing at
// a generated content folder. Each synthetic model is a real model's frontmatter (so a real architecture and real
// estimator work) under a new slug and name; baseModel links are dropped, prose links kept only to real models.
// Times contentlayer2 and next build, counts the prerendered routes, samples the peak memory of the build's whole
// process tree, and reports the marginal cost per page between runs, to show whether the cost grows linearly.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, buildSite, makeSiteCopy, removeSiteCopy } from "../lib/site-copy";
import { waitForOtherBuilds } from "../lib/proc";

export interface ScaleRun {
  synthetic: number;
  models: number;
  routes: number;
  htmlPages: number;
  contentlayerSeconds: number;
  nextSeconds: number;
  peakTreeRssBytes: number;
  peakProcessRssBytes: number;
}

interface RealModel {
  slug: string;
  frontmatter: string;
  body: string;
}

function realModels(): RealModel[] {
  const dir = path.join(PROJECT_ROOT, "content", "models");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".mdx"))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(dir, file), "utf8");
      const end = text.indexOf("\n---", 4);
      return { slug: file.replace(/\.mdx$/, ""), frontmatter: text.slice(4, end), body: text.slice(end + 4) };
    });
}

/** Writes content/models for the real catalog plus `synthetic` copies; returns the model count. */
export function writeSyntheticContent(target: string, synthetic: number): number {
  const real = realModels();
  const models = path.join(target, "models");
  mkdirSync(models, { recursive: true });
  for (const model of real) {
    writeFileSync(path.join(models, `${model.slug}.mdx`), `---\n${model.frontmatter}\n---${model.body}`);
  }
  for (let i = 0; i < synthetic; i++) {
    const source = real[i % real.length];
    if (!source) break;
    const slug = `synthetic-${i + 1}-${source.slug}`;
    const frontmatter = source.frontmatter
      .replace(
        /^name: (.*)$/m,
        (_, name: string) => `name: "Synthetic ${i + 1} (${name.replace(/^"|"$/g, "").replace(/"/g, "'")})"`,
      )
      .replace(/^baseModel: .*\n/m, "")
      .replace(/^aliases: .*\n/m, "");
    writeFileSync(path.join(models, `${slug}.mdx`), `---\n${frontmatter}\n---${source.body}`);
  }
  return real.length + synthetic;
}

function countRoutes(dir: string): { routes: number; htmlPages: number } {
  const manifest = JSON.parse(readFileSync(path.join(dir, ".next", "prerender-manifest.json"), "utf8")) as {
    routes: Record<string, unknown>;
  };
  const routes = Object.keys(manifest.routes);
  const app = path.join(dir, ".next", "server", "app");
  let htmlPages = 0;
  const walk = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name));
      else if (entry.name.endsWith(".html")) htmlPages++;
    }
  };
  walk(app);
  return { routes: routes.length, htmlPages };
}

export async function scaleRun(synthetic: number, keep = false): Promise<ScaleRun> {
  const name = `scale-${synthetic}`;
  const dir = makeSiteCopy(name, { skip: (file) => file.startsWith("content/models/") });
  const content = path.join(dir, "bench-content");
  const models = writeSyntheticContent(content, synthetic);
  // The GPU catalog and anything else in content/ besides models stays where the code reads it.
  await waitForOtherBuilds(`scale N=${synthetic}`);
  const built = await buildSite(dir, { MODELFIT_CONTENT_DIR: content });
  const counted = countRoutes(dir);
  if (!keep) removeSiteCopy(dir);
  return {
    synthetic,
    models,
    routes: counted.routes,
    htmlPages: counted.htmlPages,
    contentlayerSeconds: built.contentlayer.seconds,
    nextSeconds: built.next.seconds,
    peakTreeRssBytes: Math.max(built.contentlayer.peakTreeRss, built.next.peakTreeRss),
    peakProcessRssBytes: Math.max(built.contentlayer.peakProcessRss, built.next.peakProcessRss),
  };
}
