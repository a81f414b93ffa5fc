/**
 * The shapes the student API returns and the student pages render. Only these
 * leave the server for a student, so they are the place to check that hidden
 * inputs and expected values never do.
 */

import type { QueuePosition } from "@/grader/queue";
import type { Bilingual, Visibility } from "@/grader/spec";

export type { Bilingual };

export interface CaseView {
  position: number;
  name: Bilingual;
  visibility: Visibility;
  /** "ran": a scratchpad run (nothing to compare with). */
  status: "passed" | "failed" | "ran";
  score: number;
  maxScore: number;
  /** The comparison's explanation (shape, NaN, largest error …), or a time-limit/runtime message. */
  message: Bilingual;
  /** Set when the result's hint explains this case's failure (the hint itself is on the result, once). */
  hintId: string | null;
  /** Present only when the details are shown: visible cases, and after_due_date cases once every window closed. */
  detail?: {
    /** The arguments of the entry function, in order. */
    input: unknown[];
    expected: unknown;
    actual: unknown;
    console: string | null;
  };
}

export interface CompileErrorView {
  /** 1-based line and column in the student's own code, when the grader reports them. */
  line: number | null;
  column: number | null;
  message: Bilingual;
}

export interface ResultView {
  status: "ok" | "compile_error" | "error";
  /** Raw score before any late penalty. */
  score: number;
  maxScore: number;
  message: Bilingual | null;
  /** The misconception the whole run looks like ("This looks like …"; grader/feedback.ts matchHint), given once. */
  hint: { id: string; message: Bilingual } | null;
  compileError: CompileErrorView | null;
  cases: CaseView[];
  passed: number;
  total: number;
}

export type SubmissionStatus = "queued" | "running" | "graded" | "error";

export interface SubmissionSummary {
  id: string;
  kind: "submit" | "run" | "try";
  status: SubmissionStatus;
  submittedAt: string;
  lateDays: number;
  latePenalty: number;
  /** After the late penalty; null until graded. */
  score: number | null;
  maxScore: number | null;
  /** While queued (status polling only): the place in line and the predicted wait. */
  queue?: QueuePosition | null;
}

export interface SubmissionView extends SubmissionSummary {
  assignmentId: string;
  exerciseId: string;
  exerciseSlug: string;
  courseId: string;
  code: string;
  result: ResultView | null;
}

export interface DraftView {
  code: string;
  /** ISO time of the last save; null when this is the starter (never saved). */
  savedAt: string | null;
  isStarter: boolean;
}
