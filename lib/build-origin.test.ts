import { describe, expect, it } from "vitest";
import { checkBuildOrigin, isLocalOrigin } from "@/lib/build-origin.mjs";

describe("checkBuildOrigin", () => {
  it("warns when MODELFIT_SITE_URL is unset, naming the origin the pages will carry", () => {
    const result = checkBuildOrigin({});
    expect(result.error).toBeUndefined();
    expect(result.warning).toMatch(/MODELFIT_SITE_URL is not set: .* will say http:\/\/localhost:3000/);
  });

  it("refuses a static export with a localhost origin unless it is a local export", () => {
    for (const url of [undefined, "http://localhost:3000", "http://127.0.0.1:8080", "http://app.localhost"]) {
      const env = { MODELFIT_EXPORT: "1", MODELFIT_SITE_URL: url };
      expect(checkBuildOrigin(env).error, url).toMatch(/static export would point .* at http/);
      expect(checkBuildOrigin({ ...env, MODELFIT_LOCAL_EXPORT: "1" }).error, url).toBeUndefined();
    }
  });

  it("accepts a public origin silently and rejects a malformed one", () => {
    expect(checkBuildOrigin({ MODELFIT_EXPORT: "1", MODELFIT_SITE_URL: "https://modelfit.example" })).toEqual(
      {
        origin: "https://modelfit.example",
      },
    );
    expect(checkBuildOrigin({ MODELFIT_SITE_URL: "modelfit.example" }).error).toMatch(/not an absolute URL/);
    expect(isLocalOrigin("https://localhost.example.com")).toBe(false);
  });
});
