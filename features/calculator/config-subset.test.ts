// The calculator ships each model's config cut down to the keys lib/estimator reads (config-subset.ts): the cut must
// parse to the same architecture for every catalog model, and be smaller, or it is not worth its code.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/estimator";
import { getModels } from "@/lib/content/models";
import { configSubset } from "./config-subset";

describe("configSubset", () => {
  it("keeps what the reader reads, nested objects cut the same way, and drops the rest", () => {
    const config = { a: 1, b: 2, nested: { c: 3, d: 4 }, unread: { e: 5 } };
    const kept = configSubset(config, (c) => [c.a, (c.nested as Record<string, unknown>).c, "zzz" in c]);
    expect(kept).toEqual({ a: 1, nested: { c: 3 } });
  });

  it("keeps every key of an object the reader spreads, and what it reads inside the spread copies", () => {
    const config = { model_type: "x", text_config: { hidden: 8, rope: { theta: 1, unused: 2 } }, top: 1 };
    const kept = configSubset(config, (c) => {
      const merged = { ...c, ...(c.text_config as Record<string, unknown>) };
      return (merged.rope as Record<string, unknown>).theta;
    });
    expect(kept).toEqual({ model_type: "x", text_config: { hidden: 8, rope: { theta: 1 } }, top: 1 });
  });

  const models = getModels();
  it.each(models.map((model) => [model.slug, model.config] as const))(
    "%s: the subset parses to the same architecture",
    (_slug, config) => {
      expect(isDeepStrictEqual(parseConfig(configSubset(config, parseConfig)), parseConfig(config))).toBe(
        true,
      );
    },
  );

  it("is smaller than the whole configs over the catalog", () => {
    const bytes = (configs: unknown[]) => JSON.stringify(configs).length;
    const whole = bytes(models.map((model) => model.config));
    const cut = bytes(models.map((model) => configSubset(model.config, parseConfig)));
    expect(cut).toBeLessThan(whole * 0.8);
  });
});
