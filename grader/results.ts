/**
 * Views of a grading result:
 * - `toGradescope(result)`: Gradescope's results.json (tests[] with score, max_score,
 *   status, name, output, visibility; top-level score, execution_time, output with the hint once);
 * - `redactForStudent(result, { dueDatePassed })`: what a student's request may return.
 *   Hidden cases keep name, status, score, message and hint, but lose input, expected,
 *   actual and console, unless their visibility is "after_due_date" and the due date
 *   has passed.
 */

import type { CaseOutcome, GradeResult } from "./grade";
import type { Bilingual, Visibility } from "./spec";

export type Locale = "en" | "zh";

/** The shape both grade() results and stored GradingResult+CaseResult rows map onto. */
export interface ResultLike {
  status: GradeResult["status"];
  score: number;
  maxScore: number;
  message: Bilingual;
  cases: CaseLike[];
  timings: { totalMs: number };
  hint?: GradeResult["hint"];
  compileError?: GradeResult["compileError"];
}

export type CaseLike = Pick<
  CaseOutcome,
  "name" | "visibility" | "status" | "score" | "max_score" | "message" | "hintId"
> &
  Partial<Pick<CaseOutcome, "input" | "expected" | "actual" | "console">>;

export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  status: "passed" | "failed";
  output: string;
  visibility: Visibility;
}

export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  tests: GradescopeTest[];
}

/** Gradescope results.json; `output` texts in one language (default both, en then zh). */
export function toGradescope(result: ResultLike, locale?: Locale): GradescopeResults {
  const text = (b: Bilingual) => (locale ? b[locale] : b.en === b.zh ? b.en : `${b.en}\n${b.zh}`);
  return {
    score: result.score,
    execution_time: Math.round(result.timings.totalMs) / 1000,
    output: [
      text(result.message),
      ...(result.hint ? [`${text(result.hint.message)}\n[hint: ${result.hint.id}]`] : []),
    ].join("\n"),
    tests: result.cases.map((c) => ({
      name: locale ? c.name[locale] : c.name.en === c.name.zh ? c.name.en : `${c.name.en} / ${c.name.zh}`,
      score: c.score,
      max_score: c.max_score,
      // a scratchpad run is never exported, and Gradescope knows only passed and failed
      status: c.status === "failed" ? "failed" : "passed",
      output: text(c.message) + (c.hintId ? `\n[hint: ${c.hintId}]` : ""),
      visibility: c.visibility,
    })),
  };
}

/** Whether a student may see a case's inputs, expected and actual values and console. */
export function caseDetailsVisible(visibility: Visibility, dueDatePassed: boolean): boolean {
  return visibility === "visible" || (visibility === "after_due_date" && dueDatePassed);
}

/** A copy of the result safe to send to the student who submitted it. */
export function redactForStudent<R extends ResultLike>(result: R, opts: { dueDatePassed: boolean }): R {
  return {
    ...result,
    cases: result.cases.map((c) => {
      if (caseDetailsVisible(c.visibility, opts.dueDatePassed)) return { ...c };
      const { input: _i, expected: _e, actual: _a, console: _c, ...rest } = c;
      return rest;
    }),
  };
}
