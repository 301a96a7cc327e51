// How recent a model is, relative to the build: pages are static, so "new" means released in the NEW_WINDOW_DAYS
// before the day the site was built. MODELFIT_BUILD_DATE (YYYY-MM-DD) pins that day for reproducible builds and tests.
import type { CatalogModel } from "@/lib/content/catalog";

export const NEW_WINDOW_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The build day as YYYY-MM-DD (UTC). A malformed MODELFIT_BUILD_DATE stops the build with one line. */
export function buildDay(env: Record<string, string | undefined> = process.env, now = new Date()): string {
  const pinned = env["MODELFIT_BUILD_DATE"];
  if (pinned !== undefined && pinned !== "") {
    const parsed = new Date(`${pinned}T00:00:00Z`);
    if (
      !ISO_DAY.test(pinned) ||
      Number.isNaN(parsed.getTime()) ||
      parsed.toISOString().slice(0, 10) !== pinned
    ) {
      throw new Error(`MODELFIT_BUILD_DATE must be a calendar day YYYY-MM-DD, got ${JSON.stringify(pinned)}`);
    }
    return pinned;
  }
  return now.toISOString().slice(0, 10);
}

function dayNumber(isoDay: string): number {
  return Math.floor(Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** Released on the build day or in the NEW_WINDOW_DAYS before it (a date after the build day is not "new"). */
export function isNewRelease(releaseDate: string, today: string): boolean {
  const age = dayNumber(today) - dayNumber(releaseDate);
  return age >= 0 && age <= NEW_WINDOW_DAYS;
}

/** "2025-07-29" → "Jul 2025", independent of the build machine's time zone. */
export function formatReleaseMonth(releaseDate: string): string {
  return new Date(`${releaseDate.slice(0, 7)}-01T00:00:00Z`).toLocaleDateString("en-GB", {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** Newest first; same-day releases by name. */
export function byReleaseNewestFirst(a: CatalogModel, b: CatalogModel): number {
  return b.releaseDate.localeCompare(a.releaseDate) || a.name.localeCompare(b.name, "en");
}

/** Every model of the same family, the model itself included, newest first. */
export function familyMembers(model: CatalogModel, catalog: readonly CatalogModel[]): CatalogModel[] {
  return catalog.filter((other) => other.family === model.family).sort(byReleaseNewestFirst);
}
