/**
 * Grading policy: due dates with extensions, late penalties, attempt limits,
 * and which score counts (best or latest, then any staff override).
 * Pure functions over plain data, shared by the grader's queue, the submission API,
 * the student dashboard, the staff gradebook and regrades, so all agree on every number.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

export type ScorePolicy = "best" | "latest";

/** An assignment's stored `scorePolicy` column: "latest", else "best" (the default). */
export function scorePolicyOf(stored: string): ScorePolicy {
  return stored === "latest" ? "latest" : "best";
}

export interface AssignmentPolicy {
  releaseAt: Date;
  dueAt: Date;
  /** Fraction of the score removed per started day late, e.g. 0.1. */
  latePenaltyPerDay: number;
  /** Submissions are refused more than this many days after the (effective) due date. */
  lateDaysMax: number;
  /** null = unlimited. */
  attemptLimit: number | null;
  scorePolicy: ScorePolicy;
}

/** The student's due date: their extension's, if any, else the assignment's. */
export function effectiveDueAt(a: Pick<AssignmentPolicy, "dueAt">, extension?: { dueAt: Date } | null): Date {
  return extension ? extension.dueAt : a.dueAt;
}

export interface Lateness {
  /** Started days after the due date (0 when on time). */
  lateDays: number;
  /** Fraction removed from the score, in [0, 1]. */
  penalty: number;
  /** True when the late window is over and submissions are refused. */
  closed: boolean;
}

/** lateDays = ⌈(t − due) / 1 day⌉ when t > due; penalty = min(1, lateDays · perDay); closed when lateDays > lateDaysMax. */
export function lateness(
  submittedAt: Date,
  dueAt: Date,
  p: Pick<AssignmentPolicy, "latePenaltyPerDay" | "lateDaysMax">,
): Lateness {
  const over = submittedAt.getTime() - dueAt.getTime();
  if (over <= 0) return { lateDays: 0, penalty: 0, closed: false };
  const lateDays = Math.ceil(over / DAY_MS);
  return {
    lateDays,
    penalty: Math.min(1, lateDays * p.latePenaltyPerDay),
    closed: lateDays > p.lateDaysMax,
  };
}

/** Score after the late penalty: raw · (1 − latePenalty). */
export function penalisedScore(raw: number, latePenalty: number): number {
  return raw * (1 - latePenalty);
}

/** When submissions close for good: the effective due date plus the late window. */
export function closesAt(dueAt: Date, p: Pick<AssignmentPolicy, "lateDaysMax">): Date {
  return new Date(dueAt.getTime() + p.lateDaysMax * DAY_MS);
}

export type SubmitRefusal = "not_released" | "closed" | "attempts_exhausted";

/** Why a new submission is refused at `now`, or null when it is accepted. */
export function refuseSubmission(
  a: AssignmentPolicy,
  opts: { now: Date; dueAt: Date; attemptsUsed: number },
): SubmitRefusal | null {
  if (opts.now < a.releaseAt) return "not_released";
  if (lateness(opts.now, opts.dueAt, a).closed) return "closed";
  if (a.attemptLimit !== null && opts.attemptsUsed >= a.attemptLimit) return "attempts_exhausted";
  return null;
}

export interface ScoredSubmission {
  id: string;
  submittedAt: Date;
  status: string;
  /** After the late penalty; null until graded. */
  score: number | null;
}

/** The submission that counts: the highest graded score (earliest on ties) or the latest graded one. */
export function countingSubmission<S extends ScoredSubmission>(subs: readonly S[], policy: ScorePolicy): S | null {
  let pick: S | null = null;
  for (const s of subs) {
    if (s.status !== "graded" || s.score === null) continue;
    if (!pick) pick = s;
    else if (
      policy === "latest"
        ? s.submittedAt > pick.submittedAt
        : s.score > (pick.score as number) || (s.score === pick.score && s.submittedAt < pick.submittedAt)
    )
      pick = s;
  }
  return pick;
}

/**
 * A submission's score in the assignment item's points: score / maxScore · points (0 when
 * maxScore is 0). Scaled before best/latest picks, so every comparison is like with like.
 */
export function scaleToPoints<S extends ScoredSubmission & { maxScore: number | null }>(
  subs: readonly S[],
  points: number,
): S[] {
  return subs.map((s) => ({ ...s, score: s.score === null ? null : s.maxScore ? (s.score / s.maxScore) * points : 0 }));
}

export interface CellScore<S extends ScoredSubmission = ScoredSubmission> {
  /** The score that counts, or null when nothing is graded and there is no override. */
  score: number | null;
  submission: S | null;
  override: { score: number; reason: string } | null;
}

/** Gradebook cell: a staff override (newest wins) replaces the policy's pick. */
export function cellScore<S extends ScoredSubmission>(
  subs: readonly S[],
  policy: ScorePolicy,
  overrides: readonly { score: number; reason: string; createdAt: Date }[] = [],
): CellScore<S> {
  const submission = countingSubmission(subs, policy);
  let override: { score: number; reason: string; createdAt: Date } | null = null;
  for (const o of overrides) if (!override || o.createdAt > override.createdAt) override = o;
  return {
    score: override ? override.score : (submission?.score ?? null),
    submission,
    override: override ? { score: override.score, reason: override.reason } : null,
  };
}
