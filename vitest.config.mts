import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "contentlayer/generated": fileURLToPath(new URL("./.contentlayer/generated", import.meta.url)),
      // Tests run in Node, outside React's server graph: the marker that keeps content modules out of client bundles
      // resolves to its empty build here, as it does under the "react-server" condition.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts", "features/**/*.test.ts"],
    environment: "node",
  },
});
