/**
 * Minimal database rows for exercising the grading queue (tests and `npm run bench`):
 * the given exercises synced as versions, one student, one course and one assignment.
 */

import type { Db } from "../prisma/client";
import type { ExerciseEntry } from "../exercises/catalogue";
import { syncExercises } from "../exercises/sync";
import { enqueue } from "./queue";

export interface QueueFixture {
  userId: string;
  assignmentId: string;
  /** slug → ids of the exercise and its current version */
  exercises: Map<string, { exerciseId: string; exerciseVersionId: string }>;
  /** Enqueues `code` for exercise `slug`. */
  submit(slug: string, code: string, kind?: "run" | "submit", latePenalty?: number): Promise<string>;
}

export async function createQueueFixture(db: Db, catalogue: Map<string, ExerciseEntry>): Promise<QueueFixture> {
  await syncExercises(db, catalogue);
  const user = await db.user.create({ data: { email: `student-${Date.now()}@example.edu`, name: "Queue Student" } });
  const course = await db.course.create({
    data: { slug: `queue-${Date.now()}`, titleEn: "Queue course", titleZh: "队列课程" },
  });
  const now = new Date();
  const assignment = await db.assignment.create({
    data: {
      courseId: course.id,
      titleEn: "Queue",
      titleZh: "队列",
      releaseAt: new Date(now.getTime() - 86_400_000),
      dueAt: new Date(now.getTime() + 86_400_000),
    },
  });
  const exercises = new Map<string, { exerciseId: string; exerciseVersionId: string }>();
  for (const slug of catalogue.keys()) {
    const ex = await db.exercise.findUniqueOrThrow({ where: { slug }, select: { id: true, currentVersionId: true } });
    exercises.set(slug, { exerciseId: ex.id, exerciseVersionId: ex.currentVersionId! });
  }
  return {
    userId: user.id,
    assignmentId: assignment.id,
    exercises,
    submit(slug, code, kind = "submit", latePenalty = 0) {
      const ex = exercises.get(slug);
      if (!ex) throw new Error(`exercise ${slug} is not in the fixture`);
      return enqueue(db, { userId: user.id, assignmentId: assignment.id, ...ex, code, kind, latePenalty });
    },
  };
}
