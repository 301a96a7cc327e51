// GPU page: measured llama.cpp speed on this card beside lib/estimator's decode bound and our prefill estimate,
// a time-to-first-token estimate for a reference model, and the best-quality format for Llama 3 8B.
import Link from "next/link";
import { SourceLink } from "@/components/evidence/source-link";
import { bestFormatFor } from "@/lib/evidence/best-format";
import { formatSeconds, qualityLabel } from "@/lib/evidence/labels";
import { prefillOnGpu, PREFILL_EFFICIENCY } from "@/lib/evidence/prefill-on-gpu";
import { QUALITY } from "@/lib/evidence/quality-data";
import { speedOnGpu } from "@/lib/evidence/speed";
import { formatTokens, formatTokensPerSecond } from "@/lib/format";
import type { Gpu } from "@/lib/content/gpus";
import { getModel } from "@/lib/content/models";
import { formatLabel, HEADLINE_FORMAT, TABLE_PROFILE } from "@/lib/views/requirements";
import { modelPath } from "@/lib/routes";
import { RowHeader, Table, TableScroll, Td, Tr } from "@/components/ui/table";
import type { TableColumn } from "@/components/ui/table";

const COLUMNS: readonly TableColumn[] = [
  { label: "Run" },
  { label: "Generation, measured", align: "right" },
  { label: "Our bound", align: "right" },
  { label: "Prompt, measured", align: "right" },
  { label: "Source" },
];

const REFERENCE_MODEL = "llama-3-1-8b";
const PROMPT_TOKENS = 8192;

export function MeasuredSpeed({ gpu }: { gpu: Gpu }) {
  const points = speedOnGpu(gpu.slug);
  const reference = getModel(REFERENCE_MODEL);
  const prefill = reference
    ? prefillOnGpu(
        reference.architecture,
        { ...TABLE_PROFILE, format: HEADLINE_FORMAT, contextTokens: PROMPT_TOKENS },
        PROMPT_TOKENS,
        gpu,
      )
    : null;
  const quality = getModel(QUALITY.model);
  const best = quality
    ? bestFormatFor(quality.architecture, QUALITY, {
        gpuMemoryBytes: gpu.usableBytes,
        gpuCount: 1,
        contextTokens: 8192,
      })
    : null;
  return (
    <section aria-labelledby="measured-speed" className="space-y-3" data-testid="measured-speed">
      <h2 id="measured-speed" className="text-xl font-semibold">
        Measured speed and our estimates
      </h2>
      {points.length === 0 ? (
        <p className="text-muted max-w-3xl text-sm">
          No measured point for this card yet in the llama.cpp scoreboards we import (
          <Link href="/methodology#measured-speed" className="hover:underline">
            which ones
          </Link>
          ).
        </p>
      ) : (
        <>
          <p className="text-muted max-w-3xl text-sm">
            llama-bench runs on this card from llama.cpp&apos;s public scoreboards: generation (tg, one token
            at a time) beside our bandwidth bound for the same model and format, and prompt processing (pp).
          </p>
          <TableScroll label="Measured speed, scrollable">
            <Table columns={COLUMNS} data-testid="measured-speed-table">
              {points.map((c) => (
                <Tr key={c.point.id} data-point={c.point.id}>
                  <RowHeader className="font-medium">
                    {c.modelSlug ? (
                      <Link href={modelPath(c.modelSlug)} className="hover:underline">
                        {c.modelName}
                      </Link>
                    ) : (
                      c.modelName
                    )}{" "}
                    <span className="font-normal text-slate-500 dark:text-slate-400">
                      {formatLabel(c.point.format)} · {c.point.backend}
                      {c.point.flashAttention ? " · FA" : ""}
                    </span>
                  </RowHeader>
                  <Td numeric data-tg={c.point.tgTokensPerSecond}>
                    {formatTokensPerSecond(c.point.tgTokensPerSecond)} tok/s
                  </Td>
                  <Td numeric data-bound={c.boundTokensPerSecond}>
                    ≤ {formatTokensPerSecond(c.boundTokensPerSecond)} ({c.ratio.toFixed(2)}×)
                  </Td>
                  <Td numeric>
                    {c.point.ppTokensPerSecond === null
                      ? "—"
                      : `${formatTokensPerSecond(c.point.ppTokensPerSecond)} tok/s (pp${c.point.promptTokens})`}
                  </Td>
                  <Td className="text-left">
                    <SourceLink url={c.point.source} date={c.point.date} />
                  </Td>
                </Tr>
              ))}
            </Table>
          </TableScroll>
        </>
      )}
      <dl className="max-w-3xl space-y-2 text-sm">
        <div>
          <dt className="font-medium">Time to first token, estimate</dt>
          <dd data-testid="gpu-prefill">
            {prefill && reference
              ? `About ${formatSeconds(prefill.seconds)} for a prompt of ${formatTokens(PROMPT_TOKENS)} tokens to ${reference.name} at ${formatLabel(HEADLINE_FORMAT)} (~${formatTokensPerSecond(prefill.tokensPerSecond)} tokens/s): compute-bound, ${prefill.ratedTflops} FP16 TFLOPS × ${Math.round(PREFILL_EFFICIENCY * 100)} % measured efficiency.`
              : "No rated FP16 throughput for this card in our data yet, so no prefill estimate."}
          </dd>
        </div>
        {quality ? (
          <div>
            <dt className="font-medium">Which format for {quality.name} at an 8K context</dt>
            <dd data-testid="gpu-best-format">
              {best
                ? `${formatLabel(best.format)}: ${qualityLabel(best.quality)}.`
                : "None fits on one card."}{" "}
              <Link href={`${modelPath(quality.slug)}#which-format`} className="text-link hover:underline">
                Quality per format
              </Link>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
