import { describe, expect, it } from "vitest";
import {
  decodeTokensPerSecondUpperBound,
  estimateMemory,
  maxContextThatFits,
  parseConfig,
  planPlacement,
} from "@/lib/estimator";
import { CUSTOM, defaultState } from "@/features/calculator/state";
import type { CalculatorState } from "@/features/calculator/state";
import { GIB } from "@/lib/estimator/units";
import { deriveResults, hardwareOf } from "./results";
import type { CalculatorGpuOption, CalculatorModelOption } from "./results";
import { LLAMA_3_1_8B_CONFIG as LLAMA } from "./fixtures.test-utils";

const MODELS: CalculatorModelOption[] = [
  // The card states a shorter context than max_position_embeddings: the calculator must respect the card.
  { slug: "llama", name: "Llama", contextLength: 65536, huggingFaceId: "org/Llama-8B", config: LLAMA },
];

const GPUS: CalculatorGpuOption[] = [
  {
    slug: "card-24",
    name: "Card 24",
    category: "consumer",
    categoryLabel: "Consumer",
    memoryBytes: 24 * GIB,
    usableBytes: 24 * GIB,
    bandwidthBytesPerSecond: 1e12,
    unifiedMemory: false,
  },
];

const BASE: CalculatorState = {
  ...defaultState({ models: MODELS, gpus: GPUS }),
  model: "llama",
  gpu: "card-24",
};
const ARCH = parseConfig(LLAMA);

describe("deriveResults", () => {
  it("shows exactly lib/estimator's figures for the state", () => {
    const state: CalculatorState = { ...BASE, quant: "Q6_K", context: 12345, kv: "q8_0", seqs: 3 };
    const r = deriveResults(state, MODELS, GPUS);
    const input = {
      format: "Q6_K",
      contextTokens: 12345,
      kvCacheType: "q8_0",
      sequences: 3,
      engine: "llama.cpp",
    } as const;
    expect(r.estimate).toEqual(estimateMemory(ARCH, input));
    expect(r.placement).toEqual(
      planPlacement(ARCH, input, { gpuMemoryBytes: 24 * GIB, gpuCount: 1, systemRamBytes: BASE.ram * GIB }),
    );
    expect(r.command.command).toContain("-c 37035");
  });

  it("caps the largest context at the model card's context", () => {
    const r = deriveResults({ ...BASE, quant: "Q2_K" }, MODELS, GPUS);
    const uncapped = maxContextThatFits(
      ARCH,
      { format: "Q2_K", kvCacheType: "f16", sequences: 1, engine: "llama.cpp" },
      { gpuMemoryBytes: 24 * GIB, gpuCount: 1 },
    );
    expect(uncapped).toBeGreaterThan(65536);
    expect(r.maxContextOnGpu).toBe(65536);
  });

  it("uses one GPU's bandwidth for llama.cpp and all of them for vLLM tensor parallelism", () => {
    const llama = deriveResults({ ...BASE, gpus: 2 }, MODELS, GPUS);
    expect(llama.decodeBound.tokensPerSecond).toBe(decodeTokensPerSecondUpperBound(ARCH, llama.input, 1e12));
    const vllm = deriveResults({ ...BASE, engine: "vllm", quant: "BF16", gpus: 2 }, MODELS, GPUS);
    expect(vllm.decodeBound.tokensPerSecond).toBe(decodeTokensPerSecondUpperBound(ARCH, vllm.input, 2e12));
  });

  it("gives no speed bound for a custom GPU or an offloaded model", () => {
    const custom = deriveResults({ ...BASE, gpu: CUSTOM, vram: 80 }, MODELS, GPUS);
    expect(custom.decodeBound.tokensPerSecond).toBeNull();
    expect(custom.hardware.gpuMemoryBytes).toBe(80 * GIB);
    const offloaded = deriveResults({ ...BASE, quant: "BF16", gpu: CUSTOM, vram: 8 }, MODELS, GPUS);
    expect(offloaded.placement.fitsInGpuOnly).toBe(false);
    expect(offloaded.placement.fits).toBe(true);
    expect(offloaded.decodeBound.tokensPerSecond).toBeNull();
  });

  it("estimates a pasted config", () => {
    const config = JSON.stringify({ ...LLAMA, num_hidden_layers: 16, max_position_embeddings: 4096 });
    const r = deriveResults({ ...BASE, model: CUSTOM, config, context: 4096 }, MODELS, GPUS);
    expect(r.estimate).toEqual(
      estimateMemory(parseConfig(JSON.parse(config)), {
        format: "Q4_K_M",
        contextTokens: 4096,
        kvCacheType: "f16",
        sequences: 1,
        engine: "llama.cpp",
      }),
    );
    expect(r.model).toEqual({ name: "Custom llama model", huggingFaceId: null, maxContext: 4096 });
    expect(r.command.command).toContain("model-Q4_K_M.gguf");
  });
});

describe("hardwareOf", () => {
  it("allows system RAM only for llama.cpp and only when some is given", () => {
    const gpu = {
      name: "x",
      memoryBytes: GIB,
      usableBytes: GIB,
      bandwidthBytesPerSecond: null,
      unifiedMemory: false,
    };
    expect(hardwareOf({ ...BASE, ram: 32 }, gpu).systemRamBytes).toBe(32 * GIB);
    expect(hardwareOf({ ...BASE, ram: 0 }, gpu).systemRamBytes).toBeUndefined();
    expect(hardwareOf({ ...BASE, engine: "vllm", ram: 32 }, gpu).systemRamBytes).toBeUndefined();
  });
});
