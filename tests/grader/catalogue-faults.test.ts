/**
 * Bad exercise data stays contained (issue 13.7). One exercise.ts that throws at load: the catalogue
 * loads every other exercise and reports the broken one; grader workers start anyway, grade the rest,
 * record the error for staff (the check page) and leave the broken exercise's submissions queued,
 * neither failed nor scored. A job that fails on our side shows the student no internal text.
 */

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue, loadCatalogueReport } from "@/exercises/catalogue";
import { waitForResult } from "@/grader/queue";
import { createQueueFixture, type QueueFixture } from "@/grader/queueFixture";
import { startSupervisor, type Supervisor } from "@/grader/supervisor";
import { listExerciseChecks } from "@/app/_lib/staff/checks";
import { submissionView } from "@/app/_lib/student/view";
import { submissionStatus } from "@/app/_lib/student/submissions";
import { studentAccess } from "@/app/_lib/access";
import { createStaffFixture } from "../staff/fixture";
import { makeFixture } from "../student/fixtures";
import { createTestDb, type TestDb } from "../helpers/db";

const FIXTURE = path.join(__dirname, "fixtures", "10.1-fixture-affine");
const REPO = path.resolve(__dirname, "../..");
const SECRET = "generator bug in secret-helper.ts:12";
let root: string;
let t: TestDb;
let fx: QueueFixture;
let sup: Supervisor | undefined;

/** A copy of the affine fixture as exercise folder `name` (its imports made absolute). */
function copyFixture(name: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  for (const f of fs.readdirSync(FIXTURE))
    fs.writeFileSync(
      path.join(dir, f),
      fs.readFileSync(path.join(FIXTURE, f), "utf8").replaceAll('"../../../../', `"${REPO}/`),
    );
  return dir;
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "gibbs-broken-"));
  copyFixture("10.1-fixture-affine");
  const fragile = copyFixture("10.1-fixture-fragile");
  t = await createTestDb("gibbs-broken-db-");
  // Both exercises are synced and taking submissions; then one exercise.ts breaks.
  fx = await createQueueFixture(t.db, await loadCatalogue(root));
  const spec = path.join(fragile, "exercise.ts");
  fs.writeFileSync(spec, `throw new Error(${JSON.stringify(SECRET)});\n${fs.readFileSync(spec, "utf8")}`);
});
afterAll(async () => {
  await sup?.stop();
  await t?.cleanup();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("one broken exercise.ts", () => {
  it("is reported on its own in the catalogue's load report; the strict loader names it", async () => {
    // A folder this process has not imported yet (ES modules are cached by URL).
    const broken = copyFixture("10.1-fixture-broken");
    const spec = path.join(broken, "exercise.ts");
    fs.writeFileSync(spec, `throw new Error(${JSON.stringify(SECRET)});\n${fs.readFileSync(spec, "utf8")}`);
    try {
      const load = await loadCatalogueReport(root);
      expect([...load.entries.keys()].sort()).toEqual(["fixture-affine", "fixture-fragile"]);
      expect(load.broken).toEqual([{ folder: "10.1-fixture-broken", slug: "fixture-broken", error: SECRET }]);
      await expect(loadCatalogue(root)).rejects.toThrow(SECRET);
    } finally {
      fs.rmSync(broken, { recursive: true });
    }
  });

  it("does not stop the workers: the other exercise grades, its submissions wait, staff see why", async () => {
    const solution = fs.readFileSync(path.join(FIXTURE, "solution.ts"), "utf8");
    const waiting = await fx.submit("fixture-fragile", solution);
    sup = startSupervisor({
      concurrency: 1,
      env: { DATABASE_URL: t.url, GIBBS_EXERCISES_DIR: root },
      stdio: "ignore",
      log: () => {},
    });
    await sup.ready;
    const graded = await fx.submit("fixture-affine", solution);
    expect(await waitForResult(t.db, graded, { timeoutMs: 30_000 })).toMatchObject({ status: "graded", score: 6 });
    await new Promise((r) => setTimeout(r, 1000));
    expect(sup.restarts).toBe(0);
    expect(await t.db.submission.findUniqueOrThrow({ where: { id: waiting } })).toMatchObject({
      status: "queued",
      attempts: 0,
      score: null,
      resultId: null,
      lastError: null,
    });
    const ex = await t.db.exercise.findUniqueOrThrow({ where: { slug: "fixture-fragile" } });
    expect(ex.loadError).toBe(SECRET);
    expect(ex.loadErrorAt).toBeInstanceOf(Date);
    expect((await t.db.exercise.findUniqueOrThrow({ where: { slug: "fixture-affine" } })).loadError).toBeNull();

    // The instructor's check page reads it.
    const staff = await createStaffFixture(t.db);
    const rows = await listExerciseChecks(t.db, await staff.actor(staff.a.instructor, staff.a.courseId));
    expect(rows.find((r) => r.slug === "fixture-fragile")?.loadError?.message).toBe(SECRET);
    expect(rows.find((r) => r.slug === "fixture-affine")?.loadError).toBeNull();
  }, 120_000);
});

describe("a job that failed on our side", () => {
  it("shows the student no internal error text (staff keep it in lastError)", async () => {
    const f = await makeFixture(t.db);
    const s = await t.db.submission.create({
      data: {
        userId: f.alice,
        assignmentId: f.assignmentId,
        exerciseId: f.exerciseId,
        exerciseVersionId: f.versionId,
        code: "export function f(x: number[]): number[] { return x; }",
        status: "error",
        attempts: 3,
        lastError: `attempt 3: ${SECRET}`,
      },
    });
    const ctx = await studentAccess(t.db, f.alice, f.courseId);
    const view = await submissionView(t.db, ctx, s.id, f.now);
    expect(view.status).toBe("error");
    expect(JSON.stringify(view)).not.toContain("generator bug");
    expect(JSON.stringify(await submissionStatus(t.db, ctx, s.id))).not.toContain("generator bug");
    type Messages = { results: { gradingFailed: string } };
    const read = (file: string) =>
      JSON.parse(fs.readFileSync(path.join(REPO, "app/_i18n/messages", file), "utf8")) as Messages;
    const [en, zh] = [read("student.en.json"), read("student.zh-CN.json")];
    expect(en.results.gradingFailed).toMatch(/on our side.*does not count.*staff have been told/);
    expect(zh.results.gradingFailed).toMatch(/不计入.*已通知/);
    expect((await t.db.submission.findUniqueOrThrow({ where: { id: s.id } })).lastError).toContain(SECRET);
  });
});
