import type { CatalogModel } from "@/lib/content/catalog";
import { visionTowerLine } from "@/lib/views/vision-tower";

/** The vision projector's memory, beside the language model's requirements (multimodal models only). */
export function VisionTower({ model }: { model: CatalogModel }) {
  const line = visionTowerLine(model);
  if (!line) return null;
  return (
    <aside
      className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm dark:border-slate-700 dark:bg-slate-900"
      aria-label="Vision tower memory"
      data-testid="vision-tower"
    >
      <p className="font-semibold text-slate-900 dark:text-slate-100">{line.headline}</p>
      <p className="mt-1 text-slate-700 dark:text-slate-300">{line.detail}</p>
    </aside>
  );
}
