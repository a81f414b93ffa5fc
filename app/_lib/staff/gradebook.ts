/**
 * The gradebook: students × exercises of one assignment or of the whole course.
 *
 * Five queries (students, assignments with their exercises, exercise titles,
 * submissions, overrides), then everything is aggregated in memory with the shared
 * policy (grader/policy.ts), so the staff numbers equal the students' numbers.
 * Submission scores are stored after the late penalty; a cell is scaled to the
 * assignment's points for the exercise: cell = score / maxScore · points.
 * Columns are grouped by assignment; the course total weighs each assignment's
 * subtotal: total = Σ weight · subtotal, max = Σ weight · points (weight 1 = plain sum).
 * Staff previews (Submission.staffPreview) are never counted.
 */

import type { Db } from "@/prisma/client";
import { cellScore, scaleToPoints, scorePolicyOf, type ScorePolicy } from "@/grader/policy";
import type { StaffContext } from "@/app/_lib/access";
import { assignmentOfCourse } from "./scope";

export type GradebookFilter = "missing" | "late" | "below" | "errors" | "pending";
export const GRADEBOOK_FILTERS: readonly GradebookFilter[] = ["missing", "late", "below", "errors", "pending"];

export interface GradebookQuery {
  /** One assignment, or the whole course when absent. */
  assignmentId?: string | null;
  /** Overrides each assignment's own best/latest policy when set. */
  policy?: ScorePolicy | null;
  /** Case-insensitive substring of name, email or student id. */
  search?: string | null;
  /** Only the students of this roster section (Enrollment.section). */
  section?: string | null;
  /** "name" | "studentId" | "total" | `sub:${assignmentId}` | a column key. */
  sort?: string | null;
  dir?: "asc" | "desc" | null;
  filter?: GradebookFilter | null;
  /** Percent of the maximum, for the "below" filter. */
  threshold?: number | null;
  page?: number | null;
  /** 0 = all rows (exports). */
  pageSize?: number | null;
}

/** The URL parameters that carry a gradebook view (page, CSV, zip, review's J/K). */
export const GRADEBOOK_PARAMS = ["assignment", "section", "policy", "q", "sort", "dir", "filter", "threshold"] as const;

/** The gradebook query of a URL's parameters; unknown or malformed values are ignored. */
export function gradebookQueryFrom(sp: URLSearchParams): GradebookQuery {
  const filter = sp.get("filter");
  const policy = sp.get("policy");
  const threshold = Number(sp.get("threshold"));
  return {
    assignmentId: sp.get("assignment") || null,
    section: sp.get("section") || null,
    policy: policy === "best" || policy === "latest" ? policy : null,
    search: sp.get("q"),
    sort: sp.get("sort"),
    dir: sp.get("dir") === "desc" ? "desc" : "asc",
    filter: GRADEBOOK_FILTERS.includes(filter as GradebookFilter) ? (filter as GradebookFilter) : null,
    threshold: sp.get("threshold") && Number.isFinite(threshold) ? threshold : null,
  };
}

/** Only the view parameters of `sp` (for links that carry the current filter). */
export function gradebookParams(sp: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of GRADEBOOK_PARAMS) {
    const v = sp.get(k);
    if (v) out.set(k, v);
  }
  return out;
}

export interface GradebookColumn {
  /** `${assignmentId}:${exerciseId}` */
  key: string;
  assignmentId: string;
  assignmentTitleEn: string;
  assignmentTitleZh: string;
  exerciseId: string;
  slug: string;
  titleEn: string;
  titleZh: string;
  points: number;
}

/** One assignment's columns, in order: `columns.slice(first, first + count)`. */
export interface GradebookGroup {
  assignmentId: string;
  titleEn: string;
  titleZh: string;
  weight: number;
  first: number;
  count: number;
  /** Sum of the exercises' points (unweighted). */
  max: number;
}

export interface GradebookCell {
  /** The score that counts, in the column's points; null when missing. */
  score: number | null;
  /** The submission that counts (null when none is graded). */
  submissionId: string | null;
  /** The newest submission of any status, for review links. */
  latestSubmissionId: string | null;
  /** Submitted attempts (kind "submit"). */
  attempts: number;
  /** Late days of the counting submission (0 = on time). */
  lateDays: number;
  override: { score: number; reason: string } | null;
  /** Some submission ended in a grader error. */
  error: boolean;
  /** Some submission is still queued or running. */
  pending: boolean;
}

export interface GradebookRow {
  user: { id: string; name: string; email: string; studentId: string | null };
  cells: GradebookCell[];
  /** Per group (same order as `groups`): the sum of the scored cells, null when every cell is missing. */
  subtotals: (number | null)[];
  /** Σ weight · subtotal (missing cells count 0; `missing` says how many there are). */
  total: number;
  max: number;
  /** total / max in percent (0 when max is 0). */
  percent: number;
  missing: number;
  late: boolean;
  errors: number;
  pending: number;
  /** Sum of the counting submissions' late days. */
  lateDays: number;
}

export interface Gradebook {
  columns: GradebookColumn[];
  groups: GradebookGroup[];
  /** Σ weight · points: every row's `max`. */
  max: number;
  rows: GradebookRow[];
  /** Students in the course. */
  studentCount: number;
  /** Rows after search and filter, before paging. */
  matchCount: number;
  page: number;
  pageSize: number;
  /** The policy applied, or null when each assignment's own policy is used. */
  policy: ScorePolicy | null;
}

interface SubRow {
  id: string;
  userId: string;
  assignmentId: string;
  exerciseId: string;
  submittedAt: Date;
  status: string;
  score: number | null;
  maxScore: number | null;
  lateDays: number;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export async function loadGradebook(db: Db, actor: StaffContext, q: GradebookQuery = {}): Promise<Gradebook> {
  if (q.assignmentId) await assignmentOfCourse(db, actor, q.assignmentId);
  const assignmentWhere = q.assignmentId
    ? { id: q.assignmentId, courseId: actor.courseId }
    : { courseId: actor.courseId };

  const [students, assignments] = await Promise.all([
    db.enrollment.findMany({
      where: { courseId: actor.courseId, role: "student", endedAt: null, ...(q.section ? { section: q.section } : {}) },
      select: { user: { select: { id: true, name: true, email: true, studentId: true } } },
    }),
    db.assignment.findMany({
      where: assignmentWhere,
      orderBy: [{ releaseAt: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        titleEn: true,
        titleZh: true,
        scorePolicy: true,
        weight: true,
        items: {
          orderBy: { position: "asc" },
          select: { exerciseId: true, points: true, exercise: { select: { slug: true, currentVersionId: true } } },
        },
      },
    }),
  ]);
  const assignmentIds = assignments.map((a) => a.id);
  const versionIds = assignments.flatMap((a) =>
    a.items.map((i) => i.exercise.currentVersionId).filter((v): v is string => !!v),
  );

  const [versions, subs, overrides] = await Promise.all([
    db.exerciseVersion.findMany({
      where: { id: { in: versionIds } },
      select: { id: true, titleEn: true, titleZh: true },
    }),
    db.submission.findMany({
      where: { assignmentId: { in: assignmentIds }, kind: "submit", staffPreview: false },
      select: {
        id: true,
        userId: true,
        assignmentId: true,
        exerciseId: true,
        submittedAt: true,
        status: true,
        score: true,
        maxScore: true,
        lateDays: true,
      },
    }),
    db.override.findMany({
      where: { assignmentId: { in: assignmentIds } },
      select: { assignmentId: true, exerciseId: true, userId: true, score: true, reason: true, createdAt: true },
    }),
  ]);
  const title = new Map(versions.map((v) => [v.id, v]));

  const columns: GradebookColumn[] = [];
  const groups: GradebookGroup[] = [];
  const policyOf = new Map<string, ScorePolicy>();
  for (const a of assignments) {
    policyOf.set(a.id, q.policy ?? scorePolicyOf(a.scorePolicy));
    groups.push({
      assignmentId: a.id,
      titleEn: a.titleEn,
      titleZh: a.titleZh,
      weight: a.weight,
      first: columns.length,
      count: a.items.length,
      max: a.items.reduce((t, i) => t + i.points, 0),
    });
    for (const it of a.items) {
      const v = it.exercise.currentVersionId ? title.get(it.exercise.currentVersionId) : undefined;
      columns.push({
        key: `${a.id}:${it.exerciseId}`,
        assignmentId: a.id,
        assignmentTitleEn: a.titleEn,
        assignmentTitleZh: a.titleZh,
        exerciseId: it.exerciseId,
        slug: it.exercise.slug,
        titleEn: v?.titleEn ?? it.exercise.slug,
        titleZh: v?.titleZh ?? it.exercise.slug,
        points: it.points,
      });
    }
  }
  const colIndex = new Map(columns.map((c, i) => [c.key, i]));

  // Group submissions and overrides by (user, column) in one pass each.
  const subsBy = new Map<string, SubRow[]>();
  for (const s of subs) {
    const k = `${s.userId}|${s.assignmentId}:${s.exerciseId}`;
    const list = subsBy.get(k);
    if (list) list.push(s);
    else subsBy.set(k, [s]);
  }
  const ovBy = new Map<string, { score: number; reason: string; createdAt: Date }[]>();
  for (const o of overrides) {
    const k = `${o.userId}|${o.assignmentId}:${o.exerciseId}`;
    const list = ovBy.get(k);
    if (list) list.push(o);
    else ovBy.set(k, [o]);
  }

  const maxTotal = round(groups.reduce((t, g) => t + g.weight * g.max, 0));
  const groupOf = columns.map(() => 0);
  groups.forEach((g, gi) => groupOf.fill(gi, g.first, g.first + g.count));
  let rows: GradebookRow[] = students.map(({ user }) => {
    const subtotals: (number | null)[] = groups.map(() => null);
    let missing = 0;
    let errors = 0;
    let pending = 0;
    let lateDays = 0;
    let late = false;
    const cells = columns.map((c, ci): GradebookCell => {
      const k = `${user.id}|${c.key}`;
      const list = subsBy.get(k) ?? [];
      const cs = cellScore(scaleToPoints(list, c.points), policyOf.get(c.assignmentId) ?? "best", ovBy.get(k) ?? []);
      let latest: SubRow | null = null;
      let error = false;
      let waiting = false;
      for (const s of list) {
        if (!latest || s.submittedAt > latest.submittedAt) latest = s;
        if (s.status === "error") error = true;
        if (s.status === "queued" || s.status === "running") waiting = true;
      }
      const cellLateDays = cs.override ? 0 : (cs.submission?.lateDays ?? 0);
      if (cs.score === null) missing++;
      else subtotals[groupOf[ci]] = (subtotals[groupOf[ci]] ?? 0) + cs.score;
      if (error) errors++;
      if (waiting) pending++;
      lateDays += cellLateDays;
      if (cellLateDays > 0) late = true;
      return {
        score: cs.score === null ? null : round(cs.score),
        submissionId: cs.submission?.id ?? null,
        latestSubmissionId: latest?.id ?? null,
        attempts: list.length,
        lateDays: cellLateDays,
        override: cs.override,
        error,
        pending: waiting,
      };
    });
    const total = round(subtotals.reduce<number>((t, st, gi) => t + groups[gi].weight * (st ?? 0), 0));
    return {
      user,
      cells,
      subtotals: subtotals.map((st) => (st === null ? null : round(st))),
      total,
      max: maxTotal,
      percent: maxTotal ? (100 * total) / maxTotal : 0,
      missing,
      late,
      errors,
      pending,
      lateDays,
    };
  });
  const studentCount = rows.length;

  const needle = q.search?.trim().toLowerCase();
  if (needle) {
    rows = rows.filter(
      (r) =>
        r.user.name.toLowerCase().includes(needle) ||
        r.user.email.toLowerCase().includes(needle) ||
        (r.user.studentId ?? "").toLowerCase().includes(needle),
    );
  }
  if (q.filter === "missing") rows = rows.filter((r) => r.missing > 0);
  else if (q.filter === "late") rows = rows.filter((r) => r.late);
  else if (q.filter === "errors") rows = rows.filter((r) => r.errors > 0);
  else if (q.filter === "pending") rows = rows.filter((r) => r.pending > 0);
  else if (q.filter === "below") {
    const t = q.threshold ?? 60;
    rows = rows.filter((r) => r.percent < t);
  }

  const sign = q.dir === "desc" ? -1 : 1;
  const byName = (a: GradebookRow, b: GradebookRow) =>
    a.user.name.localeCompare(b.user.name, "zh-CN") || a.user.email.localeCompare(b.user.email);
  const sort = q.sort ?? "name";
  const col = colIndex.get(sort);
  const group = sort.startsWith("sub:") ? groups.findIndex((g) => `sub:${g.assignmentId}` === sort) : -1;
  const cmp: (a: GradebookRow, b: GradebookRow) => number =
    sort === "total"
      ? (a, b) => a.total - b.total
      : group >= 0
        ? (a, b) => (a.subtotals[group] ?? -1) - (b.subtotals[group] ?? -1)
        : sort === "studentId"
          ? (a, b) => (a.user.studentId ?? "").localeCompare(b.user.studentId ?? "", "en", { numeric: true })
          : col !== undefined
            ? (a, b) => (a.cells[col].score ?? -1) - (b.cells[col].score ?? -1)
            : byName;
  rows.sort((a, b) => sign * cmp(a, b) || byName(a, b));

  const matchCount = rows.length;
  const pageSize = q.pageSize === 0 ? Math.max(1, matchCount) : Math.max(1, Math.min(q.pageSize ?? 300, 1000));
  const pages = Math.max(1, Math.ceil(matchCount / pageSize));
  const page = Math.min(Math.max(1, q.page ?? 1), pages);
  rows = rows.slice((page - 1) * pageSize, page * pageSize);

  return {
    columns,
    groups,
    max: maxTotal,
    rows,
    studentCount,
    matchCount,
    page,
    pageSize,
    policy: q.policy ?? null,
  };
}
