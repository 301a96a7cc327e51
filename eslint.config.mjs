import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  {
    ignores: [".next/**", "out/**", ".contentlayer/**", "node_modules/**", "next-env.d.ts", ".bench-tmp/**"],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // The estimator is pure: the pages, the calculator, the JSON data and the CLI (scripts/estimate.ts) all call it.
    files: ["lib/estimator/**/*.ts"],
    ignores: ["lib/estimator/**/*.test.ts", "lib/estimator/**/*.test-utils.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "next", "next/*", "node:*", "fs", "path"],
              message: "lib/estimator is framework-free and does no I/O.",
            },
            {
              group: [
                "contentlayer/*",
                "@/content/*",
                "@/components/*",
                "@/features/*",
                "@/app/*",
                "@/scripts/*",
              ],
              message: "lib/estimator takes plain objects, not content.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
