/**
 * The scratchpad ("Try") end to end: the student API stores a "try" job, a real GradingWorker
 * grades it in the sandbox, and the student sees the output and the console and nothing to
 * compare with. Every field of the request a student controls is tried with a bad value.
 */

import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "@/exercises/catalogue";
import { createQueueFixture, type QueueFixture } from "@/grader/queueFixture";
import { GradingWorker } from "@/grader/worker";
import { studentAccess } from "@/app/_lib/access";
import { InputError } from "@/app/_lib/errors";
import { attemptsUsed, history } from "@/app/_lib/student/submissions";
import { checkTryArgs, tryCode, TRY_ARGS_MAX_BYTES } from "@/app/_lib/student/scratchpad";
import { tryExamples } from "@/app/_lib/student/view";
import { createTestDb, type TestDb } from "../helpers/db";

const FIXTURES = path.join(__dirname, "..", "grader", "fixtures");
const SLUG = "fixture-affine";
const NAMES = ["W", "x", "b"];
const AFFINE = `export function affine(W: number[][], x: number[], b: number[]): number[] {
  console.log("rows", W.length);
  return W.map((row, i) => row.reduce((s, w, j) => s + w * x[j], b[i]));
}`;

let t: TestDb;
let fx: QueueFixture;
let worker: GradingWorker;
let stop = false;
let loop: Promise<void>;

beforeAll(async () => {
  t = await createTestDb("gibbs-try-");
  const catalogue = await loadCatalogue(FIXTURES);
  fx = await createQueueFixture(t.db, catalogue);
  const a = await t.db.assignment.findUniqueOrThrow({ where: { id: fx.assignmentId } });
  await t.db.enrollment.create({ data: { courseId: a.courseId, userId: fx.userId, role: "student" } });
  await t.db.assignmentExercise.create({
    data: { assignmentId: a.id, exerciseId: fx.exercises.get(SLUG)!.exerciseId, points: 6, position: 0 },
  });
  worker = new GradingWorker({ db: t.db, catalogue, id: "try-worker", log: () => {} });
  loop = (async () => {
    while (!stop) if (!(await worker.runOnce())) await new Promise((r) => setTimeout(r, 5));
  })();
});
afterAll(async () => {
  stop = true;
  await loop;
  await t?.cleanup();
});

async function ctx() {
  const a = await t.db.assignment.findUniqueOrThrow({ where: { id: fx.assignmentId } });
  return studentAccess(t.db, fx.userId, a.courseId);
}
const ref = () => ({ assignmentId: fx.assignmentId, exerciseId: fx.exercises.get(SLUG)!.exerciseId });

function refusal(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("checkTryArgs", () => {
  it("accepts one JSON array with an element per parameter, and refuses everything else in both languages", () => {
    expect(JSON.parse(checkTryArgs(" [[[1]], [2], [3]] ", NAMES))).toEqual([[[1]], [2], [3]]);
    const notJson = refusal(() => checkTryArgs("[[1], [2], ", NAMES));
    expect(notJson.code).toBe("try_args_not_json");
    const msg = notJson.toJSON().message;
    expect(msg.en).toContain("W, x, b");
    expect(msg.zh).toContain("W, x, b");
    expect(msg.zh).toMatch(/JSON 数组/);
    for (const text of ["[1, 2]", "[1, 2, 3, 4]", '{"W": 1}', "3", "null", '"[]"'])
      expect(refusal(() => checkTryArgs(text, NAMES)).code, text).toBe("try_args_count");
    const count = refusal(() => checkTryArgs("[1, 2]", NAMES)).toJSON();
    expect(count.params).toMatchObject({ expected: 3, got: 2 });
    const big = `[${"1,".repeat(TRY_ARGS_MAX_BYTES / 2)}1]`;
    expect(refusal(() => checkTryArgs(big, NAMES)).code).toBe("try_args_too_large");
    for (const v of [undefined, 42, ["W"], { W: 1 }])
      expect(refusal(() => checkTryArgs(v, NAMES)).code).toBe("bad_request");
  });
});

describe("tryCode", () => {
  it("runs the student's code on their arguments in the sandbox: the output and console, no expected value, no attempt", async () => {
    const args = "[[[1, 2], [3, 4], [5, 6]], [10, 100], [0.5, 0, -1]]";
    const v = await tryCode(t.db, await ctx(), { ...ref(), code: AFFINE, args });
    expect(v.kind).toBe("try");
    expect(v.status).toBe("graded");
    const cases = v.result!.cases;
    expect(cases).toHaveLength(1);
    expect(cases[0].status).toBe("ran");
    expect(cases[0].detail!.actual).toEqual([210.5, 430, 649]);
    expect(cases[0].detail!.expected).toBeNull(); // nothing to compare with: stored as JSON null
    expect(cases[0].detail!.input).toEqual(JSON.parse(args));
    expect(cases[0].detail!.console).toContain("rows 3");
    expect(cases[0].maxScore).toBe(0);
    expect(await attemptsUsed(t.db, fx.userId, fx.assignmentId, ref().exerciseId)).toBe(0);
    expect(await history(t.db, await ctx(), ref())).toHaveLength(0);
  });

  it("reports the student's own failures on their arguments: a throw, a compile error, a loop", async () => {
    const threw = await tryCode(t.db, await ctx(), {
      ...ref(),
      code: `export function affine(W: number[][]) { if (W.length > 1) throw new RangeError("too big"); return []; }`,
      args: "[[[1], [2]], [1], [1, 1]]",
    });
    expect(threw.result!.cases[0].status).toBe("failed");
    expect(threw.result!.cases[0].message.en).toMatch(/RangeError: too big/);
    const compile = await tryCode(t.db, await ctx(), {
      ...ref(),
      code: "export function affine( {",
      args: "[[], [], []]",
    });
    expect(compile.result!.status).toBe("compile_error");
    expect(compile.result!.compileError?.line).toBe(1);
    const loop = await tryCode(t.db, await ctx(), {
      ...ref(),
      code: "export function affine() { for (;;) {} }",
      args: "[[], [], []]",
    });
    expect(loop.result!.cases[0].status).toBe("failed");
    expect(loop.result!.cases[0].message.en).toMatch(/time limit/i);
  });

  it("refuses bad arguments before anything is queued, and unknown exercises with 404", async () => {
    const before = await t.db.submission.count();
    await expect(tryCode(t.db, await ctx(), { ...ref(), code: AFFINE, args: "[1]" })).rejects.toMatchObject({
      code: "try_args_count",
    });
    await expect(tryCode(t.db, await ctx(), { ...ref(), code: 7, args: "[[], [], []]" })).rejects.toBeInstanceOf(
      InputError,
    );
    await expect(
      tryCode(t.db, await ctx(), { ...ref(), exerciseId: "no-such-exercise", code: AFFINE, args: "[[], [], []]" }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await t.db.submission.count()).toBe(before);
  });

  it("offers examples drawn from the visible cases, as the exercise's metadata records them", async () => {
    const v = await t.db.exerciseVersion.findUniqueOrThrow({
      where: { id: fx.exercises.get(SLUG)!.exerciseVersionId },
    });
    const examples = tryExamples(v);
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) {
      expect(() => checkTryArgs(e.args, NAMES)).not.toThrow();
      expect(e.name.en).not.toBe("");
    }
    expect(tryExamples({ metaJson: "{}" })).toEqual([]);
  });
});
