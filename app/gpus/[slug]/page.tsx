import type { Metadata } from "next";
import Link from "next/link";
import { UnifiedMemoryNote } from "@/components/gpu/unified-memory-note";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { MeasuredSpeed } from "@/components/evidence/measured-speed";
import { notFound } from "next/navigation";
import { formatGib, formatParameters, formatTokens, formatTokensPerSecond } from "@/lib/format";
import { OFFLOAD_RAM_LABEL } from "@/lib/views/gpu-fit";
import { formatBandwidth, modelsOnGpu } from "@/lib/views/gpu-pages";
import { getGpu, getGpus, gpuCategoryLabel } from "@/lib/content/gpus";
import { getModels } from "@/lib/content/models";
import { formatLabel, TABLE_PROFILE } from "@/lib/views/requirements";
import { gpuBreadcrumbs, gpuMetadata } from "@/lib/seo/index";
import { modelPath } from "@/lib/routes";
import { RowHeader, Table, TableScroll, Td, Tr } from "@/components/ui/table";
import type { TableColumn } from "@/components/ui/table";

const MODEL_COLUMNS: readonly TableColumn[] = [
  { label: "Model", className: "sticky-col bg-surface-muted" },
  { label: "Best format that fits" },
  { label: "Longest context", align: "right" },
  { label: "Decode speed, upper bound", align: "right" },
  { label: <span className="sr-only">Calculator</span> },
];

export const dynamicParams = false;

export function generateStaticParams() {
  return getGpus().map((gpu) => ({ slug: gpu.slug }));
}

export async function generateMetadata({ params }: PageProps<"/gpus/[slug]">): Promise<Metadata> {
  const gpu = getGpu((await params).slug);
  if (!gpu) return {};
  return gpuMetadata(gpu);
}

export default async function GpuPage({ params }: PageProps<"/gpus/[slug]">) {
  const gpu = getGpu((await params).slug);
  if (!gpu) notFound();
  const rows = modelsOnGpu(gpu, getModels());
  const fitting = rows.filter((row) => row.format !== null).length;
  return (
    <article className="space-y-8" data-gpu={gpu.slug}>
      <Breadcrumbs steps={gpuBreadcrumbs(gpu)} />
      <header className="space-y-3">
        <p className="text-link text-sm font-medium">
          {gpu.vendor} · {gpuCategoryLabel(gpu.category)}
        </p>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">What runs on a {gpu.name}?</h1>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="gpu-figures">
          {[
            { label: "Memory", value: `${formatGib(gpu.memoryBytes)} ${gpu.memoryType}` },
            ...(gpu.unifiedMemory ? [{ label: "Usable by default", value: formatGib(gpu.usableBytes) }] : []),
            { label: "Bandwidth", value: formatBandwidth(gpu.bandwidthBytesPerSecond) },
            { label: "Released", value: String(gpu.releaseYear) },
            { label: "Models that fit", value: `${fitting} of ${rows.length}` },
          ].map((figure) => (
            <div key={figure.label} className="border-line-subtle rounded-lg border p-3">
              <dt className="text-muted text-xs uppercase">{figure.label}</dt>
              <dd className="mt-1 text-lg font-semibold">{figure.value}</dd>
            </div>
          ))}
        </dl>
        <p className="text-muted text-xs">
          Figures from{" "}
          <a href={gpu.source} className="hover:underline" rel="noopener">
            {new URL(gpu.source).hostname.replace(/^www\./, "")}
          </a>
          .
        </p>
      </header>
      <UnifiedMemoryNote gpu={gpu} />
      <MeasuredSpeed gpu={gpu} />
      <section aria-labelledby="models-on-gpu" className="space-y-3">
        <h2 id="models-on-gpu" className="text-xl font-semibold">
          Every catalog model on one {gpu.name}
        </h2>
        <p className="text-muted max-w-3xl text-sm">
          For each model: the highest-quality format whose weights, KV cache and runtime buffers fit entirely
          in this card&apos;s memory at an 8K context (or the model&apos;s maximum when shorter), the longest
          context that format allows, and an <strong>upper bound</strong> on decode speed — memory bandwidth
          divided by the bytes read per generated token. Real engines reach only a fraction of that bound.
        </p>
        <TableScroll label="Models on this GPU, scrollable">
          <Table columns={MODEL_COLUMNS} data-testid="gpu-models">
            {rows.map((row) => (
              <Tr
                key={row.slug}
                data-model={row.slug}
                data-format={row.format ?? "none"}
                data-fit={row.kind}
                data-max-context={row.maxContextTokens}
              >
                <RowHeader sticky className="min-w-36 font-medium">
                  <Link href={modelPath(row.slug)} className="text-link hover:underline">
                    {row.name}
                  </Link>{" "}
                  <span className="font-normal text-slate-500 dark:text-slate-400">
                    {formatParameters(row.parameters)}
                  </span>
                </RowHeader>
                {row.format === null ? (
                  <Td colSpan={3} className="text-muted">
                    Does not fit, even in the smallest format
                    {gpu.unifiedMemory ? "" : ` and with ${OFFLOAD_RAM_LABEL}`}
                    {row.afterRaise ? (
                      <span className="block text-xs" data-after-raise={row.afterRaise.format}>
                        After raising the GPU limit: {formatLabel(row.afterRaise.format)},{" "}
                        {formatTokens(row.afterRaise.maxContextTokens)} context
                      </span>
                    ) : null}
                  </Td>
                ) : (
                  <>
                    <Td>
                      {formatLabel(row.format)}
                      {row.offloadHow ? (
                        <span className="text-muted block text-xs">
                          with {OFFLOAD_RAM_LABEL}: {row.offloadHow}
                        </span>
                      ) : null}
                      {row.afterRaise ? (
                        <span className="text-muted block text-xs" data-after-raise={row.afterRaise.format}>
                          after raising the limit: {formatLabel(row.afterRaise.format)}
                        </span>
                      ) : null}
                    </Td>
                    <Td numeric>
                      {row.maxContextTokens === 0
                        ? "below 4K"
                        : `${formatTokens(row.maxContextTokens)}${row.contextLimit === "model" ? " (full)" : ""}`}
                      {row.maxContextTokens > row.nativeContextTokens ? (
                        <span className="text-muted block text-xs">
                          YaRN past {formatTokens(row.nativeContextTokens)}
                        </span>
                      ) : null}
                    </Td>
                    <Td numeric data-decode-bound={row.decodeUpperBound ?? ""}>
                      ≤ {formatTokensPerSecond(row.decodeUpperBound ?? 0)} tok/s
                      <span className="sr-only">
                        {" "}
                        (upper bound at {formatTokens(row.headlineContextTokens)} context)
                      </span>
                    </Td>
                  </>
                )}
                <Td>
                  <Link
                    href={row.calculatorHref}
                    prefetch={false}
                    className="text-link hover:underline"
                    data-testid="gpu-calculator-link"
                  >
                    Calculator
                  </Link>
                </Td>
              </Tr>
            ))}
          </Table>
        </TableScroll>
        <p className="text-muted text-xs">
          Profile: {TABLE_PROFILE.engine}, {TABLE_PROFILE.kvCacheType} KV cache, {TABLE_PROFILE.sequences}{" "}
          sequence, {TABLE_PROFILE.ubatchTokens}-token micro-batch. Models that do not fit in the GPU&apos;s{" "}
          {formatGib(gpu.usableBytes)} are shown with llama.cpp offload to {OFFLOAD_RAM_LABEL} where that
          works (its speed bound reads the offloaded part at dual-channel DDR5 bandwidth). A setup counts only
          with at least a 4K context. The speed bound is for the headline context.
          {gpu.unifiedMemory
            ? ` Unified memory: the figures use the ${formatGib(gpu.usableBytes)} the GPU may use by default, not the whole RAM.`
            : ""}
        </p>
      </section>
    </article>
  );
}
