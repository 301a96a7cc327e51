// How long lib/estimator takes to compute every model page's tables: the requirements table (formats × contexts,
// each cell a full estimate plus three placement checks) and the GPU-fit tables. Prints figures; asserts nothing.
import { performance } from "node:perf_hooks";
import { contextFits, gpuFitRows } from "@/lib/views/gpu-fit";
import { getModels } from "@/lib/content/models";
import { HEADLINE_FORMAT, requirementsTable, tableFormats } from "@/lib/views/requirements";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const models = getModels();

function timeOnce(): { tableMs: number; fitMs: number; cells: number } {
  let cells = 0;
  const t0 = performance.now();
  for (const model of models) {
    const table = requirementsTable(model);
    cells += table.rows.reduce((sum, row) => sum + row.cells.length, 0);
  }
  const t1 = performance.now();
  for (const model of models) {
    gpuFitRows(model, tableFormats(model));
    contextFits(model, HEADLINE_FORMAT);
  }
  const t2 = performance.now();
  return { tableMs: t1 - t0, fitMs: t2 - t1, cells };
}

timeOnce(); // warm-up: JIT and module initialisation
const runs = Array.from({ length: ROUNDS }, timeOnce);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const tableMs = median(runs.map((run) => run.tableMs));
const fitMs = median(runs.map((run) => run.fitMs));
const cells = runs[0]?.cells ?? 0;

console.log(`models: ${models.length}, requirement cells: ${cells}, rounds: ${ROUNDS} (median shown)`);
console.log(
  `requirements tables, all models: ${tableMs.toFixed(1)} ms (${((tableMs * 1000) / cells).toFixed(1)} µs per cell)`,
);
console.log(`GPU-fit tables, all models:      ${fitMs.toFixed(1)} ms`);
console.log(`per model page:                  ${((tableMs + fitMs) / models.length).toFixed(2)} ms`);
