/** The audit log as sentences with names and titles (no ids), its structured before/after, and its filters. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import type { StaffContext } from "@/app/_lib/access";
import { listAudit } from "@/app/_lib/staff/audit";
import { auditFields, auditNames, describeAudit } from "@/app/_lib/staff/auditText";
import { setOverride } from "@/app/_lib/staff/overrides";
import { addComment } from "@/app/_lib/staff/comments";
import { setExtension } from "@/app/_lib/staff/assignments";
import { setMemberRole } from "@/app/_lib/staff/members";
import { allMessages } from "@/app/_i18n/messages";
import { createStaffFixture, type StaffFixture } from "./fixture";

let t: TestDb;
let f: StaffFixture;
let inst: StaffContext;
let ta: StaffContext;
beforeAll(async () => {
  t = await createTestDb();
  f = await createStaffFixture(t.db);
  inst = await f.actor(f.a.instructor, f.a.courseId);
  ta = await f.actor(f.a.ta, f.a.courseId);
  const [s1, s2] = f.a.students;
  const [e1] = f.a.exercises;
  await setOverride(t.db, ta, {
    assignmentId: f.a.assignmentId,
    exerciseId: e1,
    userId: s1,
    score: 8,
    reason: "copied case",
  });
  await addComment(t.db, ta, { submissionId: f.a.submissions[4], line: 2, body: "Look here." });
  await setExtension(t.db, inst, {
    assignmentId: f.a.assignmentId,
    userId: s2,
    dueAt: new Date("2026-12-20T04:00:00Z"),
    reason: "illness",
  });
  await setMemberRole(t.db, inst, s2, "ta");
});
afterAll(() => t.cleanup());

/** The messages of a locale under people.audit.sentence, filled in like next-intl's plain {name} arguments. */
function render(locale: "en" | "zh-CN", key: string, params: Record<string, unknown>) {
  const sentences = (allMessages()[locale].people as { audit: { sentence: Record<string, string> } }).audit.sentence;
  return sentences[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));
}

describe("sentences", () => {
  test("an override reads as who changed whose score on which exercise, from and to, in either language", async () => {
    const log = await listAudit(t.db, inst, { action: "override" });
    const en = await auditNames(t.db, f.a.courseId, log.rows, "en");
    const s = describeAudit(log.rows[0], en);
    expect(render("en", s.key, s.params)).toBe("TA A changed 王小明's score on 10.1 Title ex-one from 10 to 8");
    const zh = describeAudit(log.rows[0], await auditNames(t.db, f.a.courseId, log.rows, "zh-CN"));
    expect(render("zh-CN", zh.key, zh.params)).toBe("TA A 将 王小明 在 10.1 标题 ex-one 上的分数从 10 改为 8");
  });

  test("comments, extensions and role changes name the people and titles, never an id", async () => {
    const log = await listAudit(t.db, inst);
    const names = await auditNames(t.db, f.a.courseId, log.rows, "en");
    const byAction = Object.fromEntries(log.rows.map((r) => [r.action, describeAudit(r, names)]));
    expect(render("en", byAction.comment.key, byAction.comment.params)).toBe(
      "TA A commented on line 2 of Smith, Jane's submission of 10.1 Title ex-one",
    );
    expect(byAction["extension.set"]).toMatchObject({
      key: "extensionSet",
      params: { actor: "Instructor A", student: "Smith, Jane", assignment: "HW 1" },
    });
    expect(byAction["member.role"]).toEqual({
      key: "memberRole",
      params: { actor: "Instructor A", student: "Smith, Jane", before: "student", after: "ta" },
    });
    const ids = [f.a.courseId, f.a.assignmentId, ...f.a.exercises, ...f.a.students, ...f.a.submissions];
    for (const r of log.rows) {
      const text = JSON.stringify([describeAudit(r, names), auditFields(r, names)]);
      for (const id of ids) expect(text).not.toContain(id);
    }
  });

  test("the structured before and after of an override, with names", async () => {
    const [row] = (await listAudit(t.db, inst, { action: "override" })).rows;
    const fields = auditFields(row, await auditNames(t.db, f.a.courseId, [row], "en"));
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: "score", before: "10", after: "8" },
        { field: "user", before: "王小明", after: "王小明" },
        { field: "exercise", before: "10.1 Title ex-one", after: "10.1 Title ex-one" },
      ]),
    );
  });
});

describe("filters", () => {
  test("by actor, by student, by action and by date", async () => {
    const [s1, s2] = f.a.students;
    expect((await listAudit(t.db, inst, { actorId: f.a.ta })).rows.map((r) => r.action).sort()).toEqual([
      "comment",
      "override",
    ]);
    expect((await listAudit(t.db, inst, { subjectId: s2 })).rows.map((r) => r.action).sort()).toEqual([
      "comment",
      "extension.set",
      "member.role",
    ]);
    expect((await listAudit(t.db, inst, { subjectId: s1 })).rows.map((r) => r.action)).toEqual(["override"]);
    const now = Date.now();
    expect((await listAudit(t.db, inst, { from: new Date(now - 60_000) })).total).toBe(4);
    expect((await listAudit(t.db, inst, { to: new Date(now - 60_000) })).total).toBe(0);
  });
});
