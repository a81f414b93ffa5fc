/**
 * Issue 13.3 under attack, with a real supervisor and two worker processes: one student floods
 * Runs that stop a worker (an isolate V8 cannot interrupt) or hit the memory limit, one per second,
 * while another student submits a correct solution. One job per student in flight and the kill
 * penalty keep a worker free for the victim: every victim submission is graded in under 2 s.
 */

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "@/exercises/catalogue";
import { enqueue, waitForResult } from "@/grader/queue";
import { createQueueFixture, type QueueFixture } from "@/grader/queueFixture";
import { startSupervisor, type Supervisor } from "@/grader/supervisor";
import { createTestDb, type TestDb } from "../helpers/db";

const FIXTURES = path.join(__dirname, "fixtures");
const SLUG = "fixture-affine";
const ATTACK_RUNS = 16;
const VICTIM_SUBMITS = 8;
const BOUND_MS = 2000;
let t: TestDb;
let fx: QueueFixture;
let sup: Supervisor;

beforeAll(async () => {
  t = await createTestDb("gibbs-stall-");
  fx = await createQueueFixture(t.db, await loadCatalogue(FIXTURES));
  sup = startSupervisor({
    concurrency: 2,
    env: { DATABASE_URL: t.url, GIBBS_EXERCISES_DIR: FIXTURES, GIBBS_GRADER_LEASE_MS: "3000" },
    heartbeatTimeoutMs: 3000,
    stdio: "ignore",
    log: () => {},
  });
  await sup.ready;
});
afterAll(async () => {
  await sup?.stop();
  await t?.cleanup();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Array.prototype.fill on a huge dictionary-mode array runs in C++ without interrupt checks
// (isolated-vm #107): the worker records the result and ends itself.
const UNINTERRUPTIBLE = `export function affine(W: number[][], x: number[], b: number[]): number[] {
  void new Array(1024 * 1024 * 60).fill(0);
  return [];
}`;
const HUGE_MEMORY = `export function affine(W: number[][], x: number[], b: number[]): number[] {
  const keep: Float64Array[] = [];
  for (;;) keep.push(new Float64Array(1 << 20));
}`;

describe("a student flooding worker-stopping Runs", () => {
  it(`does not delay another student's correct submission past ${BOUND_MS} ms`, async () => {
    const victim = await t.db.user.create({ data: { email: "victim@example.edu", name: "Victim" } });
    const solution = fs.readFileSync(path.join(FIXTURES, "10.1-fixture-affine", "solution.ts"), "utf8");
    const restartsBefore = sup.restarts;
    let attacking = true;
    const attack = (async () => {
      for (let i = 0; i < ATTACK_RUNS && attacking; i++) {
        await fx.submit(SLUG, i % 4 === 3 ? HUGE_MEMORY : UNINTERRUPTIBLE, "run");
        await sleep(1000);
      }
    })();
    await sleep(2500); // the flood is under way: a worker has already been stopped
    const latencies: number[] = [];
    for (let i = 0; i < VICTIM_SUBMITS; i++) {
      const id = await enqueue(t.db, {
        userId: victim.id,
        assignmentId: fx.assignmentId,
        ...fx.exercises.get(SLUG)!,
        code: `${solution}\n// ${i}`,
        kind: "submit",
      });
      const done = await waitForResult(t.db, id, { timeoutMs: 60_000, pollMs: 20 });
      expect(done).toMatchObject({ status: "graded", score: 6 });
      const s = await t.db.submission.findUniqueOrThrow({ where: { id } });
      latencies.push(s.gradedAt!.getTime() - s.submittedAt.getTime());
      await sleep(1200);
    }
    attacking = false;
    await attack;
    console.log(
      `victim latency under the stall attack: median ${median(latencies)} ms, max ${Math.max(...latencies)} ms (${latencies.join(", ")}); worker restarts ${sup.restarts - restartsBefore}`,
    );
    // The attack did stop workers, and the victim never waited for one to restart.
    expect(sup.restarts - restartsBefore).toBeGreaterThanOrEqual(1);
    expect(Math.max(...latencies)).toBeLessThan(BOUND_MS);
    // The attacker's Runs are graded as their own failures (never "error"), one at a time.
    const flood = await t.db.submission.findMany({
      where: { userId: fx.userId },
      select: { status: true },
    });
    expect(flood.filter((s) => s.status === "error")).toEqual([]);
  }, 120_000);
});
