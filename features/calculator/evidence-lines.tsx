// Two lines under the calculator's decode bound: the prefill estimate and the best-quality format that fits.
// Rendered inside the calculator island; receives plain values from deriveResults.
import type { CalculatorEvidence } from "@/lib/evidence/calculator-evidence";
import { formatSeconds, qualityLabel } from "@/lib/evidence/labels";
import { formatTokens, formatTokensPerSecond } from "@/lib/format";
import { formatLabel } from "@/lib/views/requirements";

export function EvidenceLines({ evidence }: { evidence: CalculatorEvidence }) {
  const { prefill, bestFormat } = evidence;
  return (
    <>
      <div>
        <dt className="font-medium">Time to first token, estimate</dt>
        <dd data-testid="prefill-estimate" className="min-h-10">
          {prefill.seconds === null
            ? `Not shown: ${prefill.reason}.`
            : `About ${formatSeconds(prefill.seconds)} for a prompt of ${formatTokens(prefill.promptTokens)} tokens (~${formatTokensPerSecond(prefill.tokensPerSecond)} tokens/s): compute-bound, at ${Math.round(prefill.efficiency * 100)} % of the card's ${prefill.ratedTflops} FP16 TFLOPS.`}
        </dd>
      </div>
      <div>
        <dt className="font-medium">Best-quality format that fits</dt>
        <dd data-testid="best-format" className="min-h-10">
          {bestFormat.format === null
            ? `Not shown: ${bestFormat.reason}.`
            : `${formatLabel(bestFormat.format)} (${qualityLabel(bestFormat.quality)}).`}
        </dd>
      </div>
    </>
  );
}
