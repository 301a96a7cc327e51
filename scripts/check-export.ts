// The static export is a supported build: `MODELFIT_EXPORT=1 npm run build` writes out/, and out/ must work on a plain
// static host. This builds the export in a scratch copy (so the working tree's .next/ is untouched), serves out/ with
// sirv (scripts/lib/export-host.ts: the rules of common static hosts, /a → a.html, unknown → 404.html with status
// 404), and checks a model page (also with a trailing slash), the JSON data, both Markdown twins, the share image,
// the 404 page, the content types and the page's scripts.
//   tsx scripts/check-export.ts            build, then check
//   tsx scripts/check-export.ts --out DIR  check an existing export
import { existsSync } from "node:fs";
import path from "node:path";
import { parseFlags } from "./lib/cli-args";
import { startExportHost } from "./lib/export-host";
import { buildSite, makeSiteCopy } from "./lib/site-copy";
import { finishExport } from "./finish-export";
import { waitForOtherBuilds } from "./lib/proc";
import { modelMarkdownPath, modelPath } from "@/lib/routes";

export const EXPORT_COPY = "export";

/** Builds the static export in a scratch copy and returns its out/ folder. */
export async function buildExport(): Promise<{ out: string; seconds: number }> {
  const dir = makeSiteCopy(EXPORT_COPY);
  await waitForOtherBuilds("export");
  // A local test export: its pages may point at localhost (a deployable export refuses that; see lib/build-origin.mjs).
  const built = await buildSite(dir, { MODELFIT_EXPORT: "1", MODELFIT_LOCAL_EXPORT: "1" });
  finishExport(path.join(dir, "out"));
  return { out: path.join(dir, "out"), seconds: built.contentlayer.seconds + built.next.seconds };
}

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export async function checkExport(out: string): Promise<Check[]> {
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  const server = await startExportHost(out);
  try {
    const get = async (urlPath: string) => {
      const response = await fetch(server.origin + urlPath);
      return {
        status: response.status,
        type: response.headers.get("content-type") ?? "",
        body: await response.text(),
      };
    };

    // The JSON index names every model; take the first for the page checks (deepseek-r1 when present).
    const index = await get("/api/models.json");
    let slugs: string[] = [];
    try {
      const data = JSON.parse(index.body) as { count: number; models: { slug: string; name: string }[] };
      slugs = data.models.map((m) => m.slug);
      check(
        "GET /api/models.json",
        index.status === 200 &&
          index.type.includes("json") &&
          data.count === slugs.length &&
          slugs.length > 0,
        `${index.status} ${index.type}, ${slugs.length} models`,
      );
    } catch (error) {
      check("GET /api/models.json", false, `${index.status}: ${String(error)}`);
    }
    const slug = slugs.includes("deepseek-r1") ? "deepseek-r1" : (slugs[0] ?? "deepseek-r1");

    const one = await get(`/api/models/${slug}.json`);
    let name = "";
    try {
      const data = JSON.parse(one.body) as {
        slug?: string;
        name?: string;
        model?: { slug?: string; name?: string };
      };
      const model = data.model ?? data;
      name = model.name ?? "";
      check(
        `GET /api/models/${slug}.json`,
        one.status === 200 && model.slug === slug,
        `${one.status}, slug ${model.slug}`,
      );
    } catch (error) {
      check(`GET /api/models/${slug}.json`, false, `${one.status}: ${String(error)}`);
    }

    const page = await get(modelPath(slug));
    const h1 = /<h1\b[^>]*>(.*?)<\/h1>/s.exec(page.body)?.[1]?.replace(/<[^>]+>/g, "") ?? "";
    check(
      `GET /models/${slug}`,
      page.status === 200 &&
        page.type.includes("text/html") &&
        h1.includes(name) &&
        page.body.includes('data-testid="spec-sheet"'),
      `${page.status}, <h1> ${JSON.stringify(h1)}`,
    );

    const slashed = await get(`/models/${slug}/`);
    check(
      `GET /models/${slug}/ (trailing slash)`,
      slashed.status === 200 && slashed.type.includes("text/html") && slashed.body === page.body,
      `${slashed.status} ${slashed.type}`,
    );

    const scripts = [...page.body.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? "");
    const missing: string[] = [];
    for (const src of scripts) {
      const response = await fetch(new URL(src, server.origin));
      await response.arrayBuffer();
      if (response.status !== 200) missing.push(`${response.status} ${src}`);
    }
    check(
      `scripts of /models/${slug}`,
      scripts.length > 0 && missing.length === 0,
      `${scripts.length} scripts, ${missing.length} missing ${missing.join(", ")}`,
    );

    const markdown = await get(modelMarkdownPath(slug));
    check(
      `GET /models/${slug}/index.md`,
      markdown.status === 200 && markdown.body.includes(name),
      `${markdown.status} ${markdown.type}`,
    );

    const shortTwin = await get(`${modelPath(slug)}.md`);
    check(
      `GET /models/${slug}.md`,
      shortTwin.status === 200 && shortTwin.type.includes("markdown") && shortTwin.body === markdown.body,
      `${shortTwin.status} ${shortTwin.type}`,
    );

    // The share image: the page's og:image must answer with the type its meta tag states.
    const ogUrl = /<meta property="og:image" content="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const ogType = /<meta property="og:image:type" content="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const og = ogUrl ? await fetch(new URL(new URL(ogUrl).pathname, server.origin)) : null;
    const ogBytes = og ? new Uint8Array(await og.arrayBuffer()) : new Uint8Array();
    check(
      `og:image of /models/${slug}`,
      og !== null &&
        og.status === 200 &&
        og.headers.get("content-type") === ogType &&
        ogBytes[0] === 0x89 &&
        ogBytes[1] === 0x50,
      `${og?.status ?? "no og:image"} ${og?.headers.get("content-type") ?? ""} (meta says ${ogType})`,
    );

    const favicon = await fetch(`${server.origin}/favicon.ico`);
    await favicon.arrayBuffer();
    check(
      "GET /favicon.ico",
      favicon.status === 200 && favicon.headers.get("content-type") === "image/x-icon",
      `${favicon.status} ${favicon.headers.get("content-type") ?? ""}`,
    );

    const missingPage = await get("/models/no-such-model-anywhere");
    check(
      "GET /models/no-such-model-anywhere → 404 page",
      missingPage.status === 404 &&
        missingPage.type.includes("text/html") &&
        /<title>[^<]*<\/title>/.test(missingPage.body),
      `${missingPage.status}, 404.html ${existsSync(path.join(out, "404.html")) ? "present" : "missing"}`,
    );

    const pages = slugs.filter((s) => !existsSync(path.join(out, "models", `${s}.html`)));
    check(
      "out/models/<slug>.html for every model",
      slugs.length > 0 && pages.length === 0,
      `${slugs.length - pages.length}/${slugs.length}`,
    );

    for (const file of ["index.html", "calculator.html", "sitemap.xml", "robots.txt"]) {
      check(
        `out/${file}`,
        existsSync(path.join(out, file)),
        existsSync(path.join(out, file)) ? "present" : "missing",
      );
    }
    const traversal = await fetch(`${server.origin}/..%2f..%2fetc%2fpasswd`);
    await traversal.arrayBuffer();
    check("static host stays inside out/", traversal.status === 404, String(traversal.status));
  } finally {
    await server.close();
  }
  return checks;
}

async function main(): Promise<void> {
  const { out: outFlag } = parseFlags(process.argv.slice(2), { out: { type: "string" } });
  let out: string;
  if (outFlag) {
    out = path.resolve(outFlag);
  } else {
    console.log("export: building MODELFIT_EXPORT=1 in a scratch copy …");
    const built = await buildExport();
    out = built.out;
    console.log(`export: built in ${built.seconds.toFixed(0)} s → ${out}`);
  }
  if (!existsSync(path.join(out, "index.html")))
    throw new Error(`${out} has no index.html: not a static export`);
  const checks = await checkExport(out);
  for (const c of checks) console.log(`${c.ok ? "ok  " : "FAIL"} ${c.name} — ${c.detail}`);
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`export: ${checks.length - failed}/${checks.length} checks passed`);
  if (failed > 0) process.exit(1);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
