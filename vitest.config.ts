import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// isolated-vm needs --no-node-snapshot, which worker threads reject, so every
// test file runs in a forked child process with that flag.
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      lab: fileURLToPath(new URL("./grader/lab/lab.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    pool: "forks",
    execArgv: ["--no-node-snapshot"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
