import type { Metadata } from "next";
import Link from "next/link";
import { BreadcrumbJsonLd } from "next-seo";
import { getModels } from "@/lib/content/models";
import { modelDataPath, modelDocument, modelIndex } from "@/lib/publish/model-data";
import { getGpus } from "@/lib/content/gpus";
import { GPU_DATA_PATH } from "@/lib/publish/gpu-data";
import { breadcrumbJsonLd, sectionBreadcrumbs, toolPageMetadata } from "@/lib/seo/index";
import { RowHeader, Table, TableScroll, Td, Tr } from "@/components/ui/table";
import type { TableColumn } from "@/components/ui/table";

export const metadata: Metadata = toolPageMetadata("data");

const INDEX_FIELDS: [string, string][] = [
  ["schemaVersion", "Version of this format; bumped on incompatible changes."],
  ["count", "Number of models."],
  [
    "models[]",
    "One entry per model, sorted by name: slug, name, family, developer, license, releaseDate, contextLength, parameters (as below), page (the HTML page) and data (this model's JSON).",
  ],
];

const MODEL_FIELDS: [string, string][] = [
  ["schemaVersion", "As in the index."],
  ["slug, page", "Identifier used in every URL; the model's HTML page."],
  ["name, aliases", "Display name and other names the model goes by (Hugging Face ids, short names)."],
  ["family, developer", "Model family and the organisation that released it."],
  ["license, licenseUrl", "Licence name and where to read it."],
  ["releaseDate", "First public release of the weights, YYYY-MM-DD."],
  ["modality", "text, text+image or text+image+audio."],
  [
    "huggingFaceId, baseModel",
    "Hugging Face repository; the catalog slug of the model it was built on, or null.",
  ],
  ["contextLength", "Maximum context in tokens, as the model card states it."],
  ["sources[]", "label and url of every source the page's facts come from."],
  [
    "architecture",
    "The model's config.json fields with Hugging Face's own names and values (hidden_size, num_hidden_layers, num_key_value_heads, …); nested text_config kept as published.",
  ],
  [
    "parameters.stated",
    "total and active (MoE only, else null) as the model card states them, and the source URL.",
  ],
  [
    "parameters.counted",
    "total and active counted from the tensor shapes the architecture implies, and mixtureOfExperts.",
  ],
  [
    "requirements.profile",
    "The runtime profile of every figure: engine, kvCacheType, sequences, ubatchTokens.",
  ],
  ["requirements.contexts", "The context lengths (tokens) of the table's columns."],
  [
    "requirements.rows[]",
    "One row per weight format: format id, label, weightsBytes, and cells[] with contextTokens, totalBytes (weights + KV cache + compute buffers + runtime overhead) and kvCacheBytes. All in bytes.",
  ],
];

const GPU_FIELDS: [string, string][] = [
  ["slug, page", "Identifier used in the GPU's URL; its HTML page."],
  ["name, vendor, category", "Product name, maker, and the group it is listed under on /gpus."],
  ["memoryBytes", "Total memory, the marketed size read in binary units (24 GB → 24 × 2^30 bytes)."],
  [
    "usableBytes",
    "What the GPU may use without changing a setting: all of it on a graphics card; the operating system's cap on unified memory (Apple silicon, Ryzen AI Max, DGX Spark).",
  ],
  [
    "raisedUsableBytes, raiseLimitHow",
    "Unified memory: what the GPU may use after raising the limit (8 GiB left to the OS) and the command or setting that does it; null when there is none.",
  ],
  ["bandwidthBytesPerSecond", "The vendor's peak memory bandwidth."],
  ["unifiedMemory", "true when the memory is shared with the CPU and the operating system."],
  ["source", "The page the memory size and bandwidth were read from."],
];

/** A link to a data file, showing its path. */
function DataLink({ path }: { path: string }) {
  return (
    <Link href={path} prefetch={false} className="text-link font-mono hover:underline">
      {path}
    </Link>
  );
}

const FIELD_COLUMNS: readonly TableColumn[] = [{ label: "Field" }, { label: "Meaning" }];

function FieldTable({ caption, fields }: { caption: string; fields: [string, string][] }) {
  return (
    <TableScroll>
      <Table columns={FIELD_COLUMNS} caption={caption} captionVisible>
        {fields.map(([field, meaning]) => (
          <Tr key={field}>
            <RowHeader className="align-top font-mono text-xs whitespace-nowrap">{field}</RowHeader>
            <Td>{meaning}</Td>
          </Tr>
        ))}
      </Table>
    </TableScroll>
  );
}

export default function DataPage() {
  const models = getModels();
  const gpuCount = getGpus().length;
  const smallest = [...models].sort((a, b) => a.parameters.total - b.parameters.total)[0];
  const index = modelIndex(models);
  const indexExample = { ...index, models: index.models.slice(0, 1) };
  const example = smallest ? modelDocument(smallest) : null;
  const shownRows = 2;
  const exampleShown = example
    ? {
        ...example,
        requirements: { ...example.requirements, rows: example.requirements.rows.slice(0, shownRows) },
      }
    : null;
  return (
    <div className="space-y-8">
      <BreadcrumbJsonLd {...breadcrumbJsonLd(sectionBreadcrumbs("Open data"))} scriptId="breadcrumb-jsonld" />
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">Open data</h1>
        <p className="max-w-3xl text-slate-600 dark:text-slate-300">
          The whole catalog as static JSON files, rebuilt with the site: the facts of every model, its
          architecture under the Hugging Face config.json field names, stated and counted parameters, and the
          memory requirements table of its page. No key, no rate limit; please cite the model pages&apos;
          sources for the facts.
        </p>
      </header>
      <section className="space-y-3" aria-labelledby="endpoints">
        <h2 id="endpoints" className="text-xl font-semibold">
          Endpoints
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <DataLink path="/api/models.json" /> — index of all {models.length} models.
          </li>
          <li>
            <span className="font-mono">/api/models/&lt;slug&gt;.json</span> — one model, e.g.{" "}
            {smallest ? <DataLink path={modelDataPath(smallest.slug)} /> : null}.
          </li>
          <li>
            <DataLink path={GPU_DATA_PATH} /> — all {gpuCount} GPUs: memory, memory usable by default,
            bandwidth and source.
          </li>
        </ul>
        <p className="text-muted text-sm">
          Byte counts are integers; GiB = 2<sup>30</sup> bytes. Parameter counts are plain numbers, not
          billions.
        </p>
      </section>
      <section className="space-y-3" aria-labelledby="fields">
        <h2 id="fields" className="text-xl font-semibold">
          Fields
        </h2>
        <FieldTable caption="/api/models.json" fields={INDEX_FIELDS} />
        <FieldTable caption="/api/models/<slug>.json" fields={MODEL_FIELDS} />
        <FieldTable caption={`${GPU_DATA_PATH} (an array, one entry per GPU)`} fields={GPU_FIELDS} />
      </section>
      <section className="space-y-3" aria-labelledby="example">
        <h2 id="example" className="text-xl font-semibold">
          Example
        </h2>
        <p className="text-muted text-sm">The index, with its first entry only:</p>
        <pre className="max-h-96 overflow-auto rounded-lg bg-slate-100 p-4 text-xs dark:bg-slate-900">
          <code>{JSON.stringify(indexExample, null, 2)}</code>
        </pre>
        {exampleShown && example ? (
          <>
            <p className="text-muted text-sm">
              {example.name}, with the first {shownRows} of its {example.requirements.rows.length}{" "}
              requirements rows:
            </p>
            <pre
              className="max-h-[32rem] overflow-auto rounded-lg bg-slate-100 p-4 text-xs dark:bg-slate-900"
              data-testid="data-example"
            >
              <code>{JSON.stringify(exampleShown, null, 2)}</code>
            </pre>
          </>
        ) : null}
      </section>
    </div>
  );
}
