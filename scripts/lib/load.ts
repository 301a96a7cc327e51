// A small HTTP load generator: N keep-alive connections request one URL in a loop until a time limit or a request
// count is reached, whichever comes first. Reports requests/s and latency percentiles. Bounded by design.
import http from "node:http";

export interface LoadResult {
  url: string;
  connections: number;
  requests: number;
  errors: number;
  non200: number;
  seconds: number;
  requestsPerSecond: number;
  bytesPerRequest: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

function requestOnce(
  agent: http.Agent,
  url: URL,
  headers: Record<string, string>,
): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.setTimeout(10_000, () => request.destroy(new Error("timeout")));
  });
}

export async function runLoad(
  target: string,
  options: {
    connections: number;
    seconds: number;
    maxRequests: number;
    warmupRequests?: number;
    headers?: Record<string, string>;
  },
): Promise<LoadResult> {
  const url = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  // identity: both servers send the same bytes (next start would otherwise gzip on the fly, a static host sends
  // precompressed files); the comparison is of serving, not compression.
  const headers = { "accept-encoding": "identity", accept: "text/html", ...options.headers };
  for (let i = 0; i < (options.warmupRequests ?? 20); i++) await requestOnce(agent, url, headers);

  const latencies: number[] = [];
  let errors = 0;
  let non200 = 0;
  let bytes = 0;
  let issued = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + options.seconds * 1000;
  const worker = async () => {
    while (Date.now() < deadline && issued < options.maxRequests) {
      issued++;
      const t0 = process.hrtime.bigint();
      try {
        const result = await requestOnce(agent, url, headers);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        bytes += result.bytes;
        if (result.status !== 200) non200++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    url: target,
    connections: options.connections,
    requests: latencies.length,
    errors,
    non200,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    bytesPerRequest: latencies.length ? bytes / latencies.length : 0,
    p50Ms: percentile(latencies, 50),
    p90Ms: percentile(latencies, 90),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? 0,
  };
}
