// A model page's long static sections (the MDX body with its spec sheet, requirements and GPU-fit tables) rendered to
// one HTML string at build time and placed with dangerouslySetInnerHTML. React does not hydrate inside such an
// element, and the page's RSC payload carries one string instead of every element and attribute a second time:
// measured with `npm run bench -- lighthouse`, hydrating these ~1,500 elements was most of the page's blocking time.
// Only host elements and plain server function components can be rendered here (no client components such as
// next/link, no event handlers or styles); anything else fails the build naming the element.
import { Fragment, isValidElement } from "react";
import type { ReactNode } from "react";

// Attribute names as React writes them (checked against renderToStaticMarkup in static-html.test.ts): the only
// camelCase props these components use.
const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  className: "class",
  htmlFor: "for",
  tabIndex: "tabindex",
  dateTime: "dateTime",
};
const VOID_ELEMENTS = new Set(["br", "hr", "img", "wbr", "col", "input", "meta", "link", "source"]);

// The five characters React escapes, in text and attribute values alike, with the same entities.
const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

function attributes(tag: string, props: Record<string, unknown>): string {
  let out = "";
  for (const [name, value] of Object.entries(props)) {
    if (name === "children" || name === "dangerouslySetInnerHTML" || name === "ref") continue;
    if (value === null || value === undefined || value === false) continue;
    const custom = name.startsWith("data-") || name.startsWith("aria-");
    const html = ATTRIBUTE_NAMES[name] ?? name;
    if (
      typeof value === "function" ||
      typeof value === "object" ||
      (!custom && /[A-Z]/.test(name) && !(name in ATTRIBUTE_NAMES))
    )
      throw new Error(`static-html: <${tag}> has a prop "${name}" that static HTML cannot carry`);
    // React writes true as "true" on data-/aria- attributes and as an empty boolean attribute elsewhere.
    out += value === true && !custom ? ` ${html}=""` : ` ${html}="${escapeHtml(String(value))}"`;
  }
  return out;
}

/** The HTML React would render for `node`, without hydration markers. */
export function renderStaticHtml(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string") return escapeHtml(node);
  if (typeof node === "number" || typeof node === "bigint") return String(node);
  if (Array.isArray(node)) return node.map((child: ReactNode) => renderStaticHtml(child)).join("");
  if (!isValidElement<Record<string, unknown>>(node))
    throw new Error(`static-html: cannot render ${Object.prototype.toString.call(node)}`);
  const { type, props } = node;
  if (type === Fragment) return renderStaticHtml(props.children as ReactNode);
  if (typeof type === "function") {
    const rendered = (type as (p: Record<string, unknown>) => ReactNode)(props);
    if (rendered instanceof Promise) throw new Error(`static-html: ${type.name} is async`);
    return renderStaticHtml(rendered);
  }
  if (typeof type !== "string")
    throw new Error("static-html: only host elements and server functions render here");
  const open = `<${type}${attributes(type, props)}>`;
  if (VOID_ELEMENTS.has(type)) return `${open.slice(0, -1)}/>`;
  const inner = props.dangerouslySetInnerHTML as { __html: string } | undefined;
  return `${open}${inner ? inner.__html : renderStaticHtml(props.children as ReactNode)}</${type}>`;
}

/** A `<div>` whose content is `children` as static HTML: in the page, not hydrated, one string in the payload. */
export function StaticHtml({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: renderStaticHtml(children) }} />;
}
