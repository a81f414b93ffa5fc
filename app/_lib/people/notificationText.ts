/**
 * A notification as a sentence (a key under people `notifications`) and the page it leads to,
 * with names and titles in the reader's language.
 */

import type { Db } from "@/prisma/client";
import { formatScore } from "@/app/_components/results/ValueView";
import { lookupNames, type Names } from "./names";
import type { NotificationRow } from "./notifications";

export interface NotificationText {
  key: string;
  params: Record<string, string | number>;
  href: string;
}

const score = (v: number | null) => (v === null ? "—" : formatScore(v));

/** The names every row needs, looked up once per course. */
export async function notificationNames(db: Db, rows: readonly NotificationRow[], locale: string) {
  const byCourse = new Map<string, NotificationRow[]>();
  for (const r of rows) byCourse.set(r.courseId, [...(byCourse.get(r.courseId) ?? []), r]);
  const out = new Map<string, Names>();
  for (const [courseId, list] of byCourse) {
    const users = list.flatMap((r) => ("actorId" in r.data ? [r.data.actorId] : []));
    out.set(
      courseId,
      await lookupNames(
        db,
        courseId,
        { users, exercises: list.map((r) => r.data.exerciseId), assignments: [] },
        locale,
      ),
    );
  }
  return out;
}

/** The page a notification leads to: the submission, the exercise, or the staff's request queue. */
export function notificationHref(r: NotificationRow): string {
  const course = `/courses/${encodeURIComponent(r.courseId)}`;
  const d = r.data;
  const exercise = `${course}/assignments/${encodeURIComponent(d.assignmentId)}/exercises/${encodeURIComponent(d.exerciseId)}`;
  const submission = (id: string) => `${course}/submissions/${encodeURIComponent(id)}`;
  switch (d.kind) {
    case "comment":
    case "regrade":
      return submission(d.submissionId);
    case "override":
      return exercise;
    case "answer":
      return d.submissionId ? submission(d.submissionId) : exercise;
    case "request":
      return `${course}/staff/requests`;
  }
}

export function describeNotification(r: NotificationRow, names: Names): NotificationText {
  const d = r.data;
  const exercise = names.exercise(d.exerciseId);
  const href = notificationHref(r);
  switch (d.kind) {
    case "comment":
    case "answer":
      return { key: d.kind, params: { actor: names.user(d.actorId), exercise }, href };
    case "override":
      return { key: "override", params: { actor: names.user(d.actorId), exercise, score: score(d.score) }, href };
    case "regrade":
      return { key: "regrade", params: { exercise, before: score(d.before), after: score(d.after) }, href };
    case "request":
      return {
        key: d.requestKind === "problem" ? "requestProblem" : "requestReview",
        params: { actor: names.user(d.actorId), exercise },
        href,
      };
  }
}
