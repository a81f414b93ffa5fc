/**
 * Score overrides: a TA or instructor sets the score of one student's exercise in one
 * assignment, with a mandatory reason. The newest override wins (policy.cellScore);
 * the student sees the score and the reason. Each one is audited with the score
 * that counted before and after.
 */

import type { Db } from "@/prisma/client";
import { cellScore, scaleToPoints, scorePolicyOf } from "@/grader/policy";
import type { StaffContext } from "@/app/_lib/access";
import { AccessError, InputError } from "@/app/_lib/errors";
import { assignmentOfCourse, selectedStudents, studentOfCourse } from "./scope";
import { writeAudit, type Tx } from "./audit";
import { notify } from "@/app/_lib/people/notifications";

export interface OverrideInput {
  assignmentId: string;
  exerciseId: string;
  userId: string;
  score: number;
  reason: string;
}

/** The score that counts now for (assignment, exercise, student), in the assignment's points. */
export async function countingScore(
  tx: Tx,
  assignmentId: string,
  exerciseId: string,
  userId: string,
  points: number,
  policy: string,
) {
  const [subs, ovs] = await Promise.all([
    tx.submission.findMany({
      where: { assignmentId, exerciseId, userId, kind: "submit" },
      select: { id: true, submittedAt: true, status: true, score: true, maxScore: true },
    }),
    tx.override.findMany({
      where: { assignmentId, exerciseId, userId },
      select: { score: true, reason: true, createdAt: true },
    }),
  ]);
  return cellScore(scaleToPoints(subs, points), scorePolicyOf(policy), ovs);
}

/** The assignment and item of an override, and the checked reason and score (the same for one or many students). */
async function overrideTarget(db: Db, actor: StaffContext, input: Omit<OverrideInput, "userId">) {
  const reason = input.reason?.trim() ?? "";
  if (!reason) throw new InputError("reasonRequired", {}, "An override needs a reason.");
  const a = await assignmentOfCourse(db, actor, input.assignmentId);
  const item = await db.assignmentExercise.findUnique({
    where: { assignmentId_exerciseId: { assignmentId: a.id, exerciseId: input.exerciseId } },
  });
  if (!item) throw new AccessError("not_found", "exercise");
  if (!Number.isFinite(input.score) || input.score < 0 || input.score > item.points) {
    throw new InputError("scoreRange", {}, `The score must be between 0 and ${item.points}.`);
  }
  return { a, item, reason, score: input.score, exerciseId: input.exerciseId };
}

/** Writes one override and its audit row inside `tx`. */
async function writeOverride(
  tx: Tx,
  actor: StaffContext,
  target: Awaited<ReturnType<typeof overrideTarget>>,
  userId: string,
) {
  const { a, item, reason, score, exerciseId } = target;
  const before = await countingScore(tx, a.id, exerciseId, userId, item.points, a.scorePolicy);
  const o = await tx.override.create({
    data: { assignmentId: a.id, exerciseId, userId, score, reason, actorId: actor.userId },
  });
  await writeAudit(tx, actor, {
    action: "override",
    entityType: "Override",
    entityId: o.id,
    before: { score: before.score, overridden: before.override !== null, assignmentId: a.id, exerciseId, userId },
    after: { score: o.score, overridden: true, assignmentId: a.id, exerciseId, userId },
    reason,
  });
  await notify(tx, actor.courseId, [userId], {
    kind: "override",
    assignmentId: a.id,
    exerciseId,
    score: o.score,
    actorId: actor.userId,
  });
  return o;
}

export async function setOverride(db: Db, actor: StaffContext, input: OverrideInput) {
  const target = await overrideTarget(db, actor, input);
  await studentOfCourse(db, actor, input.userId);
  return db.$transaction((tx) => writeOverride(tx, actor, target, input.userId));
}

/** The same override, with one reason, for several students: all of them or (on any refusal) none. */
export async function setOverrides(
  db: Db,
  actor: StaffContext,
  input: Omit<OverrideInput, "userId"> & { userIds: string[] },
) {
  const target = await overrideTarget(db, actor, input);
  const userIds = await selectedStudents(db, actor, input.userIds);
  return db.$transaction(async (tx) => {
    const out = [];
    for (const id of userIds) out.push(await writeOverride(tx, actor, target, id));
    return out;
  });
}
