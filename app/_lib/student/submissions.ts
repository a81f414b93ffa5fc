/**
 * Submit and Run for a student. Submit stores the code as a queued "submit"
 * submission and answers at once; the grader worker grades it from the queue.
 * Run queues a "run" (visible cases only, no attempt spent; the queue claims runs
 * first) and waits for its result.
 */

import { Prisma } from "@/prisma/generated/client";
import type { Db } from "@/prisma/client";
import { lateness, refuseSubmission } from "@/app/_lib/policy";
import { enqueue, waitForResult } from "@/grader/queue";
import { hitRateLimit, type RateLimitRule } from "@/app/_lib/rate-limit";
import { assignmentPolicy, studentExercise, type StudentExercise } from "./access";
import { StudentError } from "./errors";
import { submissionSummary, submissionView } from "./view";
import type { SubmissionSummary, SubmissionView } from "./types";

/** The grader refuses larger files too (grader/transpile.ts); checking here keeps them out of the queue. */
export const MAX_CODE_BYTES = 100_000;

/** Submissions per student (all exercises), and runs per student. Overridable: GIBBS_SUBMIT_RATE="N/S", GIBBS_RUN_RATE="N/S". */
export const SUBMIT_RATE: RateLimitRule = ruleFromEnv(process.env.GIBBS_SUBMIT_RATE, { limit: 10, windowMs: 60_000 });
export const RUN_RATE: RateLimitRule = ruleFromEnv(process.env.GIBBS_RUN_RATE, { limit: 60, windowMs: 60_000 });

function ruleFromEnv(value: string | undefined, fallback: RateLimitRule): RateLimitRule {
  const m = value?.match(/^\s*(\d+)\s*\/\s*(\d+)\s*$/);
  return m ? { limit: Number(m[1]), windowMs: Number(m[2]) * 1000 } : fallback;
}

export interface ExerciseRef {
  userId: string;
  courseId: string;
  assignmentId: string;
  /** Exercise id or slug. */
  exerciseId: string;
}

export function checkCode(code: unknown): string {
  if (typeof code !== "string") throw new StudentError("bad_request", { reason: "code must be a string" });
  const size = Buffer.byteLength(code, "utf8");
  if (size > MAX_CODE_BYTES) throw new StudentError("code_too_large", { size, limit: MAX_CODE_BYTES });
  return code;
}

async function rateLimit(db: Db, key: string, rule: RateLimitRule, now: Date): Promise<void> {
  const r = await hitRateLimit(db, key, rule, now);
  if (!r.allowed) {
    throw new StudentError("rate_limited", {
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

/** An Idempotency-Key header: absent, or 1–200 visible ASCII characters (a UUID, typically). */
export function checkIdempotencyKey(key: unknown): string | null {
  if (key === null || key === undefined) return null;
  if (typeof key !== "string" || !/^[\x21-\x7e]{1,200}$/.test(key))
    throw new StudentError("bad_request", { reason: "Idempotency-Key must be 1 to 200 visible ASCII characters" });
  return key;
}

/** The submission a request with this key already created, if any (a retry must not become a second attempt). */
async function byIdempotencyKey(db: Db, userId: string, key: string | null, ctx: StudentExercise) {
  if (key === null) return null;
  const s = await db.submission.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey: key } } });
  if (s && (s.assignmentId !== ctx.assignment.id || s.exerciseId !== ctx.exercise.id))
    throw new StudentError("bad_request", { reason: "this Idempotency-Key was used for another exercise" });
  return s;
}

function enqueueFor(
  db: Db,
  ctx: StudentExercise,
  userId: string,
  code: string,
  kind: "submit" | "run",
  late: { lateDays: number; penalty: number },
  idempotencyKey: string | null = null,
) {
  return enqueue(db, {
    userId,
    assignmentId: ctx.assignment.id,
    exerciseId: ctx.exercise.id,
    exerciseVersionId: ctx.version.id,
    code,
    kind,
    lateDays: late.lateDays,
    latePenalty: late.penalty,
    idempotencyKey,
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
  ref: ExerciseRef & { code: unknown; idempotencyKey?: unknown },
  now: Date = new Date(),
): Promise<SubmissionSummary> {
  const ctx = await studentExercise(db, ref.userId, ref.courseId, ref.assignmentId, ref.exerciseId, now);
  const code = checkCode(ref.code);
  const key = checkIdempotencyKey(ref.idempotencyKey);
  const again = await byIdempotencyKey(db, ref.userId, key, ctx);
  if (again) return submissionSummary(again);
  const pending = await db.submission.count({
    where: {
      userId: ref.userId,
      assignmentId: ctx.assignment.id,
      exerciseId: ctx.exercise.id,
      kind: "submit",
      status: { in: ["queued", "running"] },
    },
  });
  if (pending > 0) throw new StudentError("submission_pending");
  await rateLimit(db, `submit:${ref.userId}`, SUBMIT_RATE, now);
  const policy = assignmentPolicy(ctx.assignment);
  const used = await attemptsUsed(db, ref.userId, ctx.assignment.id, ctx.exercise.id);
  const refusal = refuseSubmission(policy, { now, dueAt: ctx.dueAt, attemptsUsed: used });
  if (refusal === "not_released") throw new StudentError("not_released");
  if (refusal === "closed") throw new StudentError("closed");
  if (refusal === "attempts_exhausted")
    throw new StudentError("attempts_exhausted", { limit: policy.attemptLimit ?? 0 });
  const late = lateness(now, ctx.dueAt, policy);
  let id: string;
  try {
    id = await enqueueFor(db, ctx, ref.userId, code, "submit", late, key);
  } catch (e) {
    // The same key arrived twice at once: the other request stored it.
    const stored = e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
    const winner = stored ? await byIdempotencyKey(db, ref.userId, key, ctx) : null;
    if (winner) return submissionSummary(winner);
    throw e;
  }
  // The latest submitted code is also the draft, so another device opens it.
  await saveDraftRow(db, ref.userId, ctx, code);
  return submissionSummary(await db.submission.findUniqueOrThrow({ where: { id } }));
}

async function saveDraftRow(db: Db, userId: string, ctx: StudentExercise, code: string) {
  await db.draft.upsert({
    where: { userId_assignmentId_exerciseId: { userId, assignmentId: ctx.assignment.id, exerciseId: ctx.exercise.id } },
    create: { userId, assignmentId: ctx.assignment.id, exerciseId: ctx.exercise.id, code },
    update: { code },
  });
}

/**
 * Grades the visible cases (no attempt spent) and waits for the result, polling
 * the queue row every few milliseconds. Allowed after the due date, for practice.
 */
export async function run(
  db: Db,
  ref: ExerciseRef & { code: unknown },
  opts: { now?: Date; timeoutMs?: number; pollMs?: number } = {},
): Promise<SubmissionView> {
  const now = opts.now ?? new Date();
  const ctx = await studentExercise(db, ref.userId, ref.courseId, ref.assignmentId, ref.exerciseId, now);
  const code = checkCode(ref.code);
  await rateLimit(db, `run:${ref.userId}`, RUN_RATE, now);
  const id = await enqueueFor(db, ctx, ref.userId, code, "run", { lateDays: 0, penalty: 0 });
  const timeoutMs = opts.timeoutMs ?? 30_000;
  try {
    await waitForResult(db, id, { timeoutMs, pollMs: opts.pollMs ?? 5 });
  } catch {
    throw new StudentError("run_timeout", { seconds: Math.round(timeoutMs / 1000) });
  }
  return submissionView(db, ref.userId, id);
}

/** The student's "submit" submissions of one exercise, newest first. */
export async function history(db: Db, ref: ExerciseRef, now: Date = new Date()): Promise<SubmissionSummary[]> {
  const ctx = await studentExercise(db, ref.userId, ref.courseId, ref.assignmentId, ref.exerciseId, now);
  const rows = await db.submission.findMany({
    where: { userId: ref.userId, assignmentId: ctx.assignment.id, exerciseId: ctx.exercise.id, kind: "submit" },
    orderBy: { submittedAt: "desc" },
  });
  return rows.map(submissionSummary);
}

/** The status of one of the student's submissions (for polling/SSE): summary only, 404 for others' ids. */
export async function submissionStatus(db: Db, userId: string, submissionId: string): Promise<SubmissionSummary> {
  const s = await db.submission.findUnique({ where: { id: submissionId } });
  if (!s || s.userId !== userId) throw new StudentError("not_found");
  return submissionSummary(s);
}
