/**
 * Analytics of one assignment (optionally one of its exercises): score histogram,
 * pass rate of each hidden case, most frequent misconceptions (CaseResult.hintId) and
 * median attempts to full marks. Scores are those that count (policy + overrides,
 * as in the gradebook); hidden-case pass rates use each student's counting submission.
 * Every count is of submissions (never of case rows); staff previews are left out.
 * Per exercise version, every case's pass rate over all graded submissions (the drill-down),
 * and the exercise's discrimination: the correlation of its score with the rest of the
 * assignment across the students who scored anything in it (PrairieLearn's measure).
 */

import type { Db } from "@/prisma/client";
import { countingSubmission, scorePolicyOf } from "@/grader/policy";
import type { StaffContext } from "@/app/_lib/access";
import { AccessError } from "@/app/_lib/errors";
import { assignmentOfCourse } from "./scope";
import { loadGradebook } from "./gradebook";
import { parseBilingual } from "@/app/_lib/student/view";
import type { Bilingual } from "@/app/_lib/student/types";

export interface HistogramBin {
  /** Percent of the maximum, inclusive lower bound. */
  from: number;
  /** Exclusive upper bound, except the last bin (100 is included). */
  to: number;
  count: number;
}

export interface CasePassRate {
  position: number;
  name: Bilingual;
  passed: number;
  total: number;
  /** passed / total, in [0, 1]. */
  rate: number;
}

export interface MisconceptionCount {
  hintId: string;
  /** The registered hint text (from the exercise version's metadata), when known. */
  hint: { en: string; zh: string } | null;
  /** Graded submissions with a failing case carrying this hint. */
  count: number;
  /** Distinct students who got it. */
  students: number;
}

export interface VersionCases {
  versionId: string;
  version: number;
  /** Graded submissions whose current result is of this version. */
  submissions: number;
  /** Every case (visible and hidden), by position: passed of the submissions that ran it. */
  cases: CasePassRate[];
}

export interface ExerciseAnalytics {
  exerciseId: string;
  slug: string;
  titleEn: string;
  titleZh: string;
  points: number;
  histogram: HistogramBin[];
  /** Students with a score that counts. */
  scored: number;
  hiddenCases: CasePassRate[];
  misconceptions: MisconceptionCount[];
  /** Median over students who reached full marks of the attempt number of their first full-marks submission; null if none did. */
  medianAttemptsToFull: number | null;
  reachedFull: number;
  /** Submitted attempts of every status. */
  submissions: number;
  versions: VersionCases[];
  /** Pearson correlation of this exercise's score with the rest of the assignment; null below 3 students or without spread. */
  discrimination: number | null;
}

export interface AssignmentAnalytics {
  assignmentId: string;
  students: number;
  /** Histogram of assignment totals. */
  histogram: HistogramBin[];
  exercises: ExerciseAnalytics[];
}

/** Ten bins of 10 percentage points; 100 % falls in the last. */
export function histogram(percents: readonly number[], bins = 10): HistogramBin[] {
  const width = 100 / bins;
  const out = Array.from({ length: bins }, (_, i) => ({ from: i * width, to: (i + 1) * width, count: 0 }));
  for (const p of percents) out[Math.min(bins - 1, Math.max(0, Math.floor(p / width)))].count++;
  return out;
}

interface CaseRow {
  resultId: string;
  position: number;
  name: string;
  status: string;
}

/** Pass rate of each case position over the given case results (one per submission that ran it). */
function passRates(rows: readonly CaseRow[]): CasePassRate[] {
  const cases = new Map<number, CasePassRate>();
  for (const c of rows) {
    const e = cases.get(c.position) ?? {
      position: c.position,
      name: parseBilingual(c.name) ?? { en: "", zh: "" },
      passed: 0,
      total: 0,
      rate: 0,
    };
    e.total++;
    if (c.status === "passed") e.passed++;
    cases.set(c.position, e);
  }
  return [...cases.values()]
    .sort((x, y) => x.position - y.position)
    .map((e) => ({ ...e, rate: e.total ? e.passed / e.total : 0 }));
}

/** Pearson correlation of two equally long series; null when either has no spread or there are fewer than 3 pairs. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 3 || ys.length !== n) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  // Relative to the data's scale: a constant series has no correlation to speak of.
  if (sxx <= 1e-12 * (1 + mx * mx) * n || syy <= 1e-12 * (1 + my * my) * n) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Middle value (mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function loadAnalytics(
  db: Db,
  actor: StaffContext,
  assignmentId: string,
  exerciseId?: string | null,
): Promise<AssignmentAnalytics> {
  const a = await assignmentOfCourse(db, actor, assignmentId);
  const book = await loadGradebook(db, actor, { assignmentId, pageSize: 0 });
  const cols = exerciseId ? book.columns.filter((c) => c.exerciseId === exerciseId) : book.columns;
  if (exerciseId && cols.length === 0) throw new AccessError("not_found", "exercise");
  const studentIds = new Set(book.rows.map((r) => r.user.id));

  const subs = await db.submission.findMany({
    where: {
      assignmentId,
      kind: "submit",
      staffPreview: false,
      ...(exerciseId ? { exerciseId } : {}),
      userId: { in: [...studentIds] },
    },
    select: {
      id: true,
      userId: true,
      exerciseId: true,
      submittedAt: true,
      status: true,
      score: true,
      resultId: true,
      result: { select: { score: true, maxScore: true } },
    },
    orderBy: { submittedAt: "asc" },
  });
  const byCell = new Map<string, typeof subs>();
  for (const s of subs) {
    const k = `${s.exerciseId}|${s.userId}`;
    const l = byCell.get(k);
    if (l) l.push(s);
    else byCell.set(k, [s]);
  }

  // Counting submissions' current results → hidden case pass rates.
  const countingResultIds: string[] = [];
  for (const l of byCell.values()) {
    const c = countingSubmission(l, scorePolicyOf(a.scorePolicy));
    if (c?.resultId) countingResultIds.push(c.resultId);
  }
  const allResultIds = subs.map((s) => s.resultId).filter((r): r is string => !!r);
  const [hiddenCases, hinted, allCases] = await Promise.all([
    db.caseResult.findMany({
      where: { resultId: { in: countingResultIds }, visibility: { not: "visible" } },
      select: {
        resultId: true,
        position: true,
        name: true,
        status: true,
        result: { select: { submission: { select: { exerciseId: true } } } },
      },
    }),
    db.caseResult.findMany({
      where: { resultId: { in: allResultIds }, hintId: { not: null } },
      select: {
        hintId: true,
        resultId: true,
        result: { select: { submission: { select: { exerciseId: true, userId: true } } } },
      },
    }),
    db.caseResult.findMany({
      where: { resultId: { in: allResultIds } },
      select: {
        resultId: true,
        position: true,
        name: true,
        status: true,
        result: { select: { exerciseVersionId: true, submission: { select: { exerciseId: true } } } },
      },
    }),
  ]);
  const versionRows = await db.exerciseVersion.findMany({
    where: { id: { in: [...new Set(allCases.map((c) => c.result.exerciseVersionId))] } },
    select: { id: true, version: true },
  });
  const versionNumber = new Map(versionRows.map((v) => [v.id, v.version]));

  // Hint texts of the registered misconceptions (ExerciseVersion.metaJson, written by exercises/sync.ts).
  const exRows = await db.exercise.findMany({
    where: { id: { in: cols.map((c) => c.exerciseId) } },
    select: { currentVersionId: true },
  });
  const metas = await db.exerciseVersion.findMany({
    where: { id: { in: exRows.map((e) => e.currentVersionId).filter((v): v is string => !!v) } },
    select: { metaJson: true },
  });
  const hints = new Map<string, { en: string; zh: string }>();
  for (const m of metas) {
    try {
      const meta = JSON.parse(m.metaJson) as { misconceptions?: { id: string; hint: { en: string; zh: string } }[] };
      for (const x of meta.misconceptions ?? []) hints.set(x.id, x.hint);
    } catch {
      // metadata without misconceptions
    }
  }

  const exercises = cols.map((col): ExerciseAnalytics => {
    const ci = book.columns.indexOf(col);
    const scores = book.rows.map((r) => r.cells[ci].score).filter((s): s is number => s !== null);

    const hiddenRates = passRates(hiddenCases.filter((c) => c.result.submission.exerciseId === col.exerciseId));

    const mis = new Map<string, { results: Set<string>; students: Set<string> }>();
    for (const h of hinted) {
      if (h.result.submission.exerciseId !== col.exerciseId || !h.hintId) continue;
      const m = mis.get(h.hintId) ?? { results: new Set<string>(), students: new Set<string>() };
      m.results.add(h.resultId);
      m.students.add(h.result.submission.userId);
      mis.set(h.hintId, m);
    }

    const byVersion = new Map<string, CaseRow[]>();
    for (const c of allCases) {
      if (c.result.submission.exerciseId !== col.exerciseId) continue;
      const list = byVersion.get(c.result.exerciseVersionId);
      if (list) list.push(c);
      else byVersion.set(c.result.exerciseVersionId, [c]);
    }
    const versions = [...byVersion.entries()]
      .map(([versionId, rows]) => ({
        versionId,
        version: versionNumber.get(versionId) ?? 0,
        submissions: new Set(rows.map((r) => r.resultId)).size,
        cases: passRates(rows),
      }))
      .sort((x, y) => y.version - x.version);

    // Students who scored anything in the assignment; a missing cell counts 0 on both sides.
    const took = book.rows.filter((r) => r.subtotals.some((st) => st !== null));
    const own = took.map((r) => r.cells[ci].score ?? 0);
    const rest = took.map((r, i) => r.subtotals.reduce<number>((t, st) => t + (st ?? 0), 0) - own[i]);

    const attempts: number[] = [];
    for (const uid of studentIds) {
      const l = byCell.get(`${col.exerciseId}|${uid}`) ?? [];
      const i = l.findIndex(
        (s) => s.status === "graded" && s.result && s.result.maxScore > 0 && s.result.score >= s.result.maxScore,
      );
      if (i >= 0) attempts.push(i + 1);
    }

    return {
      exerciseId: col.exerciseId,
      slug: col.slug,
      titleEn: col.titleEn,
      titleZh: col.titleZh,
      points: col.points,
      histogram: histogram(scores.map((s) => (col.points ? (100 * s) / col.points : 0))),
      scored: scores.length,
      hiddenCases: hiddenRates,
      misconceptions: [...mis.entries()]
        .map(([hintId, m]) => ({
          hintId,
          hint: hints.get(hintId) ?? null,
          count: m.results.size,
          students: m.students.size,
        }))
        .sort((x, y) => y.count - x.count || x.hintId.localeCompare(y.hintId)),
      medianAttemptsToFull: median(attempts),
      reachedFull: attempts.length,
      submissions: subs.filter((x) => x.exerciseId === col.exerciseId).length,
      versions,
      discrimination: book.columns.length > 1 ? pearson(own, rest) : null,
    };
  });

  return {
    assignmentId,
    students: book.studentCount,
    histogram: histogram(book.rows.map((r) => r.percent)),
    exercises,
  };
}
