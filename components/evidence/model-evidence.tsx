// Model page: speed (decode bound, prefill estimate, measured points) and the "which format" answer with the
// measured quality loss per format where a table exists for this model.
import Link from "next/link";
import { SourceLink } from "@/components/evidence/source-link";
import { decodeTokensPerSecondUpperBound, planPlacement, weightBytes } from "@/lib/estimator";
import type { CatalogModel } from "@/lib/content/catalog";
import { bestFormatFor } from "@/lib/evidence/best-format";
import { formatSeconds, qualityLabel } from "@/lib/evidence/labels";
import { prefillOnGpu } from "@/lib/evidence/prefill-on-gpu";
import { QUALITY } from "@/lib/evidence/quality-data";
import { ratioSummary, speedForModel } from "@/lib/evidence/speed";
import { formatDate, formatGib, formatTokens, formatTokensPerSecond } from "@/lib/format";
import { getGpu } from "@/lib/content/gpus";
import type { Gpu } from "@/lib/content/gpus";
import { formatLabel, HEADLINE_FORMAT, headlineContext, TABLE_PROFILE } from "@/lib/views/requirements";
import { gpuPath } from "@/lib/routes";
import { RowHeader, Table, TableScroll, Td, Tr } from "@/components/ui/table";
import type { TableColumn } from "@/components/ui/table";

/** Cards with a rated FP16 figure in content/evidence/gpu-compute.json, so both speeds can be shown. */
const SPEED_GPUS = ["rtx-4090", "rtx-5090", "a100-80gb-sxm", "h100-sxm"] as const;
const FORMAT_GPUS = [
  "rtx-3060-12gb",
  "rtx-4060-ti-16gb",
  "rtx-4090",
  "rtx-5090",
  "rtx-pro-6000-blackwell",
  "h100-sxm",
] as const;

function gpusOf(slugs: readonly string[]): Gpu[] {
  return slugs.map((slug) => {
    const gpu = getGpu(slug);
    if (!gpu)
      throw new Error(`components/evidence/model-evidence.tsx names GPU "${slug}", not in content/gpus.json`);
    return gpu;
  });
}

const SPEED_COLUMNS: readonly TableColumn[] = [
  { label: "GPU" },
  { label: "Decode, upper bound", align: "right" },
  { label: "Time to first token, estimate", align: "right" },
];

const QUALITY_COLUMNS: readonly TableColumn[] = [
  { label: "Format" },
  { label: "Weights", align: "right" },
  { label: <abbr title="mean KL divergence from FP16">KLD</abbr>, align: "right" },
  { label: <abbr title="perplexity, change vs FP16">PPL</abbr>, align: "right" },
];

function SpeedTable({ model }: { model: CatalogModel }) {
  const contextTokens = headlineContext(model);
  const input = { ...TABLE_PROFILE, format: HEADLINE_FORMAT, contextTokens };
  const rows = gpusOf(SPEED_GPUS).map((gpu) => {
    const fits = planPlacement(model.architecture, input, {
      gpuMemoryBytes: gpu.memoryBytes,
      gpuCount: 1,
    }).fitsInGpuOnly;
    return {
      gpu,
      decode: fits
        ? decodeTokensPerSecondUpperBound(model.architecture, input, gpu.bandwidthBytesPerSecond)
        : null,
      prefill: fits ? prefillOnGpu(model.architecture, input, contextTokens, gpu) : null,
    };
  });
  return (
    <TableScroll label="Speed estimates, scrollable">
      <Table
        columns={SPEED_COLUMNS}
        caption={`${formatLabel(HEADLINE_FORMAT)}, one card, ${formatTokens(contextTokens)} context`}
        captionVisible
        data-testid="speed-estimates"
      >
        {rows.map((row) => (
          <Tr key={row.gpu.slug} data-gpu={row.gpu.slug}>
            <RowHeader className="font-medium">
              <Link href={gpuPath(row.gpu.slug)} className="hover:underline">
                {row.gpu.name}
              </Link>
            </RowHeader>
            {row.decode === null ? (
              <Td colSpan={2} className="text-slate-500 dark:text-slate-400">
                Does not fit on one card
              </Td>
            ) : (
              <>
                <Td numeric>≤ {formatTokensPerSecond(row.decode)} tok/s</Td>
                <Td numeric data-prefill-seconds={row.prefill?.seconds ?? ""}>
                  {row.prefill
                    ? `${formatSeconds(row.prefill.seconds)} (${formatTokens(contextTokens)} prompt)`
                    : "—"}
                </Td>
              </>
            )}
          </Tr>
        ))}
      </Table>
    </TableScroll>
  );
}

function MeasuredPoints({ model }: { model: CatalogModel }) {
  const points = speedForModel(model.slug);
  if (points.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm" data-testid="model-measured-speed">
      {points.map((c) => (
        <li key={c.point.id}>
          Measured on {c.gpu.name} ({formatLabel(c.point.format)}, {c.point.backend}): generation{" "}
          {formatTokensPerSecond(c.point.tgTokensPerSecond)} tok/s against our bound of{" "}
          {formatTokensPerSecond(c.boundTokensPerSecond)}
          {c.point.ppTokensPerSecond !== null
            ? `, prompt processing ${formatTokensPerSecond(c.point.ppTokensPerSecond)} tok/s (pp${c.point.promptTokens})`
            : ""}
          . <SourceLink url={c.point.source} date={c.point.date} />
        </li>
      ))}
    </ul>
  );
}

function QualityTable({ model }: { model: CatalogModel }) {
  if (QUALITY.model !== model.slug) return null;
  const first = QUALITY.rows[0]!;
  return (
    <>
      <TableScroll label="Quality per format, scrollable">
        <Table
          columns={QUALITY_COLUMNS}
          caption="Quality loss per format, measured (lower is better)"
          captionVisible
          data-testid="quality-per-format"
        >
          {[...QUALITY.rows]
            .sort((a, b) => a.kld - b.kld)
            .map((row) => (
              <Tr key={row.format} data-format={row.format} data-kld={row.kld}>
                <RowHeader className="font-medium">
                  {formatLabel(row.format)}
                  {row.imatrix ? (
                    <span className="font-normal text-slate-500 dark:text-slate-400"> (imatrix)</span>
                  ) : null}
                </RowHeader>
                <Td numeric>{formatGib(weightBytes(model.architecture, row.format))}</Td>
                <Td numeric>{row.kld.toFixed(4)}</Td>
                <Td numeric>
                  {row.ppl.toFixed(2)} (+{((row.ppl / QUALITY.referencePpl - 1) * 100).toFixed(1)} %)
                </Td>
              </Tr>
            ))}
        </Table>
      </TableScroll>
      <p className="text-muted text-xs">
        KLD: mean KL divergence of each format&apos;s next-token distribution from the FP16 model&apos;s. PPL:
        Wikitext-2 perplexity. Both measured on the base Llama 3 8B (the instruct model has the same weight
        shapes) on one RTX 4090, llama.cpp revision {QUALITY.revision}; imatrix marks rows quantized with an
        importance matrix; the f16 row only shows the 16-bit storage of the reference logits. Weights: our
        estimate of the GGUF tensor bytes. Source: llama.cpp&apos;s{" "}
        <a href={first.source} className="text-link hover:underline" data-source-link>
          perplexity README
        </a>{" "}
        (MIT licence), read {formatDate(first.date)}.
      </p>
    </>
  );
}

export function ModelEvidence({ model }: { model: CatalogModel }) {
  const contextTokens = headlineContext(model);
  const table = QUALITY.model === model.slug ? QUALITY : null;
  const answers = gpusOf(FORMAT_GPUS).map((gpu) => ({
    gpu,
    best: bestFormatFor(model.architecture, table, {
      gpuMemoryBytes: gpu.usableBytes,
      statedContextTokens: model.contextLength,
      gpuCount: 1,
      contextTokens,
    }),
  }));
  return (
    <div className="space-y-8">
      <section aria-labelledby="speed" className="space-y-3" data-testid="model-speed">
        <h2 id="speed" className="text-2xl font-semibold tracking-tight">
          How fast
        </h2>
        <p className="text-muted max-w-3xl text-sm">
          Decode is bounded by memory bandwidth (an upper bound; llama.cpp reached a median of{" "}
          {Math.round(100 / ratioSummary().median)} % of it in the measured points on{" "}
          <Link href="/methodology#measured-speed" className="hover:underline">
            /methodology
          </Link>
          ). Time to first token is compute-bound: the prompt&apos;s FLOPs over the card&apos;s rated FP16
          throughput at the efficiency measured in llama.cpp&apos;s prompt-processing runs.
        </p>
        <SpeedTable model={model} />
        <MeasuredPoints model={model} />
      </section>
      <section aria-labelledby="which-format" className="space-y-3" data-testid="which-format">
        <h2 id="which-format" className="text-2xl font-semibold tracking-tight">
          Which format
        </h2>
        <p className="text-muted max-w-3xl text-sm">
          The highest-quality format that fits one card at a {formatTokens(contextTokens)} context, everything
          on the GPU.{" "}
          {table
            ? "Quality is the measured loss below."
            : "No measured quality table exists for this model, so formats are ranked by bits per weight."}
        </p>
        <ul className="space-y-1 text-sm" data-testid="best-format-per-gpu">
          {answers.map(({ gpu, best }) => (
            <li key={gpu.slug} data-gpu={gpu.slug} data-format={best?.format ?? "none"}>
              <Link href={gpuPath(gpu.slug)} className="font-medium hover:underline">
                {gpu.name}
              </Link>
              :{" "}
              {best
                ? `${formatLabel(best.format)} — ${qualityLabel(best.quality)}`
                : "nothing fits on one card"}
            </li>
          ))}
        </ul>
        <QualityTable model={model} />
      </section>
    </div>
  );
}
