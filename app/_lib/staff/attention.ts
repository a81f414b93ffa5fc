/**
 * The staff overview as "needs attention": what a TA or instructor should look at now, each
 * with a count and where to go. Counts are of this course's rows; staff previews are left out.
 */

import type { Db } from "@/prisma/client";
import type { StaffContext } from "@/app/_lib/access";
import { parseCheckReport } from "@/exercises/report";
import { openRequestCount } from "@/app/_lib/people/requests";

/** A queued or running submission older than this is "waiting". */
export const WAITING_MS = 60_000;
/** Assignments opening or closing this soon are listed. */
export const SOON_MS = 48 * 60 * 60 * 1000;

export interface SoonAssignment {
  id: string;
  titleEn: string;
  titleZh: string;
  at: Date;
}

export interface Attention {
  graderErrors: number;
  waiting: number;
  regradePreviews: number;
  /** Open regrade requests and problem reports. */
  openRequests: number;
  opening: SoonAssignment[];
  closing: SoonAssignment[];
  /** Exercises of this course's assignments whose stored exercises:check report failed, or that a grader could not load. */
  failedChecks: { id: string; slug: string; titleEn: string; titleZh: string }[];
}

export async function loadAttention(db: Db, actor: StaffContext, now = new Date()): Promise<Attention> {
  const inCourse = { assignment: { courseId: actor.courseId }, staffPreview: false };
  const soon = new Date(now.getTime() + SOON_MS);
  const [graderErrors, waiting, regradePreviews, openRequests, opening, closing, items] = await Promise.all([
    db.submission.count({ where: { ...inCourse, status: "error" } }),
    db.submission.count({
      where: {
        ...inCourse,
        status: { in: ["queued", "running"] },
        submittedAt: { lt: new Date(now.getTime() - WAITING_MS) },
      },
    }),
    db.regrade.count({ where: { courseId: actor.courseId, status: "ready" } }),
    openRequestCount(actor, db),
    db.assignment.findMany({
      where: { courseId: actor.courseId, releaseAt: { gt: now, lte: soon } },
      orderBy: { releaseAt: "asc" },
      select: { id: true, titleEn: true, titleZh: true, releaseAt: true },
    }),
    db.assignment.findMany({
      where: { courseId: actor.courseId, dueAt: { gt: now, lte: soon } },
      orderBy: { dueAt: "asc" },
      select: { id: true, titleEn: true, titleZh: true, dueAt: true },
    }),
    db.assignmentExercise.findMany({
      where: { assignment: { courseId: actor.courseId } },
      select: { exercise: { select: { id: true, slug: true, currentVersionId: true, loadError: true } } },
    }),
  ]);
  const exercises = new Map(items.map((i) => [i.exercise.id, i.exercise]));
  const versions = await db.exerciseVersion.findMany({
    where: { id: { in: [...exercises.values()].flatMap((e) => (e.currentVersionId ? [e.currentVersionId] : [])) } },
    select: { exerciseId: true, titleEn: true, titleZh: true, checkJson: true },
  });
  const failedChecks = versions
    .filter((v) => parseCheckReport(v.checkJson)?.ok === false || exercises.get(v.exerciseId)!.loadError !== null)
    .map((v) => ({ id: v.exerciseId, slug: exercises.get(v.exerciseId)!.slug, titleEn: v.titleEn, titleZh: v.titleZh }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
  return {
    graderErrors,
    waiting,
    regradePreviews,
    openRequests,
    opening: opening.map((a) => ({ id: a.id, titleEn: a.titleEn, titleZh: a.titleZh, at: a.releaseAt })),
    closing: closing.map((a) => ({ id: a.id, titleEn: a.titleEn, titleZh: a.titleZh, at: a.dueAt })),
    failedChecks,
  };
}
