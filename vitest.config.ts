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
    // The packaging test packs costgate and installs it from the npm registry into fresh projects: it needs the
    // registry and minutes, so it runs as `npm run test:package` (CI runs it too), not in the offline `npm test`.
    exclude: process.env.COSTGATE_PACKAGE_TESTS ? [] : ["tests/package/pack-install.test.ts", "**/node_modules/**"],
    // cdktf synthesis and child-process tests are slow on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Measured on the 2-core machine (see the commit): two worker processes that each run many test files without
    // a fresh module graph per file. Per-file isolation cost more than the tests themselves (a new process and
    // every import again for each of ~120 files); the default of cores − 1 ran one file at a time. Forks, not
    // threads: tests that run code reading the process (tests/helpers/process-state.ts) change its working
    // directory, which worker threads cannot. Test files must leave the process as they found it.
    pool: "forks",
    maxWorkers: 2,
    isolate: false,
  },
});
