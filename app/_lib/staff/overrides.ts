/**
 * Score overrides: a TA or instructor sets the score of one student's exercise in one
 * assignment, with a mandatory reason. The newest override wins (policy.cellScore);
 * the student sees the score and the reason. Each one is audited with the score
 * that counted before and after.
 */

import type { Db } from "@/prisma/client";
import { cellScore, scaleToPoints } from "@/grader/policy";
import type { StaffContext } from "@/app/_lib/access";
import { AccessError, InputError } from "@/app/_lib/errors";
import { assignmentOfCourse, memberOfCourse } from "./scope";
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
  return cellScore(scaleToPoints(subs, points), policy, ovs);
}

export async function setOverride(db: Db, actor: StaffContext, input: OverrideInput) {
  const reason = input.reason?.trim() ?? "";
  if (!reason) throw new InputError("reasonRequired", {}, "An override needs a reason.");
  const a = await assignmentOfCourse(db, actor, input.assignmentId);
  const item = await db.assignmentExercise.findUnique({
    where: { assignmentId_exerciseId: { assignmentId: a.id, exerciseId: input.exerciseId } },
  });
  if (!item) throw new AccessError("not_found", "exercise");
  const member = await memberOfCourse(db, actor, input.userId);
  if (member.role !== "student") throw new AccessError("not_found", "student");
  if (!Number.isFinite(input.score) || input.score < 0 || input.score > item.points) {
    throw new InputError("scoreRange", {}, `The score must be between 0 and ${item.points}.`);
  }
  return db.$transaction(async (tx) => {
    const before = await countingScore(tx, a.id, input.exerciseId, input.userId, item.points, a.scorePolicy);
    const o = await tx.override.create({
      data: {
        assignmentId: a.id,
        exerciseId: input.exerciseId,
        userId: input.userId,
        score: input.score,
        reason,
        actorId: actor.userId,
      },
    });
    await writeAudit(tx, actor, {
      action: "override",
      entityType: "Override",
      entityId: o.id,
      before: {
        score: before.score,
        overridden: before.override !== null,
        assignmentId: a.id,
        exerciseId: input.exerciseId,
        userId: input.userId,
      },
      after: {
        score: o.score,
        overridden: true,
        assignmentId: a.id,
        exerciseId: input.exerciseId,
        userId: input.userId,
      },
      reason,
    });
    await notify(tx, actor.courseId, [input.userId], {
      kind: "override",
      assignmentId: a.id,
      exerciseId: input.exerciseId,
      score: o.score,
      actorId: actor.userId,
    });
    return o;
  });
}
