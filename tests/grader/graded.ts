import type { GradeResult } from "@/grader/grade";

/** What a student sees of a result: everything but the timings (tests that grade the same code two ways compare these). */
export function graded(r: GradeResult) {
  return {
    status: r.status,
    score: r.score,
    message: r.message,
    hint: r.hint?.id,
    compileError: r.compileError,
    cases: r.cases.map((c) => ({
      status: c.status,
      score: c.score,
      message: c.message,
      hintId: c.hintId,
      actual: c.actual,
      console: c.console,
    })),
  };
}
