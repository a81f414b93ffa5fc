/**
 * "Preview as student" that runs: an instructor's Run (visible cases) and Submit (hidden
 * cases) of an exercise through the real queue and sandbox, as a student would. The
 * submissions are flagged `staffPreview` and belong to an assignment of this course that
 * holds the exercise, so they never reach the gradebook, analytics, exports or the
 * overview's counts. Both wait for the result (a preview has no attempt history to poll).
 */

import type { Db } from "@/prisma/client";
import { enqueue, waitForResult } from "@/grader/queue";
import { asInstructor, type StaffContext } from "@/app/_lib/access";
import { AccessError, InputError } from "@/app/_lib/errors";
import { checkCode } from "@/app/_lib/student/drafts";
import { RUN_RATE, rateLimit } from "@/app/_lib/student/submissions";
import { staffResultView, type StaffResultView } from "./review";

export interface PreviewResult {
  submissionId: string;
  kind: "run" | "submit";
  status: string;
  score: number | null;
  maxScore: number | null;
  result: StaffResultView | null;
  /** The grader's own failure (never the student's fault), if grading did not finish. */
  lastError: string | null;
}

const PREVIEW_TIMEOUT_MS = 30_000;

export async function previewGrade(
  db: Db,
  actor: StaffContext,
  input: { exerciseId: string; code: unknown; kind: "run" | "submit" },
  opts: { timeoutMs?: number } = {},
): Promise<PreviewResult> {
  asInstructor(actor);
  const exercise = await db.exercise.findUnique({ where: { id: input.exerciseId } });
  if (!exercise?.currentVersionId) throw new AccessError("not_found", "exercise");
  const item = await db.assignmentExercise.findFirst({
    where: { exerciseId: exercise.id, assignment: { courseId: actor.courseId } },
    orderBy: { assignment: { releaseAt: "asc" } },
  });
  if (!item) throw new InputError("previewNoAssignment");
  const code = checkCode(input.code);
  await rateLimit(db, `preview:${actor.userId}`, RUN_RATE, new Date());
  const id = await enqueue(db, {
    userId: actor.userId,
    assignmentId: item.assignmentId,
    exerciseId: exercise.id,
    exerciseVersionId: exercise.currentVersionId,
    code,
    kind: input.kind,
    staffPreview: true,
  });
  const timeoutMs = opts.timeoutMs ?? PREVIEW_TIMEOUT_MS;
  try {
    await waitForResult(db, id, { timeoutMs, pollMs: 5 });
  } catch {
    throw new InputError("run_timeout", { seconds: Math.round(timeoutMs / 1000) });
  }
  const s = await db.submission.findUniqueOrThrow({
    where: { id },
    include: { result: { include: { cases: { orderBy: { position: "asc" } } } } },
  });
  return {
    submissionId: s.id,
    kind: input.kind,
    status: s.status,
    score: s.score,
    maxScore: s.maxScore,
    result: s.result ? staffResultView(s.result) : null,
    lastError: s.lastError,
  };
}
