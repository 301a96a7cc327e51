import { describe, expect, it } from "vitest";
import { compareQuery, MAX_COMPARED, parseCompareQuery } from "@/features/compare/selection";

const KNOWN = new Set(["a", "b", "c", "d", "e"]);
const parse = (query: string) => parseCompareQuery(new URLSearchParams(query), KNOWN);

describe("compare selection", () => {
  it("reads the comma form and the repeated form the picker submits", () => {
    expect(parse("models=a,b").slugs).toEqual(["a", "b"]);
    expect(parse("models=a&models=&models=c&models=").slugs).toEqual(["a", "c"]);
  });

  it("reports unknown slugs and keeps the rest", () => {
    expect(parse("models=a,nope,b,nope")).toEqual({ slugs: ["a", "b"], unknown: ["nope"], dropped: [] });
  });

  it(`keeps the first ${MAX_COMPARED} and reports the others`, () => {
    expect(parse("models=e,d,c,b,a")).toEqual({ slugs: ["e", "d", "c", "b"], unknown: [], dropped: ["a"] });
  });

  it("ignores duplicates and case", () => {
    expect(parse("models=A,a,b").slugs).toEqual(["a", "b"]);
  });

  it("writes the canonical comma form", () => {
    expect(compareQuery(["a", "b"])).toBe("models=a,b");
    expect(compareQuery([])).toBe("");
    expect(parse(compareQuery(["c", "a"])).slugs).toEqual(["c", "a"]);
  });
});
