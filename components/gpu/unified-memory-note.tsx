// Hardware facts for a unified-memory device: what the GPU may use by default and how to raise it.
import type { ReactNode } from "react";
import { amdApuTtmPagesLimitParameter, appleWiredLimitCommand, GIB, OS_RESERVE_BYTES } from "@/lib/estimator";
import { formatGib } from "@/lib/format";
import { memoryPlatform } from "@/lib/content/gpus";
import type { Gpu } from "@/lib/content/gpus";

const CODE = "rounded bg-slate-100 px-1 font-mono text-xs break-all dark:bg-slate-800";

export function UnifiedMemoryNote({ gpu }: { gpu: Gpu }) {
  if (!gpu.unifiedMemory) return null;
  const platform = memoryPlatform(gpu);
  const total = formatGib(gpu.memoryBytes);
  const usable = formatGib(gpu.usableBytes);
  const reserve = `${OS_RESERVE_BYTES / GIB} GiB`;
  const raised = gpu.raisedUsableBytes === undefined ? null : formatGib(gpu.raisedUsableBytes);
  let body: ReactNode;
  if (platform === "apple-silicon") {
    const command = appleWiredLimitCommand(gpu.memoryBytes);
    body = (
      <>
        The CPU and GPU share this Mac&apos;s {total}. By default macOS lets the GPU wire {usable} of it
        (Metal&apos;s <span className="font-mono">recommendedMaxWorkingSetSize</span>: two thirds of RAM on
        Macs with 36 GB or less, three quarters above).{" "}
        {command && raised ? (
          <>
            To give the GPU {raised} and leave {reserve} to macOS, run <code className={CODE}>{command}</code>{" "}
            in Terminal; it lasts until the next restart.
          </>
        ) : (
          <>
            Raising the limit with <span className="font-mono">iogpu.wired_limit_mb</span> would leave macOS
            less than {reserve}, so only the default counts here.
          </>
        )}
      </>
    );
  } else if (platform === "amd-apu") {
    const parameter = amdApuTtmPagesLimitParameter(gpu.memoryBytes);
    body = (
      <>
        The CPU and GPU share {total}. Out of the box Linux maps about half of it for the GPU ({usable}).
        {parameter && raised ? (
          <>
            {" "}
            Adding <code className={CODE}>{parameter}</code> to the kernel command line raises that to{" "}
            {raised}, leaving {reserve} to the system; on Windows, AMD Software&apos;s Variable Graphics
            Memory setting gives the GPU up to 96 GB.
          </>
        ) : null}
      </>
    );
  } else {
    body = (
      <>
        The CPU and GPU share {total}, of which DGX OS sees about 121.7 GiB; an idle system already uses about{" "}
        {reserve}, so {usable} is left for models. There is no carve-out and no setting to change.
      </>
    );
  }
  return (
    <section aria-labelledby="unified-memory" className="space-y-2" data-testid="unified-memory">
      <h2 id="unified-memory" className="text-xl font-semibold">
        Unified memory: {usable} usable by default
      </h2>
      <p className="text-secondary max-w-3xl text-sm">{body}</p>
    </section>
  );
}
