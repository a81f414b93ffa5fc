/**
 * The student's course dashboard: released assignments with dates, late policy,
 * extension, attempts and the score that counts per exercise (policy.ts decides
 * which), and progress by lecture section.
 */

import type { Db } from "@/prisma/client";
import { cellScore, closesAt, effectiveDueAt, scaleToPoints, scorePolicyOf } from "@/grader/policy";
import type { CourseRef, StudentContext } from "@/app/_lib/access";

export interface CountedScore {
  score: number;
  points: number;
  /** Set when staff overrode the score: their reason. */
  overrideReason: string | null;
}

export interface DashboardExercise {
  exerciseId: string;
  slug: string;
  section: string;
  titleEn: string;
  titleZh: string;
  points: number;
  attemptsUsed: number;
  /** null = unlimited. */
  attemptsLeft: number | null;
  /** The counting score in the assignment's points (best or latest, late penalty applied, or a staff override). */
  score: number | null;
  overridden: boolean;
  /** The staff override's reason (students see it with the score), or null. */
  overrideReason: string | null;
  pending: boolean;
}

export interface DashboardAssignment {
  id: string;
  titleEn: string;
  titleZh: string;
  releaseAt: string;
  dueAt: string;
  /** The student's due date (extension applied). */
  effectiveDueAt: string;
  extension: { dueAt: string; reason: string } | null;
  latePenaltyPerDay: number;
  lateDaysMax: number;
  closesAt: string;
  closed: boolean;
  attemptLimit: number | null;
  scorePolicy: string;
  exercises: DashboardExercise[];
  sections: { section: string; earned: number; possible: number }[];
  earned: number;
  possible: number;
}

export interface Dashboard {
  course: CourseRef;
  assignments: DashboardAssignment[];
}

export async function studentDashboard(db: Db, ctx: StudentContext, now: Date = new Date()): Promise<Dashboard> {
  const userId = ctx.userId;
  const assignments = await db.assignment.findMany({
    where: { courseId: ctx.courseId, releaseAt: { lte: now } },
    orderBy: [{ dueAt: "asc" }, { titleEn: "asc" }],
    include: {
      items: { orderBy: { position: "asc" }, include: { exercise: { include: { versions: true } } } },
      extensions: { where: { userId } },
      submissions: {
        where: { userId, kind: "submit" },
        select: { id: true, exerciseId: true, submittedAt: true, status: true, score: true, maxScore: true },
      },
      overrides: { where: { userId } },
    },
  });
  return {
    course: ctx.course,
    assignments: assignments.map((a) => {
      const extension = a.extensions[0] ?? null;
      const due = effectiveDueAt(a, extension);
      const closes = closesAt(due, a);
      const exercises: DashboardExercise[] = a.items.map((item) => {
        const ex = item.exercise;
        const version = ex.versions.find((v) => v.id === ex.currentVersionId) ?? ex.versions[ex.versions.length - 1];
        const subs = a.submissions.filter((s) => s.exerciseId === ex.id);
        // Submission scores are in the exercise's own points; scale them to the assignment's.
        const cell = cellScore(
          scaleToPoints(subs, item.points),
          scorePolicyOf(a.scorePolicy),
          a.overrides.filter((o) => o.exerciseId === ex.id),
        );
        const used = subs.filter((s) => s.status !== "error").length;
        return {
          exerciseId: ex.id,
          slug: ex.slug,
          section: ex.section,
          titleEn: version?.titleEn ?? ex.slug,
          titleZh: version?.titleZh ?? ex.slug,
          points: item.points,
          attemptsUsed: used,
          attemptsLeft: a.attemptLimit === null ? null : Math.max(0, a.attemptLimit - used),
          score: cell.score,
          overridden: cell.override !== null,
          overrideReason: cell.override?.reason ?? null,
          pending: subs.some((s) => s.status === "queued" || s.status === "running"),
        };
      });
      const bySection = new Map<string, { section: string; earned: number; possible: number }>();
      for (const e of exercises) {
        const s = bySection.get(e.section) ?? { section: e.section, earned: 0, possible: 0 };
        s.earned += e.score ?? 0;
        s.possible += e.points;
        bySection.set(e.section, s);
      }
      const sections = [...bySection.values()].sort((x, y) =>
        x.section.localeCompare(y.section, "en", { numeric: true }),
      );
      return {
        id: a.id,
        titleEn: a.titleEn,
        titleZh: a.titleZh,
        releaseAt: a.releaseAt.toISOString(),
        dueAt: a.dueAt.toISOString(),
        effectiveDueAt: due.toISOString(),
        extension: extension ? { dueAt: extension.dueAt.toISOString(), reason: extension.reason } : null,
        latePenaltyPerDay: a.latePenaltyPerDay,
        lateDaysMax: a.lateDaysMax,
        closesAt: closes.toISOString(),
        closed: now > closes,
        attemptLimit: a.attemptLimit,
        scorePolicy: a.scorePolicy,
        exercises,
        sections,
        earned: sections.reduce((t, s) => t + s.earned, 0),
        possible: sections.reduce((t, s) => t + s.possible, 0),
      };
    }),
  };
}

/** The score that counts for one exercise (best or latest, late penalty, or a staff override with its reason), in the assignment's points. */
export async function countedScore(
  db: Db,
  ctx: StudentContext,
  assignmentId: string,
  exerciseId: string,
  now: Date = new Date(),
): Promise<CountedScore | null> {
  const dash = await studentDashboard(db, ctx, now);
  const ex = dash.assignments.find((a) => a.id === assignmentId)?.exercises.find((e) => e.exerciseId === exerciseId);
  if (!ex || ex.score === null) return null;
  return { score: ex.score, points: ex.points, overrideReason: ex.overridden ? ex.overrideReason : null };
}
