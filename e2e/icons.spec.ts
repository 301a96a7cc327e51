// The files a browser or a phone's home screen asks for: the touch icon and the web app manifest, linked from every
// page's head and served with their real types; every icon the manifest names exists at the size it claims.
import { expect, test } from "@playwright/test";

test("the head links the touch icon and the manifest, and both are served", async ({ page, request }) => {
  await page.goto("/");
  const appleHref = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(appleHref).toBe("/apple-touch-icon.png");
  expect(manifestHref).toBe("/manifest.webmanifest");

  const apple = await request.get(appleHref!);
  expect(apple.status()).toBe(200);
  expect(apple.headers()["content-type"]).toBe("image/png");

  const manifestResponse = await request.get(manifestHref!);
  expect(manifestResponse.status()).toBe(200);
  const manifest = (await manifestResponse.json()) as {
    name: string;
    start_url: string;
    icons: { src: string; sizes: string; type: string }[];
  };
  expect(manifest.name).toBe("modelfit");
  expect(manifest.start_url).toBe("/");
  expect(manifest.icons.length).toBeGreaterThanOrEqual(2);
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"]).toBe(icon.type);
    // A PNG's width and height sit at bytes 16-23 of its IHDR chunk.
    const png = await response.body();
    const [width, height] = icon.sizes.split("x").map(Number);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], icon.src).toEqual([width, height]);
  }
});
