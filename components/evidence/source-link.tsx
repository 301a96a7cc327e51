import { formatDate } from "@/lib/format";

/** "llama.cpp discussion #15013, read 12 Aug 2026" as a link, from a source URL and its ISO date. */
export function SourceLink({ url, date }: { url: string; date: string }) {
  const m = /github\.com\/([^/]+\/[^/]+)\/(discussions|issues|pull)\/(\d+)/.exec(url);
  const label = m
    ? `${m[1] === "ggml-org/llama.cpp" ? "llama.cpp" : m[1]} ${m[2] === "pull" ? "PR" : m[2] === "issues" ? "issue" : "discussion"} #${m[3]}`
    : new URL(url).hostname.replace(/^www\./, "");
  return (
    <>
      <a href={url} className="text-link hover:underline" rel="noopener" data-source-link>
        {label}
      </a>
      <span className="text-slate-500 dark:text-slate-400">, read {formatDate(date)}</span>
    </>
  );
}
