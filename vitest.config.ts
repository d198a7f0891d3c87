import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // As tsconfig.json's paths: the example app imports the package by name; tests run it from the sources.
  resolve: {
    alias: [
      { find: /^costgate\/constructs$/, replacement: fileURLToPath(new URL("./constructs/index.ts", import.meta.url)) },
      { find: /^costgate$/, replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    // cdktf synthesis and child-process tests are slow on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
