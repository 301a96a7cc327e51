import type { CatalogModel } from "@/lib/content/catalog";
import { visionTowerLine } from "@/lib/views/vision-tower";

/** The vision projector's memory, beside the language model's requirements (multimodal models only). */
export function VisionTower({ model }: { model: CatalogModel }) {
  const line = visionTowerLine(model);
  if (!line) return null;
  return (
    <aside
      className="bg-surface-muted rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-700"
      aria-label="Vision tower memory"
      data-testid="vision-tower"
    >
      <p className="text-strong font-semibold">{line.headline}</p>
      <p className="text-secondary mt-1">{line.detail}</p>
    </aside>
  );
}
