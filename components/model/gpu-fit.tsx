import Link from "next/link";
import type { CatalogModel } from "@/lib/catalog";
import { formatTokens } from "@/lib/format";
import { contextFits, describeSetup, gpuFitRows } from "@/lib/gpu-fit";
import type { GpuSetup } from "@/lib/gpu-fit";
import { formatLabel, HEADLINE_FORMAT, headlineContext, tableFormats } from "@/lib/requirements";

function SetupCell({ setup }: { setup: GpuSetup | null }) {
  if (!setup) return <td className="px-3 py-2 text-slate-500 dark:text-slate-400">Does not fit</td>;
  return (
    <td className="px-3 py-2" data-gpu={setup.gpu.slug} data-count={setup.count}>
      <Link href={`/gpus/${setup.gpu.slug}`} className="hover:underline">
        {describeSetup(setup)}
      </Link>
    </td>
  );
}

/** The smallest hardware that holds each format, and the longest context common cards allow. */
export function GpuFit({ model }: { model: CatalogModel }) {
  const contextTokens = headlineContext(model);
  const rows = gpuFitRows(model, tableFormats(model));
  const contexts = contextFits(model, HEADLINE_FORMAT);
  return (
    <div className="not-prose space-y-6">
      <div
        className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800"
        tabIndex={0}
        role="region"
        aria-label="GPU fit, scrollable"
      >
        <table className="w-full border-collapse text-sm" data-testid="gpu-fit">
          <caption className="px-3 py-2 text-left text-sm font-semibold">
            Smallest hardware for {model.name} at a {formatTokens(contextTokens)} context
          </caption>
          <thead className="bg-slate-50 dark:bg-slate-900">
            <tr>
              <th scope="col" className="px-3 py-2 text-left">
                Format
              </th>
              <th scope="col" className="px-3 py-2 text-left">
                Consumer GPUs
              </th>
              <th scope="col" className="px-3 py-2 text-left">
                Data-centre GPUs
              </th>
              <th scope="col" className="px-3 py-2 text-left">
                Apple silicon
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.format}
                className="border-t border-slate-200 dark:border-slate-800"
                data-format={row.format}
              >
                <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                  {formatLabel(row.format)}
                </th>
                <SetupCell setup={row.consumer} />
                <SetupCell setup={row.datacenter} />
                <SetupCell setup={row.apple} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div
        className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800"
        tabIndex={0}
        role="region"
        aria-label="Longest context per GPU, scrollable"
      >
        <table className="w-full border-collapse text-sm" data-testid="context-fit">
          <caption className="px-3 py-2 text-left text-sm font-semibold">
            Longest context on one card at {formatLabel(HEADLINE_FORMAT)}
          </caption>
          <tbody>
            {contexts.map((fit) => (
              <tr
                key={fit.gpu.slug}
                className="border-t border-slate-200 dark:border-slate-800"
                data-gpu={fit.gpu.slug}
              >
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/gpus/${fit.gpu.slug}`} className="hover:underline">
                    {fit.gpu.name}
                  </Link>
                </th>
                <td className="px-3 py-2 text-right tabular-nums" data-max-context={fit.maxContextTokens}>
                  {fit.maxContextTokens === 0
                    ? "Does not fit"
                    : fit.maxContextTokens >= model.contextLength
                      ? `Full ${formatTokens(model.contextLength)}`
                      : `${fit.maxContextTokens.toLocaleString("en-US")} tokens`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Same profile as the table above. Multi-GPU setups split layers across cards. Apple silicon figures use
        the whole unified memory; macOS lets the GPU wire only part of it by default (the limit can be raised
        with <code>sysctl iogpu.wired_limit_mb</code>).
      </p>
    </div>
  );
}
