/**
 * The demo course (`npm run db:seed`, also run by `npm start` on an empty database). Idempotent.
 *
 * - Syncs the exercise catalogue (exercises/sync.ts).
 * - Course "dl-lecture-10" with one assignment per lecture section 10.1…10.7, staggered
 *   release and due dates relative to the first seeding; every exercise of the catalogue is an item of its
 *   section's assignment. A later run adds new exercises to their assignment; it never
 *   changes dates, points or anything staff edited.
 * - Demo users (instructor, TA, three students) with the README's passwords, created ONLY
 *   when the database has no users yet. GIBBS_DEMO=0 skips them (production).
 * - GIBBS_ADMIN_EMAIL + GIBBS_ADMIN_PASSWORD (+ GIBBS_ADMIN_NAME) create that instructor
 *   when the email is not yet a user: how a production deployment gets its first account.
 */

import path from "node:path";
import { fileURLToPath } from "node:url";
import { hashPassword } from "../accounts/password";
import { DAY_MS } from "../grader/policy";
import { SECTIONS, type Section } from "../grader/sections";
import { normalizeEmail } from "../accounts/email";
import type { ExerciseEntry } from "../exercises/catalogue";
import { loadCatalogue } from "../exercises/catalogue";
import { formatSyncReport, syncExercises, type SyncReport } from "../exercises/sync";
import type { Db } from "../prisma/client";

export const DEMO_COURSE = {
  slug: "dl-lecture-10",
  titleEn: "Deep Learning — Lecture 10: Unsupervised Networks",
  titleZh: "深度学习 第十讲 无监督网络模型",
};

/** Shared by every demo account; printed in the README. */
export const DEMO_PASSWORD = "gibbs-demo";

export const DEMO_USERS = [
  { email: "instructor@example.edu", name: "Li Ming 李明", role: "instructor", studentId: null, locale: "zh-CN" },
  { email: "ta@example.edu", name: "Chen Jing", role: "ta", studentId: null, locale: null },
  { email: "alice@example.edu", name: "Alice Martin", role: "student", studentId: "23120001", locale: null },
  { email: "wang.fang@example.edu", name: "王芳", role: "student", studentId: "23120002", locale: "zh-CN" },
  { email: "bob@example.edu", name: "Bob Osei", role: "student", studentId: "23120003", locale: null },
] as const;

/** Release and due offsets in days from the first seeding: 10.1 is past due (late window open), 10.6–10.7 not yet released. */
const SECTION_DAYS: Record<Section, { release: number; due: number }> = {
  "10.1": { release: -14, due: -1 },
  "10.2": { release: -10, due: 3 },
  "10.3": { release: -7, due: 7 },
  "10.4": { release: -3, due: 10 },
  "10.5": { release: -1, due: 14 },
  "10.6": { release: 2, due: 17 },
  "10.7": { release: 5, due: 21 },
};

/** One assignment per lecture section, titled after it. */
export const SECTION_ASSIGNMENTS = SECTIONS.map((s) => ({
  section: s.id,
  titleEn: `${s.id} ${s.titleEn}`,
  titleZh: `${s.id} ${s.titleZh}`,
  ...SECTION_DAYS[s.id],
}));

export const LATE_POLICY = { latePenaltyPerDay: 0.1, lateDaysMax: 3, attemptLimit: 20, scorePolicy: "best" } as const;

export interface SeedOptions {
  demo?: boolean;
  now?: Date;
  catalogue?: Map<string, ExerciseEntry>;
  admin?: { email: string; password: string; name?: string } | null;
}

export interface SeedReport {
  sync: SyncReport;
  courseId: string;
  demoUsersCreated: boolean;
  adminCreated: boolean;
  assignmentsCreated: number;
  itemsAdded: number;
}

function adminFromEnv(): SeedOptions["admin"] {
  const email = process.env.GIBBS_ADMIN_EMAIL;
  const password = process.env.GIBBS_ADMIN_PASSWORD;
  if (!email && !password) return null;
  if (!email || !password) throw new Error("Set both GIBBS_ADMIN_EMAIL and GIBBS_ADMIN_PASSWORD (or neither).");
  return { email, password, name: process.env.GIBBS_ADMIN_NAME };
}

/** Start of the current hour, so seeded dates are round. */
function hourFloor(d: Date): number {
  return Math.floor(d.getTime() / (60 * 60 * 1000)) * 60 * 60 * 1000;
}

export async function seed(db: Db, opts: SeedOptions = {}): Promise<SeedReport> {
  const demo = opts.demo ?? process.env.GIBBS_DEMO !== "0";
  const now = opts.now ?? new Date();
  const admin = opts.admin === undefined ? adminFromEnv() : opts.admin;
  const catalogue = opts.catalogue ?? (await loadCatalogue());

  const sync = await syncExercises(db, catalogue);
  const wasEmpty = (await db.user.count()) === 0;

  const course = await db.course.upsert({
    where: { slug: DEMO_COURSE.slug },
    create: DEMO_COURSE,
    update: {},
    select: { id: true },
  });

  let demoUsersCreated = false;
  if (demo && wasEmpty) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const u of DEMO_USERS) {
      const user = await db.user.create({
        data: { email: u.email, name: u.name, studentId: u.studentId, locale: u.locale, passwordHash },
        select: { id: true },
      });
      await db.enrollment.create({ data: { courseId: course.id, userId: user.id, role: u.role } });
    }
    demoUsersCreated = true;
  }

  let adminCreated = false;
  if (admin) {
    const email = normalizeEmail(admin.email);
    if (!(await db.user.findUnique({ where: { email }, select: { id: true } }))) {
      const user = await db.user.create({
        data: { email, name: admin.name ?? email, passwordHash: await hashPassword(admin.password) },
        select: { id: true },
      });
      await db.enrollment.create({ data: { courseId: course.id, userId: user.id, role: "instructor" } });
      adminCreated = true;
    }
  }

  // Assignments: found by (course, English title); created once with dates relative to now.
  const base = hourFloor(now);
  let assignmentsCreated = 0;
  let itemsAdded = 0;
  const exercises = await db.exercise.findMany({ select: { id: true, slug: true, section: true } });
  const bySlug = new Map(exercises.map((e) => [e.slug, e]));
  for (const a of SECTION_ASSIGNMENTS) {
    let assignment = await db.assignment.findFirst({
      where: { courseId: course.id, titleEn: a.titleEn },
      select: { id: true },
    });
    if (!assignment) {
      assignment = await db.assignment.create({
        data: {
          courseId: course.id,
          titleEn: a.titleEn,
          titleZh: a.titleZh,
          releaseAt: new Date(base + a.release * DAY_MS),
          dueAt: new Date(base + a.due * DAY_MS),
          ...LATE_POLICY,
        },
        select: { id: true },
      });
      assignmentsCreated++;
    }
    const entries = [...catalogue.values()].filter((e) => e.spec.section === a.section); // already sorted by folder name
    const have = await db.assignmentExercise.findMany({
      where: { assignmentId: assignment.id },
      select: { exerciseId: true, position: true },
    });
    const present = new Set(have.map((h) => h.exerciseId));
    let position = have.reduce((m, h) => Math.max(m, h.position), 0);
    for (const e of entries) {
      const exercise = bySlug.get(e.spec.slug);
      if (!exercise || present.has(exercise.id)) continue;
      await db.assignmentExercise.create({
        data: { assignmentId: assignment.id, exerciseId: exercise.id, points: e.spec.points, position: ++position },
      });
      itemsAdded++;
    }
  }

  return { sync, courseId: course.id, demoUsersCreated, adminCreated, assignmentsCreated, itemsAdded };
}

export function formatSeedReport(r: SeedReport): string {
  return [
    formatSyncReport(r.sync),
    `course ${DEMO_COURSE.slug}: ${r.assignmentsCreated} assignment(s) created, ${r.itemsAdded} exercise item(s) added`,
    r.demoUsersCreated
      ? `demo users created (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.email).join(", ")}`
      : "demo users: not created (database already had users, or GIBBS_DEMO=0)",
    ...(r.adminCreated ? ["admin instructor created from GIBBS_ADMIN_EMAIL"] : []),
  ].join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { createDb } = await import("../prisma/client");
  const { applyMigrations } = await import("../prisma/migrate");
  try {
    await applyMigrations();
    const db = createDb();
    try {
      console.log(formatSeedReport(await seed(db)));
    } finally {
      await db.$disconnect();
    }
  } catch (e) {
    console.error(`db:seed: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
