// renderStaticHtml must write what React itself writes: checked against react-dom/server's renderToStaticMarkup on
// real model pages' bodies (prose, spec sheet, requirements and GPU-fit tables), and on the escaping cases.
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ModelBody } from "@/components/mdx";
import { getModel } from "@/lib/content/models";
import { renderStaticHtml } from "./static-html";

describe("renderStaticHtml", () => {
  it.each(["deepseek-r1", "llama-3-1-8b", "qwen-3-next-80b-a3b", "gemma-3-27b"])(
    "%s: the model body equals React's static markup",
    (slug) => {
      const model = getModel(slug);
      expect(model, slug).toBeDefined();
      if (!model) return;
      const element = h(ModelBody, { model });
      const html = renderStaticHtml(element);
      expect(html).toContain('data-testid="requirements-table"');
      expect(html).toBe(renderToStaticMarkup(element));
    },
  );

  it("escapes text and attributes as React does", () => {
    const element = h(
      "p",
      { title: `a "quoted" <b> & 'x'`, "data-flag": true, "aria-hidden": "true", className: "c" },
      "<script>alert(1)</script> & more",
      3,
      null,
      false,
      h("br"),
    );
    expect(renderStaticHtml(element)).toBe(renderToStaticMarkup(element));
  });

  it("refuses what static HTML cannot carry", () => {
    expect(() => renderStaticHtml(h("button", { onClick: () => {} }, "x"))).toThrow(/onClick/);
    expect(() => renderStaticHtml(h("p", { style: { color: "red" } }, "x"))).toThrow(/style/);
  });
});
