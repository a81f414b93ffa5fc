/**
 * The Submission table as a queue, against a real temporary SQLite database:
 * priority, atomic claims, leases, retries, exactly-once results, late penalty, regrades.
 */

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/prisma/client";
import { loadCatalogue, type ExerciseEntry } from "@/exercises/catalogue";
import { grade } from "@/grader/grade";
import {
  LeaseLostError,
  MAX_ATTEMPTS,
  claimSubmission,
  completeSubmission,
  completeSubmissions,
  enqueue,
  queuePosition,
  releaseJob,
  sweepExpiredLeases,
} from "@/grader/queue";
import { createQueueFixture, type QueueFixture } from "@/grader/queueFixture";
import { ResultWriter } from "@/grader/resultWriter";
import { GradingWorker } from "@/grader/worker";
import { penalisedScore } from "@/grader/policy";
import { createTestDb, type TestDb } from "../helpers/db";

const FIXTURES = path.join(__dirname, "fixtures");
const SLUG = "fixture-affine";
let t: TestDb;
let catalogue: Map<string, ExerciseEntry>;
let fx: QueueFixture;
let solution: string;
let db: Db;

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  catalogue = await loadCatalogue(FIXTURES);
  fx = await createQueueFixture(db, catalogue);
  solution = fs.readFileSync(path.join(FIXTURES, "10.1-fixture-affine", "solution.ts"), "utf8");
});
afterAll(async () => {
  await t?.cleanup();
});

/** Empties the queue between tests so claims see only what the test enqueued. */
async function drainQueue() {
  await db.submission.updateMany({
    where: { status: { in: ["queued", "running"] } },
    data: { status: "graded", leaseOwner: null },
  });
}

/** Marks a claimed job graded (its student may then have the next one claimed). */
const finish = (id: string) => db.submission.update({ where: { id }, data: { status: "graded", leaseOwner: null } });

const student = (name: string) =>
  db.user
    .create({ data: { email: `${name}-${Date.now()}@example.edu`, name }, select: { id: true } })
    .then((u) => u.id);

const submitAs = (userId: string, kind: "run" | "submit") =>
  enqueue(db, { userId, assignmentId: fx.assignmentId, ...fx.exercises.get(SLUG)!, code: solution, kind });

const expire = (id: string) =>
  db.submission.update({ where: { id }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });

describe("grading queue", () => {
  it("claims runs before submits, oldest first, and never hands one job to two workers", async () => {
    await drainQueue();
    // Three students (a student has one job in flight at a time).
    const s1 = await submitAs(await student("s1"), "submit");
    const s2 = await submitAs(await student("s2"), "submit");
    const r1 = await submitAs(await student("r1"), "run");
    const other = createDb(t.url);
    try {
      const claims = await Promise.all([
        claimSubmission(db, "A"),
        claimSubmission(other, "B"),
        claimSubmission(db, "C"),
        claimSubmission(other, "D"),
      ]);
      const ids = claims.filter((c) => c).map((c) => c!.id);
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(3);
      expect(new Set(ids)).toEqual(new Set([s1, s2, r1]));
      const first = await claimOrder([s1, s2, r1]);
      expect(first[0]).toBe(r1);
    } finally {
      await other.$disconnect();
    }
  });

  it("a student's second queued submit for an exercise waits behind another student's first; runs stay first", async () => {
    await drainQueue();
    const other = await db.user.create({ data: { email: `other-${Date.now()}@example.edu`, name: "Other" } });
    const ex = fx.exercises.get(SLUG)!;
    const a1 = await fx.submit(SLUG, solution, "submit");
    const a2 = await fx.submit(SLUG, solution, "submit");
    const b1 = await enqueue(db, {
      userId: other.id,
      assignmentId: fx.assignmentId,
      ...ex,
      code: solution,
      kind: "submit",
    });
    const r1 = await fx.submit(SLUG, solution, "run");
    const order: string[] = [];
    for (let job = await claimSubmission(db, "F"); job; job = await claimSubmission(db, "F")) {
      order.push(job.id);
      await finish(job.id); // a student has one job in flight at a time
    }
    expect(order).toEqual([r1, a1, b1, a2]);
  });

  it("reports a queued submission's position and the wait the last minute's drain rate predicts", async () => {
    await drainQueue();
    const now = new Date();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await fx.submit(SLUG, solution, "submit"));
    const run = await fx.submit(SLUG, solution, "run");
    // 30 jobs graded in the last minute: 0.5 per second.
    await db.submission.updateMany({ where: { status: "graded" }, data: { gradedAt: new Date(0) } });
    const ex = fx.exercises.get(SLUG)!;
    await db.submission.createMany({
      data: Array.from({ length: 30 }, () => ({
        userId: fx.userId,
        assignmentId: fx.assignmentId,
        ...ex,
        code: solution,
        status: "graded",
        gradedAt: new Date(now.getTime() - 10_000),
      })),
    });
    expect(await queuePosition(db, run, now)).toEqual({ position: 1, drainPerSecond: 0.5, estimatedWaitSeconds: 2 });
    expect(await queuePosition(db, ids[0], now)).toMatchObject({ position: 2, estimatedWaitSeconds: 4 });
    expect((await queuePosition(db, ids[2], now))?.position).toBe(4);
    await claimSubmission(db, "P");
    expect(await queuePosition(db, run, now)).toBeNull();
    expect((await queuePosition(db, ids[2], now))?.position).toBe(3);
  });

  async function claimOrder(ids: string[]) {
    const rows = await db.submission.findMany({
      where: { id: { in: ids } },
      select: { id: true, startedAt: true, kind: true },
    });
    expect(rows.every((r) => r.startedAt)).toBe(true);
    // requeue and claim one by one to read the order
    await db.submission.updateMany({ where: { id: { in: ids } }, data: { status: "queued", leaseOwner: null } });
    const order: string[] = [];
    for (;;) {
      const c = await claimSubmission(db, "order");
      if (!c) break;
      order.push(c.id);
      await finish(c.id);
    }
    return order;
  }

  it("a worker grades a job once: result + case rows, score after the late penalty, lease cleared", async () => {
    await drainQueue();
    const id = await fx.submit(SLUG, solution, "submit", 0.25);
    const w = new GradingWorker({ db, catalogue, id: "w1", log: () => {} });
    expect(await w.runOnce()).toBe(true);
    expect(await w.runOnce()).toBe(false);
    const s = await db.submission.findUniqueOrThrow({
      where: { id },
      include: { result: { include: { cases: true } } },
    });
    expect(s.status).toBe("graded");
    expect(s.score).toBeCloseTo(6 * 0.75, 12);
    expect(s.maxScore).toBe(6);
    expect(s.leaseOwner).toBeNull();
    expect(s.result?.score).toBe(6);
    expect(s.result?.purpose).toBe("grade");
    expect(s.result?.cases).toHaveLength(12);
    const hidden = s.result!.cases.find((c) => c.visibility === "hidden")!;
    expect(JSON.parse(hidden.inputJson)).toHaveLength(3); // hidden inputs are stored for staff
    expect(JSON.parse(hidden.message)).toMatchObject({ en: "Passed.", zh: "通过。" });
    expect(await db.gradingResult.count({ where: { submissionId: id } })).toBe(1);
  });

  it("an expired lease goes back to the queue; the old owner's late result is refused; exactly one result", async () => {
    await drainQueue();
    const id = await fx.submit(SLUG, solution);
    const a = await claimSubmission(db, "A", 60_000);
    expect(a?.id).toBe(id);
    const result = await grade({ spec: catalogue.get(SLUG)!.spec, code: solution, mode: "submit" });
    await expire(id);
    expect((await sweepExpiredLeases(db)).requeued).toBe(1);
    const b = await claimSubmission(db, "B", 60_000);
    expect(b?.id).toBe(id);
    expect(b?.attempts).toBe(2);
    await expect(completeSubmission(db, a!, "A", result)).rejects.toBeInstanceOf(LeaseLostError);
    await completeSubmission(db, b!, "B", result);
    await expect(completeSubmission(db, b!, "B", result)).rejects.toBeInstanceOf(LeaseLostError);
    expect(await db.gradingResult.count({ where: { submissionId: id } })).toBe(1);
    expect((await db.submission.findUniqueOrThrow({ where: { id } })).status).toBe("graded");
  });

  it("a group of results is written in one transaction; a job whose lease was lost gets nothing, the others theirs", async () => {
    await drainQueue();
    const ids = [
      await submitAs(await student("g1"), "submit"),
      await submitAs(await student("g2"), "submit"),
      await submitAs(await student("g3"), "submit"),
    ];
    const jobs = [await claimSubmission(db, "G"), await claimSubmission(db, "G"), await claimSubmission(db, "G")];
    expect(jobs.map((j) => j?.id).sort()).toEqual([...ids].sort());
    const result = await grade({ spec: catalogue.get(SLUG)!.spec, code: solution, mode: "submit" });
    // The second job's lease expired and another worker took it over.
    await expire(jobs[1]!.id);
    await sweepExpiredLeases(db);
    const taken = await claimSubmission(db, "H");
    expect(taken?.id).toBe(jobs[1]!.id);
    // A score that is not a short decimal: stored to the last bit of its float64.
    const awkward = { ...result, score: (0.1 + 0.2) * 17 };
    const written = await completeSubmissions(db, "G", [
      { job: jobs[0]!, result },
      { job: jobs[1]!, result },
      { job: { ...jobs[2]!, latePenalty: 1 / 3 }, result: awkward },
    ]);
    expect(written[1]).toBeNull();
    expect(written[0]).not.toBeNull();
    expect(written[2]).not.toBeNull();
    const rows = await db.submission.findMany({
      where: { id: { in: ids } },
      include: { result: { include: { cases: { orderBy: { position: "asc" } } } } },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(jobs[1]!.id)).toMatchObject({ status: "running", leaseOwner: "H", resultId: null });
    expect(await db.gradingResult.count({ where: { submissionId: jobs[1]!.id } })).toBe(0);
    for (const k of [0, 2]) {
      const s = byId.get(jobs[k]!.id)!;
      expect(s).toMatchObject({ status: "graded", resultId: written[k], leaseOwner: null, maxScore: 6 });
      expect(s.result?.cases.map((c) => c.position)).toEqual([...Array(12).keys()]);
    }
    expect(byId.get(jobs[0]!.id)!.score).toBe(6);
    expect(byId.get(jobs[2]!.id)!.result!.score).toBe((0.1 + 0.2) * 17);
    expect(byId.get(jobs[2]!.id)!.score).toBe(penalisedScore((0.1 + 0.2) * 17, 1 / 3));
    // one transaction: one commit time for the whole group
    expect(byId.get(jobs[0]!.id)!.gradedAt).toEqual(byId.get(jobs[2]!.id)!.gradedAt);
  });

  it("the result writer groups results that finish together, and writes one alone when nothing else is graded or it waited its longest", async () => {
    await drainQueue();
    const result = await grade({ spec: catalogue.get(SLUG)!.spec, code: solution, mode: "submit" });
    const claimFor = async (name: string) => {
      await submitAs(await student(name), "submit");
      return (await claimSubmission(db, "RW"))!;
    };
    let grading = 2;
    const wait = 1000;
    const writer = new ResultWriter(db, "RW", 2, () => grading, wait);
    const gradedAt = async (id: string) =>
      (await db.submission.findUniqueOrThrow({ where: { id }, select: { gradedAt: true } })).gradedAt;

    // Two lanes: the first result waits for the second, then both are written together.
    const [a, b] = [await claimFor("rw-a"), await claimFor("rw-b")];
    grading = 1;
    const first = writer.write(a, result);
    await new Promise((r) => setTimeout(r, 10));
    expect(await gradedAt(a.id)).toBeNull();
    grading = 0;
    const second = writer.write(b, result);
    expect(await first).not.toBeNull();
    expect(await second).not.toBeNull();
    expect(await gradedAt(a.id)).toEqual(await gradedAt(b.id));

    // Nothing else being graded: written at once.
    const c = await claimFor("rw-c");
    const t0 = performance.now();
    expect(await writer.write(c, result)).not.toBeNull();
    expect(performance.now() - t0).toBeLessThan(wait);

    // A neighbour still grading past the longest wait: written alone after it.
    const d = await claimFor("rw-d");
    grading = 1;
    const t1 = performance.now();
    expect(await writer.write(d, result)).not.toBeNull();
    expect(performance.now() - t1).toBeGreaterThanOrEqual(wait - 1);
  });

  it(`after ${MAX_ATTEMPTS} expired attempts the job is marked error with the reason`, async () => {
    await drainQueue();
    const id = await fx.submit(SLUG, solution);
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const c = await claimSubmission(db, `crashy-${i}`);
      expect(c?.attempts).toBe(i);
      await expire(id);
      await sweepExpiredLeases(db);
    }
    const s = await db.submission.findUniqueOrThrow({ where: { id } });
    expect(s.status).toBe("error");
    expect(s.lastError).toMatch(/did not finish in 3 attempts/);
    expect(await claimSubmission(db, "late")).toBeNull();
  });

  it("graceful release returns the job without spending an attempt", async () => {
    await drainQueue();
    const id = await fx.submit(SLUG, solution);
    const c = await claimSubmission(db, "A");
    await releaseJob(db, c!, "A");
    const s = await db.submission.findUniqueOrThrow({ where: { id } });
    expect(s).toMatchObject({ status: "queued", attempts: 0, leaseOwner: null });
  });

  it("regrade items produce a 'regrade' result that does not replace the current one, then the regrade is ready", async () => {
    await drainQueue();
    const id = await fx.submit(SLUG, solution, "submit", 0.5);
    const w = new GradingWorker({ db, catalogue, id: "w-regrade", log: () => {} });
    await w.runOnce();
    const before = await db.submission.findUniqueOrThrow({ where: { id } });
    const course = await db.course.findFirstOrThrow();
    const staff = await db.user.create({ data: { email: `ta-${Date.now()}@example.edu`, name: "TA" } });
    const regrade = await db.regrade.create({
      data: { courseId: course.id, createdById: staff.id, status: "running" },
    });
    const item = await db.regradeItem.create({
      data: {
        regradeId: regrade.id,
        submissionId: id,
        exerciseVersionId: fx.exercises.get(SLUG)!.exerciseVersionId,
        oldScore: before.score,
      },
    });
    expect(await w.runOnce()).toBe(true);
    const done = await db.regradeItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(done.status).toBe("done");
    expect(done.newScore).toBeCloseTo(3, 12);
    const res = await db.gradingResult.findUniqueOrThrow({ where: { id: done.newResultId! } });
    expect(res.purpose).toBe("regrade");
    const after = await db.submission.findUniqueOrThrow({ where: { id } });
    expect(after.resultId).toBe(before.resultId);
    expect((await db.regrade.findUniqueOrThrow({ where: { id: regrade.id } })).status).toBe("ready");
  });

  it("a compile error is a graded result (score 0), not a queue failure", async () => {
    await drainQueue();
    const id = await fx.submit(SLUG, "export function affine( {");
    await new GradingWorker({ db, catalogue, id: "w-ce", log: () => {} }).runOnce();
    const s = await db.submission.findUniqueOrThrow({ where: { id }, include: { result: true } });
    expect(s.status).toBe("graded");
    expect(s.score).toBe(0);
    expect(s.result?.status).toBe("compile_error");
    expect((JSON.parse(s.result!.message!) as { zh: string }).zh).toMatch(/语法错误/);
  });

  it("a version synced after the worker started hands the job back and asks for a restart", async () => {
    await drainQueue();
    const w = new GradingWorker({ db, catalogue, id: "w-stale", log: () => {} });
    const { exerciseId, exerciseVersionId } = fx.exercises.get(SLUG)!;
    const old = await db.exerciseVersion.findUniqueOrThrow({ where: { id: exerciseVersionId } });
    const { id: _id, createdAt: _c, ...content } = old;
    const newer = await db.exerciseVersion.create({
      data: { ...content, version: old.version + 1, hash: "changed-after-start" },
    });
    const s = await db.submission.create({
      data: {
        userId: fx.userId,
        assignmentId: fx.assignmentId,
        exerciseId,
        exerciseVersionId: newer.id,
        code: solution,
        status: "queued",
      },
    });
    expect(await w.runOnce()).toBe(true);
    expect(w.restart).toBe(true);
    expect(await db.submission.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
      status: "queued",
      attempts: 0,
      leaseOwner: null,
    });
    await db.submission.delete({ where: { id: s.id } });
  });
});
