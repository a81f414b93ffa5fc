/**
 * A deadline surge on PostgreSQL (vitest project "postgresql"): four worker processes drain
 * 2,000 queued submissions while one of them is killed with SIGKILL mid-surge. Every
 * submission ends graded with exactly one result, the killed worker's leased jobs included.
 */

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "@/exercises/catalogue";
import { drain, enqueueMany } from "@/grader/benchDatabase";
import { createQueueFixture, type QueueFixture } from "@/grader/queueFixture";
import { startSupervisor, type Supervisor } from "@/grader/supervisor";
import { createTestDb, type TestDb } from "../helpers/db";

const FIXTURES = path.join(__dirname, "fixtures");
const SLUG = "fixture-affine";
const JOBS = 2000;
let t: TestDb;
let fx: QueueFixture;
let sup: Supervisor;

beforeAll(async () => {
  t = await createTestDb("gibbs-surge-");
  fx = await createQueueFixture(t.db, await loadCatalogue(FIXTURES));
  sup = startSupervisor({
    concurrency: 4,
    env: { DATABASE_URL: t.url, GIBBS_EXERCISES_DIR: FIXTURES, GIBBS_GRADER_LEASE_MS: "2000" },
    stdio: "ignore",
    log: () => {},
  });
  await sup.ready;
});
afterAll(async () => {
  await sup?.stop();
  await t?.cleanup();
});

describe("surge on PostgreSQL", () => {
  it(`kill -9 one of four workers in the middle of ${JOBS} jobs: every job graded exactly once`, async () => {
    const solution = fs.readFileSync(path.join(FIXTURES, "10.1-fixture-affine", "solution.ts"), "utf8");
    const tag = await enqueueMany(
      t.db,
      fx,
      Array.from({ length: JOBS }, () => ({ slug: SLUG, code: solution })),
      "surge",
    );
    const graded = () => t.db.submission.count({ where: { id: { startsWith: `${tag}-` }, status: "graded" } });

    // Kill a worker that holds a lease once a third of the surge is graded.
    while ((await graded()) < JOBS / 3) await new Promise((r) => setTimeout(r, 20));
    const victim = await t.db.submission.findFirstOrThrow({
      where: { id: { startsWith: `${tag}-` }, status: "running" },
      select: { leaseOwner: true },
    });
    const pid = Number(victim.leaseOwner!.split(":").pop());
    expect(sup.workers().map((w) => w.pid)).toContain(pid);
    process.kill(pid, "SIGKILL");
    expect(await graded()).toBeLessThan(JOBS);

    await drain(t.db, tag, 120_000);
    expect(await graded()).toBe(JOBS);
    const results = await t.db.gradingResult.groupBy({
      by: ["submissionId"],
      where: { submissionId: { startsWith: `${tag}-` }, purpose: "grade" },
      _count: { _all: true },
    });
    expect(results).toHaveLength(JOBS);
    expect(results.filter((r) => r._count._all !== 1)).toEqual([]);
    // Each submission's current result is its one result.
    const rows = await t.db.submission.findMany({
      where: { id: { startsWith: `${tag}-` } },
      select: { id: true, resultId: true, results: { select: { id: true } } },
    });
    expect(rows.filter((r) => r.results.length !== 1 || r.resultId !== r.results[0].id)).toEqual([]);
    expect(sup.restarts).toBeGreaterThanOrEqual(1);
  }, 180_000);
});
