/**
 * The audit log read as sentences: "Chen Jing changed Alice Martin's score on 10.3 CD-1 from 10 to 8".
 * `describeAudit` turns rows into a message key (under staff `audit.sentence`) with the actor's and
 * subject's names and the exercise and assignment titles in the reader's language, never an id; and
 * `auditFields` into the structured before/after with ids replaced by the same names.
 */

import type { Db } from "@/prisma/client";
import { formatScore } from "@/app/_components/results/ValueView";
import { lookupNames, type Names } from "@/app/_lib/people/names";
import type { AuditRow } from "./audit";

/** A sentence: the key under `audit.sentence` and its ICU parameters. */
export interface AuditSentence {
  key: string;
  params: Record<string, string | number | Date>;
}

/** One changed (or recorded) field, before and after, with names instead of ids. */
export interface AuditField {
  field: string;
  before: string | null;
  after: string | null;
}

/** The names an audit page needs, looked up once for all of its rows. */
export interface AuditNames extends Names {
  /** The student and exercise of a submission. */
  submission(id: unknown): { userId: string; exerciseId: string; assignmentId: string } | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
/** Scores as students read them (two decimals at most); the exact value stays in the row. */
const score = (v: unknown): string => (typeof v === "number" ? formatScore(v) : "—");

function collectIds(rows: readonly AuditRow[]) {
  const users = new Set<string>();
  const exercises = new Set<string>();
  const assignments = new Set<string>();
  const submissions = new Set<string>();
  for (const r of rows) {
    if (r.subjectId) users.add(r.subjectId);
    for (const side of [obj(r.before), obj(r.after)]) {
      const add = (set: Set<string>, v: unknown) => typeof v === "string" && set.add(v);
      add(users, side.userId);
      add(exercises, side.exerciseId);
      add(assignments, side.assignmentId);
      add(submissions, side.submissionId);
    }
    if (r.entityType === "Submission") submissions.add(r.entityId);
    if (r.entityType === "Assignment") assignments.add(r.entityId);
  }
  return { users, exercises, assignments, submissions };
}

/** Looks up every name the rows mention, in the reader's language. */
export async function auditNames(
  db: Db,
  courseId: string,
  rows: readonly AuditRow[],
  locale: string,
): Promise<AuditNames> {
  const ids = collectIds(rows);
  const subs = await db.submission.findMany({
    where: { id: { in: [...ids.submissions] }, assignment: { courseId } },
    select: { id: true, userId: true, exerciseId: true, assignmentId: true },
  });
  for (const s of subs) {
    ids.users.add(s.userId);
    ids.exercises.add(s.exerciseId);
  }
  const names = await lookupNames(db, courseId, ids, locale);
  const subOf = new Map(subs.map((s) => [s.id, s]));
  return { ...names, submission: (id) => subOf.get(typeof id === "string" ? id : "") ?? null };
}

/** The row as a sentence; the reason is shown after it by the page. */
export function describeAudit(r: AuditRow, names: AuditNames): AuditSentence {
  const before = obj(r.before);
  const after = obj(r.after);
  const actor = r.actor.name;
  const student = names.user(r.subjectId ?? after.userId ?? before.userId);
  switch (r.action) {
    case "override":
      return {
        key: before.score === null || before.score === undefined ? "overrideFirst" : "override",
        params: {
          actor,
          student,
          exercise: names.exercise(after.exerciseId),
          before: score(before.score),
          after: score(after.score),
        },
      };
    case "regrade":
    case "comment": {
      const sub = names.submission(r.action === "regrade" ? r.entityId : after.submissionId);
      const common = {
        actor,
        student: names.user(sub?.userId ?? r.subjectId),
        exercise: names.exercise(sub?.exerciseId),
      };
      if (r.action === "regrade")
        return { key: "regrade", params: { ...common, before: score(before.score), after: score(after.score) } };
      return typeof after.line === "number"
        ? { key: "commentLine", params: { ...common, line: after.line } }
        : { key: "comment", params: common };
    }
    case "assignment.create":
      return { key: "assignmentCreate", params: { actor, assignment: names.assignment(r.entityId) } };
    case "assignment.update":
      return {
        key: "assignmentUpdate",
        params: { actor, assignment: names.assignment(r.entityId), count: changedFields(before, after).length },
      };
    case "extension.set":
      return {
        key: "extensionSet",
        params: {
          actor,
          student,
          assignment: names.assignment(after.assignmentId),
          due: new Date(String(after.dueAt)),
        },
      };
    case "extension.remove":
      return { key: "extensionRemove", params: { actor, student, assignment: names.assignment(before.assignmentId) } };
    case "roster.import": {
      const list = (v: unknown) => (Array.isArray(v) ? v.length : 0);
      return { key: "rosterImport", params: { actor, added: list(after.enrolled), skipped: list(after.skipped) } };
    }
    case "member.role":
      return { key: "memberRole", params: { actor, student, before: String(before.role), after: String(after.role) } };
    case "member.section":
      return {
        key: after.section ? "memberSection" : "memberSectionNone",
        params: { actor, student, section: typeof after.section === "string" ? after.section : "" },
      };
    case "member.remove":
      return { key: "memberRemove", params: { actor, student } };
    case "member.invite":
      return { key: "memberInvite", params: { actor, student } };
    case "request.file":
      return {
        key: after.kind === "problem" ? "requestProblem" : "requestReview",
        params: { actor, exercise: names.exercise(after.exerciseId) },
      };
    case "request.answer":
      return {
        key: "requestAnswer",
        params: { actor, student, exercise: names.exercise(after.exerciseId ?? before.exerciseId) },
      };
    case "request.close":
      return {
        key: "requestClose",
        params: { actor, student, exercise: names.exercise(after.exerciseId ?? before.exerciseId) },
      };
    default:
      return { key: "other", params: { actor } };
  }
}

/** Fields whose value differs between before and after. */
function changedFields(before: Obj, after: Obj): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

/**
 * The structured before/after of a row, one line per field, with ids replaced by names and
 * internal ids (results, versions, the row's own id) left out.
 */
export function auditFields(r: AuditRow, names: AuditNames): AuditField[] {
  const before = obj(r.before);
  const after = obj(r.after);
  const show = (k: string, v: unknown): string | null => {
    if (v === undefined || v === null) return null;
    if (k === "userId") return names.user(v);
    if (k === "exerciseId") return names.exercise(v);
    if (k === "assignmentId") return names.assignment(v);
    if (k === "submissionId") {
      const s = names.submission(v);
      return s ? `${names.user(s.userId)} · ${names.exercise(s.exerciseId)}` : null;
    }
    if (typeof v === "number") return score(v);
    if (typeof v === "string") return v;
    if (Array.isArray(v))
      return v.map((x) => (x && typeof x === "object" ? describeObject(x as Obj) : String(x))).join("; ");
    return describeObject(v as Obj);
  };
  const label = (k: string) => (k.endsWith("Id") ? k.slice(0, -2) : k);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !/^(resultId|exerciseVersionId|id)$/.test(k))
    .map((k) => ({ field: label(k), before: show(k, before[k]), after: show(k, after[k]) }))
    .filter((f) => f.before !== null || f.after !== null);
}

/** A nested value as "key: value, …", without ids. */
function describeObject(o: Obj): string {
  return Object.entries(o)
    .filter(([k]) => !k.endsWith("Id"))
    .map(([k, v]) => `${k}: ${typeof v === "number" ? score(v) : typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
}
