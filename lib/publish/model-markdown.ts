// Plain-Markdown renderings for tools and AI agents: each model page's twin (facts, spec sheet, requirements table,
// GPU fit, FAQ, sources) and the site's llms.txt. Built from the same lib functions as the HTML pages.
import "server-only";
import type { CatalogModel } from "@/lib/content/catalog";
import {
  formatDate,
  formatGib,
  formatGibNumber,
  formatInteger,
  formatParameters,
  formatTokens,
} from "@/lib/format";
import { contextFits, gpuFitRows, OFFLOAD_RAM_LABEL } from "@/lib/views/gpu-fit";
import { contextFitText, nativeContext, runAnswer, setupText, sizeLabel } from "@/lib/views/run-answer";
import {
  formatLabel,
  HEADLINE_FORMAT,
  headlineContext,
  requirementsTable,
  TABLE_PROFILE,
  tableFormats,
} from "@/lib/views/requirements";
import { visionTowerLine } from "@/lib/views/vision-tower";
import { articleFor } from "@/lib/articles";
import { modelMarkdownPath, modelPath } from "@/lib/routes";
import { modelFaq } from "@/lib/seo/faq";
import { headlineRequirement, modelDescription, modelTitle } from "@/lib/seo/metadata";
import { absoluteUrl, site } from "@/lib/site";
import { specSheetRows } from "@/lib/views/spec-sheet";

/** Escapes a value for a Markdown table cell. */
export function cell(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ("l" | "r")[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const rule = `| ${header.map((_, i) => (align?.[i] === "r" ? "---:" : "---")).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

function factsTable(model: CatalogModel): string {
  const parameters = model.isMixtureOfExperts
    ? `${formatParameters(model.statedParameters.total)} total, ${formatParameters(model.statedParameters.active ?? model.parameters.active)} active per token (mixture of experts)`
    : `${formatParameters(model.statedParameters.total)} (dense)`;
  const rows: string[][] = [
    ["Developer", model.developer],
    ["Family", model.family],
    ["Released", `${formatDate(model.releaseDate)} (${model.releaseDate})`],
    ["License", `[${model.license}](${model.licenseUrl})`],
    ["Modality", model.modality],
    ["Parameters", parameters],
    [
      "Max context",
      // The exact count in brackets only when the short form rounds it.
      formatTokens(model.contextLength) === formatInteger(model.contextLength)
        ? `${formatInteger(model.contextLength)} tokens`
        : `${formatTokens(model.contextLength)} tokens (${formatInteger(model.contextLength)})`,
    ],
    ["Hugging Face", `[${model.huggingFaceId}](https://huggingface.co/${model.huggingFaceId})`],
  ];
  if (model.aliases.length > 0) rows.push(["Also known as", model.aliases.join(", ")]);
  return table(["Fact", "Value"], rows);
}

function specTable(model: CatalogModel): string {
  return table(
    ["Spec", "Value", "config.json fields"],
    specSheetRows(model).map((row) => [
      row.label,
      row.value,
      row.fields.map((field) => `\`${field}\``).join(", "),
    ]),
  );
}

function profileSentence(): string {
  return (
    `Profile: ${TABLE_PROFILE.engine}, ${TABLE_PROFILE.kvCacheType} KV cache, ${TABLE_PROFILE.sequences} sequence, ` +
    `${TABLE_PROFILE.ubatchTokens}-token micro-batch; totals include weights, KV cache, compute buffers and runtime overhead. ` +
    `1 GiB = 2^30 bytes (a card sold as "24 GB" holds 24 GiB).`
  );
}

function requirementsMarkdown(model: CatalogModel): string {
  const data = requirementsTable(model);
  const header = ["Format (weights)", ...data.contexts.map((tokens) => `${formatTokens(tokens)} ctx`)];
  const rows = data.rows.map((row) => [
    `${row.label} (${formatGib(row.weightsBytes)})`,
    ...row.cells.map((entry) => formatGibNumber(entry.totalBytes)),
  ]);
  return [
    `Total GPU memory in GiB by weight format (rows) and context length (columns).`,
    "",
    table(header, rows, ["l", ...data.contexts.map(() => "r" as const)]),
    "",
    profileSentence(),
    ...visionTowerMarkdown(model),
  ].join("\n");
}

function visionTowerMarkdown(model: CatalogModel): string[] {
  const line = visionTowerLine(model);
  return line ? ["", `**${line.headline}.** ${line.detail}`] : [];
}

function gpuFitMarkdown(model: CatalogModel): string {
  const ctx = formatTokens(headlineContext(model));
  const fitRows = gpuFitRows(model, tableFormats(model)).map((row) => [
    formatLabel(row.format),
    setupText(row.consumer),
    row.offload ? setupText(row.offload, true) : row.consumer?.count === 1 ? "not needed" : "—",
    setupText(row.unified),
    setupText(row.datacenter),
  ]);
  const native = nativeContext(model);
  const contextRows = contextFits(model, HEADLINE_FORMAT).map((fit) => [
    `${fit.gpu.name} (${sizeLabel(fit.gpu)})`,
    contextFitText(fit, native),
  ]);
  return [
    `### Smallest hardware with ${articleFor(ctx)} ${ctx} context`,
    "",
    table(
      ["Format", "Consumer GPU", `GPU + ${OFFLOAD_RAM_LABEL}`, "Mac / unified memory", "Data-centre GPUs"],
      fitRows,
    ),
    "",
    `### Longest context at ${formatLabel(HEADLINE_FORMAT)} on common hardware`,
    "",
    table(["Hardware", "Longest context"], contextRows, ["l", "r"]),
  ].join("\n");
}

const COMPONENT_LINE = /^\s*<(SpecSheet|RequirementsTable|GpuFit)\s*\/>\s*$/;

/** The MDX body as Markdown: component tags on their own lines become the tables they render. */
export function bodyMarkdown(model: CatalogModel): string {
  const lines = model.bodyRaw.trim().split(/\r?\n/);
  let inFence = false;
  return lines
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
      if (inFence) return line;
      const match = COMPONENT_LINE.exec(line);
      if (!match) {
        if (/^\s*<[A-Z]/.test(line)) {
          throw new Error(
            `${model.sourceFilePath}: lib/publish/model-markdown.ts cannot render the MDX line ${JSON.stringify(line)}`,
          );
        }
        return line;
      }
      switch (match[1]) {
        case "SpecSheet":
          return specTable(model);
        case "RequirementsTable":
          return requirementsMarkdown(model);
        default:
          return gpuFitMarkdown(model);
      }
    })
    .join("\n");
}

/** The first-screen answer of the HTML page, as a list. */
export function runAnswerMarkdown(model: CatalogModel): string {
  const answer = runAnswer(model);
  const ctx = formatTokens(answer.contextTokens);
  const lines = answer.options.map((option) => `- ${option.text}`);
  return [
    `${formatGib(answer.totalBytes)} at ${answer.format} with ${ctx} context (llama.cpp). Runs on:`,
    "",
    ...(lines.length > 0 ? lines : [`- No single machine in our catalog holds it at ${answer.format}.`]),
  ].join("\n");
}

export function modelMarkdown(model: CatalogModel): string {
  const faq = modelFaq(model)
    .map((entry) => `### ${entry.question}\n\n${entry.answer}`)
    .join("\n\n");
  const sources = [
    ...model.sources.map((source) => `- [${source.label}](${source.url})`),
    `- [License: ${model.license}](${model.licenseUrl})`,
  ].join("\n");
  return [
    `# ${modelTitle(model)}`,
    "",
    `> ${model.summary}`,
    "",
    `${modelDescription(model)}`,
    "",
    `HTML page: ${absoluteUrl(modelPath(model.slug))}`,
    "",
    `## Can I run it?`,
    "",
    runAnswerMarkdown(model),
    "",
    `## Key facts`,
    "",
    factsTable(model),
    "",
    bodyMarkdown(model),
    "",
    `## Frequently asked questions`,
    "",
    faq,
    "",
    `## Sources`,
    "",
    sources,
    "",
    `---`,
    `Every figure is computed by ${site.name}'s estimator from the model's config.json; see ${absoluteUrl("/methodology")}.`,
    "",
  ].join("\n");
}

/** https://llmstxt.org: what the site is, then one line per model linking its Markdown twin. */
export function llmsTxt(models: readonly CatalogModel[]): string {
  const modelLines = models.map((model) => {
    const headline = headlineRequirement(model).sentence.replace(`${model.name} needs`, "needs");
    const size = model.isMixtureOfExperts
      ? `${formatParameters(model.statedParameters.total)} parameters (${formatParameters(model.statedParameters.active ?? model.parameters.active)} active)`
      : `${formatParameters(model.statedParameters.total)} parameters`;
    const runs = runAnswer(model).options[0];
    const runsOn = runs ? ` Runs on: ${runs.text.charAt(0).toLowerCase()}${runs.text.slice(1)}.` : "";
    return `- [${model.name}](${absoluteUrl(modelMarkdownPath(model.slug))}): ${model.developer}, ${size}, ${formatTokens(model.contextLength)} context; ${headline}.${runsOn}`;
  });
  return [
    `# ${site.name}`,
    "",
    `> ${site.description}`,
    "",
    `Each model has an HTML page at ${site.url}/models/<slug> and a plain-Markdown twin at ${site.url}/models/<slug>/index.md with the same facts, spec sheet (with the config.json field each value comes from), requirements table and GPU fit.`,
    `Memory figures use one profile unless stated: ${TABLE_PROFILE.engine}, ${TABLE_PROFILE.kvCacheType} KV cache, ${TABLE_PROFILE.sequences} sequence, ${TABLE_PROFILE.ubatchTokens}-token micro-batch; headline figures are ${HEADLINE_FORMAT} with an 8K context (or the model's maximum if shorter). 1 GiB = 2^30 bytes.`,
    "",
    `## Models`,
    "",
    ...modelLines,
    "",
    `## Tools`,
    "",
    `- [VRAM calculator](${absoluteUrl("/calculator")}): memory, GPU fit and a launch command for any model, format, context length and GPU.`,
    `- [GPU catalog](${absoluteUrl("/gpus")}): memory and bandwidth of consumer, data-centre and Apple silicon GPUs, and which models fit each.`,
    `- [Compare models](${absoluteUrl("/compare")}): specs and memory side by side.`,
    `- [Methodology](${absoluteUrl("/methodology")}): how the estimator computes weights, KV cache, compute buffers and overhead, and how it is validated.`,
    "",
    `## Optional`,
    "",
    `- [Open data](${absoluteUrl("/data")}): the catalog in machine-readable form.`,
    `- [Sitemap](${absoluteUrl("/sitemap.xml")})`,
    "",
  ].join("\n");
}
