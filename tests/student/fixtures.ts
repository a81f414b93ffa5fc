/** A small course in a fresh test database: two students, a TA, one exercise, one assignment. */

import type { Db } from "@/prisma/client";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export interface Fixture {
  courseId: string;
  otherCourseId: string;
  alice: string;
  bob: string;
  ta: string;
  exerciseId: string;
  versionId: string;
  assignmentId: string;
  unreleasedId: string;
  now: Date;
}

export const STARTER = "export function f(x: number[]): number[] {\n  return x;\n}\n";

export async function makeFixture(
  db: Db,
  opts: {
    now?: Date;
    attemptLimit?: number | null;
    dueInMs?: number;
    latePenaltyPerDay?: number;
    lateDaysMax?: number;
  } = {},
): Promise<Fixture> {
  const now = opts.now ?? new Date("2026-11-20T12:00:00Z");
  const course = await db.course.create({
    data: { slug: `c-${Math.random().toString(36).slice(2)}`, titleEn: "Course", titleZh: "课程" },
  });
  const other = await db.course.create({
    data: { slug: `o-${Math.random().toString(36).slice(2)}`, titleEn: "Other", titleZh: "其他" },
  });
  const user = (name: string) =>
    db.user.create({ data: { email: `${name}-${Math.random().toString(36).slice(2)}@example.edu`, name } });
  const [alice, bob, ta] = await Promise.all([user("alice"), user("bob"), user("ta")]);
  await db.enrollment.createMany({
    data: [
      { courseId: course.id, userId: alice.id, role: "student" },
      { courseId: course.id, userId: bob.id, role: "student" },
      { courseId: course.id, userId: ta.id, role: "ta" },
      { courseId: other.id, userId: alice.id, role: "student" },
    ],
  });
  const exercise = await db.exercise.create({
    data: { slug: `ex-${Math.random().toString(36).slice(2)}`, section: "10.3" },
  });
  const version = await db.exerciseVersion.create({
    data: {
      exerciseId: exercise.id,
      version: 1,
      hash: "h1",
      titleEn: "Identity",
      titleZh: "恒等",
      points: 10,
      entry: "f",
      declaration: "export declare function f(x: number[]): number[];",
      promptEn: "Return $x$.",
      promptZh: "返回 $x$。",
      starter: STARTER,
      metaJson: "{}",
    },
  });
  await db.exercise.update({ where: { id: exercise.id }, data: { currentVersionId: version.id } });
  const assignment = await db.assignment.create({
    data: {
      courseId: course.id,
      titleEn: "A1",
      titleZh: "作业一",
      releaseAt: new Date(now.getTime() - DAY),
      dueAt: new Date(now.getTime() + (opts.dueInMs ?? DAY)),
      latePenaltyPerDay: opts.latePenaltyPerDay ?? 0.1,
      lateDaysMax: opts.lateDaysMax ?? 3,
      attemptLimit: opts.attemptLimit === undefined ? 3 : opts.attemptLimit,
      items: { create: { exerciseId: exercise.id, points: 20, position: 0 } },
    },
  });
  const unreleased = await db.assignment.create({
    data: {
      courseId: course.id,
      titleEn: "A2",
      titleZh: "作业二",
      releaseAt: new Date(now.getTime() + DAY),
      dueAt: new Date(now.getTime() + 7 * DAY),
      items: { create: { exerciseId: exercise.id, points: 10, position: 0 } },
    },
  });
  return {
    courseId: course.id,
    otherCourseId: other.id,
    alice: alice.id,
    bob: bob.id,
    ta: ta.id,
    exerciseId: exercise.id,
    versionId: version.id,
    assignmentId: assignment.id,
    unreleasedId: unreleased.id,
    now,
  };
}

export { DAY, HOUR };
