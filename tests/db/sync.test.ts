/** exercises:sync and the demo seed against a temporary database and a temporary exercise folder. */

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exerciseHash, loadCatalogue } from "@/exercises/catalogue";
import { servedPrompt } from "@/exercises/prompt";
import { syncExercises, type ExerciseMeta } from "@/exercises/sync";
import { DEMO_COURSE, DEMO_PASSWORD, DEMO_USERS, SECTION_ASSIGNMENTS, seed } from "@/scripts/seed";
import { verifyPassword } from "@/accounts/password";
import { createTestDb, type TestDb } from "../helpers/db";

/** Writes a small but complete exercise folder `<root>/<section>-<slug>/`. */
function writeExercise(root: string, section: string, slug: string, points = 10): string {
  const dir = path.join(root, `${section}-${slug}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "exercise.ts"),
    `export default {
  title: { en: "Sum of ${slug}", zh: "求和 ${slug}" },
  points: ${points},
  entry: "sum",
  doc: "The sum of all elements of xs.",
  reference: (xs: number[]) => xs.reduce((a, b) => a + b, 0),
  output: { kind: "float", tol: { atol: 1e-6 } },
  visibleCases: () => [{ name: { en: "two", zh: "二" }, args: [[1, 2]] }, { name: { en: "one", zh: "一" }, args: [[5]] }],
  hiddenCases: (rng: { uniform(): number }) => Array.from({ length: 10 }, (_, i) => ({ name: { en: "h" + i, zh: "隐藏 " + i }, args: [[rng.uniform(), i]] })),
  misconceptions: [{ id: "sum.first-only", hint: { en: "Only the first element counts here.", zh: "这里只用了第一个元素。" }, fn: (xs: number[]) => xs[0] }],
  helpers: ["sum"],
};
`,
  );
  fs.writeFileSync(path.join(dir, "prompt.en.md"), `Write \`sum(xs)\`.\n`);
  fs.writeFileSync(path.join(dir, "prompt.zh.md"), `实现 \`sum(xs)\`。\n`);
  fs.writeFileSync(path.join(dir, "starter.ts"), `export function sum(xs: number[]): number {\n  return 0;\n}\n`);
  fs.writeFileSync(
    path.join(dir, "solution.ts"),
    `export function sum(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}\n`,
  );
  return dir;
}

let t: TestDb;
let root: string;
beforeEach(async () => {
  t = await createTestDb();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "gibbs-exercises-"));
});
afterEach(async () => {
  await t.cleanup();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("exercises:sync", () => {
  it("stores every exercise as version 1 with its prompts, starter and metadata", async () => {
    writeExercise(root, "10.1", "sum-a");
    writeExercise(root, "10.3", "sum-b", 15);
    const report = await syncExercises(t.db, await loadCatalogue(root));
    expect(report.created.sort()).toEqual(["sum-a", "sum-b"]);

    const ex = await t.db.exercise.findUniqueOrThrow({ where: { slug: "sum-b" }, include: { versions: true } });
    const entry = (await loadCatalogue(root)).get("sum-b")!;
    expect(ex.section).toBe("10.3");
    expect(ex.versions).toHaveLength(1);
    const v = ex.versions[0];
    expect(ex.currentVersionId).toBe(v.id);
    expect(v).toMatchObject({
      version: 1,
      titleEn: "Sum of sum-b",
      titleZh: "求和 sum-b",
      points: 15,
      entry: "sum",
    });
    // The prompt file, followed by the footer generated from the spec (its tolerance, its helpers).
    expect(v.promptZh).toBe(servedPrompt("实现 `sum(xs)`。\n", entry.spec, "zh"));
    expect(v.promptEn).toContain("10^{-6}");
    expect(v.promptEn).toContain("`sum`");
    expect(v.declaration).toBe(
      "/**\n * The sum of all elements of xs.\n */\nexport declare function sum(xs: number[]): number;",
    );
    expect(v.hash).toBe(exerciseHash(entry));
    expect(v.starter).toContain("return 0;");
    const meta = JSON.parse(v.metaJson) as ExerciseMeta;
    expect(meta).toMatchObject({
      visibleCases: 2,
      hiddenCases: 10,
      helpers: ["sum"],
      output: { kind: "float", tol: { atol: 1e-6 } },
    });
    expect(meta.misconceptions).toEqual([
      { id: "sum.first-only", hint: { en: "Only the first element counts here.", zh: "这里只用了第一个元素。" } },
    ]);
  });

  it("is idempotent, and a changed folder becomes a new current version while the old one is kept", async () => {
    const dir = writeExercise(root, "10.2", "sum-c");
    await syncExercises(t.db, await loadCatalogue(root));
    expect(await syncExercises(t.db, await loadCatalogue(root))).toMatchObject({
      created: [],
      newVersions: {},
      unchanged: ["sum-c"],
    });

    fs.writeFileSync(path.join(dir, "prompt.en.md"), "Write `sum(xs)`, the sum of all elements.\n");
    expect((await syncExercises(t.db, await loadCatalogue(root))).newVersions).toEqual({ "sum-c": 2 });
    const ex = await t.db.exercise.findUniqueOrThrow({
      where: { slug: "sum-c" },
      include: { versions: { orderBy: { version: "asc" } } },
    });
    expect(ex.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(ex.currentVersionId).toBe(ex.versions[1].id);
    expect(ex.versions[0].promptEn).toBe(
      servedPrompt("Write `sum(xs)`.\n", (await loadCatalogue(root)).get("sum-c")!.spec, "en"),
    );
    expect(ex.versions[1].promptEn).toContain("sum of all elements");
  });

  it("hashes the graded numbers: a reference change that moves an expected value is a new version, a same-valued one is not", async () => {
    writeExercise(root, "10.2", "sum-h");
    const entry = (await loadCatalogue(root)).get("sum-h")!;
    const base = exerciseHash(entry);
    // The folder's files are untouched; only the function the expected values come from changes.
    const refactored = {
      ...entry,
      spec: { ...entry.spec, reference: (xs: number[]) => xs.reduceRight((a, b) => b + a, 0) },
    };
    const halved = {
      ...entry,
      spec: { ...entry.spec, reference: (xs: number[]) => xs.reduce((a, b) => a + b, 0) / 2 },
    };
    expect(exerciseHash(refactored)).toBe(base);
    expect(exerciseHash(halved)).not.toBe(base);
  });

  it("keeps exercises that left the catalogue and reports them", async () => {
    writeExercise(root, "10.1", "sum-d");
    await syncExercises(t.db, await loadCatalogue(root));
    fs.rmSync(path.join(root, "10.1-sum-d"), { recursive: true });
    const report = await syncExercises(t.db, await loadCatalogue(root));
    expect(report.missing).toEqual(["sum-d"]);
    expect(await t.db.exercise.count()).toBe(1);
  });
});

describe("demo seed", () => {
  it("creates the course, users with the demo password, and one assignment per section holding its exercises", async () => {
    writeExercise(root, "10.1", "sum-e", 10);
    writeExercise(root, "10.1", "sum-f", 20);
    writeExercise(root, "10.6", "sum-g", 5);
    const now = new Date("2026-03-10T09:30:00Z");
    const r = await seed(t.db, { demo: true, now, admin: null, catalogue: await loadCatalogue(root) });
    expect(r).toMatchObject({ demoUsersCreated: true, assignmentsCreated: 7, itemsAdded: 3 });

    const course = await t.db.course.findUniqueOrThrow({
      where: { slug: DEMO_COURSE.slug },
      include: { enrollments: true },
    });
    expect(course.titleZh).toBe("深度学习 第十讲 无监督网络模型");
    expect(course.enrollments.map((e) => e.role).sort()).toEqual(["instructor", "student", "student", "student", "ta"]);
    const users = await t.db.user.findMany();
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    expect(users.some((u) => /[\u4e00-\u9fff]/.test(u.name))).toBe(true);
    expect(await verifyPassword(users[0].passwordHash!, DEMO_PASSWORD)).toBe(true);

    const assignments = await t.db.assignment.findMany({
      where: { courseId: course.id },
      include: { items: { include: { exercise: true }, orderBy: { position: "asc" } } },
      orderBy: { dueAt: "asc" },
    });
    expect(assignments.map((a) => a.titleEn)).toEqual(SECTION_ASSIGNMENTS.map((a) => a.titleEn));
    const first = assignments[0];
    expect(first.items.map((i) => [i.exercise.slug, i.points, i.position])).toEqual([
      ["sum-e", 10, 1],
      ["sum-f", 20, 2],
    ]);
    expect(first.releaseAt.getTime()).toBeLessThan(now.getTime());
    expect(first).toMatchObject({ latePenaltyPerDay: 0.1, lateDaysMax: 3, attemptLimit: 20, scorePolicy: "best" });
    expect(assignments[5].items.map((i) => i.exercise.slug)).toEqual(["sum-g"]);
    expect(assignments[6].releaseAt.getTime()).toBeGreaterThan(now.getTime());
    for (let i = 1; i < assignments.length; i++)
      expect(assignments[i].dueAt.getTime()).toBeGreaterThan(assignments[i - 1].dueAt.getTime());
  });

  it("is idempotent: a second run keeps passwords and dates, and adds exercises that appeared since", async () => {
    writeExercise(root, "10.2", "sum-h");
    await seed(t.db, {
      demo: true,
      now: new Date("2026-03-10T09:00:00Z"),
      admin: null,
      catalogue: await loadCatalogue(root),
    });
    const before = await t.db.user.findMany({ orderBy: { email: "asc" } });
    const datesBefore = await t.db.assignment.findMany({ select: { id: true, dueAt: true }, orderBy: { id: "asc" } });

    writeExercise(root, "10.2", "sum-i");
    const r = await seed(t.db, {
      demo: true,
      now: new Date("2026-04-01T09:00:00Z"),
      admin: null,
      catalogue: await loadCatalogue(root),
    });
    expect(r).toMatchObject({ demoUsersCreated: false, assignmentsCreated: 0, itemsAdded: 1 });
    expect(await t.db.user.findMany({ orderBy: { email: "asc" } })).toEqual(before);
    expect(await t.db.assignment.findMany({ select: { id: true, dueAt: true }, orderBy: { id: "asc" } })).toEqual(
      datesBefore,
    );
    const items = await t.db.assignmentExercise.findMany({ include: { exercise: true }, orderBy: { position: "asc" } });
    expect(items.map((i) => [i.exercise.slug, i.position])).toEqual([
      ["sum-h", 1],
      ["sum-i", 2],
    ]);
    expect(await t.db.course.count()).toBe(1);
  });

  it("creates no demo users with GIBBS_DEMO off, but the admin instructor from the environment", async () => {
    const r = await seed(t.db, {
      demo: false,
      admin: { email: "Prof@Uni.edu", password: "a-long-secret", name: "Prof" },
      catalogue: await loadCatalogue(root),
    });
    expect(r).toMatchObject({ demoUsersCreated: false, adminCreated: true });
    const users = await t.db.user.findMany({ include: { enrollments: true } });
    expect(users.map((u) => [u.email, u.enrollments[0].role])).toEqual([["prof@uni.edu", "instructor"]]);
    expect(await verifyPassword(users[0].passwordHash!, "a-long-secret")).toBe(true);
    expect(
      (
        await seed(t.db, {
          demo: false,
          admin: { email: "prof@uni.edu", password: "another-secret" },
          catalogue: await loadCatalogue(root),
        })
      ).adminCreated,
    ).toBe(false);
  });
});
