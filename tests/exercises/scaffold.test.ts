/** `npm run exercises:new` scaffolds a folder that exercises:check rejects, and sync does not store, until it is filled in. */

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadCatalogue, loadExercise } from "@/exercises/catalogue";
import { checkExercise } from "@/exercises/check";
import { scaffoldExercise } from "@/exercises/new";
import { syncExercises } from "@/exercises/sync";
import { createTestDb, type TestDb } from "../helpers/db";

// At the depth of exercises/, so the template's "../../grader/spec" imports resolve.
const ROOT = path.resolve(__dirname, "../..", `.scaffold-test-${process.pid}`);
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(ROOT, { recursive: true, force: true });
});

it("creates the five files, refuses bad or taken names, and fails check with one clear message", async () => {
  const dir = scaffoldExercise("10.3", "rbm-my-exercise", ROOT);
  expect(fs.readdirSync(dir).sort()).toEqual([
    "exercise.ts",
    "prompt.en.md",
    "prompt.zh.md",
    "solution.ts",
    "starter.ts",
  ]);
  expect(() => scaffoldExercise("10.3", "rbm-my-exercise", ROOT)).toThrow(/already exists/);
  expect(() => scaffoldExercise("10.8", "rbm-x", ROOT)).toThrow(/section of 10\.1, .*10\.7/);
  expect(() => scaffoldExercise("10.3", "RBM_x", ROOT)).toThrow(/lower-case words joined by hyphens/);

  const entry = await loadExercise("10.3-rbm-my-exercise", ROOT);
  expect(entry.spec).toMatchObject({ section: "10.3", slug: "rbm-my-exercise" });
  const report = await checkExercise(entry, { seeds: 2 });
  expect(report.ok).toBe(false);
  expect(report.errors).toHaveLength(1);
  expect(report.errors[0]).toMatch(
    /^the scaffold is not filled in yet: replace every TODO\(exercises:new\) \(exercise\.ts:\d+, .*prompt\.en\.md:\d+.*solution\.ts:\d+.*starter\.ts:\d+\)/,
  );
  expect(report.sections.find((s) => s.name === "files")?.ok).toBe(false);

  const sync = await syncExercises(t.db, await loadCatalogue(ROOT));
  expect(sync).toMatchObject({ created: [], drafts: ["rbm-my-exercise"] });
  expect(await t.db.exercise.count()).toBe(0);
}, 120_000);
