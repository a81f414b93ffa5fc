/**
 * Integration tests of the student submission API against a real migrated SQLite
 * database: policy (release, due date, late penalty, extension, attempts), the rate
 * limit, drafts, 404 for other people's ids, and no hidden data in any response.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { submit, run, history, submissionStatus, SUBMIT_RATE } from "@/app/_lib/student/submissions";
import { getDraft, saveDraft, resetDraft } from "@/app/_lib/student/drafts";
import { submissionView } from "@/app/_lib/student/view";
import { studentDashboard } from "@/app/_lib/student/dashboard";
import { studentAccess } from "@/app/_lib/access";
import { AccessError, InputError } from "@/app/_lib/errors";
import type { Db } from "@/prisma/client";
import { claimSubmission, completeSubmission, waitForResult } from "@/grader/queue";
import type { CaseOutcome, GradeResult } from "@/grader/grade";
import { DAY, HOUR, makeFixture, STARTER, type Fixture } from "./fixtures";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb("gibbs-student-");
});
afterAll(async () => {
  await t?.cleanup();
});

async function refusal(p: Promise<unknown>): Promise<AccessError | InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AccessError || e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected a refusal, but the call succeeded");
}

/** The user's student context in the fixture's course (or another), as the context module grants it. */
const as = (f: Fixture, userId = f.alice, courseId = f.courseId) => studentAccess(t.db, userId, courseId);

const ref = (f: Fixture) => ({ assignmentId: f.assignmentId, exerciseId: f.exerciseId });

/** Sentinels that must never reach a student unless the case's details are released. */
const SECRET_INPUT = 424242.125;
const SECRET_EXPECTED = 737373.5;
const SECRET_ACTUAL = 919191.25;
const SECRET_CONSOLE = "console-secret-8d1f";

/**
 * Grades every queued submission through the real queue (claimSubmission → completeSubmission),
 * standing in for the sandbox with a fixed outcome: one visible case, and for submits one hidden
 * and one after_due_date case carrying the sentinels. Returns once `submissionId` is graded.
 */
async function recordResult(db: Db, submissionId: string, opts: { allPass?: boolean; hint?: boolean } = {}) {
  for (;;) {
    const job = await claimSubmission(db, "test-worker");
    if (!job) break;
    await completeSubmission(db, job, "test-worker", outcome(job.kind, opts));
  }
  const s = await db.submission.findUniqueOrThrow({ where: { id: submissionId } });
  expect(s.status).toBe("graded");
}

function outcome(kind: "run" | "submit" | "try", opts: { allPass?: boolean; hint?: boolean }): GradeResult {
  const failed = !opts.allPass;
  const timings = { transpileMs: 0, isolateMs: 0, runMs: 0, compareMs: 0 };
  const specs = [
    {
      name: "visible 1",
      visibility: "visible" as const,
      pass: true,
      input: [[1, 2]],
      expected: [1, 2],
      actual: [1, 2],
    },
    ...(kind === "submit"
      ? [
          {
            name: "hidden 1",
            visibility: "hidden" as const,
            pass: !failed,
            input: [[SECRET_INPUT]],
            expected: [SECRET_EXPECTED],
            actual: [SECRET_ACTUAL],
          },
          {
            name: "after due 1",
            visibility: "after_due_date" as const,
            pass: true,
            input: [[SECRET_INPUT + 1]],
            expected: [SECRET_EXPECTED + 1],
            actual: [SECRET_EXPECTED + 1],
          },
        ]
      : []),
  ];
  const maxScore = 10;
  const per = maxScore / specs.length;
  const cases: CaseOutcome[] = specs.map((c) => ({
    name: { en: c.name, zh: c.name },
    visibility: c.visibility,
    status: c.pass ? "passed" : "failed",
    score: c.pass ? per : 0,
    max_score: per,
    message: c.pass ? { en: "Passed.", zh: "通过。" } : { en: "Values differ.", zh: "数值不同。" },
    hintId: !c.pass && opts.hint ? "rbm.no-hidden-bias" : undefined,
    input: c.input,
    expected: c.expected,
    actual: c.actual,
    console: c.visibility === "visible" ? "visible log" : SECRET_CONSOLE,
    timings,
  }));
  return {
    exercise: "test",
    mode: kind,
    seed: 1,
    status: "ok",
    score: cases.reduce((t, c) => t + c.score, 0),
    maxScore,
    message: { en: "Graded.", zh: "已评分。" },
    ...(failed && opts.hint
      ? {
          hint: {
            id: "rbm.no-hidden-bias",
            message: { en: "This looks like the hidden bias left out.", zh: "这看起来像是漏掉了隐藏层偏置。" },
          },
        }
      : {}),
    cases,
    timings: { ...timings, totalMs: 0 },
  };
}

function leaks(value: unknown): string[] {
  const text = JSON.stringify(value);
  return [SECRET_INPUT, SECRET_EXPECTED, SECRET_ACTUAL, SECRET_INPUT + 1, SECRET_EXPECTED + 1, SECRET_CONSOLE]
    .map(String)
    .filter((s) => text.includes(s));
}

describe("submit", () => {
  it("stores the code with the current version, queued, and answers at once", async () => {
    const f = await makeFixture(t.db);
    const s = await submit(t.db, await as(f), { ...ref(f), code: "export const f = (x: number[]) => x;" }, f.now);
    expect(s.status).toBe("queued");
    expect(s.kind).toBe("submit");
    const row = await t.db.submission.findUniqueOrThrow({ where: { id: s.id } });
    expect(row.code).toBe("export const f = (x: number[]) => x;");
    expect(row.exerciseVersionId).toBe(f.versionId);
    expect(row.lateDays).toBe(0);
    expect(row.latePenalty).toBe(0);
    // The submitted code becomes the draft.
    expect((await getDraft(t.db, await as(f), ref(f), f.now)).code).toBe(row.code);
  });

  it("enforces the attempt limit on submits only; runs are free", async () => {
    const f = await makeFixture(t.db, { attemptLimit: 2 });
    const worker = fakeWorker(t.db);
    try {
      await run(t.db, await as(f), { ...ref(f), code: STARTER }, { now: f.now, timeoutMs: 5000 });
      // One at a time: a second submit waits until the first is graded.
      await waitForResult(t.db, (await submit(t.db, await as(f), { ...ref(f), code: STARTER }, f.now)).id);
      await waitForResult(t.db, (await submit(t.db, await as(f), { ...ref(f), code: STARTER }, f.now)).id);
      const e = await refusal(submit(t.db, await as(f), { ...ref(f), code: STARTER }, f.now));
      expect(e.code).toBe("attempts_exhausted");
      expect(e.status).toBe(403);
      expect(e.toJSON().message.en).toContain("2 attempts");
      expect(e.toJSON().message.zh).toContain("2 次");
      // Another student's attempts are their own.
      await submit(t.db, await as(f, f.bob), { ...ref(f), code: STARTER }, f.now);
      // Runs still work.
      const r = await run(t.db, await as(f), { ...ref(f), code: STARTER }, { now: f.now, timeoutMs: 5000 });
      expect(r.status).toBe("graded");
    } finally {
      await worker.stop();
    }
    const d = await studentDashboard(t.db, await as(f), f.now);
    expect(d.assignments[0].exercises[0].attemptsUsed).toBe(2);
    expect(d.assignments[0].exercises[0].attemptsLeft).toBe(0);
  });

  it("refuses before release (invisible: 404) and after the late window closes", async () => {
    const f = await makeFixture(t.db, { dueInMs: DAY, lateDaysMax: 2 });
    const early = await refusal(
      submit(t.db, await as(f), { ...ref(f), assignmentId: f.unreleasedId, code: STARTER }, f.now),
    );
    expect(early.status).toBe(404);
    // Two days and one hour after the due date, with lateDaysMax = 2: closed.
    const late = new Date(f.now.getTime() + DAY + 2 * DAY + HOUR);
    const e = await refusal(submit(t.db, await as(f), { ...ref(f), code: STARTER }, late));
    expect(e.code).toBe("closed");
    expect(e.status).toBe(403);
  });

  it("records late days and the late penalty", async () => {
    const f = await makeFixture(t.db, { dueInMs: DAY, latePenaltyPerDay: 0.1, lateDaysMax: 3 });
    // 1.5 days after the due date: 2 started days, penalty 0.2.
    const when = new Date(f.now.getTime() + DAY + 1.5 * DAY);
    const s = await submit(t.db, await as(f), { ...ref(f), code: STARTER }, when);
    expect(s.lateDays).toBe(2);
    expect(s.latePenalty).toBeCloseTo(0.2, 12);
    await recordResult(t.db, s.id, { allPass: true });
    const v = await submissionView(t.db, await as(f), s.id, when);
    expect(v.score).toBeCloseTo(10 * 0.8, 12);
    expect(v.latePenalty).toBeCloseTo(0.2, 12);
  });

  it("uses a personal extension as the due date", async () => {
    const f = await makeFixture(t.db, { dueInMs: DAY, latePenaltyPerDay: 0.25, lateDaysMax: 1 });
    await t.db.extension.create({
      data: {
        assignmentId: f.assignmentId,
        userId: f.alice,
        dueAt: new Date(f.now.getTime() + 5 * DAY),
        reason: "medical",
        grantedById: f.ta,
      },
    });
    // Three days after the assignment's due date: Bob's window is closed, Alice is on time.
    const when = new Date(f.now.getTime() + 4 * DAY);
    const s = await submit(t.db, await as(f), { ...ref(f), code: STARTER }, when);
    expect(s.lateDays).toBe(0);
    expect(s.latePenalty).toBe(0);
    expect((await refusal(submit(t.db, await as(f, f.bob), { ...ref(f), code: STARTER }, when))).code).toBe("closed");
    await recordResult(t.db, s.id);
    // Half a day after her extension: one late day.
    const s2 = await submit(t.db, await as(f), { ...ref(f), code: STARTER }, new Date(f.now.getTime() + 5.5 * DAY));
    expect(s2.lateDays).toBe(1);
    expect(s2.latePenalty).toBeCloseTo(0.25, 12);
    const d = await studentDashboard(t.db, await as(f), when);
    expect(d.assignments[0].extension?.dueAt).toBe(new Date(f.now.getTime() + 5 * DAY).toISOString());
    expect(d.assignments[0].effectiveDueAt).toBe(d.assignments[0].extension?.dueAt);
  });

  it("rate-limits submissions per student with a clear message in both languages", async () => {
    const f = await makeFixture(t.db, { attemptLimit: null });
    for (let i = 0; i < SUBMIT_RATE.limit; i++)
      await recordResult(t.db, (await submit(t.db, await as(f), { ...ref(f), code: STARTER }, f.now)).id);
    const e = await refusal(submit(t.db, await as(f), { ...ref(f), code: STARTER }, f.now));
    expect(e.code).toBe("rate_limited");
    expect(e.status).toBe(429);
    const body = e.toJSON();
    expect(body.message.en).toMatch(/Too many submissions.*Try again in \d+ s/);
    expect(body.message.zh).toMatch(/提交过于频繁.*\d+ 秒后再试/);
    // Another student is not affected; after the window Alice can submit again.
    await submit(t.db, await as(f, f.bob), { ...ref(f), code: STARTER }, f.now);
    const later = new Date(f.now.getTime() + SUBMIT_RATE.windowMs + 1);
    expect((await submit(t.db, await as(f), { ...ref(f), code: STARTER }, later)).status).toBe("queued");
  });

  it("refuses a second submit while the first is queued or grading (409, both languages), then accepts it", async () => {
    const f = await makeFixture(t.db, { attemptLimit: 5 });
    const first = await submit(t.db, await as(f), { ...ref(f), code: STARTER }, f.now);
    const e = await refusal(submit(t.db, await as(f), { ...ref(f), code: STARTER }, f.now));
    expect(e.code).toBe("submission_pending");
    expect(e.status).toBe(409);
    expect(e.toJSON().message.en).toMatch(/still being graded/);
    expect(e.toJSON().message.zh).toMatch(/仍在评分中/);
    // Being graded still counts as pending.
    await t.db.submission.update({ where: { id: first.id }, data: { status: "running" } });
    expect((await refusal(submit(t.db, await as(f), { ...ref(f), code: STARTER }, f.now))).code).toBe(
      "submission_pending",
    );
    await t.db.submission.update({ where: { id: first.id }, data: { status: "queued" } });
    // Another student is not affected.
    await submit(t.db, await as(f, f.bob), { ...ref(f), code: STARTER }, f.now);
    await recordResult(t.db, first.id);
    const second = await submit(t.db, await as(f), { ...ref(f), code: STARTER }, f.now);
    expect(second.id).not.toBe(first.id);
    expect(await t.db.submission.count({ where: { userId: f.alice, assignmentId: f.assignmentId } })).toBe(2);
  });

  it("two submits at the same moment without an Idempotency-Key: one is stored, the other is refused with 409", async () => {
    const f = await makeFixture(t.db, { attemptLimit: 5 });
    for (const n of [2, 5]) {
      const results = await Promise.allSettled(
        Array.from({ length: n }, async () => submit(t.db, await as(f), { ...ref(f), code: `// ${n}` }, f.now)),
      );
      const stored = results.filter((r) => r.status === "fulfilled");
      const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as InputError] : []));
      expect(stored).toHaveLength(1);
      expect(refused.map((e) => e.code)).toEqual(Array(n - 1).fill("submission_pending"));
      await recordResult(t.db, (stored[0] as PromiseFulfilledResult<{ id: string }>).value.id);
    }
    expect(
      await t.db.submission.count({ where: { userId: f.alice, assignmentId: f.assignmentId, kind: "submit" } }),
    ).toBe(2);
  });

  it("returns the same submission for a retried request with the same Idempotency-Key", async () => {
    const f = await makeFixture(t.db, { attemptLimit: 5 });
    const key = "4b0c6b9e-0d52-4d63-9d8e-1f6f3f7c2a10";
    const a = await submit(t.db, await as(f), { ...ref(f), code: STARTER, idempotencyKey: key }, f.now);
    // The retry arrives while the first is queued and after it is graded: the same submission, no new attempt.
    const b = await submit(t.db, await as(f), { ...ref(f), code: STARTER, idempotencyKey: key }, f.now);
    expect(b.id).toBe(a.id);
    await recordResult(t.db, a.id);
    const c = await submit(t.db, await as(f), { ...ref(f), code: STARTER, idempotencyKey: key }, f.now);
    expect(c.id).toBe(a.id);
    expect(c.status).toBe("graded");
    // Two copies of one request at the same moment: one submission.
    const f2 = await makeFixture(t.db, { attemptLimit: 5 });
    const both = await Promise.all([
      submit(t.db, await as(f2), { ...ref(f2), code: STARTER, idempotencyKey: key }, f2.now),
      submit(t.db, await as(f2), { ...ref(f2), code: STARTER, idempotencyKey: key }, f2.now),
    ]);
    expect(both[0].id).toBe(both[1].id);
    expect(await t.db.submission.count({ where: { userId: f2.alice, assignmentId: f2.assignmentId } })).toBe(1);
    // Keys are per student; a malformed key is refused.
    const bob = await submit(t.db, await as(f, f.bob), { ...ref(f), code: STARTER, idempotencyKey: key }, f.now);
    expect(bob.id).not.toBe(a.id);
    expect(
      (await refusal(submit(t.db, await as(f2), { ...ref(f2), code: STARTER, idempotencyKey: "x y" }, f2.now))).code,
    ).toBe("bad_request");
    expect(await t.db.submission.count({ where: { userId: f.alice, assignmentId: f.assignmentId } })).toBe(1);
  });

  it("past GIBBS_QUEUE_LIMIT a submit is refused with 429 and a retry time, and the code is kept as the draft", async () => {
    const f = await makeFixture(t.db, { attemptLimit: null });
    const queued = await t.db.submission.count({ where: { status: "queued" } });
    const previous = process.env.GIBBS_QUEUE_LIMIT;
    process.env.GIBBS_QUEUE_LIMIT = String(queued + 1);
    try {
      const first = await submit(t.db, await as(f), { ...ref(f), code: "// first" }, f.now);
      expect(first.status).toBe("queued");
      // While queued, the status says where the submission stands.
      const status = await submissionStatus(t.db, await as(f), first.id);
      expect(status.queue?.position).toBeGreaterThanOrEqual(1);
      const e = await refusal(submit(t.db, await as(f, f.bob), { ...ref(f), code: "// bob's code" }, f.now));
      expect(e.code).toBe("queue_full");
      expect(e.status).toBe(429);
      const body = e.toJSON();
      expect(body.message.en).toMatch(/grading queue is full .* saved as a draft; submit again in \d+ s/);
      expect(body.message.zh).toMatch(/评测队列已满.*草稿.*\d+ 秒后/);
      const retry = Number((e as InputError).params.retryAfterSeconds);
      expect(retry).toBeGreaterThanOrEqual(5);
      expect(retry).toBeLessThanOrEqual(300);
      expect((await getDraft(t.db, await as(f, f.bob), ref(f), f.now)).code).toBe("// bob's code");
      expect(await t.db.submission.count({ where: { userId: f.bob, assignmentId: f.assignmentId } })).toBe(0);
    } finally {
      if (previous === undefined) delete process.env.GIBBS_QUEUE_LIMIT;
      else process.env.GIBBS_QUEUE_LIMIT = previous;
    }
  });

  it("refuses oversized code", async () => {
    const f = await makeFixture(t.db);
    const e = await refusal(submit(t.db, await as(f), { ...ref(f), code: "x".repeat(200_000) }, f.now));
    expect(e.code).toBe("code_too_large");
    expect(await t.db.submission.count({ where: { userId: f.alice, assignmentId: f.assignmentId } })).toBe(0);
  });
});

describe("privacy", () => {
  it("never returns hidden inputs, expected or actual values or console output to a student", async () => {
    const f = await makeFixture(t.db, { dueInMs: DAY, lateDaysMax: 1 });
    const s = await submit(t.db, await as(f), { ...ref(f), code: STARTER }, f.now);
    await recordResult(t.db, s.id, { hint: true });
    const view = await submissionView(t.db, await as(f), s.id, f.now);
    expect(view.result?.cases.map((c) => c.name.en)).toEqual(["visible 1", "hidden 1", "after due 1"]);
    expect(leaks(view)).toEqual([]);
    const hidden = view.result!.cases[1];
    expect(hidden.detail).toBeUndefined();
    expect(hidden.status).toBe("failed");
    expect(hidden.hintId).toBe("rbm.no-hidden-bias");
    expect(view.result!.hint?.message.en).toBe("This looks like the hidden bias left out.");
    expect(view.result!.hint?.message.zh).toBe("这看起来像是漏掉了隐藏层偏置。");
    expect(view.result!.cases[0].detail?.input).toEqual([[1, 2]]);
    // Every other student-facing response.
    expect(leaks(await history(t.db, await as(f), ref(f), f.now))).toEqual([]);
    expect(leaks(await submissionStatus(t.db, await as(f), s.id))).toEqual([]);
    expect(leaks(await studentDashboard(t.db, await as(f), f.now))).toEqual([]);
    expect(leaks(await getDraft(t.db, await as(f), ref(f), f.now))).toEqual([]);
  });

  it("shows after_due_date details once every window has closed, hidden ones never", async () => {
    const f = await makeFixture(t.db, { dueInMs: DAY, lateDaysMax: 1 });
    await t.db.extension.create({
      data: {
        assignmentId: f.assignmentId,
        userId: f.bob,
        dueAt: new Date(f.now.getTime() + 4 * DAY),
        reason: "travel",
        grantedById: f.ta,
      },
    });
    const s = await submit(t.db, await as(f), { ...ref(f), code: STARTER }, f.now);
    await recordResult(t.db, s.id);
    // Alice's window closed (due + 1 day), but Bob's extension is still open: still redacted.
    const mid = new Date(f.now.getTime() + 3 * DAY);
    expect(leaks(await submissionView(t.db, await as(f), s.id, mid))).toEqual([]);
    // After Bob's window too: the after_due_date case is shown in full, the hidden one still not.
    const after = new Date(f.now.getTime() + 6 * DAY);
    const v = await submissionView(t.db, await as(f), s.id, after);
    expect(v.result!.cases[2].detail?.expected).toEqual([SECRET_EXPECTED + 1]);
    expect(v.result!.cases[1].detail).toBeUndefined();
    expect(JSON.stringify(v.result!.cases[1])).not.toContain(String(SECRET_EXPECTED));
  });

  it("answers 404 for another student's submission, other courses, staff and unreleased assignments", async () => {
    const f = await makeFixture(t.db);
    const s = await submit(t.db, await as(f), { ...ref(f), code: STARTER }, f.now);
    await recordResult(t.db, s.id);
    // One call at a time: a refusal created before the previous one is awaited would be an unhandled rejection meanwhile.
    for (const call of [
      async () => submissionView(t.db, await as(f, f.bob), s.id, f.now),
      async () => submissionStatus(t.db, await as(f, f.bob), s.id),
      async () => submissionView(t.db, await as(f), "no-such-id", f.now),
      async () => getDraft(t.db, await as(f, f.alice, f.otherCourseId), ref(f), f.now),
      async () => getDraft(t.db, await as(f), { ...ref(f), assignmentId: f.unreleasedId }, f.now),
      async () => getDraft(t.db, await as(f), { ...ref(f), exerciseId: "missing" }, f.now),
      async () => history(t.db, await as(f, f.ta), ref(f), f.now),
      async () => studentDashboard(t.db, await as(f, f.ta), f.now),
    ]) {
      const p = call();
      expect((await refusal(p)).status).toBe(404);
    }
    // Bob's history does not list Alice's submission.
    expect(await history(t.db, await as(f, f.bob), ref(f), f.now)).toEqual([]);
  });
});

describe("drafts and dashboard", () => {
  it("starts from the starter, saves, restores and resets", async () => {
    const f = await makeFixture(t.db);
    const first = await getDraft(t.db, await as(f), ref(f), f.now);
    expect(first).toEqual({ code: STARTER, savedAt: null, isStarter: true });
    await saveDraft(t.db, await as(f), { ...ref(f), code: "// mine" }, f.now);
    const again = await getDraft(t.db, await as(f), ref(f), f.now);
    expect(again.code).toBe("// mine");
    expect(again.isStarter).toBe(false);
    // Bob has his own draft.
    expect((await getDraft(t.db, await as(f, f.bob), ref(f), f.now)).code).toBe(STARTER);
    expect((await resetDraft(t.db, await as(f), ref(f), f.now)).code).toBe(STARTER);
    expect((await getDraft(t.db, await as(f), ref(f), f.now)).isStarter).toBe(true);
  });

  it("lists released assignments only, with the best score in the assignment's points", async () => {
    const f = await makeFixture(t.db, { attemptLimit: 5 });
    const a = await submit(t.db, await as(f), { ...ref(f), code: STARTER }, f.now);
    await recordResult(t.db, a.id); // 2 of 3 cases: 6.67 of 10
    const b = await submit(t.db, await as(f), { ...ref(f), code: STARTER }, new Date(f.now.getTime() + 1000));
    await recordResult(t.db, b.id, { allPass: true });
    const c = await submit(t.db, await as(f), { ...ref(f), code: STARTER }, new Date(f.now.getTime() + 2000));
    await recordResult(t.db, c.id);
    const d = await studentDashboard(t.db, await as(f), f.now);
    expect(d.assignments.map((x) => x.id)).toEqual([f.assignmentId]);
    const ex = d.assignments[0].exercises[0];
    expect(ex.attemptsUsed).toBe(3);
    expect(ex.attemptsLeft).toBe(2);
    expect(ex.score).toBeCloseTo(20, 9); // full marks scaled to the item's 20 points
    expect(d.assignments[0].sections).toEqual([{ section: "10.3", earned: ex.score, possible: 20 }]);
  });
});

/** A stand-in grader loop for run(): claims queued rows and records a result through the queue, as the worker does. */
function fakeWorker(db: Db) {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const job = await claimSubmission(db, "test-loop");
      if (job) await completeSubmission(db, job, "test-loop", outcome(job.kind, { allPass: true }));
      else await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
