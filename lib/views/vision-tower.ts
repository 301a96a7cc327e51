// The vision tower line of a multimodal model page and its Markdown twin: the same words in both places.
// Figures come from lib/estimator (estimateVisionTower); this file only words them.
import type { CatalogModel } from "@/lib/content/catalog";
import { estimateVisionTower } from "@/lib/estimator";
import { formatGib, formatParameters } from "@/lib/format";

export interface VisionTowerLine {
  parameters: number;
  f16Bytes: number;
  q8Bytes: number;
  /** "+ 1.08 GiB for the vision projector (mmproj, f16)". */
  headline: string;
  /** What the file is, when it is loaded and what the requirements table leaves out. */
  detail: string;
}

function computeSentence(compute: { flashAttention: number; noFlashAttention: number } | null): string {
  if (!compute) return "Encoding an image also needs working memory that grows with the image size. ";
  return (
    `Encoding an image needs about ${formatGib(compute.flashAttention)} more working memory with flash attention ` +
    `(${formatGib(compute.noFlashAttention)} without), as measured in llama.cpp for this family. `
  );
}

/** Null for models whose config has no vision tower the estimator knows. */
export function visionTowerLine(model: CatalogModel): VisionTowerLine | null {
  const tower = model.architecture.vision;
  if (!tower) return null;
  const estimate = estimateVisionTower(tower);
  const f16Bytes = estimate.mmprojBytes.f16;
  const q8Bytes = estimate.mmprojBytes.q8_0;
  return {
    parameters: estimate.parameters,
    f16Bytes,
    q8Bytes,
    headline: `+ ${formatGib(f16Bytes)} for the vision projector (mmproj, f16)`,
    detail:
      `The ${formatParameters(estimate.parameters)}-parameter vision tower is a separate file in llama.cpp ` +
      `(mmproj-*.gguf, loaded with --mmproj when you send images); a q8_0 copy takes ${formatGib(q8Bytes)}. ` +
      computeSentence(estimate.computeBytes) +
      `The requirements table counts the language model only.`,
  };
}
