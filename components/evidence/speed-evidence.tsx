// /methodology: every measured speed point with lib/estimator's bound beside it, the bound / measured ratio across
// them, and how the prefill efficiency was calibrated.
import Link from "next/link";
import { SourceLink } from "@/components/evidence/source-link";
import { calibrationPoints } from "@/lib/evidence/prefill";
import { PREFILL_EFFICIENCY } from "@/lib/evidence/prefill-on-gpu";
import { ratioSummary, speedComparisons } from "@/lib/evidence/speed";
import { formatTokensPerSecond } from "@/lib/format";
import { formatLabel } from "@/lib/views/requirements";

export function SpeedEvidence() {
  const all = speedComparisons();
  const summary = ratioSummary(all);
  const calibration = calibrationPoints();
  return (
    <div className="space-y-3" data-testid="speed-evidence">
      <p>
        Decode speed on every page is an <strong>upper bound</strong>: memory bandwidth divided by the bytes
        read per token. To show how far real engines stay below it, we compute the bound for exactly the
        setting of {summary.points} measured llama-bench runs from llama.cpp&apos;s public scoreboards (CUDA,
        ROCm, Vulkan and Apple silicon). The bound held on every point; bound ÷ measured has a median of{" "}
        <strong data-testid="ratio-median">{summary.median.toFixed(2)}</strong> and ranges from{" "}
        {summary.min.toFixed(2)} to {summary.max.toFixed(2)}, so llama.cpp reaches about{" "}
        {Math.round(100 / summary.median)} % of the bandwidth roofline on a dense 7B model (less on the MoE
        gpt-oss runs, whose expert routing reads memory in small pieces).
      </p>
      <p>
        Time to first token is estimated as compute-bound: 2 FLOPs per active weight per prompt token plus the
        causal attention products, over the card&apos;s rated dense FP16 tensor throughput times an efficiency
        of <strong data-testid="prefill-efficiency">{Math.round(PREFILL_EFFICIENCY * 100)} %</strong>, the
        median of the measured pp512 runs on cards with a rated figure in our data (
        {calibration.map((p) => `${p.gpu}: ${Math.round(p.efficiency * 100)} %`).join(", ")}
        ). llama.cpp runs quantized prompt processing on integer tensor cores, so the efficiency is against
        the FP16 figure, not a utilisation. With so few calibration points the estimate is a guide, not a
        measurement.
      </p>
      <div
        className="not-prose table-scroll"
        tabIndex={0}
        role="region"
        aria-label="Measured speed against the bound, scrollable"
      >
        <table className="w-full border-collapse text-sm" data-testid="speed-evidence-table">
          <thead className="bg-slate-50 dark:bg-slate-900">
            <tr>
              <th scope="col" className="px-3 py-2 text-left">
                GPU
              </th>
              <th scope="col" className="px-3 py-2 text-left">
                Run
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                tg measured
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Bound
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Bound ÷ measured
              </th>
              <th scope="col" className="px-3 py-2 text-left">
                Source
              </th>
            </tr>
          </thead>
          <tbody>
            {all.map((c) => (
              <tr key={c.point.id} className="border-t border-slate-200 dark:border-slate-800">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/gpus/${c.gpu.slug}`} className="hover:underline">
                    {c.point.device}
                  </Link>
                </th>
                <td className="px-3 py-2">
                  {c.modelName} {formatLabel(c.point.format)}, {c.point.backend}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatTokensPerSecond(c.point.tgTokensPerSecond)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatTokensPerSecond(c.boundTokensPerSecond)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{c.ratio.toFixed(2)}</td>
                <td className="px-3 py-2">
                  <SourceLink url={c.point.source} date={c.point.date} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm">
        The scoreboard rows were read through public transcriptions of the discussions&apos; summary tables
        (each row keeps the discussion link and the date it was read); the Apple rows all use llama.cpp build
        8e672ef. Quality per format comes from llama.cpp&apos;s perplexity README (Llama 3 8B, KL divergence
        and perplexity per quantization type, MIT licence) and is shown on the{" "}
        <Link href="/models/llama-3-8b#which-format">Llama 3 8B page</Link>.
      </p>
    </div>
  );
}
