import type { Metadata } from "next";
import Link from "next/link";
import { BreadcrumbJsonLd } from "next-seo";
import { formatGib } from "@/lib/format";
import { formatBandwidth, gpuGroups } from "@/lib/views/gpu-pages";
import { getGpus } from "@/lib/content/gpus";
import { breadcrumbJsonLd, gpusIndexMetadata, sectionBreadcrumbs } from "@/lib/seo/index";

export function generateMetadata(): Metadata {
  return gpusIndexMetadata(getGpus().length);
}

export default function GpusIndexPage() {
  const groups = gpuGroups(getGpus());
  return (
    <div className="space-y-8">
      <BreadcrumbJsonLd {...breadcrumbJsonLd(sectionBreadcrumbs("GPUs"))} scriptId="breadcrumb-jsonld" />
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">GPUs</h1>
        <p className="max-w-3xl text-slate-600 dark:text-slate-300">
          Memory decides what fits; memory bandwidth bounds how fast tokens come out. Open a card to see every
          model in the catalog that runs on it, in which format and with how much context.
        </p>
      </header>
      {groups.map((group) => (
        <section
          key={group.category}
          aria-labelledby={`group-${group.category}`}
          className="space-y-3"
          data-category={group.category}
        >
          <h2 id={`group-${group.category}`} className="text-xl font-semibold">
            {group.label}
          </h2>
          <div className="table-scroll">
            <table className="w-full min-w-[42rem] table-fixed border-collapse text-sm">
              <thead className="bg-surface-muted">
                <tr>
                  <th scope="col" className="sticky-col bg-surface-muted w-36 px-3 py-2 text-left sm:w-2/5">
                    GPU
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Memory
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Usable by default
                  </th>
                  <th scope="col" className="px-3 py-2 text-left">
                    Type
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Bandwidth
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Year
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.gpus.map((gpu) => (
                  <tr
                    key={gpu.slug}
                    className="border-t border-slate-200 dark:border-slate-800"
                    data-gpu={gpu.slug}
                  >
                    <th scope="row" className="sticky-col bg-surface px-3 py-2 text-left font-medium">
                      <Link
                        href={`/gpus/${gpu.slug}`}
                        className="text-brand-700 dark:text-brand-100 hover:underline"
                      >
                        {gpu.name}
                      </Link>
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">{formatGib(gpu.memoryBytes)}</td>
                    <td className="px-3 py-2 text-right tabular-nums" data-usable-bytes={gpu.usableBytes}>
                      {formatGib(gpu.usableBytes)}
                    </td>
                    <td className="px-3 py-2">{gpu.memoryType}</td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {formatBandwidth(gpu.bandwidthBytesPerSecond)}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{gpu.releaseYear}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Memory is the marketed size read in binary units (24 GB → 24 GiB); for unified-memory machines (Apple
        silicon, Ryzen AI Max, DGX Spark) it is the whole memory, shared with the CPU and the operating
        system. &ldquo;Usable by default&rdquo; is what the GPU may take without changing a setting: all of it
        on a graphics card; on a Mac what macOS allows (two thirds of RAM up to 36 GB, three quarters above);
        on Ryzen AI Max the Linux default of half; on DGX Spark the memory the system sees less 8 GiB for the
        OS. Each unified-memory page says how to raise the limit. Each group is sorted by memory. Bandwidth is
        the vendor&apos;s peak figure.
      </p>
    </div>
  );
}
