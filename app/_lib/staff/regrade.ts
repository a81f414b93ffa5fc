/**
 * Regrade with preview, for one submission, one exercise (in every assignment of the
 * course) or a whole assignment, after the exercise's tests changed.
 *
 *  1. `startRegrade` creates a Regrade and one RegradeItem per counting submission (best
 *     or latest, by each assignment's policy) against the exercise's CURRENT version.
 *  2. The grader workers claim the items (grader/queue.ts) and write GradingResult rows
 *     with purpose "regrade"; those are not current yet, so nobody's score moves.
 *  3. `regradePreview` shows old → new scores (new = raw · (1 − the submission's late penalty)).
 *  4. `commitRegrade` makes the new results current and updates the scores in one
 *     transaction, auditing each change; `discardRegrade` deletes the new results.
 */

import type { Db } from "@/prisma/client";
import { countingSubmission, penalisedScore, scorePolicyOf } from "@/grader/policy";
import { asInstructor, type StaffContext } from "@/app/_lib/access";
import { AccessError, InputError } from "@/app/_lib/errors";
import { assignmentOfCourse, submissionOfCourse } from "./scope";
import { writeAudit } from "./audit";
import { notify } from "@/app/_lib/people/notifications";

export type RegradeScope =
  { submissionId: string } | { assignmentId: string; exerciseId?: string | null } | { exerciseId: string };

export async function startRegrade(db: Db, actor: StaffContext, scope: RegradeScope) {
  let targets: { id: string; exerciseId: string; score: number | null }[];
  let assignmentId: string | null = null;
  let exerciseId: string | null = null;

  if ("submissionId" in scope) {
    const s = await submissionOfCourse(db, actor, scope.submissionId);
    if (s.kind !== "submit") throw new AccessError("not_found", "submission");
    if (s.status !== "graded" && s.status !== "error")
      throw new InputError("regradePending", {}, "This submission is still being graded.");
    targets = [{ id: s.id, exerciseId: s.exerciseId, score: s.score }];
    assignmentId = s.assignmentId;
    exerciseId = s.exerciseId;
  } else {
    // Regrading a whole assignment or exercise is the instructor's; any staff may regrade one submission.
    asInstructor(actor);
    const assignments =
      "assignmentId" in scope
        ? [await assignmentOfCourse(db, actor, scope.assignmentId)]
        : await db.assignment.findMany({
            where: { courseId: actor.courseId, items: { some: { exerciseId: scope.exerciseId } } },
          });
    if ("assignmentId" in scope) assignmentId = scope.assignmentId;
    exerciseId = scope.exerciseId ?? null;
    if (!("assignmentId" in scope) && assignments.length === 0) throw new AccessError("not_found", "exercise");
    const subs = await db.submission.findMany({
      where: {
        assignmentId: { in: assignments.map((a) => a.id) },
        kind: "submit",
        staffPreview: false,
        ...(exerciseId ? { exerciseId } : {}),
      },
      select: {
        id: true,
        userId: true,
        assignmentId: true,
        exerciseId: true,
        submittedAt: true,
        status: true,
        score: true,
      },
    });
    const groups = new Map<string, typeof subs>();
    for (const s of subs) {
      const k = `${s.assignmentId}|${s.exerciseId}|${s.userId}`;
      const l = groups.get(k);
      if (l) l.push(s);
      else groups.set(k, [s]);
    }
    const policy = new Map(assignments.map((a) => [a.id, scorePolicyOf(a.scorePolicy)]));
    targets = [];
    for (const l of groups.values()) {
      const c = countingSubmission(l, policy.get(l[0].assignmentId) ?? "best");
      if (c) targets.push(c);
    }
  }

  const exerciseIds = [...new Set(targets.map((t) => t.exerciseId))];
  const exercises = await db.exercise.findMany({
    where: { id: { in: exerciseIds } },
    select: { id: true, currentVersionId: true },
  });
  const current = new Map(exercises.map((e) => [e.id, e.currentVersionId]));

  return db.$transaction(async (tx) => {
    const r = await tx.regrade.create({
      data: {
        courseId: actor.courseId,
        assignmentId,
        exerciseId,
        createdById: actor.userId,
        status: targets.length ? "running" : "ready",
        finishedAt: targets.length ? null : new Date(),
      },
    });
    await tx.regradeItem.createMany({
      data: targets
        .filter((t) => current.get(t.exerciseId))
        .map((t) => ({
          regradeId: r.id,
          submissionId: t.id,
          exerciseVersionId: current.get(t.exerciseId) as string,
          oldScore: t.score,
        })),
    });
    return r;
  });
}

export interface RegradePreviewRow {
  itemId: string;
  submissionId: string;
  student: { id: string; name: string; email: string; studentId: string | null };
  exerciseSlug: string;
  assignmentId: string;
  status: string;
  oldScore: number | null;
  newScore: number | null;
  maxScore: number | null;
  changed: boolean;
  error: string | null;
}

export interface RegradePreview {
  regrade: {
    id: string;
    status: string;
    createdAt: Date;
    finishedAt: Date | null;
    assignmentId: string | null;
    exerciseId: string | null;
  };
  rows: RegradePreviewRow[];
  counts: { total: number; done: number; pending: number; error: number; changed: number };
}

/** Marks a running regrade "ready" once no item is queued or running. */
async function settle(db: Db, regradeId: string) {
  const open = await db.regradeItem.count({ where: { regradeId, status: { in: ["queued", "running"] } } });
  if (open === 0)
    await db.regrade.updateMany({
      where: { id: regradeId, status: "running" },
      data: { status: "ready", finishedAt: new Date() },
    });
}

async function regradeOfCourse(db: Db, actor: StaffContext, regradeId: string) {
  const r = await db.regrade.findFirst({ where: { id: regradeId, courseId: actor.courseId } });
  if (!r) throw new AccessError("not_found", "regrade");
  return r;
}

/** Commit/discard: the instructor, or the staff member who started it (a TA can only start single-submission regrades). */
async function closableBy(db: Db, actor: StaffContext, regradeId: string) {
  const r = await regradeOfCourse(db, actor, regradeId);
  if (r.createdById !== actor.userId) asInstructor(actor);
  return r;
}

export async function regradePreview(db: Db, actor: StaffContext, regradeId: string): Promise<RegradePreview> {
  await regradeOfCourse(db, actor, regradeId);
  await settle(db, regradeId);
  const r = await db.regrade.findUniqueOrThrow({ where: { id: regradeId } });
  const items = await db.regradeItem.findMany({
    where: { regradeId },
    include: {
      submission: {
        select: {
          id: true,
          assignmentId: true,
          latePenalty: true,
          score: true,
          user: { select: { id: true, name: true, email: true, studentId: true } },
          exercise: { select: { slug: true } },
        },
      },
    },
  });
  const resultIds = items.map((i) => i.newResultId).filter((x): x is string => !!x);
  const results = await db.gradingResult.findMany({
    where: { id: { in: resultIds } },
    select: { id: true, score: true, maxScore: true },
  });
  const byId = new Map(results.map((x) => [x.id, x]));
  const rows = items.map((i): RegradePreviewRow => {
    const res = i.newResultId ? byId.get(i.newResultId) : undefined;
    const newScore = i.status === "done" && res ? penalisedScore(res.score, i.submission.latePenalty) : null;
    return {
      itemId: i.id,
      submissionId: i.submissionId,
      student: i.submission.user,
      exerciseSlug: i.submission.exercise.slug,
      assignmentId: i.submission.assignmentId,
      status: i.status,
      oldScore: i.oldScore,
      newScore,
      maxScore: res?.maxScore ?? null,
      changed: newScore !== null && (i.oldScore === null || Math.abs(newScore - i.oldScore) > 1e-9),
      error: i.lastError,
    };
  });
  rows.sort(
    (a, b) =>
      Number(b.changed) - Number(a.changed) ||
      a.student.name.localeCompare(b.student.name, "zh-CN") ||
      a.exerciseSlug.localeCompare(b.exerciseSlug),
  );
  const counts = { total: rows.length, done: 0, pending: 0, error: 0, changed: 0 };
  for (const row of rows) {
    if (row.status === "done") counts.done++;
    else if (row.status === "error") counts.error++;
    else counts.pending++;
    if (row.changed) counts.changed++;
  }
  return { regrade: r, rows, counts };
}

export async function listRegrades(db: Db, actor: StaffContext) {
  return db.regrade.findMany({
    where: { courseId: actor.courseId },
    orderBy: { createdAt: "desc" },
    take: 50,
    include: { _count: { select: { items: true } } },
  });
}

/**
 * Makes every finished item's new result current and updates the score (one transaction,
 * one audit row per changed score). Items that errored keep their old result.
 */
export async function commitRegrade(db: Db, actor: StaffContext, regradeId: string) {
  await closableBy(db, actor, regradeId);
  const preview = await regradePreview(db, actor, regradeId);
  if (preview.regrade.status !== "ready") {
    throw new InputError(preview.regrade.status === "running" ? "regradeRunning" : "regradeClosed");
  }
  const items = await db.regradeItem.findMany({ where: { regradeId, status: "done", newResultId: { not: null } } });
  return db.$transaction(async (tx) => {
    const claimed = await tx.regrade.updateMany({
      where: { id: regradeId, status: "ready" },
      data: { status: "committed" },
    });
    if (claimed.count !== 1) throw new InputError("regradeClosed", {}, "This regrade is already closed.");
    let changed = 0;
    for (const it of items) {
      const sub = await tx.submission.findUniqueOrThrow({ where: { id: it.submissionId } });
      const res = await tx.gradingResult.findUniqueOrThrow({ where: { id: it.newResultId as string } });
      const score = penalisedScore(res.score, sub.latePenalty);
      await tx.submission.update({
        where: { id: sub.id },
        data: { resultId: res.id, score, maxScore: res.maxScore, status: "graded", gradedAt: new Date() },
      });
      await tx.regradeItem.update({ where: { id: it.id }, data: { newScore: score } });
      if (sub.score === null || Math.abs(score - sub.score) > 1e-9 || sub.resultId !== res.id) {
        changed++;
        await writeAudit(tx, actor, {
          action: "regrade",
          entityType: "Submission",
          entityId: sub.id,
          subjectId: sub.userId,
          before: { score: sub.score, maxScore: sub.maxScore, resultId: sub.resultId },
          after: { score, maxScore: res.maxScore, resultId: res.id, exerciseVersionId: res.exerciseVersionId },
          reason: `regrade ${regradeId}`,
        });
        if (sub.score === null || Math.abs(score - sub.score) > 1e-9) {
          await notify(tx, actor.courseId, [sub.userId], {
            kind: "regrade",
            submissionId: sub.id,
            assignmentId: sub.assignmentId,
            exerciseId: sub.exerciseId,
            before: sub.score,
            after: score,
          });
        }
      }
    }
    return { applied: items.length, changed };
  });
}

/** Drops the new results; nobody's score changes. */
export async function discardRegrade(db: Db, actor: StaffContext, regradeId: string) {
  const r = await closableBy(db, actor, regradeId);
  if (r.status === "committed" || r.status === "discarded")
    throw new InputError("regradeClosed", {}, "This regrade is already closed.");
  await db.$transaction(async (tx) => {
    const items = await tx.regradeItem.findMany({ where: { regradeId }, select: { newResultId: true } });
    const ids = items.map((i) => i.newResultId).filter((x): x is string => !!x);
    // Only results nobody made current (purpose "regrade") are removed.
    await tx.gradingResult.deleteMany({ where: { id: { in: ids }, purpose: "regrade", current: { is: null } } });
    // Items still queued are withdrawn from the workers.
    await tx.regradeItem.updateMany({
      where: { regradeId, status: { in: ["queued", "running"] } },
      data: { status: "error", lastError: "discarded" },
    });
    await tx.regrade.update({
      where: { id: regradeId },
      data: { status: "discarded", finishedAt: r.finishedAt ?? new Date() },
    });
  });
}
