/**
 * The Submission table is the grading queue (and RegradeItem the regrade queue).
 *
 * Life of a job: "queued" → (claim: lease owner + expiry, attempts + 1) "running" →
 * "graded" (result written once, only while the lease is still ours) — or, when a
 * worker dies, its lease expires and `sweepExpiredLeases` puts the job back to
 * "queued"; after MAX_ATTEMPTS grading attempts it becomes "error" with `lastError`
 * for staff. "run" and "try" jobs have a higher priority than "submit" jobs, and a student's repeated
 * submit for an exercise (one of theirs still waiting) a lower one.
 *
 * SQL is portable (UPDATE … WHERE id = (SELECT … LIMIT 1) … RETURNING): on SQLite one
 * statement holds the write lock, so two workers can never claim the same row. On
 * PostgreSQL the inner SELECT gets `FOR UPDATE SKIP LOCKED` (marked in `claimRow`).
 */

// Result and case ids are time-ordered (UUIDv7): each new row goes at the end of its primary-key index,
// not onto a random page of it (on SQLite ~0.6 ms less CPU per graded job, more as the tables grow).
import { v7 as timeOrderedId } from "uuid";
import { dbTarget, type Db, type DbOrTx } from "../prisma/client";
import { Prisma } from "../prisma/generated/client";
import { toJson } from "./json";
import type { GradeResult } from "./grade";
import { penalisedScore } from "./policy";
import { storedOutput } from "./preview";

export const MAX_ATTEMPTS = 3;
export const DEFAULT_LEASE_MS = 30_000;
export const RUN_PRIORITY = 10;
export const SUBMIT_PRIORITY = 0;
export const REPEAT_SUBMIT_PRIORITY = -1;
/**
 * Kill penalty. A submission whose worker died (timeout, memory, heartbeat) while grading it alone
 * has a kill charged: at MAX_KILLS it is finished as the student's failure ("your code stopped the
 * grader"), and each kill holds the student's queued and next jobs back for KILL_COOLDOWN_MS (so
 * other students' jobs go first while the worker restarts) and has them graded alone.
 */
export const MAX_KILLS = 2;
export const KILL_COOLDOWN_MS = 10_000;

export interface SubmissionJob {
  type: "submission";
  id: string;
  code: string;
  kind: "run" | "submit" | "try";
  /** kind "try": the student's own arguments, as JSON. */
  tryArgs: string | null;
  exerciseVersionId: string;
  latePenalty: number;
  attempts: number;
  userId: string;
  /** Kills charged so far (see MAX_KILLS). */
  kills: number;
  /** To be graded with no other job in the same worker (its last worker died beside a neighbour). */
  solo: boolean;
}

export interface RegradeJob {
  type: "regrade";
  /** RegradeItem id. */
  id: string;
  regradeId: string;
  submissionId: string;
  code: string;
  exerciseVersionId: string;
  latePenalty: number;
  attempts: number;
}

export type Job = SubmissionJob | RegradeJob;

/** The lease was lost (expired and taken by another worker): the result is not written. */
export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`lease on ${jobId} was lost; result discarded`);
    this.name = "LeaseLostError";
  }
}

// ---------------------------------------------------------------- enqueue

export interface EnqueueInput {
  userId: string;
  assignmentId: string;
  exerciseId: string;
  exerciseVersionId: string;
  code: string;
  kind: "run" | "submit" | "try";
  /** kind "try": the student's own arguments, as JSON. */
  tryArgs?: string;
  lateDays?: number;
  latePenalty?: number;
  /** Unique per user: a second enqueue with the same key fails (Prisma P2002). */
  idempotencyKey?: string | null;
  /** Staff trying the exercise in "preview as student": never counted anywhere. */
  staffPreview?: boolean;
}

/**
 * Stores a queued submission and returns its id (the web server answers with it at once).
 * Fairness at deadlines: a student's submit for an exercise while an earlier one of theirs is
 * still queued or running gets REPEAT_SUBMIT_PRIORITY, so it waits behind other students' first ones.
 */
export async function enqueue(db: DbOrTx, input: EnqueueInput): Promise<string> {
  const notBefore = await studentCooldown(db, input.userId);
  const repeat =
    input.kind === "submit" &&
    (await db.submission.count({
      where: {
        userId: input.userId,
        assignmentId: input.assignmentId,
        exerciseId: input.exerciseId,
        kind: "submit",
        status: { in: ["queued", "running"] },
      },
    })) > 0;
  const s = await db.submission.create({
    data: {
      userId: input.userId,
      assignmentId: input.assignmentId,
      exerciseId: input.exerciseId,
      exerciseVersionId: input.exerciseVersionId,
      code: input.code,
      kind: input.kind,
      tryArgs: input.tryArgs ?? null,
      status: "queued",
      priority: input.kind !== "submit" ? RUN_PRIORITY : repeat ? REPEAT_SUBMIT_PRIORITY : SUBMIT_PRIORITY,
      lateDays: input.lateDays ?? 0,
      latePenalty: input.latePenalty ?? 0,
      idempotencyKey: input.idempotencyKey ?? null,
      notBefore,
      solo: notBefore !== null,
      staffPreview: input.staffPreview ?? false,
    },
    select: { id: true },
  });
  return s.id;
}

/** Where a queued submission stands: its place in line and the wait the recent drain rate predicts. */
export interface QueuePosition {
  /** 1 = the next job a worker claims. */
  position: number;
  /** Jobs graded per second over the last DRAIN_WINDOW_MS (all workers together). */
  drainPerSecond: number;
  /** position / drainPerSecond, rounded up; null while nothing was graded recently. */
  estimatedWaitSeconds: number | null;
}

export const DRAIN_WINDOW_MS = 60_000;

/** Jobs graded per second over the last DRAIN_WINDOW_MS, by all workers together. */
async function recentDrainRate(db: Db, now: Date): Promise<number> {
  const drained = await db.submission.count({ where: { gradedAt: { gt: new Date(now.getTime() - DRAIN_WINDOW_MS) } } });
  return drained / (DRAIN_WINDOW_MS / 1000);
}

/** The queue position of a submission, or null once it is no longer queued. */
export async function queuePosition(db: Db, submissionId: string, now = new Date()): Promise<QueuePosition | null> {
  const s = await db.submission.findUnique({
    where: { id: submissionId },
    select: { status: true, priority: true, submittedAt: true },
  });
  if (!s || s.status !== "queued") return null;
  return (await queuePositions(db, [s], now))[0];
}

/**
 * The queue positions of queued submissions already read (the status feed's rows): one count of the
 * jobs ahead of each, and the drain rate once for all of them.
 */
export async function queuePositions(
  db: Db,
  queued: readonly { priority: number; submittedAt: Date }[],
  now = new Date(),
): Promise<QueuePosition[]> {
  if (!queued.length) return [];
  const [drainPerSecond, ...ahead] = await Promise.all([
    recentDrainRate(db, now),
    ...queued.map((s) =>
      db.submission.count({
        where: {
          status: "queued",
          OR: [{ priority: { gt: s.priority } }, { priority: s.priority, submittedAt: { lt: s.submittedAt } }],
        },
      }),
    ),
  ]);
  return ahead.map((a) => {
    const position = a + 1;
    return {
      position,
      drainPerSecond,
      estimatedWaitSeconds: drainPerSecond > 0 ? Math.ceil(position / drainPerSecond) : null,
    };
  });
}

export const DEFAULT_QUEUE_LIMIT = 5_000;

/** GIBBS_QUEUE_LIMIT: queued jobs past which a new submit is refused (admission control). */
export function queueLimit(): number {
  const n = Number(process.env.GIBBS_QUEUE_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_QUEUE_LIMIT;
}

/**
 * Whether the queue takes one more submit. When it is full, `retryAfterSeconds` is the time the
 * last minute's drain rate needs to bring it back under the limit (5 s to 5 min; 60 s while nothing drains).
 */
export async function admission(
  db: Db,
  now = new Date(),
): Promise<{ admitted: true } | { admitted: false; depth: number; retryAfterSeconds: number }> {
  const limit = queueLimit();
  const depth = await db.submission.count({ where: { status: "queued" } });
  if (depth < limit) return { admitted: true };
  const perSecond = await recentDrainRate(db, now);
  const seconds = perSecond > 0 ? Math.ceil((depth - limit + 1) / perSecond) : 60;
  return { admitted: false, depth, retryAfterSeconds: Math.min(300, Math.max(5, seconds)) };
}

/** Polls until the submission is graded or failed for good (for tests, the CLI and simple callers). */
export async function waitForResult(db: Db, submissionId: string, opts: { timeoutMs?: number; pollMs?: number } = {}) {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    const s = await db.submission.findUnique({
      where: { id: submissionId },
      select: { status: true, score: true, maxScore: true, resultId: true, lastError: true },
    });
    if (!s) throw new Error(`submission ${submissionId} does not exist`);
    if (s.status === "graded" || s.status === "error") return s;
    if (Date.now() > deadline)
      throw new Error(`submission ${submissionId} still ${s.status} after ${opts.timeoutMs ?? 30_000} ms`);
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 10));
  }
}

// ---------------------------------------------------------------- claim, renew, release

/**
 * The two leased queue tables, keyed by `Job["type"]`. Their names are the only identifiers
 * spliced into queue SQL (`Prisma.raw` of these fixed strings, never of input).
 */
const QUEUE_TABLES = {
  submission: Prisma.raw('"Submission"'),
  regrade: Prisma.raw('"RegradeItem"'),
} as const satisfies Record<Job["type"], Prisma.Sql>;

/** Whether any job is queued, in one cheap read (an idle worker asks this before it claims). */
export async function hasQueuedJobs(db: Db): Promise<boolean> {
  const queued = Object.values(QUEUE_TABLES).map(
    (t) => Prisma.sql`EXISTS (SELECT 1 FROM ${t} WHERE "status" = 'queued')`,
  );
  const rows = await db.$queryRaw<unknown[]>`SELECT 1 AS "queued" WHERE ${Prisma.join(queued, " OR ")}`;
  return rows.length > 0;
}

/**
 * "Still leased by `owner`" for job `id` (the condition every lease-holder write is guarded by):
 * `id` is a value or an SQL expression (a VALUES column), `row` the table or alias to qualify by.
 */
function heldBy(id: string | Prisma.Sql, owner: string, row?: Prisma.Sql): Prisma.Sql {
  const q = row ? Prisma.sql`${row}.` : Prisma.empty;
  return Prisma.sql`${q}"id" = ${id} AND ${q}"leaseOwner" = ${owner} AND ${q}"status" = 'running'`;
}

/**
 * Claims one queued row of `type`'s table: the first by `order`, marked running under `owner`'s lease
 * with one more attempt (and `extraSet`), returning `returning`.
 */
function claimRow<T>(
  db: Db,
  type: Job["type"],
  owner: string,
  leaseMs: number,
  parts: { order: Prisma.Sql; extraSet: Prisma.Sql; returning: Prisma.Sql; filter?: Prisma.Sql },
): Promise<T[]> {
  const table = QUEUE_TABLES[type];
  const until = new Date(Date.now() + leaseMs);
  // PROVIDER-SPECIFIC (the only such SQL in the app): on PostgreSQL the inner SELECT locks the
  // row it picks and skips rows other workers are claiming, so concurrent claims never wait
  // on or take the same job. SQLite needs nothing: one writer holds the database lock.
  const skipLocked = dbTarget(db).provider === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  return db.$queryRaw<T[]>`
    UPDATE ${table}
       SET "status" = 'running', "leaseOwner" = ${owner}, "leaseExpiresAt" = ${until}, "attempts" = "attempts" + 1${parts.extraSet}
     WHERE "id" = (SELECT "id" FROM ${table} WHERE "status" = 'queued' ${parts.filter ?? Prisma.empty} ${parts.order} LIMIT 1 ${skipLocked})
       AND "status" = 'queued'
    RETURNING ${parts.returning}`;
}

/**
 * Atomically claims the highest-priority, oldest queued submission whose student has no job running
 * (one job per student in flight, across all workers) and is not held back by a kill penalty.
 * `solo: false` skips jobs that must be graded alone (the worker is already grading another one).
 * On SQLite the one statement makes "one per student" exact; on PostgreSQL two workers claiming in
 * the same instant can each take one job of the same student (READ COMMITTED sees no running row).
 */
export async function claimSubmission(
  db: Db,
  owner: string,
  leaseMs = DEFAULT_LEASE_MS,
  opts: { solo?: boolean; skipSlugs?: string[] } = {},
): Promise<SubmissionJob | null> {
  const now = new Date();
  const rows = await claimRow<Omit<SubmissionJob, "type">>(db, "submission", owner, leaseMs, {
    filter: Prisma.sql`AND ("notBefore" IS NULL OR "notBefore" <= ${now})
       AND "userId" NOT IN (SELECT "userId" FROM "Submission" WHERE "status" = 'running')
       ${opts.solo === false ? Prisma.sql`AND "solo" = ${false}` : Prisma.empty}
       ${skipExercises(opts.skipSlugs)}`,
    order: Prisma.sql`ORDER BY "priority" DESC, "submittedAt" ASC`,
    extraSet: Prisma.sql`, "startedAt" = ${now}`,
    returning: Prisma.sql`"id", "code", "kind", "tryArgs", "exerciseVersionId", "latePenalty", "attempts", "userId", "kills", "solo"`,
  });
  const r = rows[0];
  return r
    ? {
        type: "submission",
        ...r,
        latePenalty: Number(r.latePenalty),
        attempts: Number(r.attempts),
        kills: Number(r.kills),
        solo: Boolean(r.solo),
      }
    : null;
}

/**
 * "Not of these exercises" for a claim: a worker that could not load an exercise leaves its jobs
 * queued (they wait for a worker that can, not failed and not scored).
 */
function skipExercises(slugs: string[] | undefined): Prisma.Sql {
  if (!slugs?.length) return Prisma.empty;
  return Prisma.sql`AND "exerciseVersionId" NOT IN (SELECT v."id" FROM "ExerciseVersion" v JOIN "Exercise" e ON e."id" = v."exerciseId" WHERE e."slug" IN (${Prisma.join(slugs)}))`;
}

/** Atomically claims the oldest queued regrade item, with its submission's code. */
export async function claimRegradeItem(
  db: Db,
  owner: string,
  leaseMs = DEFAULT_LEASE_MS,
  opts: { skipSlugs?: string[] } = {},
): Promise<RegradeJob | null> {
  const rows = await claimRow<{
    id: string;
    regradeId: string;
    submissionId: string;
    exerciseVersionId: string;
    attempts: number;
  }>(db, "regrade", owner, leaseMs, {
    filter: skipExercises(opts.skipSlugs),
    order: Prisma.empty,
    extraSet: Prisma.empty,
    returning: Prisma.sql`"id", "regradeId", "submissionId", "exerciseVersionId", "attempts"`,
  });
  const r = rows[0];
  if (!r) return null;
  const s = await db.submission.findUnique({
    where: { id: r.submissionId },
    select: { code: true, latePenalty: true },
  });
  if (!s) {
    await db.regradeItem.updateMany({
      where: { id: r.id, leaseOwner: owner },
      data: { status: "error", lastError: "submission deleted", leaseOwner: null },
    });
    return null;
  }
  return { type: "regrade", ...r, attempts: Number(r.attempts), code: s.code, latePenalty: s.latePenalty };
}

/** Extends the lease of a running job; false if it is no longer ours. */
export async function renewLease(
  db: Db,
  job: Pick<Job, "type" | "id">,
  owner: string,
  leaseMs = DEFAULT_LEASE_MS,
): Promise<boolean> {
  const until = new Date(Date.now() + leaseMs);
  const n =
    await db.$executeRaw`UPDATE ${QUEUE_TABLES[job.type]} SET "leaseExpiresAt" = ${until} WHERE ${heldBy(job.id, owner)}`;
  return n === 1;
}

/** Gives a job back to the queue without counting the attempt (graceful shutdown). */
export async function releaseJob(db: Db, job: Pick<Job, "type" | "id">, owner: string): Promise<void> {
  await db.$executeRaw`
    UPDATE ${QUEUE_TABLES[job.type]}
       SET "status" = 'queued', "leaseOwner" = NULL, "leaseExpiresAt" = NULL,
           "attempts" = CASE WHEN "attempts" > 0 THEN "attempts" - 1 ELSE 0 END
     WHERE ${heldBy(job.id, owner)}`;
}

/**
 * A grading attempt failed in the grader itself (not the student's code): back to the
 * queue, or "error" with the reason once MAX_ATTEMPTS attempts were made.
 */
export async function failJob(db: Db, job: Job, owner: string, reason: string): Promise<void> {
  const final = job.attempts >= MAX_ATTEMPTS;
  const status = final ? "error" : "queued";
  const lastError = `attempt ${job.attempts}: ${reason}`.slice(0, 2000);
  await db.$executeRaw`
    UPDATE ${QUEUE_TABLES[job.type]}
       SET "status" = ${status}, "lastError" = ${lastError}, "leaseOwner" = NULL, "leaseExpiresAt" = NULL
     WHERE ${heldBy(job.id, owner)}`;
  if (final && job.type === "regrade") await settleRegrade(db, job.regradeId);
}

/**
 * Jobs whose lease expired (their worker died or hung): back to "queued", or "error"
 * after MAX_ATTEMPTS attempts. Every worker calls this about once a second.
 */
export async function sweepExpiredLeases(
  db: Db,
  maxAttempts = MAX_ATTEMPTS,
): Promise<{ requeued: number; failed: number }> {
  const now = new Date();
  const reason = `grading did not finish in ${maxAttempts} attempts (the worker crashed or exceeded its lease)`;
  let failed = 0;
  let requeued = 0;
  for (const table of Object.values(QUEUE_TABLES)) {
    failed += await db.$executeRaw`
      UPDATE ${table} SET "status" = 'error', "lastError" = ${reason}, "leaseOwner" = NULL
       WHERE "status" = 'running' AND "leaseExpiresAt" < ${now} AND "attempts" >= ${maxAttempts}`;
  }
  for (const table of Object.values(QUEUE_TABLES)) {
    requeued += await db.$executeRaw`
      UPDATE ${table} SET "status" = 'queued', "leaseOwner" = NULL, "leaseExpiresAt" = NULL
       WHERE "status" = 'running' AND "leaseExpiresAt" < ${now}`;
  }
  return { requeued, failed };
}

// ---------------------------------------------------------------- worker kills

/** Until when a student's jobs are held back by a recent kill (null: not held). */
async function studentCooldown(db: DbOrTx, userId: string, now = new Date()): Promise<Date | null> {
  const last = await db.submission.findFirst({
    where: { userId, killedAt: { gt: new Date(now.getTime() - KILL_COOLDOWN_MS) } },
    orderBy: { killedAt: "desc" },
    select: { killedAt: true },
  });
  return last?.killedAt ? new Date(last.killedAt.getTime() + KILL_COOLDOWN_MS) : null;
}

/**
 * `submissionId` stopped its worker (a kill, or an isolate that could not be interrupted): it is
 * marked, and its student's queued jobs (and those enqueued during the cooldown) wait KILL_COOLDOWN_MS,
 * behind everyone else's, and are then graded alone, so that they never take a neighbour down with them.
 */
export async function penaliseStudent(db: Db, submissionId: string, userId: string, now = new Date()): Promise<void> {
  const until = new Date(now.getTime() + KILL_COOLDOWN_MS);
  await db.$transaction([
    db.submission.updateMany({ where: { id: submissionId }, data: { killedAt: now } }),
    db.submission.updateMany({ where: { userId, status: "queued" }, data: { notBefore: until, solo: true } }),
  ]);
}

const JOB_COLUMNS = {
  id: true,
  code: true,
  kind: true,
  tryArgs: true,
  exerciseVersionId: true,
  latePenalty: true,
  attempts: true,
  userId: true,
  kills: true,
  solo: true,
} as const;

/** What became of a dead worker's submissions (see settleDeadWorker). */
export interface DeadWorkerSettlement {
  /** Graded alone: a kill charged, back in the queue behind the cooldown. */
  charged: string[];
  /** Graded beside a neighbour: back in the queue to be graded alone, nothing charged. */
  solo: string[];
  /** Reached MAX_KILLS: now leased by the caller, who finishes each as the student's failure. */
  stopped: SubmissionJob[];
}

/**
 * Settles the submissions a dead worker (`deadOwner`: killed for its heartbeat, out of memory, kill -9)
 * still held, at once rather than at lease expiry. A job it graded alone killed it: the kill is charged
 * to that submission and its student is penalised. With two jobs in flight nobody can tell which one it was, so neither is charged: both go
 * back to be graded alone. Idempotent (every write is guarded by the dead owner's lease). Regrade
 * items are left to lease expiry.
 */
export async function settleDeadWorker(
  db: Db,
  deadOwner: string,
  owner: string,
  leaseMs = DEFAULT_LEASE_MS,
): Promise<DeadWorkerSettlement> {
  const held = await db.submission.findMany({
    where: { leaseOwner: deadOwner, status: "running" },
    select: JOB_COLUMNS,
  });
  const out: DeadWorkerSettlement = { charged: [], solo: [], stopped: [] };
  const now = new Date();
  const mine = { leaseOwner: deadOwner, status: "running" } as const;
  if (held.length > 1) {
    for (const j of held) {
      const n = await db.submission.updateMany({
        where: { id: j.id, ...mine },
        data: { status: "queued", leaseOwner: null, leaseExpiresAt: null, solo: true, attempts: { decrement: 1 } },
      });
      if (n.count) out.solo.push(j.id);
    }
    return out;
  }
  const j = held[0];
  if (!j) return out;
  const kills = j.kills + 1;
  const data =
    kills >= MAX_KILLS
      ? { leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs), kills, killedAt: now }
      : {
          status: "queued",
          leaseOwner: null,
          leaseExpiresAt: null,
          kills,
          killedAt: now,
        };
  const n = await db.submission.updateMany({ where: { id: j.id, ...mine }, data });
  if (!n.count) return out;
  await penaliseStudent(db, j.id, j.userId, now);
  if (kills >= MAX_KILLS) out.stopped.push({ type: "submission", ...j, kind: j.kind as SubmissionJob["kind"], kills });
  else out.charged.push(j.id);
  return out;
}

// ---------------------------------------------------------------- results

const caseJsonCache = new WeakMap<object, string>();

/**
 * toJson of a case's input or expected value. Prepared cases are cached per worker, so the same
 * objects recur in every submission of an exercise: each is serialised once.
 */
function caseJson(x: unknown): string {
  if (x === null || typeof x !== "object") return toJson(x);
  let s = caseJsonCache.get(x);
  if (s === undefined) caseJsonCache.set(x, (s = toJson(x)));
  return s;
}

/**
 * The CaseResult columns read from a VALUES list (whose columns both databases name column1,
 * column2, …), cast to their column types: PostgreSQL types untyped VALUES parameters as text.
 */
const CASE_RESULT_COLUMNS = Prisma.raw(
  [
    "v.column1",
    "v.column2",
    "CAST(v.column3 AS INTEGER)",
    "v.column4",
    "v.column5",
    "v.column6",
    "CAST(v.column7 AS DOUBLE PRECISION)",
    "CAST(v.column8 AS DOUBLE PRECISION)",
    ...Array.from({ length: 7 }, (_, i) => `v.column${9 + i}`),
  ].join(", "),
);

function resultRows(resultId: string, result: GradeResult) {
  return result.cases.map((c, position) => ({
    id: timeOrderedId(),
    resultId,
    position,
    name: JSON.stringify(c.name),
    visibility: c.visibility,
    status: c.status,
    score: c.score,
    maxScore: c.max_score,
    message: JSON.stringify(c.message),
    hintId: c.hintId ?? null,
    inputJson: caseJson(c.input),
    expectedJson: caseJson(c.expected),
    // A large output is stored as a preview; it was compared in full before this.
    actualJson: c.actual === undefined ? null : toJson(storedOutput(c.actual)),
    consoleText: c.console ?? null,
    timingsJson: JSON.stringify(c.timings),
  }));
}

/** One finished job's result, to be written by `completeSubmissions` / `completeRegradeItem`. */
interface ResultToWrite {
  /** The leased row (Submission or RegradeItem) whose lease guards the write. */
  jobId: string;
  resultId: string;
  submissionId: string;
  exerciseVersionId: string;
  result: GradeResult;
}

/**
 * The statements that insert the GradingResults of `results` and their CaseResults, each row guarded
 * by "its job (in `type`'s table) is still leased by `owner`", so that inside one transaction either
 * everything of a job or nothing of it is written.
 */
function insertResultStatements(
  db: Db,
  type: Job["type"],
  owner: string,
  results: readonly ResultToWrite[],
  purpose: "grade" | "regrade",
  workerId: string,
) {
  const now = new Date();
  const rows = results.map(
    ({ jobId, resultId, submissionId, exerciseVersionId, result }) =>
      Prisma.sql`(${jobId}, ${resultId}, ${submissionId}, ${exerciseVersionId}, ${result.status}, ${result.score}, ${result.maxScore},
             ${JSON.stringify(result.message)}, ${result.hint?.id ?? null}, ${result.hint ? JSON.stringify(result.hint.message) : null},
             ${result.compileError?.line ?? null}, ${result.compileError?.column ?? null},
             ${result.compileError ? JSON.stringify(result.compileError.message) : null}, ${JSON.stringify(result.timings)})`,
  );
  const statements = [
    db.$executeRaw`
      INSERT INTO "GradingResult" ("id", "submissionId", "exerciseVersionId", "purpose", "status", "score", "maxScore", "message",
                                   "hintId", "hintMessage", "errorLine", "errorColumn", "errorMessage", "timingsJson", "workerId", "createdAt")
      SELECT v.column2, v.column3, v.column4, ${purpose}, v.column5, CAST(v.column6 AS DOUBLE PRECISION), CAST(v.column7 AS DOUBLE PRECISION),
             v.column8, v.column9, v.column10, CAST(v.column11 AS INTEGER), CAST(v.column12 AS INTEGER), v.column13, v.column14, ${workerId}, ${now}
        FROM (VALUES ${Prisma.join(rows)}) AS v
       WHERE EXISTS (SELECT 1 FROM ${QUEUE_TABLES[type]} j WHERE ${heldBy(Prisma.raw("v.column1"), owner, Prisma.raw("j"))})`,
  ];
  const cases = results.flatMap((r) => resultRows(r.resultId, r.result));
  for (let i = 0; i < cases.length; i += 50) {
    const values = cases
      .slice(i, i + 50)
      .map(
        (c) =>
          Prisma.sql`(${c.id}, ${c.resultId}, ${c.position}, ${c.name}, ${c.visibility}, ${c.status}, ${c.score}, ${c.maxScore}, ${c.message}, ${c.hintId}, ${c.inputJson}, ${c.expectedJson}, ${c.actualJson}, ${c.consoleText}, ${c.timingsJson})`,
      );
    statements.push(db.$executeRaw`
      INSERT INTO "CaseResult" ("id", "resultId", "position", "name", "visibility", "status", "score", "maxScore", "message", "hintId", "inputJson", "expectedJson", "actualJson", "consoleText", "timingsJson")
      SELECT ${CASE_RESULT_COLUMNS} FROM (VALUES ${Prisma.join(values)}) AS v
       WHERE EXISTS (SELECT 1 FROM "GradingResult" g WHERE g."id" = v.column2)`);
  }
  return statements;
}

/**
 * Writes the results of claimed submissions, each exactly once: GradingResult + CaseResults and the
 * submission's score/status, for all of them in one transaction (group commit: a worker's jobs that
 * finish together cost one transaction). Every row is guarded by "its job is still leased by `owner`":
 * a job whose lease expired gets nothing written and `null` in its place of the answer; the others
 * their result ids. (One batch transaction of guarded statements: a few ms cheaper per job than an
 * interactive transaction.) Messages are stored as JSON {en, zh}.
 */
export async function completeSubmissions(
  db: Db,
  owner: string,
  done: readonly { job: SubmissionJob; result: GradeResult }[],
  workerId = owner,
): Promise<(string | null)[]> {
  if (!done.length) return [];
  const now = new Date();
  const results = done.map(({ job, result }) => ({
    jobId: job.id,
    resultId: timeOrderedId(),
    submissionId: job.id,
    exerciseVersionId: job.exerciseVersionId,
    result,
  }));
  const scores = done.map(
    ({ job, result }, i) =>
      Prisma.sql`(${job.id}, ${penalisedScore(result.score, job.latePenalty)}, ${result.maxScore}, ${results[i].resultId})`,
  );
  const answers = await db.$transaction([
    ...insertResultStatements(db, "submission", owner, results, "grade", workerId),
    db.$queryRaw<{ id: string }[]>`
      UPDATE "Submission" SET "status" = 'graded', "score" = CAST(v.column2 AS DOUBLE PRECISION), "maxScore" = CAST(v.column3 AS DOUBLE PRECISION),
             "resultId" = v.column4, "gradedAt" = ${now}, "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "lastError" = NULL
        FROM (VALUES ${Prisma.join(scores)}) AS v
       WHERE ${heldBy(Prisma.raw("v.column1"), owner, QUEUE_TABLES.submission)}
      RETURNING "Submission"."id"`,
  ]);
  const written = new Set((answers[answers.length - 1] as { id: string }[]).map((r) => r.id));
  return results.map((r) => (written.has(r.jobId) ? r.resultId : null));
}

/** `completeSubmissions` for one job: its result id, or LeaseLostError when its lease was lost. */
export async function completeSubmission(
  db: Db,
  job: SubmissionJob,
  owner: string,
  result: GradeResult,
  workerId = owner,
): Promise<string> {
  const [resultId] = await completeSubmissions(db, owner, [{ job, result }], workerId);
  if (!resultId) throw new LeaseLostError(job.id);
  return resultId;
}

/**
 * Writes a regrade result (purpose "regrade"): it does NOT become the submission's current
 * result; the staff UI commits it. Marks the Regrade "ready" when its last item finishes.
 */
export async function completeRegradeItem(
  db: Db,
  job: RegradeJob,
  owner: string,
  result: GradeResult,
  workerId = owner,
): Promise<string> {
  const resultId = timeOrderedId();
  const newScore = penalisedScore(result.score, job.latePenalty);
  const toWrite = {
    jobId: job.id,
    resultId,
    submissionId: job.submissionId,
    exerciseVersionId: job.exerciseVersionId,
    result,
  };
  const counts = await db.$transaction([
    ...insertResultStatements(db, "regrade", owner, [toWrite], "regrade", workerId),
    db.$executeRaw`
      UPDATE "RegradeItem" SET "status" = 'done', "newScore" = ${newScore}, "newResultId" = ${resultId}, "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "lastError" = NULL
       WHERE ${heldBy(job.id, owner)}`,
  ]);
  if (counts[counts.length - 1] !== 1) throw new LeaseLostError(job.id);
  await settleRegrade(db, job.regradeId);
  return resultId;
}

/** Marks a running Regrade "ready" once none of its items is queued or running. */
async function settleRegrade(db: Db, regradeId: string): Promise<void> {
  const now = new Date();
  await db.$executeRaw`
    UPDATE "Regrade" SET "status" = 'ready', "finishedAt" = ${now}
     WHERE "id" = ${regradeId} AND "status" = 'running'
       AND NOT EXISTS (SELECT 1 FROM "RegradeItem" WHERE "regradeId" = ${regradeId} AND "status" IN ('queued', 'running'))`;
}
