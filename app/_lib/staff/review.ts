/**
 * Submission review for staff: the code, the student's previous submission (for the
 * diff), every case of the current result including hidden ones (inputs, expected,
 * actual, message, hint, console, timings), the student's other attempts, comments
 * and the override history of the cell. Gradescope results.json per submission.
 */

import type { Db } from "@/prisma/client";
import type { CaseResult, GradingResult } from "@/prisma/generated/client";
import { toGradescope, type GradescopeResults } from "@/grader/results";
import { resultView, storedResult } from "@/app/_lib/student/view";
import type { ResultView } from "@/app/_lib/student/types";
import type { StaffContext } from "@/app/_lib/access";
import { AccessError } from "@/app/_lib/errors";
import { submissionOfCourse } from "./scope";
import { listComments } from "./comments";
import { loadGradebook, type GradebookQuery } from "./gradebook";

export interface StaffResultView extends ResultView {
  resultId: string;
  exerciseVersionId: string;
  purpose: string;
  createdAt: Date;
  /** Per case (by position): { runMs, … } as the grader measured them. */
  caseTimings: Record<number, Record<string, number>>;
  timings: Record<string, number>;
}

function parseObj(text: string | null | undefined): Record<string, number> {
  try {
    const v = JSON.parse(text ?? "{}") as unknown;
    return v && typeof v === "object" ? (v as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** The student view-model (app/_lib/student/view.ts) for staff: every case's details, hidden ones included. */
export function staffResultView(result: GradingResult & { cases: CaseResult[] }): StaffResultView {
  const view = resultView(result, { staff: true });
  return {
    ...view,
    resultId: result.id,
    exerciseVersionId: result.exerciseVersionId,
    purpose: result.purpose,
    createdAt: result.createdAt,
    caseTimings: Object.fromEntries(result.cases.map((c) => [c.position, parseObj(c.timingsJson)])),
    timings: parseObj(result.timingsJson),
  };
}

export async function loadSubmissionReview(db: Db, actor: StaffContext, submissionId: string) {
  const base = await submissionOfCourse(db, actor, submissionId);
  const submission = await db.submission.findUniqueOrThrow({
    where: { id: base.id },
    include: {
      user: { select: { id: true, name: true, email: true, studentId: true } },
      assignment: { select: { id: true, titleEn: true, titleZh: true, dueAt: true, scorePolicy: true } },
      exercise: { select: { id: true, slug: true, currentVersionId: true } },
      exerciseVersion: {
        select: {
          id: true,
          version: true,
          titleEn: true,
          titleZh: true,
          points: true,
          entry: true,
          declaration: true,
          metaJson: true,
        },
      },
      result: { include: { cases: true } },
    },
  });
  const cell = { userId: submission.userId, assignmentId: submission.assignmentId, exerciseId: submission.exerciseId };
  const [attempts, comments, overrides, item] = await Promise.all([
    db.submission.findMany({
      where: { ...cell, kind: "submit" },
      orderBy: { submittedAt: "asc" },
      select: { id: true, submittedAt: true, status: true, score: true, maxScore: true, lateDays: true, code: true },
    }),
    listComments(db, actor, submission.id),
    db.override.findMany({
      where: cell,
      orderBy: { createdAt: "desc" },
      include: { actor: { select: { name: true } } },
    }),
    db.assignmentExercise.findUnique({
      where: { assignmentId_exerciseId: { assignmentId: submission.assignmentId, exerciseId: submission.exerciseId } },
    }),
  ]);
  const index = attempts.findIndex((a) => a.id === submission.id);
  const previous = index > 0 ? attempts[index - 1] : null;
  return {
    submission: {
      id: submission.id,
      kind: submission.kind,
      status: submission.status,
      code: submission.code,
      submittedAt: submission.submittedAt,
      lateDays: submission.lateDays,
      latePenalty: submission.latePenalty,
      score: submission.score,
      maxScore: submission.maxScore,
      lastError: submission.lastError,
      user: submission.user,
      assignment: submission.assignment,
      exercise: submission.exercise,
      version: submission.exerciseVersion,
      /** Whether the result was graded against an older version than the exercise's current one. */
      stale:
        !!submission.exercise.currentVersionId &&
        submission.result?.exerciseVersionId !== submission.exercise.currentVersionId,
    },
    result: submission.result ? staffResultView(submission.result) : null,
    attempts: attempts.map(({ code: _code, ...a }, i) => ({ ...a, number: i + 1 })),
    previous: previous ? { id: previous.id, code: previous.code, number: index } : null,
    comments,
    overrides,
    points: item?.points ?? submission.exerciseVersion.points,
  };
}

export type SubmissionReview = Awaited<ReturnType<typeof loadSubmissionReview>>;

export interface ReviewQueue {
  /** Submission ids of the previous and next student in the view's column (null at either end). */
  previous: string | null;
  next: string | null;
  /** 1-based place of this student among those with a submission in the column (0 when the view no longer holds them). */
  position: number;
  count: number;
}

/**
 * The TA's queue: the students of a gradebook view (its filter, search and sort) who have a
 * submission for this one exercise, in the view's order; J/K walk it. Null when the view
 * does not show this exercise.
 */
export async function reviewQueue(
  db: Db,
  actor: StaffContext,
  cell: { userId: string; assignmentId: string; exerciseId: string },
  view: GradebookQuery,
): Promise<ReviewQueue | null> {
  const book = await loadGradebook(db, actor, { ...view, page: 1, pageSize: 0 });
  const col = book.columns.findIndex((c) => c.assignmentId === cell.assignmentId && c.exerciseId === cell.exerciseId);
  if (col < 0) return null;
  const queue = book.rows.flatMap((r) => {
    const id = r.cells[col].submissionId ?? r.cells[col].latestSubmissionId;
    return id ? [{ userId: r.user.id, id }] : [];
  });
  const at = queue.findIndex((q) => q.userId === cell.userId);
  return {
    previous: at > 0 ? queue[at - 1].id : null,
    next: at < 0 ? (queue[0]?.id ?? null) : (queue[at + 1]?.id ?? null),
    position: at + 1,
    count: queue.length,
  };
}

/** Gradescope results.json of a submission's current result (grader/results.ts). */
export async function submissionGradescope(
  db: Db,
  actor: StaffContext,
  submissionId: string,
): Promise<GradescopeResults> {
  const s = await submissionOfCourse(db, actor, submissionId);
  if (!s.resultId) throw new AccessError("not_found", "result");
  const r = await db.gradingResult.findUniqueOrThrow({
    where: { id: s.resultId },
    include: { cases: { orderBy: { position: "asc" } } },
  });
  const out = toGradescope(storedResult(r));
  // Gradescope's top-level score is what counts for the submission: after the late penalty.
  return { ...out, score: s.score ?? out.score };
}
