import { describe, expect, it } from "vitest";
import {
  buildDay,
  familyMembers,
  formatReleaseMonth,
  isNewRelease,
  NEW_WINDOW_DAYS,
} from "@/lib/views/freshness";
import { getModels } from "@/lib/content/models";

describe("freshness", () => {
  it("counts a release as new on the build day and up to 90 days before, not after", () => {
    expect(NEW_WINDOW_DAYS).toBe(90);
    expect(isNewRelease("2026-12-01", "2026-12-01")).toBe(true);
    // 2026-09-02 is 90 days before 2026-12-01; 2026-09-01 is 91.
    expect(isNewRelease("2026-09-02", "2026-12-01")).toBe(true);
    expect(isNewRelease("2026-09-01", "2026-12-01")).toBe(false);
    // Across a year boundary and a leap day: 2024-02-29 is 90 days before 2024-05-29.
    expect(isNewRelease("2024-02-29", "2024-05-29")).toBe(true);
    expect(isNewRelease("2024-02-28", "2024-05-29")).toBe(false);
    expect(isNewRelease("2026-12-02", "2026-12-01")).toBe(false);
  });

  it("shows the release month in English whatever the machine's zone", () => {
    expect(formatReleaseMonth("2025-07-29")).toBe("Jul 2025");
    expect(formatReleaseMonth("2025-01-01")).toBe("Jan 2025");
    expect(formatReleaseMonth("2024-12-31")).toBe("Dec 2024");
  });

  it("takes the build day from MODELFIT_BUILD_DATE, else from the clock, and refuses a malformed one", () => {
    expect(buildDay({ MODELFIT_BUILD_DATE: "2026-03-15" })).toBe("2026-03-15");
    expect(buildDay({}, new Date("2026-12-01T23:59:00Z"))).toBe("2026-12-01");
    expect(() => buildDay({ MODELFIT_BUILD_DATE: "2026-02-30" })).toThrow(/MODELFIT_BUILD_DATE/);
    expect(() => buildDay({ MODELFIT_BUILD_DATE: "yesterday" })).toThrow(/YYYY-MM-DD/);
  });

  it("lists a family newest first, the model itself included", () => {
    const models = getModels();
    const qwen3 = models.find((model) => model.slug === "qwen-3-8b");
    expect(qwen3).toBeDefined();
    const members = familyMembers(qwen3!, models);
    expect(members.map((model) => model.slug)).toContain("qwen-3-8b");
    expect(members.every((model) => model.family === "Qwen3")).toBe(true);
    const dates = members.map((model) => model.releaseDate);
    expect(dates).toEqual([...dates].sort().reverse());
    // The 2507 refreshes come before the April 2025 originals.
    expect(members.findIndex((m) => m.slug === "qwen-3-4b-2507")).toBeLessThan(
      members.findIndex((m) => m.slug === "qwen-3-4b"),
    );
  });
});
