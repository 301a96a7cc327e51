/**
 * Ground-truth validation of lib/estimator (issue 3).
 *
 * Compares the estimator's public API against real, sourced figures stored in ./fixtures:
 * parameter counts (model cards and llama.cpp load logs), GGUF file sizes (published listings and
 * llama.cpp logs), KV-cache sizes (engine logs and a published table), compute buffers and vLLM memory
 * lines. Every fixture row carries the URL it came from.
 *
 * Pure: no fs, no clocks; fixtures are static JSON imports, so /methodology can render runValidation()
 * at build time. Only `@/lib/estimator` (the public door) is used.
 *
 * - ./configs.ts: the verbatim config.json files the estimates start from;
 * - ./fixtures.ts: the fixture files, checked with zod (errors name the file, the row and the field);
 * - ./tolerances.ts: the row type and each tolerance with its reason;
 * - ./rows.ts: one row per fixture figure; ./summary.ts: median and worst error per kind.
 */
export { CONFIGS } from "./configs";
export { FIXTURES, parseFixture } from "./fixtures";
export { runValidation } from "./rows";
export { summarize, type KindSummary } from "./summary";
export {
  TOLERANCES,
  VALIDATION_KINDS,
  type RowStatus,
  type ValidationKind,
  type ValidationRow,
} from "./tolerances";
