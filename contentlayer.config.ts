import { defineDocumentType, defineNestedType, makeSource } from "contentlayer2/source-files";

// Facts only: who made the model, when, under which licence, where the numbers come from,
// and the architecture under its Hugging Face config.json field names. Nothing computed. The rules beyond the types
// are the zod schema in lib/content/model-schema.ts (its test keeps the two field lists equal).

const Source = defineNestedType(() => ({
  name: "Source",
  fields: {
    label: { type: "string", required: true },
    url: { type: "string", required: true },
  },
}));

const StatedParameters = defineNestedType(() => ({
  name: "StatedParameters",
  fields: {
    // As the model card states them, in parameters (not billions).
    total: { type: "number", required: true },
    active: { type: "number", required: false },
    // true when the card gives only the size in the model's name ("7B"); the page then leads with the counted figure.
    nominal: { type: "boolean", required: false },
    source: { type: "string", required: true },
  },
}));

export const Model = defineDocumentType(() => ({
  name: "Model",
  filePathPattern: "models/*.mdx",
  contentType: "mdx",
  fields: {
    name: { type: "string", required: true },
    aliases: { type: "list", of: { type: "string" }, required: false },
    family: { type: "string", required: true },
    developer: { type: "string", required: true },
    // A string, not contentlayer's "date": its date type silently rolls 2024-02-30 over to 2024-03-01.
    // lib/content/model-schema checks that the string is a real calendar day (YYYY-MM-DD) and names the file and field
    // when it is not.
    releaseDate: { type: "string", required: true },
    license: { type: "string", required: true },
    licenseUrl: { type: "string", required: true },
    modality: { type: "enum", options: ["text", "text+image", "text+image+audio"], required: true },
    summary: { type: "string", required: true },
    tags: { type: "list", of: { type: "string" }, required: false },
    baseModel: { type: "string", required: false },
    huggingFaceId: { type: "string", required: true },
    contextLength: { type: "number", required: true },
    parameters: { type: "nested", of: StatedParameters, required: true },
    sources: { type: "list", of: Source, required: true },
    architecture: { type: "json", required: true },
  },
}));

export default makeSource({
  contentDirPath: process.env.MODELFIT_CONTENT_DIR ?? "content",
  contentDirInclude: ["models"],
  documentTypes: [Model],
  onMissingOrIncompatibleData: "fail",
  onUnknownDocuments: "fail",
  disableImportAliasWarning: true,
});
