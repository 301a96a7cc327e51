"use client";
// "Paste your log", the panel inside the calculator's log box (./log-check-box.tsx loads it when it is first opened):
// reads a llama.cpp or vLLM start-up log in the browser and puts lib/estimator's estimate of each
// term beside what the engine allocated. The settings come from the log; the model from its name or the picker.
import { useEffect, useId, useMemo, useState } from "react";
import { catalogConfig, loadCatalogConfigs } from "@/features/calculator/catalog-configs";
import type { CalculatorModelOption } from "@/features/calculator/results";
import { parseConfig } from "@/lib/estimator";
import { checkLog } from "@/lib/evidence/log-check";
import { readLog, TERM_NAMES } from "@/lib/evidence/log-reader";
import type { TermName } from "@/lib/evidence/log-reader";
import { formatGib } from "@/lib/format";
import { RowHeader, Table, TableScroll, Td, Tr } from "@/components/ui/table";
import type { TableColumn } from "@/components/ui/table";

const TERM_LABELS: Record<TermName, string> = {
  weights: "Weights",
  kvCache: "KV cache",
  compute: "Compute buffers",
};
const AUTO = "auto";

const COLUMNS: readonly TableColumn[] = [
  { label: "Term" },
  { label: "Estimate", align: "right" },
  { label: "Measured", align: "right" },
  { label: "Difference", align: "right" },
];

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The catalog model whose name or repository name the log's model name contains (the longest match wins). */
function detectModel(
  name: string | undefined,
  models: readonly CalculatorModelOption[],
): CalculatorModelOption | null {
  if (!name) return null;
  const target = normalize(name);
  let best: { model: CalculatorModelOption; length: number } | null = null;
  for (const model of models) {
    for (const candidate of [model.name, model.huggingFaceId.split("/").pop() ?? ""]) {
      const key = normalize(candidate);
      if (key.length >= 4 && target.includes(key) && (!best || key.length > best.length)) {
        best = { model, length: key.length };
      }
    }
  }
  return best?.model ?? null;
}

function difference(estimated: number, measured: number | null): string {
  if (measured === null || measured === 0) return "—";
  const pct = ((estimated - measured) / measured) * 100;
  return `${pct >= 0 ? "+" : ""}${pct.toFixed(1)} %`;
}

export default function LogCheckPanel({ models }: { models: readonly CalculatorModelOption[] }) {
  const [text, setText] = useState("");
  const [choice, setChoice] = useState(AUTO);
  // The catalog configs (usually loaded already by the calculator): "loading", "loaded" or why the load failed.
  const [configs, setConfigs] = useState("loading");
  useEffect(() => {
    loadCatalogConfigs().then(
      () => setConfigs("loaded"),
      (error: unknown) => setConfigs(error instanceof Error ? error.message : String(error)),
    );
  }, []);
  const textId = useId();
  const modelId = useId();

  const outcome = useMemo(() => {
    if (text.trim() === "") return null;
    const read = readLog(text);
    if (!read.ok) return { ok: false as const, message: read.message };
    const model =
      choice === AUTO
        ? detectModel(read.reading.settings.modelName, models)
        : models.find((m) => m.slug === choice);
    if (!model) {
      return {
        ok: false as const,
        message: `the log does not name a catalog model${read.reading.settings.modelName ? ` ("${read.reading.settings.modelName}")` : ""}: pick the model below`,
      };
    }
    const config = catalogConfig(model);
    if (!config) {
      return {
        ok: false as const,
        message:
          configs === "loading"
            ? `the configuration of ${model.name} is loading`
            : `the configuration of ${model.name} could not be loaded (${configs})`,
      };
    }
    try {
      const result = checkLog(parseConfig(config), text);
      return result.ok
        ? { ok: true as const, model, check: result.check }
        : { ok: false as const, message: result.message };
    } catch (error) {
      return { ok: false as const, message: error instanceof Error ? error.message : String(error) };
    }
  }, [text, choice, models, configs]);

  return (
    <>
      <div className="mt-3 space-y-3">
        <p className="text-secondary text-sm">
          Paste the start-up output of llama-server, llama-cli, Ollama or vLLM. The settings (context,
          sequences, micro-batch, flash attention, cache type, file type) are read from the log, and each
          memory term the engine allocated is shown beside our estimate. Nothing leaves your browser.
        </p>
        <label htmlFor={modelId} className="block text-sm font-medium">
          Model the log comes from
        </label>
        <select
          id={modelId}
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
          className="border-line w-full max-w-full rounded-md border bg-white px-2 py-1 text-sm dark:bg-slate-900"
          data-testid="log-check-model"
        >
          <option value={AUTO}>Detect from the log</option>
          {models.map((m) => (
            <option key={m.slug} value={m.slug}>
              {m.name}
            </option>
          ))}
        </select>
        <label htmlFor={textId} className="block text-sm font-medium">
          Log output
        </label>
        <textarea
          id={textId}
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={8}
          spellCheck={false}
          className="border-line w-full rounded-md border bg-white p-2 font-mono text-xs dark:bg-slate-900"
          placeholder="load_tensors:        CUDA0 model buffer size =  4403.49 MiB …"
          data-testid="log-check-input"
        />
        <div aria-live="polite" data-testid="log-check-result">
          {outcome === null ? null : !outcome.ok ? (
            <p className="text-danger text-sm" data-testid="log-check-error">
              Cannot compare: {outcome.message}.
            </p>
          ) : (
            <div className="space-y-2">
              <p className="text-sm">
                {outcome.model.name} · {outcome.check.reading.engine} · {outcome.check.input.format} ·{" "}
                {outcome.check.input.contextTokens.toLocaleString("en-US")} tokens
                {(outcome.check.input.sequences ?? 1) > 1
                  ? ` × ${outcome.check.input.sequences} sequences`
                  : ""}
              </p>
              <TableScroll label="Estimate and measured memory">
                <Table density="compact" columns={COLUMNS} data-testid="log-check-table">
                  {TERM_NAMES.map((name) => {
                    const t = outcome.check.terms[name];
                    return (
                      <Tr density="compact" key={name} data-term={name}>
                        <RowHeader density="compact" className="font-medium">
                          {TERM_LABELS[name]}
                        </RowHeader>
                        <Td density="compact" numeric data-bytes={t.estimated}>
                          {formatGib(t.estimated)}
                        </Td>
                        <Td density="compact" numeric data-bytes={t.measured ?? ""}>
                          {t.measured === null ? "not in log" : formatGib(t.measured)}
                        </Td>
                        <Td density="compact" numeric>
                          {difference(t.estimated, t.measured)}
                        </Td>
                      </Tr>
                    );
                  })}
                </Table>
              </TableScroll>
              <p className="text-muted text-xs">
                Measured = the sum over every device the log lists (GPUs and host), read from{" "}
                {outcome.check.reading.basis}.{" "}
                {outcome.check.reading.engine === "vllm"
                  ? "vLLM fills spare memory with KV cache, so the KV estimate is for the tokens it reports. "
                  : ""}
                {outcome.check.reading.notes.join("; ")}
              </p>
            </div>
          )}
        </div>
      </div>
    </>
  );
}
