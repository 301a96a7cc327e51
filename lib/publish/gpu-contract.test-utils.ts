// The keys issue 10's contract promises to anyone reading /api/gpus.json: the builder's unit test and the e2e test
// of the served file check the same list, written here once and independently of the builder.
export const GPU_CONTRACT_KEYS = [
  "slug",
  "name",
  "vendor",
  "memoryBytes",
  "usableBytes",
  "bandwidthBytesPerSecond",
  "unifiedMemory",
  "source",
] as const;
