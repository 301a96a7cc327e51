// Security headers on `next start` (next.config.mjs headers()), and the site working under them: no page may log a
// Content-Security-Policy violation.
import { expect, test } from "@playwright/test";

const PATHS = [
  "/",
  "/models",
  "/models/deepseek-r1",
  "/calculator",
  "/api/models.json",
  "/this-page-does-not-exist",
];

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

for (const path of PATHS) {
  test(`security headers on ${path}`, async ({ request }) => {
    const response = await request.get(path);
    expect([200, 404]).toContain(response.status());
    const headers = response.headers();

    const csp = headers["content-security-policy"];
    expect(csp, "Content-Security-Policy").toBeTruthy();
    const policy = directives(csp ?? "");
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    const scripts = policy.get("script-src") ?? [];
    expect(scripts).toContain("'self'");
    // Production: no eval and no foreign script origins (inline is needed for Next's RSC payload, see next.config.mjs).
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts.filter((source) => /^(https?:|\*|data:|blob:)/.test(source))).toEqual([]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);

    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    const permissions = headers["permissions-policy"] ?? "";
    for (const feature of ["camera=()", "microphone=()", "geolocation=()"])
      expect(permissions).toContain(feature);
    expect(headers["x-powered-by"]).toBeUndefined();
  });
}

test("pages run under the policy without CSP violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) {
      violations.push(`${page.url()}: ${message.text()}`);
    }
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  for (const path of ["/", "/models", "/models/deepseek-r1", "/calculator?model=llama-3-1-8b&engine=vllm"]) {
    const response = await page.goto(path, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
  }
  expect(violations).toEqual([]);
});
