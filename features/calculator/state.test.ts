import { describe, expect, it } from "vitest";
import {
  CUSTOM,
  DEFAULT_RAM_GB,
  LIMITS,
  PARAMS,
  calculatorStateHref,
  defaultState,
  formatsForEngine,
  kvTypesForEngine,
  maxContextOf,
  nearestFormat,
  nearestKvType,
  normalizeState,
  parseCalculatorState,
  readCustomConfig,
  shorten,
} from "@/features/calculator/state";
import type { CalculatorCatalog, CalculatorState } from "@/features/calculator/state";
import { WEIGHT_FORMATS, parseConfig } from "@/lib/estimator";
import { LLAMA_3_1_8B_CONFIG } from "./fixtures.test-utils";

const LLAMA_CONFIG = { ...LLAMA_3_1_8B_CONFIG, torch_dtype: "bfloat16" };

const CATALOG: CalculatorCatalog = {
  models: [
    { slug: "llama-3-1-8b", contextLength: 131072 },
    { slug: "gemma-2-9b", contextLength: 8192 },
    { slug: "tiny", contextLength: 4096 },
  ],
  gpus: [{ slug: "rtx-4090" }, { slug: "h100-sxm" }],
};

function parse(query: string) {
  return parseCalculatorState(query, CATALOG);
}

function expectNoMarkup(problems: { param: string; value: string; message: string }[]) {
  for (const p of problems) {
    // Values are plain text for React to escape; they are also shortened so a hostile link cannot flood the page.
    expect(p.value.length).toBeLessThanOrEqual(40);
    expect(p.param.length).toBeLessThanOrEqual(24);
    expect(p.message).not.toMatch(/<script/i);
  }
}

describe("defaultState", () => {
  it("uses the default model and GPU when they are in the catalog", () => {
    const state = defaultState(CATALOG);
    expect(state.model).toBe("llama-3-1-8b");
    expect(state.gpu).toBe("rtx-4090");
    expect(state.engine).toBe("llama.cpp");
    expect(state.quant).toBe("Q4_K_M");
    expect(state.context).toBe(8192);
    expect(state.kv).toBe("f16");
    expect(state.gpus).toBe(1);
    expect(state.seqs).toBe(1);
    expect(state.config).toBeNull();
    expect(state.vram).toBeNull();
  });

  it("falls back to the first model and GPU, and caps the context at a short model's maximum", () => {
    const state = defaultState({
      models: [{ slug: "tiny", contextLength: 4096 }],
      gpus: [{ slug: "h100-sxm" }],
    });
    expect(state.model).toBe("tiny");
    expect(state.gpu).toBe("h100-sxm");
    expect(state.context).toBe(4096);
  });

  it("refuses an empty catalog", () => {
    expect(() => defaultState({ models: [], gpus: [] })).toThrow(/empty/);
  });
});

describe("parseCalculatorState: valid links", () => {
  it("an empty query gives the default state and no problems", () => {
    expect(parse("")).toEqual({ state: defaultState(CATALOG), problems: [] });
    expect(parse("?")).toEqual({ state: defaultState(CATALOG), problems: [] });
  });

  it("reads the model page link (model, quant, context)", () => {
    const { state, problems } = parse("?model=gemma-2-9b&quant=Q8_0&context=4096");
    expect(problems).toEqual([]);
    expect(state).toMatchObject({ model: "gemma-2-9b", quant: "Q8_0", context: 4096 });
  });

  it("reads every setting", () => {
    const { state, problems } = parse(
      "model=llama-3-1-8b&engine=vllm&quant=FP8&context=32768&kv=fp8&seqs=16&gpu=h100-sxm&gpus=2&ram=128",
    );
    expect(problems).toEqual([]);
    expect(state).toEqual<CalculatorState>({
      model: "llama-3-1-8b",
      config: null,
      engine: "vllm",
      quant: "FP8",
      context: 32768,
      kv: "fp8",
      seqs: 16,
      gpu: "h100-sxm",
      vram: null,
      gpus: 2,
      gpu2: null,
      gpus2: 0,
      ram: 128,
    });
  });

  it("accepts a URLSearchParams and a Next.js searchParams record", () => {
    const fromParams = parseCalculatorState(new URLSearchParams("model=tiny&gpus=3"), CATALOG);
    const fromRecord = parseCalculatorState({ model: "tiny", gpus: "3", nothing: undefined }, CATALOG);
    expect(fromParams.state).toEqual(fromRecord.state);
    expect(fromRecord.state.gpus).toBe(3);
    const repeated = parseCalculatorState({ gpus: ["2", "5"] }, CATALOG);
    expect(repeated.state.gpus).toBe(2);
    expect(repeated.problems.map((p) => p.param)).toEqual(["gpus"]);
  });

  it("accepts formats, KV types and engines in any letter case", () => {
    const { state, problems } = parse("quant=q4_k_m&kv=Q8_0&engine=LLAMA.CPP");
    expect(problems).toEqual([]);
    expect(state).toMatchObject({ quant: "Q4_K_M", kv: "q8_0", engine: "llama.cpp" });
  });

  it("reads a custom GPU memory size, with or without gpu=custom", () => {
    expect(parse("gpu=custom&vram=48").state).toMatchObject({ gpu: CUSTOM, vram: 48 });
    expect(parse("vram=10.5").state).toMatchObject({ gpu: CUSTOM, vram: 10.5 });
    expect(parse("gpu=custom&vram=48").problems).toEqual([]);
  });

  it("takes a context at exactly the model's maximum, and defaults the context to the model's maximum when short", () => {
    expect(parse("model=tiny&context=4096")).toMatchObject({ state: { context: 4096 }, problems: [] });
    expect(parse("model=tiny").state.context).toBe(4096);
  });

  it("reads a custom config.json and uses its max_position_embeddings as the context limit", () => {
    const cfg = JSON.stringify({ ...LLAMA_CONFIG, max_position_embeddings: 16384 });
    const { state, problems } = parse(`?${new URLSearchParams({ model: "custom", cfg, context: "16384" })}`);
    expect(problems).toEqual([]);
    expect(state.model).toBe(CUSTOM);
    expect(JSON.parse(state.config ?? "null")).toEqual(JSON.parse(cfg));
    expect(state.context).toBe(16384);
    expect(maxContextOf(state, CATALOG)).toBe(16384);
  });
});

describe("parseCalculatorState: invalid and hostile links", () => {
  it("rejects an unknown model slug and names it", () => {
    const { state, problems } = parse("model=no-such-model");
    expect(state.model).toBe("llama-3-1-8b");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ param: "model", value: "no-such-model" });
    expect(problems[0]?.message).toMatch(/not a model/);
  });

  it("never returns markup as state and shortens hostile values", () => {
    const hostile = `<script>alert(1)</script><img src=x onerror=alert(1)>${"A".repeat(500)}`;
    const query = new URLSearchParams({
      model: hostile,
      quant: hostile,
      context: hostile,
      kv: hostile,
      engine: hostile,
      gpu: hostile,
      gpus: hostile,
      seqs: hostile,
      ram: hostile,
      [hostile]: "1",
    }).toString();
    const { state, problems } = parse(query);
    expect(state).toEqual(defaultState(CATALOG));
    expect(problems.map((p) => p.param).sort()).toEqual(
      [
        "context",
        "engine",
        "gpu",
        "gpus",
        "kv",
        "model",
        "quant",
        "ram",
        "seqs",
        shorten(hostile, 24),
      ].sort(),
    );
    expectNoMarkup(problems);
    const href = calculatorStateHref(state);
    expect(href).not.toContain("<");
    expect(href).not.toContain("script");
  });

  it("rejects negative, fractional, exponent and huge numbers", () => {
    for (const bad of [
      "-1",
      "0",
      "1.5",
      "1e9",
      "Infinity",
      "NaN",
      "99999999999999999999",
      " ",
      "0x10",
      "８",
    ]) {
      const { state, problems } = parse(
        `context=${encodeURIComponent(bad)}&gpus=${encodeURIComponent(bad)}&seqs=${encodeURIComponent(bad)}`,
      );
      expect(state.context, bad).toBe(8192);
      expect(state.gpus, bad).toBe(1);
      expect(state.seqs, bad).toBe(1);
      expect(problems.map((p) => p.param).sort(), bad).toEqual(["context", "gpus", "seqs"]);
    }
  });

  it("clamps a context above the model's maximum to the maximum and says so", () => {
    const { state, problems } = parse("model=gemma-2-9b&context=1000000");
    expect(state.context).toBe(8192);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/maximum of 8,192/);
  });

  it("enforces the GPU count, sequence, RAM and VRAM limits", () => {
    const over = parse(`gpus=${LIMITS.gpus.max + 1}&seqs=${LIMITS.seqs.max + 1}&ram=${LIMITS.ram.max + 1}`);
    expect(over.state).toMatchObject({ gpus: 1, seqs: 1, ram: DEFAULT_RAM_GB });
    expect(over.problems).toHaveLength(3);
    const atMax = parse(`gpus=${LIMITS.gpus.max}&seqs=${LIMITS.seqs.max}&ram=${LIMITS.ram.max}`);
    expect(atMax.state).toMatchObject({ gpus: LIMITS.gpus.max, seqs: LIMITS.seqs.max, ram: LIMITS.ram.max });
    expect(atMax.problems).toEqual([]);
    expect(parse("ram=0").state.ram).toBe(0);
    const vram = parse("gpu=custom&vram=-24");
    expect(vram.state.gpu).toBe("rtx-4090");
    expect(vram.problems.map((p) => p.param)).toEqual(["vram"]);
    expect(parse(`gpu=custom&vram=${LIMITS.vram.max + 1}`).state.gpu).toBe("rtx-4090");
  });

  it("rejects a format that is not for the engine and picks the nearest one that is", () => {
    const { state, problems } = parse("engine=vllm&quant=Q4_K_M");
    expect(state.engine).toBe("vllm");
    expect(state.quant).toBe(nearestFormat("Q4_K_M", "vllm"));
    expect(formatsForEngine("vllm")).toContain(state.quant);
    expect(problems.map((p) => p.param)).toEqual(["quant"]);
    const kv = parse("engine=vllm&kv=q4_0");
    expect(kv.state.kv).toBe("fp8");
    expect(kv.problems.map((p) => p.param)).toEqual(["kv"]);
  });

  it("reports unknown and repeated parameters", () => {
    const { state, problems } = parse("model=tiny&model=gemma-2-9b&utm_source=x&__proto__=1&constructor=2");
    expect(state.model).toBe("tiny");
    expect(problems.map((p) => p.param)).toEqual(["model", "utm_source", "__proto__", "constructor"]);
  });

  it("rejects a cfg without model=custom, and model=custom without cfg", () => {
    const a = parse(`model=tiny&cfg=${encodeURIComponent(JSON.stringify(LLAMA_CONFIG))}`);
    expect(a.state).toMatchObject({ model: "tiny", config: null });
    expect(a.problems.map((p) => p.param)).toEqual(["cfg"]);
    const b = parse("model=custom");
    expect(b.state.model).toBe("llama-3-1-8b");
    expect(b.problems.map((p) => p.param)).toEqual(["model"]);
  });

  it("rejects malformed, unsupported and oversized custom configs", () => {
    const cases = [
      ["{not json", /not valid JSON/],
      ["[1,2,3]", /must be an object/],
      [JSON.stringify({ ...LLAMA_CONFIG, model_type: "made_up_arch" }), /unsupported "model_type"/],
      [JSON.stringify({ ...LLAMA_CONFIG, hidden_size: undefined }), /hidden_size/],
      [JSON.stringify({ ...LLAMA_CONFIG, pad: "x".repeat(LIMITS.configChars) }), /longer than/],
    ] as const;
    for (const [cfg, why] of cases) {
      const { state, problems } = parse(new URLSearchParams({ model: "custom", cfg }).toString());
      expect(state.model).toBe("llama-3-1-8b");
      expect(state.config).toBeNull();
      expect(problems).toHaveLength(1);
      expect(problems[0]?.param).toBe("cfg");
      expect(problems[0]?.message).toMatch(why);
    }
  });

  it("rejects a GPU slug that is not in the catalog", () => {
    const { state, problems } = parse("gpu=../../etc/passwd");
    expect(state.gpu).toBe("rtx-4090");
    expect(problems[0]).toMatchObject({ param: "gpu", value: "../../etc/passwd" });
  });
});

describe("calculatorStateHref round trip", () => {
  it("writes every setting and reads back the same state", () => {
    const states: CalculatorState[] = [
      defaultState(CATALOG),
      {
        ...defaultState(CATALOG),
        model: "gemma-2-9b",
        quant: "IQ2_XXS",
        context: 777,
        kv: "q4_0",
        seqs: 3,
        gpu: "h100-sxm",
        gpus: 8,
        ram: 0,
      },
      { ...defaultState(CATALOG), engine: "vllm", quant: "AWQ-INT4", kv: "fp8", gpu: CUSTOM, vram: 22.5 },
      { ...defaultState(CATALOG), model: CUSTOM, config: JSON.stringify(LLAMA_CONFIG), context: 100000 },
    ];
    for (const state of states) {
      const href = calculatorStateHref(state);
      expect(href.startsWith("/calculator?")).toBe(true);
      const query = href.slice("/calculator".length);
      const keys = [...new URLSearchParams(query).keys()];
      for (const key of keys) expect(PARAMS).toContain(key);
      expect(parse(query)).toEqual({ state, problems: [] });
    }
  });

  it("omits cfg and vram unless they are used", () => {
    const href = calculatorStateHref({ ...defaultState(CATALOG), config: "{}", vram: 12 });
    expect(href).not.toMatch(/cfg=|vram=/);
  });
});

describe("normalizeState", () => {
  it("keeps format and KV type valid for the engine", () => {
    const state = normalizeState(
      { ...defaultState(CATALOG), engine: "vllm", quant: "Q8_0", kv: "q8_0" },
      CATALOG,
    );
    expect(formatsForEngine("vllm")).toContain(state.quant);
    expect(kvTypesForEngine("vllm")).toContain(state.kv);
    // Q8_0 is about 8.5 bits per weight: the nearest vLLM format is an 8-bit one.
    expect(WEIGHT_FORMATS.find((f) => f.id === state.quant)?.nominalBitsPerWeight).toBe(8);
  });

  it("clamps context and counts and clears unused fields", () => {
    const state = normalizeState(
      {
        ...defaultState(CATALOG),
        model: "tiny",
        context: 10 ** 9,
        gpus: 0,
        seqs: 10 ** 6,
        ram: -5,
        config: "{}",
        vram: 9,
      },
      CATALOG,
    );
    expect(state).toMatchObject({
      context: 4096,
      gpus: 1,
      seqs: LIMITS.seqs.max,
      ram: 0,
      config: null,
      vram: null,
    });
    expect(normalizeState({ ...defaultState(CATALOG), context: Number.NaN }, CATALOG).context).toBe(8192);
  });
});

describe("nearestFormat and nearestKvType", () => {
  it("keeps a format the engine has", () => {
    for (const f of WEIGHT_FORMATS)
      for (const engine of f.engines) expect(nearestFormat(f.id, engine)).toBe(f.id);
  });

  it("maps 4-bit GGUF to a 4-bit vLLM format and back", () => {
    const vllm = WEIGHT_FORMATS.find((f) => f.id === nearestFormat("Q4_K_M", "vllm"));
    expect(vllm?.engines).toContain("vllm");
    // a 4-bit format: 4 bits per weight plus its scales (AWQ 4.16, NVFP4 4.5)
    expect(Math.floor(vllm?.nominalBitsPerWeight ?? 0)).toBe(4);
    const gguf = WEIGHT_FORMATS.find((f) => f.id === nearestFormat("AWQ-INT4", "llama.cpp"));
    expect(gguf?.engines).toContain("llama.cpp");
    expect(Math.round(gguf?.nominalBitsPerWeight ?? 0)).toBe(4);
  });

  it("maps KV types between engines", () => {
    expect(nearestKvType("q8_0", "vllm")).toBe("fp8");
    expect(nearestKvType("fp8", "llama.cpp")).toBe("q8_0");
    expect(nearestKvType("bf16", "vllm")).toBe("bf16");
  });
});

describe("readCustomConfig", () => {
  it("accepts a real config.json and returns the same architecture as parseConfig", () => {
    const result = readCustomConfig(`  ${JSON.stringify(LLAMA_CONFIG, null, 2)}\n`);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.architecture).toEqual(parseConfig(LLAMA_CONFIG));
      expect(result.config).toBe(JSON.stringify(LLAMA_CONFIG));
    }
  });

  it("names the problem instead of throwing", () => {
    const cases: [string, RegExp][] = [
      ["", /empty/],
      ["garbage", /not valid JSON/],
      ["null", /must be an object/],
      ['"text"', /must be an object/],
      [JSON.stringify({ model_type: "llama" }), /hidden_size/],
      [JSON.stringify({ ...LLAMA_CONFIG, model_type: "bert" }), /unsupported "model_type" "bert"/],
      [JSON.stringify({ ...LLAMA_CONFIG, num_attention_heads: 0 }), /num_attention_heads/],
      [JSON.stringify({ ...LLAMA_CONFIG, num_hidden_layers: -3 }), /num_hidden_layers/],
    ];
    for (const [text, why] of cases) {
      const result = readCustomConfig(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.message, text).toMatch(why);
    }
  });
});

describe("shorten", () => {
  it("cuts long text and blanks control characters", () => {
    expect(shorten("abc")).toBe("abc");
    expect(shorten("a\nb\u0000c")).toBe("a b c");
    const long = shorten("x".repeat(100), 10);
    expect(long).toHaveLength(10);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("parseCalculatorState: the MLX engine", () => {
  it("reads engine=mlx with an MLX format and writes it back", () => {
    const { state, problems } = parse("model=llama-3-1-8b&engine=mlx&quant=MLX-4bit&kv=bf16");
    expect(problems).toEqual([]);
    expect(state).toMatchObject({ engine: "mlx", quant: "MLX-4bit", kv: "bf16" });
    const again = parse(new URL(calculatorStateHref(state), "https://x.test").search);
    expect(again.problems).toEqual([]);
    expect(again.state).toEqual(state);
  });

  it("defaults to MLX 4-bit and accepts the engine's other spellings", () => {
    expect(parse("engine=mlx").state.quant).toBe("MLX-4bit");
    for (const spelling of ["MLX", "mlx-lm", "mlx_lm"])
      expect(parse(`engine=${spelling}`).state.engine).toBe("mlx");
  });

  it("replaces a GGUF format and a quantized KV cache with what mlx-lm offers, and says so", () => {
    const { state, problems } = parse("engine=mlx&quant=Q8_0&kv=q8_0");
    // Q8_0 is 8.5 bits per weight, exactly MLX 8-bit (8 bits + a 16-bit scale and bias per 64).
    expect(state).toMatchObject({ quant: "MLX-8bit", kv: "f16" });
    expect(problems.map((p) => `${p.param}: ${p.message}`)).toEqual([
      "quant: is not available on MLX; using MLX-8bit",
      "kv: is not available on MLX; using f16",
    ]);
  });

  it("keeps MLX formats off the other engines", () => {
    const { state, problems } = parse("engine=llama.cpp&quant=MLX-4bit");
    expect(state.quant).toBe("Q4_K_M");
    expect(problems[0]?.message).toBe("is not available on llama.cpp; using Q4_K_M");
  });

  it("names the MLX engine when an engine is unknown", () => {
    const { state, problems } = parse("engine=mlx%3Cscript%3E");
    expect(state.engine).toBe("llama.cpp");
    expect(problems[0]?.message).toBe("is not an engine (llama.cpp, vllm or mlx); using llama.cpp");
    expectNoMarkup(problems);
  });
});
