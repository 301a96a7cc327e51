// renderStaticHtml must write what React itself writes: checked against react-dom/server's renderToStaticMarkup on
// every catalog model's static sections (prose, spec sheet, requirements and GPU-fit tables, FAQ, related models…),
// and on the escaping cases.
import { createElement as h, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ModelBody } from "@/components/mdx";
import { getModels } from "@/lib/content/models";
import { CalculatorCta } from "./calculator-cta";
import { FamilyMembers } from "./family-members";
import { ModelFaq } from "./faq";
import { KeyFigures } from "./key-figures";
import { RelatedModels } from "./related-models";
import { RunAnswerBox } from "./run-answer";
import { Sources } from "./sources";
import { VisionTower } from "./vision-tower";
import { renderStaticHtml } from "./static-html";

// Every component a model page renders through StaticHtml (app/models/[slug]/page.tsx).
const STATIC_SECTIONS = [
  RunAnswerBox,
  KeyFigures,
  ModelBody,
  VisionTower,
  ModelFaq,
  CalculatorCta,
  FamilyMembers,
  RelatedModels,
  Sources,
];

describe("renderStaticHtml", () => {
  it.each(getModels().map((model) => [model.slug, model] as const))(
    "%s: the page's static sections equal React's static markup",
    (_slug, model) => {
      const element = h(Fragment, null, ...STATIC_SECTIONS.map((section) => h(section, { model })));
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
