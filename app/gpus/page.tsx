import type { Metadata } from "next";
import Link from "next/link";
import { BreadcrumbJsonLd } from "next-seo";
import { formatGib } from "@/lib/format";
import { formatBandwidth, gpuGroups } from "@/lib/views/gpu-pages";
import { getGpus } from "@/lib/content/gpus";
import { breadcrumbJsonLd, gpusIndexMetadata, sectionBreadcrumbs } from "@/lib/seo/index";
import { gpuPath } from "@/lib/routes";
import { RowHeader, Table, TableScroll, Td, Tr } from "@/components/ui/table";
import type { TableColumn } from "@/components/ui/table";

const GPU_COLUMNS: readonly TableColumn[] = [
  { label: "GPU", className: "sticky-col bg-surface-muted w-36 sm:w-2/5" },
  { label: "Memory", align: "right" },
  { label: "Usable by default", align: "right" },
  { label: "Type" },
  { label: "Bandwidth", align: "right" },
  { label: "Year", align: "right" },
];

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
          <TableScroll>
            <Table columns={GPU_COLUMNS} className="min-w-[42rem] table-fixed">
              {group.gpus.map((gpu) => (
                <Tr key={gpu.slug} data-gpu={gpu.slug}>
                  <RowHeader sticky className="font-medium">
                    <Link href={gpuPath(gpu.slug)} className="text-link hover:underline">
                      {gpu.name}
                    </Link>
                  </RowHeader>
                  <Td numeric>{formatGib(gpu.memoryBytes)}</Td>
                  <Td numeric data-usable-bytes={gpu.usableBytes}>
                    {formatGib(gpu.usableBytes)}
                  </Td>
                  <Td>{gpu.memoryType}</Td>
                  <Td numeric>{formatBandwidth(gpu.bandwidthBytesPerSecond)}</Td>
                  <Td numeric>{gpu.releaseYear}</Td>
                </Tr>
              ))}
            </Table>
          </TableScroll>
        </section>
      ))}
      <p className="text-muted text-xs">
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
