// The validation fixtures (./fixtures/*.json), checked with zod when the module loads: a row with a missing or wrong
// field stops the tests and the /methodology build with the file, the row and the field, e.g.
//   lib/validation/fixtures/gguf-sizes.json[3].bytes: must be a positive integer (bytes)
// Static JSON imports, no fs: the module stays pure.
import { z } from "zod";
import { isKvCacheType, isWeightFormat } from "@/lib/estimator";
import type { KvCacheType, WeightFormat } from "@/lib/estimator";
import { fieldIssues } from "@/lib/schema/issues";

import computeJson from "./fixtures/compute-buffers.json";
import ggufJson from "./fixtures/gguf-sizes.json";
import kvJson from "./fixtures/kv-logs.json";
import mlxJson from "./fixtures/mlx-sizes.json";
import recurrentJson from "./fixtures/recurrent-logs.json";
import paramJson from "./fixtures/official-params.json";
import vllmJson from "./fixtures/vllm-logs.json";
import { CONFIGS } from "./configs";

const FOLDER = "lib/validation/fixtures";

const text = z
  .string({ error: "must be a non-empty string" })
  .refine((value) => value.trim() !== "", "must be a non-empty string");
const config = z
  .string({ error: "must name a config file in fixtures/configs/" })
  .refine((name) => Object.hasOwn(CONFIGS, name), {
    error: (issue) =>
      `names ${JSON.stringify(issue.input)}, which is not a config in fixtures/configs/ (see configs.ts)`,
  });
const source = z
  .string({ error: "must be an https URL" })
  .refine((value) => /^https:\/\/[^/\s]+/.test(value), "must be an https URL");
const positiveInteger = (what: string) =>
  z
    .number({ error: `must be a positive integer (${what})` })
    .refine((value) => Number.isSafeInteger(value) && value > 0, `must be a positive integer (${what})`);
/** A name from one of lib/estimator's lists; the message quotes what the row holds instead. */
function oneOf<T extends string>(known: (value: string) => value is T, what: string) {
  return z.custom<T>((value) => typeof value === "string" && known(value), {
    error: (issue) => `must be ${what}, got ${JSON.stringify(issue.input) ?? "nothing"}`,
  });
}
const weightFormat = oneOf<WeightFormat>(isWeightFormat, "a weight format of lib/estimator (e.g. Q4_K_M)");
const kvCacheType = oneOf<KvCacheType>(isKvCacheType, "a KV-cache type of lib/estimator (e.g. f16, q8_0)");

/** Fields every row has: the config it is estimated from, the model's name and where the figure was read. */
const base = { config, model: text, source, note: z.string({ error: "must be a string" }).optional() };

export const ParamFixture = z.object({
  ...base,
  total: positiveInteger("parameters"),
  active: positiveInteger("parameters").nullable(),
  nonEmbedding: positiveInteger("parameters").optional(),
  kind: z.enum(["model-card", "llama.cpp-count"], { error: 'must be "model-card" or "llama.cpp-count"' }),
  precision: text,
});

export const GgufFixture = z
  .object({
    ...base,
    quant: text,
    /** null when the file mixes formats the estimator has no single name for (then displayFormat is shown). */
    format: weightFormat.nullable(),
    bytes: positiveInteger("bytes"),
    reported: text,
    precision: text,
    moe: z.boolean({ error: "must be true or false" }),
    /** Set when the source's own figures do not describe a format the estimator models; the reason. */
    outOfScope: text.optional(),
    /** Format used to show an estimate for an out-of-scope row. */
    displayFormat: weightFormat.optional(),
  })
  .refine((row) => row.format !== null || row.displayFormat !== undefined, {
    error: "is required when format is null (the format the estimate is shown in)",
    path: ["displayFormat"],
  });

export const MlxFixture = z.object({
  ...base,
  format: weightFormat,
  bytes: positiveInteger("bytes"),
  reported: text,
  precision: text,
});

export const KvFixture = z.object({
  ...base,
  engine: z.enum(["llama.cpp", "ik_llama.cpp", "analytic"], {
    error: 'must be "llama.cpp", "ik_llama.cpp" or "analytic" (a published table)',
  }),
  contextTokens: positiveInteger("tokens"),
  contextLabel: text.optional(),
  sequences: positiveInteger("sequences"),
  cacheTypeK: kvCacheType.nullable(),
  cacheTypeV: kvCacheType.nullable(),
  flashAttention: z.boolean({ error: "must be true, false or null (not printed)" }).nullable(),
  reported: text,
  bytes: positiveInteger("bytes"),
  kBytes: positiveInteger("bytes").optional(),
  vBytes: positiveInteger("bytes").optional(),
  precision: text,
  variant: text.optional(),
});

export const RecurrentFixture = z.object({
  ...base,
  sequences: positiveInteger("sequences"),
  bytes: positiveInteger("bytes"),
  reported: text,
  precision: text,
});

export const ComputeFixture = z.object({
  ...base,
  quant: text,
  /** The engine build the log came from, as far as the source shows it. */
  build: text,
  contextTokens: positiveInteger("tokens"),
  ubatchTokens: positiveInteger("tokens"),
  flashAttention: z.boolean({ error: "must be true or false" }),
  sequences: positiveInteger("sequences").optional(),
  bytes: positiveInteger("bytes"),
  reported: text,
});

export const VllmFixture = z.object({
  ...base,
  format: weightFormat,
  what: z.literal("weights", { error: 'must be "weights"' }),
  bytes: positiveInteger("bytes"),
  reported: text,
});

export type ParamFixture = z.infer<typeof ParamFixture>;
export type GgufFixture = z.infer<typeof GgufFixture>;
export type MlxFixture = z.infer<typeof MlxFixture>;
export type KvFixture = z.infer<typeof KvFixture>;
export type RecurrentFixture = z.infer<typeof RecurrentFixture>;
export type ComputeFixture = z.infer<typeof ComputeFixture>;
export type VllmFixture = z.infer<typeof VllmFixture>;

/** The rows of one fixture file, or an Error naming the file, the row and the field of the first problem. */
export function parseFixture<Row extends z.ZodType>(file: string, row: Row, raw: unknown): z.infer<Row>[] {
  const parsed = z
    .array(row, { error: "must be a JSON array of rows" })
    .safeParse(raw, { reportInput: true });
  if (parsed.success) return parsed.data;
  const [first] = fieldIssues(parsed.error);
  // Row issues start with the row index ("[3].bytes"); an issue with the file itself has no path.
  throw new Error(`${FOLDER}/${file}${first?.path ?? ""}: ${first?.detail ?? "is invalid"}`);
}

/** Every fixture file, parsed, by the kind of row it feeds. */
export const FIXTURES = {
  parameters: parseFixture("official-params.json", ParamFixture, paramJson),
  gguf: parseFixture("gguf-sizes.json", GgufFixture, ggufJson),
  mlx: parseFixture("mlx-sizes.json", MlxFixture, mlxJson),
  kv: parseFixture("kv-logs.json", KvFixture, kvJson),
  recurrent: parseFixture("recurrent-logs.json", RecurrentFixture, recurrentJson),
  compute: parseFixture("compute-buffers.json", ComputeFixture, computeJson),
  vllm: parseFixture("vllm-logs.json", VllmFixture, vllmJson),
} as const;
