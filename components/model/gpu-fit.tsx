import { articleFor } from "@/lib/articles";
import type { CatalogModel } from "@/lib/content/catalog";
import { formatTokens, formatTokensPerSecond } from "@/lib/format";
import { contextFits, gpuFitRows, OFFLOAD_RAM_LABEL } from "@/lib/views/gpu-fit";
import type { GpuSetup } from "@/lib/views/gpu-fit";
import { formatLabel, HEADLINE_FORMAT, headlineContext, tableFormats } from "@/lib/views/requirements";
import { contextFitText, nativeContext, offloadHow, shortGpuName, sizeLabel } from "@/lib/views/run-answer";
import { GIB } from "@/lib/estimator/units";
import { gpuPath } from "@/lib/routes";

function SetupCell({ setup, offload = false }: { setup: GpuSetup | null; offload?: boolean }) {
  if (!setup) return <td className="text-muted">—</td>;
  const speed = setup.answer.decodeTokensPerSecond;
  return (
    <td data-gpu={setup.gpu.slug} data-count={setup.count}>
      <a href={gpuPath(setup.gpu.slug)}>
        {`${setup.count > 1 ? `${setup.count}× ` : ""}${shortGpuName(setup.gpu)}`}
      </a>
      {offload ? (
        <span>
          {`${offloadHow(setup.answer)}${speed !== null ? `; ≤ ${formatTokensPerSecond(speed)} tok/s` : ""}`}
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
          {/* Cells are styled by the table's class (app/globals.css), not per cell: the HTML and the RSC payload
              both carry every attribute. */}
          <table className="fit-table min-w-[40rem]" data-testid="gpu-fit">
            <caption className="sr-only">
              Smallest hardware for {model.name} with {articleFor(formatTokens(contextTokens))}{" "}
              {formatTokens(contextTokens)} context
            </caption>
            <thead>
              <tr>
                <th scope="col">Format</th>
                <th scope="col">Consumer GPU</th>
                <th scope="col">{`GPU + ${OFFLOAD_RAM_LABEL}`}</th>
                <th scope="col">Mac / unified memory</th>
                <th scope="col">Data-centre GPUs</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.format} data-format={row.format}>
                  <th scope="row">{formatLabel(row.format)}</th>
                  <SetupCell setup={row.consumer} />
                  {row.offload ? (
                    <SetupCell setup={row.offload} offload />
                  ) : (
                    <td className="text-muted">{row.consumer?.count === 1 ? "not needed" : "—"}</td>
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
        <table className="fit-table context-fit" data-testid="context-fit">
          <caption className="px-3 py-2 text-left font-semibold">
            Longest context at {formatLabel(HEADLINE_FORMAT)} on common hardware
          </caption>
          <tbody>
            {contexts.map((fit) => (
              <tr key={fit.gpu.slug} data-gpu={fit.gpu.slug}>
                <th scope="row">
                  <a href={gpuPath(fit.gpu.slug)}>{shortGpuName(fit.gpu)}</a>{" "}
                  <span>{sizeLabel(fit.gpu)}</span>
                </th>
                <td
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
        {embeddings > 0 ? ` (${(embeddings / GIB).toFixed(1)} GiB at BF16)` : ""}, so they are not counted
        against the GPU. Macs and other unified-memory machines are counted with the memory their GPU may use
        by default; see each device&rsquo;s page for how to raise it. Offload figures assume llama.cpp with
        dual-channel DDR5 (89.6 GB/s) for the part in system RAM.
      </p>
    </div>
  );
}
