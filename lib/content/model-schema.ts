// The model frontmatter as the catalog needs it: contentlayer.config.ts declares the fields and their types (the build
// stops on a missing or mistyped one); this schema adds the rules a type cannot say (non-empty, real dates, http(s)
// links, positive counts, the modality list contentlayer2 does not enforce). scripts/check-content.ts applies it to
// the raw files, lib/content/catalog.ts to the generated documents.
import { z } from "zod";
import { fieldIssues, isWebUrl } from "@/lib/schema/issues";
import type { FieldIssue } from "@/lib/schema/issues";

/** The same list as the modality enum in contentlayer.config.ts. */
export const MODALITIES = ["text", "text+image", "text+image+audio"] as const;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})/;

/** A real calendar day written YYYY-MM-DD (a time may follow; only the day is kept). */
function isCalendarDay(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value.slice(0, 10);
}

/** ", got <value>" for a message, or nothing when the value is absent. */
function got(input: unknown): string {
  return input === undefined ? "" : `, got ${JSON.stringify(input)}`;
}

const NON_EMPTY = "must be a non-empty string";
const HTTP_URL = "must be an absolute http(s) URL";

const text = z.string({ error: NON_EMPTY }).refine((value) => value.trim() !== "", NON_EMPTY);
const webUrl = z.string({ error: HTTP_URL }).refine((value) => isWebUrl(value), HTTP_URL);
const textList = z.array(z.string({ error: "must be a string" }), { error: "must be a list of strings" });
const positiveCount = (error: string) =>
  z.number({ error }).refine((value) => Number.isFinite(value) && value > 0, error);

export const ModelFrontmatter = z.object(
  {
    name: text,
    aliases: textList.optional(),
    family: text,
    developer: text,
    releaseDate: z
      .string({ error: "must be a date string YYYY-MM-DD" })
      .refine(isCalendarDay, {
        error: (issue) => `must be a real calendar date YYYY-MM-DD, got ${JSON.stringify(issue.input)}`,
      })
      .transform((value) => value.slice(0, 10)),
    license: text,
    licenseUrl: webUrl,
    // contentlayer2 does not enforce "enum" fields (it accepts any string), so the allowed values are checked here.
    modality: z.enum(MODALITIES, {
      error: (issue) => `must be one of ${MODALITIES.join(", ")}, got ${JSON.stringify(issue.input)}`,
    }),
    summary: text,
    tags: textList.optional(),
    baseModel: z.string({ error: "must be the slug of a catalog model" }).optional(),
    huggingFaceId: text,
    contextLength: z
      .number({ error: (issue) => `must be a positive whole number of tokens${got(issue.input)}` })
      .refine((value) => Number.isInteger(value) && value > 0, {
        error: (issue) => `must be a positive whole number of tokens${got(issue.input)}`,
      }),
    parameters: z
      .object(
        {
          total: positiveCount("must be a positive number of parameters"),
          active: positiveCount("must be a positive number no larger than parameters.total").optional(),
          nominal: z.boolean({ error: "must be true or false" }).optional(),
          source: webUrl,
        },
        { error: "must be a mapping with total, source and optionally active and nominal" },
      )
      .refine(({ total, active }) => active === undefined || active <= total, {
        error: "must be a positive number no larger than parameters.total",
        path: ["active"],
      }),
    sources: z
      .array(z.object({ label: text, url: webUrl }, { error: "must be a labelled link (label and url)" }), {
        error: "must be a list of labelled links (label and url)",
      })
      .min(1, "must list at least one source"),
    // Checked field by field by lib/estimator's parseConfig, which names the config.json key.
    architecture: z.record(z.string(), z.unknown(), {
      error: "must be the model's config.json fields as a mapping",
    }),
  },
  { error: "must be a YAML mapping of fields" },
);

export type ModelFrontmatter = z.infer<typeof ModelFrontmatter>;

export type FrontmatterResult = { ok: true; value: ModelFrontmatter } | { ok: false; issues: FieldIssue[] };

/** Every problem of one document's frontmatter, in field order (extra keys are ignored, as contentlayer2 does). */
export function checkFrontmatter(frontmatter: unknown): FrontmatterResult {
  const result = ModelFrontmatter.safeParse(frontmatter, { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: fieldIssues(result.error) };
}
