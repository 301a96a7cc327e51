import Link from "next/link";
import { articleFor } from "@/lib/articles";
import type { CatalogModel } from "@/lib/content/catalog";
import { formatTokens, formatTokensPerSecond } from "@/lib/format";
import { contextFits, gpuFitRows, OFFLOAD_RAM_LABEL } from "@/lib/views/gpu-fit";
import type { GpuSetup } from "@/lib/views/gpu-fit";
import { formatLabel, HEADLINE_FORMAT, headlineContext, tableFormats } from "@/lib/views/requirements";
import { contextFitText, nativeContext, offloadHow, shortGpuName, sizeLabel } from "@/lib/views/run-answer";

function SetupCell({ setup, offload = false }: { setup: GpuSetup | null; offload?: boolean }) {
  if (!setup) return <td className="text-muted px-3 py-2">—</td>;
  const speed = setup.answer.decodeTokensPerSecond;
  return (
    <td className="px-3 py-2" data-gpu={setup.gpu.slug} data-count={setup.count}>
      <Link href={`/gpus/${setup.gpu.slug}`} className="hover:underline">
        {setup.count > 1 ? `${setup.count}× ` : ""}
        {shortGpuName(setup.gpu)}
      </Link>
      {offload ? (
        <span className="text-muted block text-xs">
          {offloadHow(setup.answer)}
          {speed !== null ? `; ≤ ${formatTokensPerSecond(speed)} tok/s` : ""}
        </span>
      ) : null}
    </td>
  );
}

/** The smallest hardware that runs each format, and the longest context common hardware allows. */
export function GpuFit({ model }: { model: CatalogModel }) {
  const contextTokens = headlineContext(model);
  const rows = gpuFitRows(model, tableFormats(model));
  const contexts = contextFits(model, HEADLINE_FORMAT);
  const native = nativeContext(model);
  const embeddings = rows[0]?.consumer?.answer.host.tokenEmbeddings ?? 0;
  return (
    <div className="not-prose space-y-6">
      {/* The title sits above the scroll box: a caption inside it is as wide as the table and scrolls away. */}
      <div className="space-y-2">
        <p id="gpu-fit-title" className="text-sm font-semibold">
          Smallest hardware for {model.name} with {articleFor(formatTokens(contextTokens))}{" "}
          {formatTokens(contextTokens)} context
        </p>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="gpu-fit-title">
          <table className="w-full min-w-[40rem] border-collapse text-sm" data-testid="gpu-fit">
            <caption className="sr-only">
              Smallest hardware for {model.name} with {articleFor(formatTokens(contextTokens))}{" "}
              {formatTokens(contextTokens)} context
            </caption>
            <thead className="bg-surface-muted">
              <tr>
                <th scope="col" className="sticky-col bg-surface-muted px-3 py-2 text-left">
                  Format
                </th>
                <th scope="col" className="px-3 py-2 text-left">
                  Consumer GPU
                </th>
                <th scope="col" className="px-3 py-2 text-left">
                  GPU + {OFFLOAD_RAM_LABEL}
                </th>
                <th scope="col" className="px-3 py-2 text-left">
                  Mac / unified memory
                </th>
                <th scope="col" className="px-3 py-2 text-left">
                  Data-centre GPUs
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.format} className="border-line border-t" data-format={row.format}>
                  <th
                    scope="row"
                    className="sticky-col bg-surface px-3 py-2 text-left font-medium whitespace-nowrap"
                  >
                    {formatLabel(row.format)}
                  </th>
                  <SetupCell setup={row.consumer} />
                  {row.offload ? (
                    <SetupCell setup={row.offload} offload />
                  ) : (
                    <td className="text-muted px-3 py-2">{row.consumer?.count === 1 ? "not needed" : "—"}</td>
                  )}
                  <SetupCell setup={row.unified} />
                  <SetupCell setup={row.datacenter} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label="Longest context per GPU, scrollable"
      >
        <table className="w-full border-collapse text-sm" data-testid="context-fit">
          <caption className="px-3 py-2 text-left text-sm font-semibold">
            Longest context at {formatLabel(HEADLINE_FORMAT)} on common hardware
          </caption>
          <tbody>
            {contexts.map((fit) => (
              <tr key={fit.gpu.slug} className="border-line border-t" data-gpu={fit.gpu.slug}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/gpus/${fit.gpu.slug}`} className="hover:underline">
                    {shortGpuName(fit.gpu)}
                  </Link>{" "}
                  <span className="text-muted text-xs">{sizeLabel(fit.gpu)}</span>
                </th>
                <td
                  className="px-3 py-2 text-right"
                  data-max-context={fit.gpuOnly.tokens}
                  data-context-limit={fit.gpuOnly.tokens === 0 ? "memory" : fit.gpuOnly.limit}
                >
                  {contextFitText(fit, native)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-muted text-xs">
        Same profile as the table above, GPU memory only unless a column says otherwise. A setup counts only
        if it holds at least a 4K context. llama.cpp keeps the token embeddings in system RAM
        {embeddings > 0 ? ` (${(embeddings / 1024 ** 3).toFixed(1)} GiB at BF16)` : ""}, so they are not
        counted against the GPU. Macs and other unified-memory machines are counted with the memory their GPU
        may use by default; see each device&rsquo;s page for how to raise it. Offload figures assume llama.cpp
        with dual-channel DDR5 (89.6 GB/s) for the part in system RAM.
      </p>
    </div>
  );
}
