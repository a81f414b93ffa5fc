/**
 * Names instead of ids, for the sentences of the audit log and the notifications: members of
 * one course by name, exercises as "10.3 <title>" and assignments by title, in the reader's language.
 */

import type { Db } from "@/prisma/client";
import { localized } from "@/app/_i18n/localized";

export interface Names {
  user(id: unknown): string;
  exercise(id: unknown): string;
  assignment(id: unknown): string;
}

export interface NameIds {
  users: Iterable<string>;
  exercises: Iterable<string>;
  assignments: Iterable<string>;
}

const UNKNOWN = "?";
const key = (id: unknown) => (typeof id === "string" ? id : "");

/** One query per kind; users are named only if they are (or were) members of `courseId`. */
export async function lookupNames(db: Db, courseId: string, ids: NameIds, locale: string): Promise<Names> {
  const [users, exercises, assignments] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [...ids.users] }, enrollments: { some: { courseId } } },
      select: { id: true, name: true },
    }),
    db.exercise.findMany({
      where: { id: { in: [...ids.exercises] } },
      select: { id: true, section: true, currentVersionId: true },
    }),
    db.assignment.findMany({
      where: { id: { in: [...ids.assignments] }, courseId },
      select: { id: true, titleEn: true, titleZh: true },
    }),
  ]);
  const versions = await db.exerciseVersion.findMany({
    where: { id: { in: exercises.map((e) => e.currentVersionId ?? "") } },
    select: { id: true, titleEn: true, titleZh: true },
  });
  const versionTitle = new Map(versions.map((v) => [v.id, localized(v, locale)]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const exerciseTitle = new Map(
    exercises.map((e) => [e.id, `${e.section} ${versionTitle.get(e.currentVersionId ?? "") ?? ""}`.trim()]),
  );
  const assignmentTitle = new Map(assignments.map((a) => [a.id, localized(a, locale)]));
  return {
    user: (id) => userName.get(key(id)) ?? UNKNOWN,
    exercise: (id) => exerciseTitle.get(key(id)) ?? UNKNOWN,
    assignment: (id) => assignmentTitle.get(key(id)) ?? UNKNOWN,
  };
}
