/**
 * A large course for the gradebook timing: `students` students × `exercises` exercises in
 * one assignment, each cell with 1–3 graded submissions (some late), a few overrides and
 * grader errors. Inserted with createMany in one transaction (a few seconds).
 */

import type { Db } from "@/prisma/client";
import type { Prisma } from "@/prisma/generated/client";
import { Rng } from "@/reference/random";

export interface LargeCourse {
  courseId: string;
  assignmentId: string;
  instructorId: string;
  instructorEmail: string;
}

export async function seedLargeCourse(
  db: Db,
  opts: { students?: number; exercises?: number; password?: string | null; slug?: string } = {},
): Promise<LargeCourse> {
  const nStudents = opts.students ?? 300;
  const nExercises = opts.exercises ?? 25;
  const slug = opts.slug ?? "large-course";
  const rng = new Rng(`${slug}-${nStudents}x${nExercises}`);
  const day = 86_400_000;
  const now = Date.now();
  const passwordHash = opts.password ?? null;

  return db.$transaction(
    async (tx) => {
      const course = await tx.course.create({
        data: { slug, titleEn: `Large course ${nStudents}×${nExercises}`, titleZh: `大课 ${nStudents}×${nExercises}` },
      });
      const instructorEmail = `instructor@${slug}.example.edu`;
      const inst = await tx.user.create({ data: { email: instructorEmail, name: "Large Instructor", passwordHash } });
      await tx.enrollment.create({ data: { courseId: course.id, userId: inst.id, role: "instructor" } });

      const users = Array.from({ length: nStudents }, (_, i) => ({
        id: `${slug}-u${i}`,
        email: `s${i}@${slug}.example.edu`,
        name: i % 3 === 0 ? `学生${i}` : `Student ${String(i).padStart(3, "0")}`,
        studentId: String(24000000 + i),
      }));
      await tx.user.createMany({ data: users });
      await tx.enrollment.createMany({
        data: users.map((u) => ({ courseId: course.id, userId: u.id, role: "student" })),
      });

      const exercises = Array.from({ length: nExercises }, (_, j) => ({
        id: `${slug}-e${j}`,
        slug: `${slug}-ex-${String(j).padStart(2, "0")}`,
        section: `10.${(j % 7) + 1}`,
      }));
      await tx.exercise.createMany({ data: exercises });
      await tx.exerciseVersion.createMany({
        data: exercises.map((e) => ({
          id: `${e.id}-v1`,
          exerciseId: e.id,
          version: 1,
          hash: `hash-${e.id}`,
          titleEn: `Exercise ${e.slug}`,
          titleZh: `练习 ${e.slug}`,
          points: 10,
          entry: "f",
          declaration: "",
          promptEn: "",
          promptZh: "",
          starter: "",
          metaJson: "{}",
        })),
      });
      for (const e of exercises)
        await tx.exercise.update({ where: { id: e.id }, data: { currentVersionId: `${e.id}-v1` } });
      const a = await tx.assignment.create({
        data: {
          courseId: course.id,
          titleEn: "Large assignment",
          titleZh: "大作业",
          releaseAt: new Date(now - 20 * day),
          dueAt: new Date(now - 5 * day),
          latePenaltyPerDay: 0.1,
          lateDaysMax: 3,
          scorePolicy: "best",
          items: { create: exercises.map((e, position) => ({ exerciseId: e.id, points: 10, position })) },
        },
      });

      const subs: Prisma.SubmissionCreateManyInput[] = [];
      const results: Prisma.GradingResultCreateManyInput[] = [];
      const overrides: Prisma.OverrideCreateManyInput[] = [];
      let k = 0;
      for (const u of users) {
        for (const e of exercises) {
          const r = rng.uniform();
          if (r < 0.05) continue; // missing
          const n = 1 + Math.floor(rng.uniform() * 3);
          for (let s = 0; s < n; s++) {
            const id = `${slug}-s${k++}`;
            const late = rng.uniform() < 0.05 ? 1 : 0;
            const raw = Math.round(rng.uniform() * 10);
            const error = rng.uniform() < 0.003;
            subs.push({
              id,
              userId: u.id,
              assignmentId: a.id,
              exerciseId: e.id,
              exerciseVersionId: `${e.id}-v1`,
              code: "export function f() {}\n",
              status: error ? "error" : "graded",
              submittedAt: new Date(now - (10 - s) * day + late * 6 * day),
              lateDays: late,
              latePenalty: late * 0.1,
              score: error ? null : raw * (1 - late * 0.1),
              maxScore: error ? null : 10,
              resultId: error ? null : `${id}-r`,
              lastError: error ? "worker crashed" : null,
            });
            if (!error)
              results.push({
                id: `${id}-r`,
                submissionId: id,
                exerciseVersionId: `${e.id}-v1`,
                status: "ok",
                score: raw,
                maxScore: 10,
                timingsJson: "{}",
              });
          }
          if (rng.uniform() < 0.01)
            overrides.push({
              assignmentId: a.id,
              exerciseId: e.id,
              userId: u.id,
              score: 7,
              reason: "manual review",
              actorId: inst.id,
            });
        }
      }
      // Submissions reference their result (resultId @unique) and results reference submissions: insert submissions without resultId first.
      await tx.submission.createMany({ data: subs.map((s) => ({ ...s, resultId: null })) });
      await tx.gradingResult.createMany({ data: results });
      await tx.$executeRaw`UPDATE "Submission" SET "resultId" = "id" || '-r' WHERE "assignmentId" = ${a.id} AND "status" = 'graded'`;
      await tx.override.createMany({ data: overrides });
      return { courseId: course.id, assignmentId: a.id, instructorId: inst.id, instructorEmail };
    },
    { timeout: 120_000 },
  );
}
