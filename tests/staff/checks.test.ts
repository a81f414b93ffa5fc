/** The exercise check view shows the stored exercises:check report of each current version. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { loadCatalogue, type ExerciseEntry } from "@/exercises/catalogue";
import { syncExercises } from "@/exercises/sync";
import { checkExercise } from "@/exercises/check";
import { storeCheckReports } from "@/exercises/store";
import { exercisePreview, listExerciseChecks } from "@/app/_lib/staff/checks";
import { AccessError } from "@/app/_lib/errors";
import { createStaffFixture, type StaffFixture } from "./fixture";

let t: TestDb;
let f: StaffFixture;
let catalogue: Map<string, ExerciseEntry>;
beforeAll(async () => {
  t = await createTestDb();
  f = await createStaffFixture(t.db);
  const all = await loadCatalogue();
  catalogue = new Map([["hopfield-energy", all.get("hopfield-energy")!]]);
  await syncExercises(t.db, catalogue);
}, 60_000);
afterAll(() => t.cleanup());

test("stored check report appears for instructors only; preview shows the prompt", async () => {
  const report = await checkExercise(catalogue.get("hopfield-energy")!, { seeds: 5 });
  expect(await storeCheckReports(t.db, catalogue, [report])).toEqual({ stored: ["hopfield-energy"], notSynced: [] });
  const ia = await f.actor(f.a.instructor, f.a.courseId);
  const rows = await listExerciseChecks(t.db, ia);
  const row = rows.find((r) => r.slug === "hopfield-energy")!;
  expect(row.report?.ok).toBe(report.ok);
  expect(row.report?.solution?.score).toBe(report.solution?.score);
  expect(rows.find((r) => r.slug === "ex-one")!.report).toBeNull();
  const ta = await f.actor(f.a.ta, f.a.courseId);
  await expect(listExerciseChecks(t.db, ta)).rejects.toBeInstanceOf(AccessError);
  const p = await exercisePreview(t.db, ta, row.id);
  expect(p.version.promptZh.length).toBeGreaterThan(0);
  expect(p.meta?.misconceptions.length).toBeGreaterThan(0);
}, 120_000);
