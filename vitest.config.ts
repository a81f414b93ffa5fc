import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// isolated-vm needs --no-node-snapshot, which worker threads reject, so every
// test file runs in a forked child process with that flag.
//
// Two projects: "sqlite" runs every suite; "postgresql" runs the database, queue, worker and
// staff/student integration suites again against the server at GIBBS_TEST_POSTGRES_URL
// (`.ci/run` starts a throwaway one with `.ci/postgres`).

/** The suites that touch the database, run on both providers. */
const DATABASE_SUITES = [
  "tests/db/**/*.test.ts",
  "tests/grader/queue.test.ts",
  "tests/grader/crash.test.ts",
  "tests/grader/kills.test.ts",
  "tests/auth/**/*.test.ts",
  "tests/staff/**/*.test.ts",
  "tests/student/api.test.ts",
  "tests/student/status-stream.test.ts",
];
/** PostgreSQL only, each alone on the machine after the rest: the 2,000-job crash surge and the two-server browser test. */
const POSTGRESQL_ALONE = ["tests/grader/surge.test.ts", "tests/e2e/postgresql.test.ts"];

const postgresUrl = process.env.GIBBS_TEST_POSTGRES_URL;
if (!postgresUrl) {
  if (process.env.CI)
    throw new Error("CI is set but GIBBS_TEST_POSTGRES_URL is not: run the tests with `bash .ci/run`");
  console.log(
    'PostgreSQL suites skipped: GIBBS_TEST_POSTGRES_URL is not set (eval "$(.ci/postgres start)" to run them)',
  );
}

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      lab: fileURLToPath(new URL("./grader/lab/lab.ts", import.meta.url)),
    },
  },
  test: {
    pool: "forks",
    execArgv: ["--no-node-snapshot"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Groups run one after the other (sequence.groupOrder), so the two halves do not compete for the cores.
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["tests/**/*.test.ts"],
          exclude: POSTGRESQL_ALONE,
          sequence: { groupOrder: 0 },
        },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: "postgresql",
                include: DATABASE_SUITES,
                env: { GIBBS_TEST_DB: "postgresql" },
                sequence: { groupOrder: 1 },
              },
            },
            {
              extends: true as const,
              test: {
                name: "postgresql-alone",
                include: POSTGRESQL_ALONE,
                env: { GIBBS_TEST_DB: "postgresql" },
                fileParallelism: false,
                sequence: { groupOrder: 2 },
              },
            },
          ]
        : []),
    ],
  },
});
