/**
 * Two courses for staff tests: A (instructor, TA, two students, one assignment with two
 * exercises, graded submissions with case results) and B (its own instructor, student,
 * assignment). Rows are inserted directly; the grading queue itself is tested by the grader.
 */

import type { Db } from "@/prisma/client";
import { staffAccess, type StaffContext } from "@/app/_lib/access";

export interface StaffFixture {
  a: {
    courseId: string;
    instructor: string;
    ta: string;
    students: string[];
    assignmentId: string;
    exercises: string[];
    submissions: string[];
  };
  b: { courseId: string; instructor: string; student: string; assignmentId: string; submission: string };
  actor(userId: string, courseId: string): Promise<StaffContext>;
}

const DAY = 86_400_000;

export async function addExercise(db: Db, slug: string, points = 10) {
  const ex = await db.exercise.create({ data: { slug, section: "10.1" } });
  const v = await db.exerciseVersion.create({
    data: {
      exerciseId: ex.id,
      version: 1,
      hash: `h-${slug}`,
      titleEn: `Title ${slug}`,
      titleZh: `标题 ${slug}`,
      points,
      entry: "f",
      declaration: "",
      promptEn: "",
      promptZh: "",
      starter: "",
      metaJson: "{}",
    },
  });
  await db.exercise.update({ where: { id: ex.id }, data: { currentVersionId: v.id } });
  return { exerciseId: ex.id, versionId: v.id };
}

/** A graded submission with a result of two cases (one visible, one hidden). */
export async function addGraded(
  db: Db,
  o: {
    userId: string;
    assignmentId: string;
    exerciseId: string;
    versionId: string;
    raw: number;
    max?: number;
    at: Date;
    lateDays?: number;
    latePenalty?: number;
    hintId?: string | null;
    code?: string;
  },
) {
  const max = o.max ?? 10;
  const penalty = o.latePenalty ?? 0;
  const s = await db.submission.create({
    data: {
      userId: o.userId,
      assignmentId: o.assignmentId,
      exerciseId: o.exerciseId,
      exerciseVersionId: o.versionId,
      code: o.code ?? "export function f(x: number) {\n  return x;\n}\n",
      status: "graded",
      submittedAt: o.at,
      lateDays: o.lateDays ?? 0,
      latePenalty: penalty,
      score: o.raw * (1 - penalty),
      maxScore: max,
    },
  });
  const r = await db.gradingResult.create({
    data: {
      submissionId: s.id,
      exerciseVersionId: o.versionId,
      status: "ok",
      score: o.raw,
      maxScore: max,
      message: JSON.stringify({ en: "done", zh: "完成" }),
      timingsJson: JSON.stringify({ totalMs: 5 }),
      cases: {
        create: [
          {
            position: 0,
            name: "visible 1",
            visibility: "visible",
            status: "passed",
            score: max / 2,
            maxScore: max / 2,
            message: JSON.stringify({ en: "ok", zh: "通过" }),
            inputJson: "[1]",
            expectedJson: "1",
            actualJson: "1",
            timingsJson: "{}",
          },
          {
            position: 1,
            name: "hidden 1",
            visibility: "hidden",
            status: o.raw >= max ? "passed" : "failed",
            score: o.raw >= max ? max / 2 : 0,
            maxScore: max / 2,
            message: JSON.stringify({ en: "values differ", zh: "数值不同" }),
            hintId: o.raw >= max ? null : (o.hintId ?? null),
            inputJson: "[2]",
            expectedJson: "2",
            actualJson: "3",
            timingsJson: "{}",
          },
        ],
      },
    },
  });
  await db.submission.update({ where: { id: s.id }, data: { resultId: r.id } });
  return s.id;
}

export async function createStaffFixture(db: Db): Promise<StaffFixture> {
  const user = (email: string, name: string, studentId?: string) =>
    db.user.create({ data: { email, name, studentId } });
  const [ia, ta, s1, s2, ib, sb] = await Promise.all([
    user("inst-a@example.edu", "Instructor A"),
    user("ta-a@example.edu", "TA A"),
    user("s1@example.edu", "王小明", "2026001"),
    user("s2@example.edu", "Smith, Jane", "2026002"),
    user("inst-b@example.edu", "Instructor B"),
    user("sb@example.edu", "Student B", "2026999"),
  ]);
  const ca = await db.course.create({ data: { slug: "course-a", titleEn: "Course A", titleZh: "课程 A" } });
  const cb = await db.course.create({ data: { slug: "course-b", titleEn: "Course B", titleZh: "课程 B" } });
  await db.enrollment.createMany({
    data: [
      { courseId: ca.id, userId: ia.id, role: "instructor" },
      { courseId: ca.id, userId: ta.id, role: "ta" },
      { courseId: ca.id, userId: s1.id, role: "student" },
      { courseId: ca.id, userId: s2.id, role: "student" },
      { courseId: cb.id, userId: ib.id, role: "instructor" },
      { courseId: cb.id, userId: sb.id, role: "student" },
    ],
  });
  const e1 = await addExercise(db, "ex-one");
  const e2 = await addExercise(db, "ex-two");
  const now = Date.now();
  const mk = (courseId: string, items: string[]) =>
    db.assignment.create({
      data: {
        courseId,
        titleEn: "HW 1",
        titleZh: "作业 1",
        releaseAt: new Date(now - 10 * DAY),
        dueAt: new Date(now - 2 * DAY),
        latePenaltyPerDay: 0.1,
        lateDaysMax: 3,
        scorePolicy: "best",
        items: { create: items.map((exerciseId, position) => ({ exerciseId, points: 10, position })) },
      },
    });
  const aa = await mk(ca.id, [e1.exerciseId, e2.exerciseId]);
  const ab = await mk(cb.id, [e1.exerciseId]);
  const base = { assignmentId: aa.id };
  const subs = [
    // s1: ex-one 6 then 10 (best 10, latest 10); ex-two 8 on time then 10 one day late (−10 % → 9)
    await addGraded(db, {
      ...base,
      userId: s1.id,
      ...e1,
      raw: 6,
      at: new Date(now - 5 * DAY),
      hintId: "hopfield.energy.missing-half",
    }),
    await addGraded(db, { ...base, userId: s1.id, ...e1, raw: 10, at: new Date(now - 4 * DAY) }),
    await addGraded(db, {
      ...base,
      userId: s1.id,
      ...e2,
      raw: 8,
      at: new Date(now - 5 * DAY),
      hintId: "hopfield.energy.missing-half",
    }),
    await addGraded(db, {
      ...base,
      userId: s1.id,
      ...e2,
      raw: 10,
      at: new Date(now - 1.5 * DAY),
      lateDays: 1,
      latePenalty: 0.1,
    }),
    // s2: ex-one 4 then 2 (best 4, latest 2); nothing for ex-two
    await addGraded(db, {
      ...base,
      userId: s2.id,
      ...e1,
      raw: 4,
      at: new Date(now - 6 * DAY),
      hintId: "hopfield.energy.diag",
    }),
    await addGraded(db, {
      ...base,
      userId: s2.id,
      ...e1,
      raw: 2,
      at: new Date(now - 3 * DAY),
      hintId: "hopfield.energy.missing-half",
    }),
  ];
  const subB = await addGraded(db, { assignmentId: ab.id, userId: sb.id, ...e1, raw: 5, at: new Date(now - 5 * DAY) });
  return {
    a: {
      courseId: ca.id,
      instructor: ia.id,
      ta: ta.id,
      students: [s1.id, s2.id],
      assignmentId: aa.id,
      exercises: [e1.exerciseId, e2.exerciseId],
      submissions: subs,
    },
    b: { courseId: cb.id, instructor: ib.id, student: sb.id, assignmentId: ab.id, submission: subB },
    actor: (userId, courseId) => staffAccess(db, userId, courseId),
  };
}
