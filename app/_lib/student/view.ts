/**
 * Turns stored submissions and grading results into what a student may see.
 * Every student-facing response goes through `submissionView`/`resultView`,
 * and case details pass through the grader's redaction rule.
 */

import type { ExerciseMeta, TryExample } from "@/exercises/sync";
import type { Db } from "@/prisma/client";
import type { CaseResult, GradingResult, Submission } from "@/prisma/generated/client";
import { parameterNames } from "@/grader/signature";
import { redactForStudent, type CaseLike, type ResultLike } from "@/grader/results";
import type { Bilingual, Visibility } from "@/grader/spec";
import type { StudentContext } from "@/app/_lib/access";
import { AccessError } from "@/app/_lib/errors";
import { hiddenDetailsReleased } from "./scope";
import type { CaseView, CompileErrorView, ResultView, SubmissionSummary, SubmissionView } from "./types";

/** A stored message: JSON `{ en, zh }` as the grader writes it, or plain text (shown in both languages). */
export function parseBilingual(text: string | null | undefined): Bilingual | null {
  if (text === null || text === undefined || text === "") return null;
  try {
    const v = JSON.parse(text) as unknown;
    if (
      v &&
      typeof v === "object" &&
      typeof (v as Bilingual).en === "string" &&
      typeof (v as Bilingual).zh === "string"
    ) {
      return { en: (v as Bilingual).en, zh: (v as Bilingual).zh };
    }
  } catch {
    // plain text
  }
  return { en: text, zh: text };
}

function parseJson(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A stored case as the grader's case result (messages and values parsed). */
function caseLike(c: CaseResult): CaseLike {
  return {
    name: parseBilingual(c.name) ?? { en: "", zh: "" },
    visibility: c.visibility as Visibility,
    status: c.status as CaseLike["status"],
    score: c.score,
    max_score: c.maxScore,
    message: parseBilingual(c.message) ?? { en: "", zh: "" },
    hintId: c.hintId ?? undefined,
    input: parseJson(c.inputJson) as unknown[],
    expected: parseJson(c.expectedJson),
    actual: c.actualJson === null ? undefined : parseJson(c.actualJson),
    console: c.consoleText ?? undefined,
  };
}

/**
 * A stored GradingResult + CaseResults as the grader's result (grader/results.ts ResultLike): the one
 * mapping from the database, used by the student and staff views and the Gradescope export. Results
 * stored before the hint and compile-error fields existed have neither: their hint is still the last
 * line of each case message, and their compile error's location is in its message.
 */
export function storedResult(result: GradingResult & { cases: CaseResult[] }): ResultLike {
  const hintMessage = parseBilingual(result.hintMessage);
  const errorMessage = parseBilingual(result.errorMessage);
  const timings = parseJson(result.timingsJson) as { totalMs?: number } | null;
  return {
    status: result.status as ResultLike["status"],
    score: result.score,
    maxScore: result.maxScore,
    message: parseBilingual(result.message) ?? { en: "", zh: "" },
    cases: [...result.cases].sort((a, b) => a.position - b.position).map(caseLike),
    timings: { totalMs: typeof timings?.totalMs === "number" ? timings.totalMs : 0 },
    ...(result.hintId && hintMessage ? { hint: { id: result.hintId, message: hintMessage } } : {}),
    ...(result.errorLine !== null && errorMessage
      ? { compileError: { line: result.errorLine, column: result.errorColumn ?? 1, message: errorMessage } }
      : {}),
  };
}

/** A case after the grader's redaction rule (redactForStudent): details only where they may be shown. */
function caseView(c: CaseLike, position: number): CaseView {
  const view: CaseView = {
    position,
    name: c.name,
    visibility: c.visibility,
    status: c.status,
    score: c.score,
    maxScore: c.max_score,
    message: c.message,
    hintId: c.hintId ?? null,
  };
  if ("input" in c && c.input !== undefined) {
    view.detail = { input: c.input, expected: c.expected, actual: c.actual, console: c.console ?? null };
  }
  return view;
}

/** A compile error as the page shows it: the location from the result's fields, stated once. */
function compileErrorView(result: ResultLike): CompileErrorView | null {
  if (result.status !== "compile_error") return null;
  if (result.compileError) return { ...result.compileError };
  return { line: null, column: null, message: result.message };
}

/** Who reads a result: a student (hidden details only once released) or staff of the course (everything). */
export type ResultAudience = { staff: true } | { staff: false; hiddenReleased: boolean };

export function resultView(result: GradingResult & { cases: CaseResult[] }, audience: ResultAudience): ResultView {
  const rows = [...result.cases].sort((a, b) => a.position - b.position);
  const stored = storedResult(result);
  // The one redaction rule lives in the grader; every student view passes through it.
  const shown = audience.staff ? stored : redactForStudent(stored, { dueDatePassed: audience.hiddenReleased });
  const cases = shown.cases.map((c, i) => caseView(c, rows[i].position));
  return {
    status: result.status as ResultView["status"],
    score: result.score,
    maxScore: result.maxScore,
    message: parseBilingual(result.message),
    hint: stored.hint ?? null,
    compileError: compileErrorView(stored),
    cases,
    passed: cases.filter((c) => c.status === "passed").length,
    total: cases.length,
  };
}

export function submissionSummary(s: Submission): SubmissionSummary {
  return {
    id: s.id,
    kind: s.kind as SubmissionSummary["kind"],
    status: s.status as SubmissionSummary["status"],
    submittedAt: s.submittedAt.toISOString(),
    lateDays: s.lateDays,
    latePenalty: s.latePenalty,
    score: s.score,
    maxScore: s.maxScore,
  };
}

/** One of the student's own submissions in the context's course with its current result; any other id is 404. */
export async function submissionView(
  db: Db,
  ctx: StudentContext,
  submissionId: string,
  now: Date = new Date(),
): Promise<SubmissionView> {
  const s = await db.submission.findFirst({
    where: { id: submissionId, userId: ctx.userId, assignment: { courseId: ctx.courseId } },
    include: { assignment: true, exercise: true, result: { include: { cases: true } } },
  });
  if (!s) throw new AccessError("not_found", "submission");
  const released = s.result ? await hiddenDetailsReleased(db, s.assignment, now) : false;
  return {
    ...submissionSummary(s),
    assignmentId: s.assignmentId,
    exerciseId: s.exerciseId,
    exerciseSlug: s.exercise.slug,
    courseId: s.assignment.courseId,
    code: s.code,
    result: s.result ? resultView(s.result, { staff: false, hiddenReleased: released }) : null,
  };
}

/** The parameter names of the exercise's entry function ("V0", "W", "a" …), read from its declaration, to label a case's inputs. */
export function entryArgNames(version: { declaration: string; entry: string }): string[] {
  return parameterNames(version.declaration, version.entry);
}

/** The scratchpad's examples, from the version's metadata (none in versions synced before there were any). */
export function tryExamples(version: { metaJson: string }): TryExample[] {
  return (JSON.parse(version.metaJson) as Partial<ExerciseMeta>).tryExamples ?? [];
}
