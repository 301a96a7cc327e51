// The model card and the family list as they are prerendered: release month on every card, "New" only within 90
// days of the (pinned) build day, and a family listed newest first with the current page marked.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FamilyMembers } from "@/components/model/family-members";
import { ModelCard } from "@/components/model/model-card";
import { getModel } from "@/lib/content/models";

function model(slug: string) {
  const found = getModel(slug);
  if (!found) throw new Error(`no model ${slug}`);
  return found;
}

afterEach(() => vi.unstubAllEnvs());

describe("freshness in the lists", () => {
  it("shows the release month and marks a model new only in the 90 days after its release", () => {
    const qwen = model("qwen-3-30b-a3b-2507"); // released 2025-07-29
    vi.stubEnv("MODELFIT_BUILD_DATE", "2025-10-27"); // 90 days later
    const fresh = renderToStaticMarkup(createElement(ModelCard, { model: qwen }));
    expect(fresh).toContain('<time dateTime="2025-07-29">Jul 2025</time>');
    expect(fresh).toMatch(/>New</);
    vi.stubEnv("MODELFIT_BUILD_DATE", "2025-10-28"); // 91 days later
    const stale = renderToStaticMarkup(createElement(ModelCard, { model: qwen }));
    expect(stale).toContain("Jul 2025");
    expect(stale).not.toMatch(/>New</);
  });

  it("lists the family newest first and marks the page itself", () => {
    vi.stubEnv("MODELFIT_BUILD_DATE", "2026-12-01");
    const html = renderToStaticMarkup(createElement(FamilyMembers, { model: model("qwen-3-8b") }));
    const slugs = [...html.matchAll(/data-slug="([^"]+)"/g)].map((match) => match[1]);
    expect(slugs.indexOf("qwen-3-30b-a3b-2507")).toBeLessThan(slugs.indexOf("qwen-3-8b"));
    expect(slugs.indexOf("qwen-3-4b-2507")).toBeLessThan(slugs.indexOf("qwen-3-235b-a22b-2507"));
    expect(html).toContain('aria-current="page"');
    expect(html).toContain("Qwen3 8B (this page)");
  });
});
