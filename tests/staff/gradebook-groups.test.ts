// Assignment groups, subtotals and weights; staff previews left out; bulk override and extension; CSV and zip downloads.
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { gradebookParams, gradebookQueryFrom, loadGradebook } from "@/app/_lib/staff/gradebook";
import { downloadName, gradebookCsv } from "@/app/_lib/staff/exportCsv";
import { MANIFEST_HEADER, submissionsZip } from "@/app/_lib/staff/submissionsZip";
import { setOverrides } from "@/app/_lib/staff/overrides";
import { setExtensions } from "@/app/_lib/staff/assignments";
import { listAudit } from "@/app/_lib/staff/audit";
import { AccessError, InputError } from "@/app/_lib/errors";
import { addExercise, addGraded, createStaffFixture, type StaffFixture } from "./fixture";

const DAY = 86_400_000;
let t: TestDb;
let f: StaffFixture;
let second: string;
let ex3: string;
beforeAll(async () => {
  t = await createTestDb();
  f = await createStaffFixture(t.db);
  const e3 = await addExercise(t.db, "ex-three", 20);
  ex3 = e3.exerciseId;
  const a2 = await t.db.assignment.create({
    data: {
      courseId: f.a.courseId,
      titleEn: "HW 2",
      titleZh: "作业 2",
      releaseAt: new Date(Date.now() - DAY),
      dueAt: new Date(Date.now() + 5 * DAY),
      weight: 2,
      items: { create: [{ exerciseId: ex3, points: 20, position: 0 }] },
    },
  });
  second = a2.id;
  const [s1, s2] = f.a.students;
  await addGraded(t.db, { assignmentId: second, userId: s1, ...e3, raw: 15, max: 20, at: new Date() });
  // A staff preview of a student's cell never counts (it would be full marks).
  const preview = await addGraded(t.db, { assignmentId: second, userId: s2, ...e3, raw: 20, max: 20, at: new Date() });
  await t.db.submission.update({ where: { id: preview }, data: { staffPreview: true } });
});
afterAll(() => t.cleanup());

const rowOf = (book: Awaited<ReturnType<typeof loadGradebook>>, id: string) => book.rows.find((r) => r.user.id === id)!;

describe("grouped, weighted gradebook", () => {
  test("one group per assignment with subtotals; the total weighs each subtotal", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const book = await loadGradebook(t.db, ta);
    expect(book.groups.map((g) => [g.titleEn, g.first, g.count, g.max, g.weight])).toEqual([
      ["HW 1", 0, 2, 20, 1],
      ["HW 2", 2, 1, 20, 2],
    ]);
    expect(book.columns.map((c) => c.titleZh)).toEqual(["标题 ex-one", "标题 ex-two", "标题 ex-three"]);
    expect(book.max).toBe(60);
    const [s1, s2] = f.a.students;
    expect(rowOf(book, s1).subtotals).toEqual([19, 15]);
    expect(rowOf(book, s1).total).toBe(19 + 2 * 15);
    expect(rowOf(book, s1).percent).toBeCloseTo((100 * 49) / 60, 6);
    expect(rowOf(book, s1).lateDays).toBe(1);
    // s2's HW 2 has only a staff preview: missing, not 20.
    expect(rowOf(book, s2).subtotals).toEqual([4, null]);
    expect(rowOf(book, s2).cells[2].score).toBeNull();
    expect(rowOf(book, s2).missing).toBe(2);
    expect(rowOf(book, s2).total).toBe(4);
    const bySub = await loadGradebook(t.db, ta, { sort: `sub:${second}`, dir: "desc" });
    expect(bySub.rows.map((r) => r.user.id)).toEqual([s1, s2]);
  });

  test("the pending filter finds queued work; URL parameters round-trip", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const s = await t.db.submission.findUniqueOrThrow({ where: { id: f.a.submissions[4] } });
    const queued = await t.db.submission.create({
      data: { ...pickCell(s), code: "x", status: "queued" },
    });
    const book = await loadGradebook(t.db, ta, { filter: "pending" });
    expect(book.rows.map((r) => r.user.id)).toEqual([s.userId]);
    expect(book.rows[0].pending).toBe(1);
    await t.db.submission.delete({ where: { id: queued.id } });

    const sp = new URLSearchParams("assignment=A1&filter=late&q=wang&sort=total&dir=desc&page=3&ok=override");
    expect(gradebookQueryFrom(sp)).toMatchObject({ assignmentId: "A1", filter: "late", search: "wang", dir: "desc" });
    expect(gradebookParams(sp).toString()).toBe("assignment=A1&q=wang&sort=total&dir=desc&filter=late");
    expect(gradebookQueryFrom(new URLSearchParams("filter=bogus&threshold=x")).filter).toBeNull();
  });

  test("whole-course CSV: subtotal after each assignment, weighted total, missing / late / overridden columns", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const [header, ...rows]: string[][] = parse(Buffer.from(await gradebookCsv(t.db, ta), "utf8"), { bom: true });
    expect(header).toEqual([
      "student_id",
      "name",
      "email",
      "HW 1 / ex-one (10)",
      "HW 1 / ex-two (10)",
      "HW 1 subtotal (20)",
      "HW 2 / ex-three (20)",
      "HW 2 subtotal (20) ×2",
      "total (60)",
      "missing",
      "late_days",
      "overridden",
    ]);
    const s2 = rows.find((r) => r[2] === "s2@example.edu")!;
    // Missing work is blank and counted; a zero would be "0".
    expect(s2.slice(3)).toEqual(["4", "", "4", "", "", "4", "2", "0", ""]);
    expect(downloadName({ course: "dl-lecture-10", assignment: "10.3 RBM: CD-1" }, "csv", new Date(0))).toBe(
      "gibbs-dl-lecture-10-10.3-rbm-cd-1-1970-01-01.csv",
    );
    expect(downloadName({ course: "dl-lecture-10" }, "csv", new Date(0))).toBe("gibbs-dl-lecture-10-1970-01-01.csv");
  });
});

function pickCell(s: { userId: string; assignmentId: string; exerciseId: string; exerciseVersionId: string }) {
  return {
    userId: s.userId,
    assignmentId: s.assignmentId,
    exerciseId: s.exerciseId,
    exerciseVersionId: s.exerciseVersionId,
  };
}

describe("bulk override and extension", () => {
  test("one override with one reason for several students, all or none, each audited", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const inst = await f.actor(f.a.instructor, f.a.courseId);
    const cell = { assignmentId: second, exerciseId: ex3, score: 18, reason: "bonus for the lab demo" };
    const before = await t.db.override.count();
    await expect(setOverrides(t.db, ta, { ...cell, userIds: [] })).rejects.toBeInstanceOf(InputError);
    await expect(setOverrides(t.db, ta, { ...cell, userIds: [...f.a.students, f.b.student] })).rejects.toBeInstanceOf(
      AccessError,
    );
    await expect(setOverrides(t.db, ta, { ...cell, score: 21, userIds: f.a.students })).rejects.toBeInstanceOf(
      InputError,
    );
    expect(await t.db.override.count()).toBe(before);
    const auditBefore = (await listAudit(t.db, inst, { action: "override" })).total;
    await setOverrides(t.db, ta, { ...cell, userIds: f.a.students });
    const book = await loadGradebook(t.db, ta, { assignmentId: second });
    for (const id of f.a.students) {
      expect(rowOf(book, id).cells[0]).toMatchObject({ score: 18, override: { score: 18, reason: cell.reason } });
    }
    expect((await listAudit(t.db, inst, { action: "override" })).total).toBe(auditBefore + 2);
  });

  test("bulk extension: instructors only, re-applies the late policy for each student, audited", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const inst = await f.actor(f.a.instructor, f.a.courseId);
    const input = {
      assignmentId: f.a.assignmentId,
      userIds: f.a.students,
      dueAt: new Date(),
      reason: "server outage on the due date",
    };
    await expect(setExtensions(t.db, ta, input)).rejects.toBeInstanceOf(AccessError);
    await setExtensions(t.db, inst, input);
    const book = await loadGradebook(t.db, inst, { assignmentId: f.a.assignmentId });
    expect(rowOf(book, f.a.students[0]).cells[1].score).toBe(10);
    const log = await listAudit(t.db, inst, { action: "extension.set" });
    expect(log.rows.filter((r) => r.reason === input.reason)).toHaveLength(2);
  });
});

describe("download all submissions", () => {
  test("the zip holds each student × exercise's counting code; the manifest matches the gradebook", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    for (const pick of ["best", "latest"] as const) {
      const files = unzipSync(await submissionsZip(t.db, ta, f.a.assignmentId, pick));
      const [header, ...rows]: string[][] = parse(Buffer.from(files["manifest.csv"]), { bom: true });
      expect(header).toEqual([...MANIFEST_HEADER]);
      const book = await loadGradebook(t.db, ta, { assignmentId: f.a.assignmentId, policy: pick, pageSize: 0 });
      expect(rows).toHaveLength(book.rows.length * book.columns.length);
      for (const r of book.rows) {
        book.columns.forEach((c, i) => {
          const m = rows.find((x) => x[2] === r.user.email && x[3] === c.slug)!;
          const cell = r.cells[i];
          expect(m[9] === "" ? null : Number(m[9])).toBe(cell.score);
          expect(m[6]).toBe(cell.submissionId ?? cell.latestSubmissionId ?? "");
          if (m[5]) expect(strFromU8(files[m[5]])).toContain("export function f");
          else expect(m[8]).toBe("missing");
        });
      }
      const s1ExOne = rows.find((x) => x[2] === "s1@example.edu" && x[3] === "ex-one")!;
      expect(s1ExOne[5]).toBe("s1@example.edu/ex-one.ts");
    }
    // Another course's assignment is not found.
    await expect(submissionsZip(t.db, ta, f.b.assignmentId, "best")).rejects.toBeInstanceOf(AccessError);
  });
});
