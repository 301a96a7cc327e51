import { FIT_TIERS } from "@/lib/views/requirements";
import type { FitTierId } from "@/lib/views/requirements";

// Tiers differ by a mark as well as a colour. The light fills alone are close to the page colour, so each legend
// swatch carries a border of its own hue with at least 3:1 contrast against the page in both themes
// (checked in tier-styles.test.ts against Tailwind's palette).
export const TIER_CLASSES: Record<FitTierId, string> = {
  consumer: "bg-emerald-100 text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50",
  datacenter: "bg-sky-100 text-sky-950 dark:bg-sky-900 dark:text-sky-50",
  node: "bg-amber-100 text-amber-950 dark:bg-amber-900 dark:text-amber-50",
  beyond: "bg-rose-100 text-rose-950 dark:bg-rose-900 dark:text-rose-50",
};

export const TIER_SWATCH_BORDERS: Record<FitTierId, string> = {
  consumer: "border-emerald-700 dark:border-emerald-400",
  datacenter: "border-sky-700 dark:border-sky-400",
  node: "border-amber-700 dark:border-amber-400",
  beyond: "border-rose-700 dark:border-rose-400",
};

export const TIER_MARKS: Record<FitTierId, string> = {
  consumer: "●",
  datacenter: "◆",
  node: "▲",
  beyond: "✗",
};

export const TIER_LABELS: Record<FitTierId, string> = {
  consumer: FIT_TIERS[0].label,
  datacenter: FIT_TIERS[1].label,
  node: FIT_TIERS[2].label,
  beyond: "Needs more than 8 × 80 GiB",
};
