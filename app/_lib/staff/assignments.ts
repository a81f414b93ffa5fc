/**
 * Assignments (instructor only): exercises and their points, release and due dates,
 * late policy (−x per started day, up to N days, then closed), attempt limit,
 * best or latest. And per-student extensions. Every change is audited.
 */

import type { Db } from "@/prisma/client";
import { asInstructor, type StaffContext } from "@/app/_lib/access";
import { AccessError, InputError, type InputErrorCode } from "@/app/_lib/errors";
import { assignmentOfCourse, selectedStudents, studentOfCourse } from "./scope";
import { lateness, penalisedScore } from "@/grader/policy";
import { writeAudit, type Tx } from "./audit";

/**
 * After a student's due date changes, re-applies the late policy to their submissions of
 * the assignment: late days and penalty from the new due date, score = raw · (1 − penalty).
 * Returns the submissions whose score changed (for the audit row).
 */
async function reapplyLatePolicy(
  tx: Tx,
  a: { id: string; latePenaltyPerDay: number; lateDaysMax: number },
  userId: string,
  dueAt: Date,
): Promise<{ submissionId: string; before: number | null; after: number | null }[]> {
  const subs = await tx.submission.findMany({
    where: { assignmentId: a.id, userId, kind: "submit" },
    select: {
      id: true,
      submittedAt: true,
      score: true,
      lateDays: true,
      latePenalty: true,
      result: { select: { score: true } },
    },
  });
  const changed: { submissionId: string; before: number | null; after: number | null }[] = [];
  for (const s of subs) {
    const l = lateness(s.submittedAt, dueAt, a);
    if (l.lateDays === s.lateDays && l.penalty === s.latePenalty) continue;
    const score = s.result ? penalisedScore(s.result.score, l.penalty) : s.score;
    await tx.submission.update({ where: { id: s.id }, data: { lateDays: l.lateDays, latePenalty: l.penalty, score } });
    if (score !== s.score) changed.push({ submissionId: s.id, before: s.score, after: score });
  }
  return changed;
}

export interface AssignmentInput {
  titleEn: string;
  titleZh: string;
  releaseAt: Date;
  dueAt: Date;
  /** Fraction per started day late, in [0, 1] (0.1 = −10 %/day). */
  latePenaltyPerDay: number;
  /** Late submissions accepted this many days after the due date; 0 = closed at the due date. */
  lateDaysMax: number;
  attemptLimit: number | null;
  scorePolicy: "best" | "latest";
  /** Students may run this section's lab with the reference solutions (staff always may). */
  labReference?: boolean;
  /** Weight of this assignment's points in the course total (default 1). */
  weight?: number;
  /** In display order. */
  items: { exerciseId: string; points: number }[];
}

function validDate(d: Date) {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

/** Checks the input and throws InputError with the first problem found. */
export async function validateAssignment(db: Db, input: AssignmentInput): Promise<void> {
  const bad = (message: string, code: InputErrorCode) => {
    throw new InputError(code, {}, message);
  };
  if (!input.titleEn?.trim() || !input.titleZh?.trim())
    bad("Both titles (English and Chinese) are required.", "titleRequired");
  if (!validDate(input.releaseAt) || !validDate(input.dueAt))
    bad("Release and due dates are required.", "dateRequired");
  if (input.dueAt <= input.releaseAt) bad("The due date must be after the release date.", "dueBeforeRelease");
  if (!(input.latePenaltyPerDay >= 0 && input.latePenaltyPerDay <= 1))
    bad("The late penalty per day must be between 0 % and 100 %.", "penaltyRange");
  if (!Number.isInteger(input.lateDaysMax) || input.lateDaysMax < 0 || input.lateDaysMax > 365)
    bad("Late days must be a whole number from 0 to 365.", "lateDaysRange");
  if (input.attemptLimit !== null && (!Number.isInteger(input.attemptLimit) || input.attemptLimit < 1))
    bad("The attempt limit must be a whole number of at least 1, or empty for unlimited.", "attemptRange");
  if (input.scorePolicy !== "best" && input.scorePolicy !== "latest")
    bad("The score policy must be best or latest.", "policy");
  if (input.items.length === 0) bad("Choose at least one exercise.", "noExercises");
  const ids = input.items.map((i) => i.exerciseId);
  if (new Set(ids).size !== ids.length) bad("An exercise appears twice.", "duplicateExercise");
  for (const it of input.items)
    if (!(it.points > 0 && it.points <= 1000)) bad("Points must be greater than 0 (at most 1000).", "pointsRange");
  if (input.weight !== undefined && !(input.weight >= 0 && input.weight <= 100))
    bad("The weight must be between 0 and 100.", "weightRange");
  const found = await db.exercise.count({ where: { id: { in: ids } } });
  if (found !== ids.length) bad("An exercise does not exist.", "unknownExercise");
}

/** An assignment as stored (scorePolicy is a plain string in the database). */
export type AssignmentValues = Omit<AssignmentInput, "scorePolicy"> & { scorePolicy: string };

const snapshot = (a: AssignmentValues) => ({
  titleEn: a.titleEn,
  titleZh: a.titleZh,
  releaseAt: a.releaseAt.toISOString(),
  dueAt: a.dueAt.toISOString(),
  latePenaltyPerDay: a.latePenaltyPerDay,
  lateDaysMax: a.lateDaysMax,
  attemptLimit: a.attemptLimit,
  scorePolicy: a.scorePolicy,
  labReference: a.labReference ?? false,
  weight: a.weight ?? 1,
  items: a.items.map((i) => ({ exerciseId: i.exerciseId, points: i.points })),
});

export async function createAssignment(db: Db, actor: StaffContext, input: AssignmentInput) {
  asInstructor(actor);
  await validateAssignment(db, input);
  return db.$transaction(async (tx) => {
    const { items, ...fields } = input;
    const a = await tx.assignment.create({
      data: {
        ...fields,
        titleEn: fields.titleEn.trim(),
        titleZh: fields.titleZh.trim(),
        courseId: actor.courseId,
        items: { create: items.map((it, position) => ({ exerciseId: it.exerciseId, points: it.points, position })) },
      },
    });
    await writeAudit(tx, actor, {
      action: "assignment.create",
      entityType: "Assignment",
      entityId: a.id,
      after: snapshot(input),
    });
    return a;
  });
}

export async function updateAssignment(db: Db, actor: StaffContext, assignmentId: string, input: AssignmentInput) {
  asInstructor(actor);
  const before = await db.assignment.findFirst({
    where: { id: assignmentId, courseId: actor.courseId },
    include: { items: { orderBy: { position: "asc" } } },
  });
  if (!before) throw new AccessError("not_found", "assignment");
  await validateAssignment(db, input);
  const keep = new Set(input.items.map((i) => i.exerciseId));
  const removed = before.items.filter((i) => !keep.has(i.exerciseId)).map((i) => i.exerciseId);
  if (removed.length) {
    const used = await db.submission.count({ where: { assignmentId, exerciseId: { in: removed } } });
    if (used)
      throw new InputError(
        "exerciseHasSubmissions",
        {},
        "An exercise with submissions cannot be removed from the assignment.",
      );
  }
  return db.$transaction(async (tx) => {
    const { items, ...fields } = input;
    const a = await tx.assignment.update({
      where: { id: assignmentId },
      data: { ...fields, titleEn: fields.titleEn.trim(), titleZh: fields.titleZh.trim() },
    });
    await tx.assignmentExercise.deleteMany({ where: { assignmentId, exerciseId: { in: removed } } });
    for (const [position, it] of items.entries()) {
      await tx.assignmentExercise.upsert({
        where: { assignmentId_exerciseId: { assignmentId, exerciseId: it.exerciseId } },
        create: { assignmentId, exerciseId: it.exerciseId, points: it.points, position },
        update: { points: it.points, position },
      });
    }
    await writeAudit(tx, actor, {
      action: "assignment.update",
      entityType: "Assignment",
      entityId: a.id,
      before: snapshot(before),
      after: snapshot(input),
    });
    return a;
  });
}

/** The assignment with its exercises, for the editor (TA may read it, only instructors save). */
export async function getAssignment(db: Db, actor: StaffContext, assignmentId: string) {
  await assignmentOfCourse(db, actor, assignmentId);
  return db.assignment.findUniqueOrThrow({
    where: { id: assignmentId },
    include: {
      items: {
        orderBy: { position: "asc" },
        include: { exercise: { select: { id: true, slug: true, section: true, currentVersionId: true } } },
      },
      extensions: {
        include: { user: { select: { id: true, name: true, email: true, studentId: true } } },
        orderBy: { dueAt: "asc" },
      },
    },
  });
}

export async function listAssignments(db: Db, actor: StaffContext) {
  return db.assignment.findMany({
    where: { courseId: actor.courseId },
    orderBy: [{ releaseAt: "asc" }, { createdAt: "asc" }],
    include: { items: { select: { exerciseId: true, points: true } } },
  });
}

/** Exercises an instructor can put in an assignment, with their current titles. */
export async function listExercises(db: Db) {
  const ex = await db.exercise.findMany({ orderBy: [{ section: "asc" }, { slug: "asc" }] });
  const versions = await db.exerciseVersion.findMany({
    where: { id: { in: ex.map((e) => e.currentVersionId).filter((v): v is string => !!v) } },
    select: { id: true, titleEn: true, titleZh: true, points: true, version: true, checkJson: true },
  });
  const byId = new Map(versions.map((v) => [v.id, v]));
  return ex.map((e) => ({ ...e, current: e.currentVersionId ? (byId.get(e.currentVersionId) ?? null) : null }));
}

/** The assignment of an extension, and the checked reason and due date (the same for one or many students). */
async function extensionTarget(
  db: Db,
  actor: StaffContext,
  input: { assignmentId: string; dueAt: Date; reason: string },
) {
  asInstructor(actor);
  const a = await assignmentOfCourse(db, actor, input.assignmentId);
  const reason = input.reason?.trim() ?? "";
  if (!reason) throw new InputError("reasonRequired", {}, "An extension needs a reason.");
  if (!validDate(input.dueAt)) throw new InputError("dateRequired", {}, "The new due date is required.");
  if (input.dueAt <= a.releaseAt)
    throw new InputError("dueBeforeRelease", {}, "The new due date must be after the release date.");
  return { a, reason, dueAt: input.dueAt };
}

/** Sets one student's extension, re-applies the late policy and audits both, inside `tx`. */
async function writeExtension(
  tx: Tx,
  actor: StaffContext,
  { a, reason, dueAt }: Awaited<ReturnType<typeof extensionTarget>>,
  userId: string,
) {
  const prev = await tx.extension.findUnique({
    where: { assignmentId_userId: { assignmentId: a.id, userId } },
  });
  const e = await tx.extension.upsert({
    where: { assignmentId_userId: { assignmentId: a.id, userId } },
    create: { assignmentId: a.id, userId, dueAt, reason, grantedById: actor.userId },
    update: { dueAt, reason, grantedById: actor.userId },
  });
  const rescored = await reapplyLatePolicy(tx, a, userId, e.dueAt);
  await writeAudit(tx, actor, {
    action: "extension.set",
    entityType: "Extension",
    entityId: e.id,
    before: {
      userId,
      assignmentId: a.id,
      dueAt: (prev?.dueAt ?? a.dueAt).toISOString(),
      extended: !!prev,
      scores: rescored.map((r) => ({ submissionId: r.submissionId, score: r.before })),
    },
    after: {
      userId,
      assignmentId: a.id,
      dueAt: e.dueAt.toISOString(),
      extended: true,
      scores: rescored.map((r) => ({ submissionId: r.submissionId, score: r.after })),
    },
    reason,
  });
  return e;
}

export async function setExtension(
  db: Db,
  actor: StaffContext,
  input: { assignmentId: string; userId: string; dueAt: Date; reason: string },
) {
  const target = await extensionTarget(db, actor, input);
  await studentOfCourse(db, actor, input.userId);
  return db.$transaction((tx) => writeExtension(tx, actor, target, input.userId));
}

/** The same extension, with one reason, for several students: all of them or (on any refusal) none. */
export async function setExtensions(
  db: Db,
  actor: StaffContext,
  input: { assignmentId: string; userIds: string[]; dueAt: Date; reason: string },
) {
  const target = await extensionTarget(db, actor, input);
  const userIds = await selectedStudents(db, actor, input.userIds);
  return db.$transaction(async (tx) => {
    const out = [];
    for (const id of userIds) out.push(await writeExtension(tx, actor, target, id));
    return out;
  });
}

export async function removeExtension(
  db: Db,
  actor: StaffContext,
  input: { assignmentId: string; userId: string; reason: string },
) {
  asInstructor(actor);
  const a = await assignmentOfCourse(db, actor, input.assignmentId);
  const prev = await db.extension.findUnique({
    where: { assignmentId_userId: { assignmentId: a.id, userId: input.userId } },
  });
  if (!prev) throw new AccessError("not_found", "extension");
  await db.$transaction(async (tx) => {
    await tx.extension.delete({ where: { id: prev.id } });
    const rescored = await reapplyLatePolicy(tx, a, input.userId, a.dueAt);
    await writeAudit(tx, actor, {
      action: "extension.remove",
      entityType: "Extension",
      entityId: prev.id,
      before: {
        userId: input.userId,
        assignmentId: a.id,
        dueAt: prev.dueAt.toISOString(),
        extended: true,
        scores: rescored.map((r) => ({ submissionId: r.submissionId, score: r.before })),
      },
      after: {
        userId: input.userId,
        assignmentId: a.id,
        dueAt: a.dueAt.toISOString(),
        extended: false,
        scores: rescored.map((r) => ({ submissionId: r.submissionId, score: r.after })),
      },
      reason: input.reason?.trim() || null,
    });
  });
}
