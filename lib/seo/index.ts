// Search-engine and link-sharing output, one module per concern: page metadata, JSON-LD, the model FAQ, the sitemap
// and robots rules. Pure builders: pages call them, tests check them.
export * from "./metadata";
export * from "./json-ld";
export * from "./faq";
export * from "./sitemap";
