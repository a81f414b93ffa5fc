/**
 * Worker processes under the supervisor: a worker killed with SIGKILL in the middle of
 * a job → the job is graded by another (or restarted) worker and exactly one result is
 * recorded; a worker whose heartbeat stops (SIGSTOP) is killed and replaced.
 */

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "@/exercises/catalogue";
import { waitForResult } from "@/grader/queue";
import { createQueueFixture, type QueueFixture } from "@/grader/queueFixture";
import { startSupervisor, type Supervisor } from "@/grader/supervisor";
import { createTestDb, type TestDb } from "../helpers/db";

const FIXTURES = path.join(__dirname, "fixtures");
const SLUG = "fixture-affine";
let t: TestDb;
let fx: QueueFixture;
let sup: Supervisor;

beforeAll(async () => {
  t = await createTestDb();
  fx = await createQueueFixture(t.db, await loadCatalogue(FIXTURES));
  sup = startSupervisor({
    concurrency: 2,
    env: { DATABASE_URL: t.url, GIBBS_EXERCISES_DIR: FIXTURES, GIBBS_GRADER_LEASE_MS: "1500" },
    heartbeatTimeoutMs: 2500,
    stdio: "ignore",
    log: () => {},
  });
  await sup.ready;
});
afterAll(async () => {
  await sup?.stop();
  await t?.cleanup();
});

const pidOf = (owner: string) => Number(owner.split(":").pop());

describe("grader processes", () => {
  it("kill -9 mid-job: another worker regrades it, exactly one result", async () => {
    // ~80 ms of work per case (limit 300 ms): the job runs ≈ 1 s, long enough to kill it mid-way.
    const slow = `export function affine(W: number[][], x: number[], b: number[]): number[] {
      const until = Date.now() + 80; while (Date.now() < until) {}
      return W.map((r, i) => r.reduce((s, w, j) => s + w * x[j], b[i]));
    }`;
    const id = await fx.submit(SLUG, slow);
    let owner: string | null = null;
    for (let i = 0; i < 200 && !owner; i++) {
      const s = await t.db.submission.findUniqueOrThrow({ where: { id } });
      owner = s.status === "running" ? s.leaseOwner : null;
      if (!owner) await new Promise((r) => setTimeout(r, 20));
    }
    expect(owner).toBeTruthy();
    await new Promise((r) => setTimeout(r, 200));
    const mid = await t.db.submission.findUniqueOrThrow({ where: { id } });
    expect(mid.status).toBe("running"); // still mid-job when killed
    process.kill(pidOf(owner!), "SIGKILL");

    const done = await waitForResult(t.db, id, { timeoutMs: 20_000, pollMs: 50 });
    expect(done.status).toBe("graded");
    // (a case may exceed its 300 ms limit on a loaded machine; the point here is exactly one result)
    expect(done.score).toBeGreaterThan(0);
    const s = await t.db.submission.findUniqueOrThrow({ where: { id } });
    expect(s.attempts).toBe(2);
    expect(s.leaseOwner).toBeNull();
    expect(await t.db.gradingResult.count({ where: { submissionId: id } })).toBe(1);
    const r = await t.db.gradingResult.findUniqueOrThrow({ where: { id: s.resultId! } });
    expect(r.workerId).not.toBe(owner);
    // the supervisor replaced the killed worker
    expect(sup.restarts).toBeGreaterThanOrEqual(1);
  }, 40_000);

  it("an isolate V8 cannot interrupt: the result is recorded once, the worker restarts itself, the next job grades", async () => {
    // Array.prototype.fill on a huge dictionary-mode array runs in C++ without interrupt checks
    // (isolated-vm #107): neither the time limit nor disposing the isolate stops it.
    const stuck = `export function affine(W: number[][], x: number[], b: number[]): number[] {
      void new Array(1024 * 1024 * 60).fill(0);
      return [];
    }`;
    const before = sup.restarts;
    const id = await fx.submit(SLUG, stuck, "run");
    const done = await waitForResult(t.db, id, { timeoutMs: 20_000, pollMs: 50 });
    expect(done.status).toBe("graded");
    expect(done.score).toBe(0);
    expect(await t.db.gradingResult.count({ where: { submissionId: id } })).toBe(1);
    const r = await t.db.gradingResult.findUniqueOrThrow({ where: { id: done.resultId! } });
    const message = JSON.parse(r.message ?? "{}") as { en: string };
    expect(message.en).toMatch(/Time limit exceeded/);
    if (/could not be interrupted/.test(message.en)) {
      // the worker ended itself at once (process.exit would wait for the stuck isolate thread)
      for (let i = 0; i < 100 && sup.restarts === before; i++) await new Promise((res) => setTimeout(res, 50));
      expect(sup.restarts).toBe(before + 1);
    }
    const solution = fs.readFileSync(path.join(FIXTURES, "10.1-fixture-affine", "solution.ts"), "utf8");
    const next = await fx.submit(SLUG, solution);
    expect((await waitForResult(t.db, next, { timeoutMs: 20_000 })).score).toBe(6);
  }, 40_000);

  it("a worker whose heartbeat stops is killed and replaced; grading continues", async () => {
    // A restart from the test before may still be under way on a loaded machine: start from a settled supervisor.
    let last = sup.restarts;
    for (let quiet = 0; quiet < 10;) {
      await new Promise((r) => setTimeout(r, 100));
      quiet = sup.restarts === last ? quiet + 1 : 0;
      last = sup.restarts;
    }
    // A worker still starting has the start-up grace, not the heartbeat timeout: stop one that said "ready".
    for (let i = 0; i < 300 && !sup.readyWorkers().length; i++) await new Promise((r) => setTimeout(r, 100));
    const victim = sup.readyWorkers()[0];
    const before = sup.restarts;
    process.kill(victim.pid!, "SIGSTOP");
    for (let i = 0; i < 100 && sup.restarts === before; i++) await new Promise((r) => setTimeout(r, 100));
    expect(sup.restarts).toBe(before + 1);
    expect(sup.workers().map((w) => w.pid)).not.toContain(victim.pid);
    const solution = fs.readFileSync(path.join(FIXTURES, "10.1-fixture-affine", "solution.ts"), "utf8");
    const ids = await Promise.all([1, 2, 3].map(() => fx.submit(SLUG, solution)));
    for (const id of ids) expect((await waitForResult(t.db, id, { timeoutMs: 20_000 })).score).toBe(6);
  }, 40_000);
});
