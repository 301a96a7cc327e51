// Process helpers for the benchmarks and checks: free ports, servers started and stopped by pid, builds timed with the
// peak memory of their whole process tree.
import { spawn, spawnSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function waitForUrl(url: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited (code ${child.exitCode}) before ${url} answered`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      return;
    } catch {
      await sleep(300);
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Stops a child started with `detached: true` (its own process group), by its pid only. */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = sleep(10_000).then(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  });
  await Promise.race([exited, timer]);
}

/** `next start` for the build in `cwd`, on a free loopback port. */
export async function startNext(
  cwd: string,
): Promise<{ origin: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForUrl(`${origin}/`, child);
  } catch (error) {
    await stopProcessGroup(child);
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  return { origin, child, stop: () => stopProcessGroup(child) };
}

/** Resident memory (bytes) of a process and all its descendants, from /proc; 0 when /proc is unavailable. */
export function treeRss(rootPid: number): { total: number; largest: number } {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return { total: 0, largest: 0 };
  }
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const pageSize = 4096;
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name may contain spaces; fields after the closing parenthesis are fixed.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      const pages = Number(fields[21]);
      const pid = Number(name);
      rss.set(pid, pages * pageSize);
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    } catch {
      // the process ended while we read
    }
  }
  let total = 0;
  let largest = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    const bytes = rss.get(pid) ?? 0;
    total += bytes;
    largest = Math.max(largest, bytes);
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, largest };
}

export interface TimedRun {
  code: number;
  seconds: number;
  /** Peak of the summed RSS of the whole process tree, sampled every 200 ms. */
  peakTreeRss: number;
  /** Peak RSS of the largest single process. */
  peakProcessRss: number;
  output: string;
}

/** Runs a command, sampling the memory of its process tree. */
export function timedRun(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; echo?: boolean },
): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    let peakTreeRss = 0;
    let peakProcessRss = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const { total, largest } = treeRss(child.pid);
      peakTreeRss = Math.max(peakTreeRss, total);
      peakProcessRss = Math.max(peakProcessRss, largest);
    };
    const timer = setInterval(sample, 200);
    child.once("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.once("close", (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ code: code ?? 1, seconds, peakTreeRss, peakProcessRss, output });
    });
  });
}

/** Other `next build` processes on this machine (shared 2-core machines: never run two builds at once). */
export function otherBuilds(): string[] {
  // "next-build" is the title a running `next build` gives itself.
  const result = spawnSync("pgrep", ["-af", "next build|next-build"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return [];
  return result.stdout
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.includes("pgrep"))
    .filter((line) => Number(line.split(" ")[0]) !== process.pid);
}

export async function waitForOtherBuilds(label: string, maxWaitMs = 20 * 60_000): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  let told = false;
  while (otherBuilds().length > 0 && Date.now() < deadline) {
    if (!told) {
      console.error(`${label}: another \`next build\` is running; waiting for it to finish`);
      told = true;
    }
    await sleep(5000);
  }
}
