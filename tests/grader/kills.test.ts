/**
 * One student cannot stall grading for everyone (issue 13.3), against a real temporary database:
 * one job per student in flight, the kill penalty charged only to a job its worker graded alone,
 * a neighbour's kill never charged to the neighbour, and "your code stopped the grader" at MAX_KILLS.
 */

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadCatalogue, type ExerciseEntry } from "@/exercises/catalogue";
import { KILL_COOLDOWN_MS, MAX_KILLS, claimSubmission, enqueue, settleDeadWorker } from "@/grader/queue";
import { createQueueFixture, type QueueFixture } from "@/grader/queueFixture";
import { GradingWorker } from "@/grader/worker";
import { createTestDb, type TestDb } from "../helpers/db";

const FIXTURES = path.join(__dirname, "fixtures");
const SLUG = "fixture-affine";
let t: TestDb;
let catalogue: Map<string, ExerciseEntry>;
let fx: QueueFixture;
let solution: string;

beforeAll(async () => {
  t = await createTestDb();
  catalogue = await loadCatalogue(FIXTURES);
  fx = await createQueueFixture(t.db, catalogue);
  solution = fs.readFileSync(path.join(FIXTURES, "10.1-fixture-affine", "solution.ts"), "utf8");
});
afterAll(async () => {
  await t?.cleanup();
});
beforeEach(async () => {
  await t.db.submission.updateMany({
    where: { status: { in: ["queued", "running"] } },
    data: { status: "graded", leaseOwner: null },
  });
});

let n = 0;
const student = () =>
  t.db.user
    .create({ data: { email: `k${++n}-${Date.now()}@example.edu`, name: `Student ${n}` }, select: { id: true } })
    .then((u) => u.id);
const submitAs = (userId: string, kind: "run" | "submit" = "submit") =>
  enqueue(t.db, { userId, assignmentId: fx.assignmentId, ...fx.exercises.get(SLUG)!, code: solution, kind });
const row = (id: string) => t.db.submission.findUniqueOrThrow({ where: { id } });

describe("one student cannot stall the queue", () => {
  it("claims skip a student who already has a job running, on any worker", async () => {
    const flood = await student();
    const victim = await student();
    const f1 = await submitAs(flood, "run");
    const f2 = await submitAs(flood, "run");
    const v1 = await submitAs(victim);
    expect((await claimSubmission(t.db, "worker-A"))?.id).toBe(f1);
    // f2 is older and a run, but its student already has f1 running.
    expect((await claimSubmission(t.db, "worker-B"))?.id).toBe(v1);
    expect(await claimSubmission(t.db, "worker-C")).toBeNull();
    expect((await row(f2)).status).toBe("queued");
  });

  it("a worker that died grading one job alone: the kill is charged, the student's jobs wait behind others", async () => {
    const flood = await student();
    const victim = await student();
    const f1 = await submitAs(flood, "run");
    const job = await claimSubmission(t.db, "dead-1");
    expect(job?.id).toBe(f1);
    const f2 = await submitAs(flood, "run");
    const before = Date.now();
    const s = await settleDeadWorker(t.db, "dead-1", "live");
    expect(s).toEqual({ charged: [f1], solo: [], stopped: [] });
    const r1 = await row(f1);
    expect(r1).toMatchObject({ status: "queued", kills: 1, leaseOwner: null, attempts: 1, solo: true });
    expect(r1.notBefore!.getTime()).toBeGreaterThanOrEqual(before + KILL_COOLDOWN_MS - 1000);
    expect((await row(f2)).notBefore!.getTime()).toBe(r1.notBefore!.getTime());
    // A job the student enqueues during the cooldown waits too; another student's job goes first.
    const f3 = await submitAs(flood, "run");
    expect((await row(f3)).notBefore!.getTime()).toBeGreaterThan(Date.now());
    const v1 = await submitAs(victim);
    expect((await claimSubmission(t.db, "live"))?.id).toBe(v1);
    expect(await claimSubmission(t.db, "live-2")).toBeNull();
    // Once the cooldown is over, the student's jobs are claimed again.
    await t.db.submission.updateMany({ where: { userId: flood }, data: { notBefore: new Date(Date.now() - 1) } });
    expect((await claimSubmission(t.db, "live-2"))?.id).toBe(f1);
  });

  it("a worker that died grading two jobs charges neither: both go back, attempts unspent, to be graded alone", async () => {
    const a = await submitAs(await student());
    const b = await submitAs(await student());
    await claimSubmission(t.db, "dead-2");
    await claimSubmission(t.db, "dead-2");
    const s = await settleDeadWorker(t.db, "dead-2", "live");
    expect(s.charged).toEqual([]);
    expect(new Set(s.solo)).toEqual(new Set([a, b]));
    for (const id of [a, b])
      expect(await row(id)).toMatchObject({ status: "queued", kills: 0, attempts: 0, solo: true, killedAt: null });
    // A worker already grading something does not take a job that must be graded alone.
    expect(await claimSubmission(t.db, "busy", undefined, { solo: false })).toBeNull();
    const alone = await claimSubmission(t.db, "free");
    expect(alone?.solo).toBe(true);
    // Settling is idempotent: a second notice of the same death changes nothing.
    expect(await settleDeadWorker(t.db, "dead-2", "live")).toEqual({ charged: [], solo: [], stopped: [] });
  });

  it(`after ${MAX_KILLS} kills the submission is finished as the student's failure: "your code stopped the grader"`, async () => {
    const flood = await student();
    const id = await submitAs(flood);
    await t.db.submission.update({ where: { id }, data: { kills: MAX_KILLS - 1 } });
    await claimSubmission(t.db, "dead-3");
    const live = new GradingWorker({ db: t.db, catalogue, id: "live-w", log: () => {} });
    await live.settleDead("dead-3");
    const s = await t.db.submission.findUniqueOrThrow({
      where: { id },
      include: { result: { include: { cases: true } } },
    });
    expect(s).toMatchObject({ status: "graded", score: 0, maxScore: 6, kills: MAX_KILLS, leaseOwner: null });
    const message = JSON.parse(s.result!.message!) as { en: string; zh: string };
    expect(message.en).toMatch(/Your code stopped the grader 2 times/);
    expect(message.en).toMatch(/This attempt counts/);
    expect(message.zh).toMatch(/评分程序停止运行/);
    expect(s.result!.cases).toHaveLength(12);
    expect(s.result!.cases.every((c) => c.status === "failed" && c.score === 0)).toBe(true);
    expect(await t.db.gradingResult.count({ where: { submissionId: id } })).toBe(1);
  });
});
