/**
 * Submit and Run for a student. Submit stores the code as a queued "submit"
 * submission and answers at once; the grader worker grades it from the queue.
 * Run queues a "run" (visible cases only, no attempt spent; the queue claims runs
 * first) and waits for its result; the scratchpad's "try" (./scratchpad.ts) does the same
 * with the student's own arguments.
 */

import { Prisma } from "@/prisma/generated/client";
import type { Db, DbOrTx } from "@/prisma/client";
import { lateness, refuseSubmission } from "@/grader/policy";
import { admission, enqueue, queuePositions, waitForResult } from "@/grader/queue";
import type { StudentContext } from "@/app/_lib/access";
import { AccessError, InputError } from "@/app/_lib/errors";
import { hitRateLimit, type RateLimitRule } from "@/app/_lib/rate-limit";
import { assignmentPolicy, studentExercise, type ExerciseRef, type StudentExercise } from "./scope";
import { checkCode, storeDraft } from "./drafts";
import { submissionSummary, submissionView } from "./view";
import type { SubmissionSummary, SubmissionView } from "./types";

/** Submissions per student (all exercises), and runs per student. Overridable: GIBBS_SUBMIT_RATE="N/S", GIBBS_RUN_RATE="N/S". */
export const SUBMIT_RATE: RateLimitRule = ruleFromEnv(process.env.GIBBS_SUBMIT_RATE, { limit: 10, windowMs: 60_000 });
export const RUN_RATE: RateLimitRule = ruleFromEnv(process.env.GIBBS_RUN_RATE, { limit: 60, windowMs: 60_000 });

function ruleFromEnv(value: string | undefined, fallback: RateLimitRule): RateLimitRule {
  const m = value?.match(/^\s*(\d+)\s*\/\s*(\d+)\s*$/);
  return m ? { limit: Number(m[1]), windowMs: Number(m[2]) * 1000 } : fallback;
}

/** Counts one request against `rule` under `key`; refused with the bilingual rate_limited error. */
export async function rateLimit(db: Db, key: string, rule: RateLimitRule, now: Date): Promise<void> {
  const r = await hitRateLimit(db, key, rule, now);
  if (!r.allowed) {
    throw new InputError("rate_limited", {
      limit: rule.limit,
      windowSeconds: Math.round(rule.windowMs / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil(r.retryAfterMs / 1000)),
    });
  }
}

/** Graded attempts that count against the limit: "submit" submissions that did not fail for good in the grader. */
export function attemptsUsed(db: Db, userId: string, assignmentId: string, exerciseId: string): Promise<number> {
  return db.submission.count({ where: { userId, assignmentId, exerciseId, kind: "submit", status: { not: "error" } } });
}

/** The student's submits of this exercise still queued or being graded (at most one is allowed). */
function pendingSubmits(db: DbOrTx, ctx: StudentContext, ex: StudentExercise): Promise<number> {
  return db.submission.count({
    where: {
      userId: ctx.userId,
      assignmentId: ex.assignment.id,
      exerciseId: ex.exercise.id,
      kind: "submit",
      status: { in: ["queued", "running"] },
    },
  });
}

/** An Idempotency-Key header: absent, or 1–200 visible ASCII characters (a UUID, typically). */
export function checkIdempotencyKey(key: unknown): string | null {
  if (key === null || key === undefined) return null;
  if (typeof key !== "string" || !/^[\x21-\x7e]{1,200}$/.test(key))
    throw new InputError("bad_request", { reason: "Idempotency-Key must be 1 to 200 visible ASCII characters" });
  return key;
}

/** The submission a request with this key already created, if any (a retry must not become a second attempt). */
async function byIdempotencyKey(db: DbOrTx, ctx: StudentContext, key: string | null, ex: StudentExercise) {
  if (key === null) return null;
  const s = await db.submission.findUnique({
    where: { userId_idempotencyKey: { userId: ctx.userId, idempotencyKey: key } },
  });
  if (s && (s.assignmentId !== ex.assignment.id || s.exerciseId !== ex.exercise.id))
    throw new InputError("bad_request", { reason: "this Idempotency-Key was used for another exercise" });
  return s;
}

function enqueueFor(
  db: DbOrTx,
  ctx: StudentContext,
  ex: StudentExercise,
  code: string,
  kind: "submit" | "run" | "try",
  late: { lateDays: number; penalty: number },
  extra: { idempotencyKey?: string | null; tryArgs?: string } = {},
) {
  return enqueue(db, {
    userId: ctx.userId,
    assignmentId: ex.assignment.id,
    exerciseId: ex.exercise.id,
    exerciseVersionId: ex.version.id,
    code,
    kind,
    lateDays: late.lateDays,
    latePenalty: late.penalty,
    ...extra,
  });
}

/**
 * Stores a submission (hidden cases, one attempt) and returns at once, status "queued".
 * Refused when unreleased (404), closed, out of attempts, rate-limited, or while the
 * student's previous submission of this exercise is still queued or grading (409). A
 * request carrying an idempotency key that was seen before returns that submission
 * instead of storing another, so a retried request never costs a second attempt.
 */
export async function submit(
  db: Db,
  ctx: StudentContext,
  ref: ExerciseRef & { code: unknown; idempotencyKey?: unknown },
  now: Date = new Date(),
): Promise<SubmissionSummary> {
  const ex = await studentExercise(db, ctx, ref, now);
  const code = checkCode(ref.code);
  const key = checkIdempotencyKey(ref.idempotencyKey);
  const again = await byIdempotencyKey(db, ctx, key, ex);
  if (again) return submissionSummary(again);
  if ((await pendingSubmits(db, ctx, ex)) > 0) throw new InputError("submission_pending");
  await rateLimit(db, `submit:${ctx.userId}`, SUBMIT_RATE, now);
  const policy = assignmentPolicy(ex.assignment);
  const used = await attemptsUsed(db, ctx.userId, ex.assignment.id, ex.exercise.id);
  const refusal = refuseSubmission(policy, { now, dueAt: ex.dueAt, attemptsUsed: used });
  if (refusal === "not_released") throw new AccessError("not_found", "assignment");
  if (refusal === "closed") throw new InputError("closed");
  if (refusal === "attempts_exhausted") throw new InputError("attempts_exhausted", { limit: policy.attemptLimit ?? 0 });
  const admitted = await admission(db, now);
  if (!admitted.admitted) {
    // The code is kept as the draft; the student resubmits after Retry-After.
    await storeDraft(db, ctx, ex, code);
    throw new InputError("queue_full", { depth: admitted.depth, retryAfterSeconds: admitted.retryAfterSeconds });
  }
  const late = lateness(now, ex.dueAt, policy);
  let id: string;
  try {
    // Two requests at the same moment (no key, or different keys): the draft's upsert comes first and
    // holds its row (PostgreSQL) or the database (SQLite) until commit, so the second request's count
    // sees the first one's submission. The latest submitted code is also the draft, for other devices.
    id = await db.$transaction(async (tx) => {
      await storeDraft(tx, ctx, ex, code);
      // a copy of this very request (same key) that was stored while this one waited
      const copy = await byIdempotencyKey(tx, ctx, key, ex);
      if (copy) return copy.id;
      if ((await pendingSubmits(tx, ctx, ex)) > 0) throw new InputError("submission_pending");
      return enqueueFor(tx, ctx, ex, code, "submit", late, { idempotencyKey: key });
    });
  } catch (e) {
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
    // The same key arrived twice at once: the other request stored it. Or two first drafts collided.
    const winner = await byIdempotencyKey(db, ctx, key, ex);
    if (winner) return submissionSummary(winner);
    if ((await pendingSubmits(db, ctx, ex)) > 0) throw new InputError("submission_pending");
    throw e;
  }
  return submissionSummary(await db.submission.findUniqueOrThrow({ where: { id } }));
}

/**
 * Grades the visible cases (no attempt spent) and waits for the result, polling
 * the queue row every few milliseconds. Allowed after the due date, for practice.
 */
export async function run(
  db: Db,
  ctx: StudentContext,
  ref: ExerciseRef & { code: unknown },
  opts: WaitOptions = {},
): Promise<SubmissionView> {
  const ex = await studentExercise(db, ctx, ref, opts.now ?? new Date());
  const code = checkCode(ref.code);
  return runAndWait(db, ctx, ex, code, {}, opts);
}

export interface WaitOptions {
  now?: Date;
  timeoutMs?: number;
  pollMs?: number;
}

/** A "run" (or, with `tryArgs`, a "try"): on the Run budget, at Run's priority, and waited for. */
export async function runAndWait(
  db: Db,
  ctx: StudentContext,
  ex: StudentExercise,
  code: string,
  extra: { tryArgs?: string },
  opts: WaitOptions = {},
): Promise<SubmissionView> {
  await rateLimit(db, `run:${ctx.userId}`, RUN_RATE, opts.now ?? new Date());
  const kind = extra.tryArgs === undefined ? "run" : "try";
  const id = await enqueueFor(db, ctx, ex, code, kind, { lateDays: 0, penalty: 0 }, extra);
  const timeoutMs = opts.timeoutMs ?? 30_000;
  try {
    await waitForResult(db, id, { timeoutMs, pollMs: opts.pollMs ?? 5 });
  } catch {
    throw new InputError("run_timeout", { seconds: Math.round(timeoutMs / 1000) });
  }
  return submissionView(db, ctx, id);
}

/** The student's "submit" submissions of one exercise, newest first. */
export async function history(
  db: Db,
  ctx: StudentContext,
  ref: ExerciseRef,
  now: Date = new Date(),
): Promise<SubmissionSummary[]> {
  const ex = await studentExercise(db, ctx, ref, now);
  const rows = await db.submission.findMany({
    where: { userId: ctx.userId, assignmentId: ex.assignment.id, exerciseId: ex.exercise.id, kind: "submit" },
    orderBy: { submittedAt: "desc" },
  });
  return rows.map(submissionSummary);
}

/** The status of one of the student's submissions in the context's course (for polling): summary only, 404 for others' ids. */
export async function submissionStatus(db: Db, ctx: StudentContext, submissionId: string): Promise<SubmissionSummary> {
  const s = await db.submission.findFirst({
    where: { id: submissionId, userId: ctx.userId, assignment: { courseId: ctx.courseId } },
  });
  if (!s) throw new AccessError("not_found", "submission");
  const summary = submissionSummary(s);
  return s.status === "queued" ? { ...summary, queue: (await queuePositions(db, [s]))[0] } : summary;
}
