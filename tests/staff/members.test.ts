/** Roster management: list and search, role and section changes, removal, new password links, the last instructor; all audited. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { staffAccess, studentAccess, type StaffContext } from "@/app/_lib/access";
import { AccessError, InputError } from "@/app/_lib/errors";
import { listAudit } from "@/app/_lib/staff/audit";
import {
  listMembers,
  listSections,
  removeMember,
  resendInvite,
  setMemberRole,
  setMemberSection,
} from "@/app/_lib/staff/members";
import { checkPasswordToken, redeemPasswordToken } from "@/app/_lib/auth/passwordTokens";
import { commitRoster, previewRoster } from "@/app/_lib/staff/roster";
import { loadGradebook } from "@/app/_lib/staff/gradebook";
import { createStaffFixture, type StaffFixture } from "./fixture";

let t: TestDb;
let f: StaffFixture;
let inst: StaffContext;
let ta: StaffContext;
let instB: StaffContext;
beforeAll(async () => {
  t = await createTestDb();
  f = await createStaffFixture(t.db);
  inst = await f.actor(f.a.instructor, f.a.courseId);
  ta = await f.actor(f.a.ta, f.a.courseId);
  instB = await f.actor(f.b.instructor, f.b.courseId);
});
afterAll(() => t.cleanup());

const tokenOf = (path: string) => decodeURIComponent(path.split("token=")[1]);

describe("the member list", () => {
  test("lists current members with role and section, and searches name, e-mail and student ID", async () => {
    const all = await listMembers(t.db, inst);
    expect(all.map((m) => m.email).sort()).toEqual(
      ["inst-a@example.edu", "s1@example.edu", "s2@example.edu", "ta-a@example.edu"].sort(),
    );
    expect((await listMembers(t.db, inst, { q: "2026002" })).map((m) => m.email)).toEqual(["s2@example.edu"]);
    expect((await listMembers(t.db, inst, { q: "小明" })).map((m) => m.email)).toEqual(["s1@example.edu"]);
    expect((await listMembers(t.db, inst, { q: "SMITH" })).map((m) => m.email)).toEqual(["s2@example.edu"]);
    expect((await listMembers(t.db, inst, { role: "ta" })).map((m) => m.email)).toEqual(["ta-a@example.edu"]);
  });

  test("only instructors of the course reach it", async () => {
    await expect(listMembers(t.db, ta)).rejects.toBeInstanceOf(AccessError);
    await expect(setMemberRole(t.db, ta, f.a.students[0], "ta")).rejects.toBeInstanceOf(AccessError);
    // Another course's instructor: the member is not found in their course.
    await expect(setMemberRole(t.db, instB, f.a.students[0], "ta")).rejects.toBeInstanceOf(AccessError);
    await expect(removeMember(t.db, instB, f.a.students[0])).rejects.toBeInstanceOf(AccessError);
    await expect(resendInvite(t.db, instB, f.a.students[0])).rejects.toBeInstanceOf(AccessError);
  });
});

describe("changes", () => {
  test("a section is set, listed, filtered by, and audited", async () => {
    await setMemberSection(t.db, inst, f.a.students[0], "  Mon 10:00 ");
    expect(await listSections(t.db, inst)).toEqual(["Mon 10:00"]);
    expect((await listMembers(t.db, inst, { section: "Mon 10:00" })).map((m) => m.userId)).toEqual([f.a.students[0]]);
    expect((await loadGradebook(t.db, ta, { section: "Mon 10:00" })).rows.map((r) => r.user.id)).toEqual([
      f.a.students[0],
    ]);
    const log = await listAudit(t.db, inst, { action: "member.section" });
    expect(log.rows[0]).toMatchObject({
      subjectId: f.a.students[0],
      before: { section: null },
      after: { section: "Mon 10:00" },
    });
    await expect(setMemberSection(t.db, inst, f.a.students[0], "x".repeat(41))).rejects.toMatchObject({
      code: "sectionTooLong",
    });
  });

  test("a role change is audited with before and after; an unknown role is refused", async () => {
    await setMemberRole(t.db, inst, f.a.students[1], "ta");
    expect((await staffAccess(t.db, f.a.students[1], f.a.courseId)).role).toBe("ta");
    await setMemberRole(t.db, inst, f.a.students[1], "student");
    const log = await listAudit(t.db, inst, { action: "member.role" });
    expect(log.rows.map((r) => [r.before, r.after])).toEqual([
      [
        { userId: f.a.students[1], role: "ta" },
        { userId: f.a.students[1], role: "student" },
      ],
      [
        { userId: f.a.students[1], role: "student" },
        { userId: f.a.students[1], role: "ta" },
      ],
    ]);
    await expect(setMemberRole(t.db, inst, f.a.students[1], "admin")).rejects.toMatchObject({ code: "badRole" });
  });

  test("the last instructor can be neither demoted nor removed; with a second one, they can", async () => {
    await expect(setMemberRole(t.db, inst, f.a.instructor, "ta")).rejects.toMatchObject({ code: "lastInstructor" });
    await expect(removeMember(t.db, inst, f.a.instructor)).rejects.toMatchObject({ code: "lastInstructor" });
    expect((await staffAccess(t.db, f.a.instructor, f.a.courseId, { instructor: true })).role).toBe("instructor");
    await setMemberRole(t.db, inst, f.a.ta, "instructor");
    await setMemberRole(t.db, inst, f.a.ta, "ta");
    expect((await listAudit(t.db, inst, { action: "member.role", subjectId: f.a.ta })).total).toBe(2);
    expect((await listAudit(t.db, inst, { action: "member.role", subjectId: f.a.instructor })).total).toBe(0);
  });

  test("removal ends the enrollment: no access, out of the list and gradebook, submissions kept; re-import brings them back", async () => {
    const s2 = f.a.students[1];
    const before = await t.db.submission.count({ where: { userId: s2 } });
    await removeMember(t.db, inst, s2);
    await expect(studentAccess(t.db, s2, f.a.courseId)).rejects.toBeInstanceOf(AccessError);
    expect(await t.db.submission.count({ where: { userId: s2 } })).toBe(before);
    expect((await listMembers(t.db, inst)).map((m) => m.userId)).not.toContain(s2);
    const removed = (await listMembers(t.db, inst, { ended: true })).find((m) => m.userId === s2);
    expect(removed?.endedAt).toBeInstanceOf(Date);
    expect((await loadGradebook(t.db, inst)).rows.map((r) => r.user.id)).not.toContain(s2);
    await expect(removeMember(t.db, inst, s2)).rejects.toBeInstanceOf(AccessError);
    expect((await listAudit(t.db, inst, { action: "member.remove", subjectId: s2 })).total).toBe(1);

    const csv = 'email,name,student id,role,section\ns2@example.edu,"Smith, Jane",2026002,student,Tue\n';
    const preview = await previewRoster(t.db, inst, csv);
    expect(preview.rows[0]).toMatchObject({ action: "add", section: "Tue", problems: [] });
    await commitRoster(t.db, inst, csv);
    expect((await studentAccess(t.db, s2, f.a.courseId)).role).toBe("student");
    expect((await listMembers(t.db, inst, { section: "Tue" })).map((m) => m.userId)).toEqual([s2]);
  });

  test("a new password link works once and ends older links; a member with a password gets none", async () => {
    const s1 = f.a.students[0];
    const first = tokenOf(await resendInvite(t.db, inst, s1));
    const second = tokenOf(await resendInvite(t.db, inst, s1));
    expect(await checkPasswordToken(t.db, first)).toMatchObject({ ok: false, problem: "expired" });
    expect(await redeemPasswordToken(t.db, second, "a good long password")).toMatchObject({ ok: true, userId: s1 });
    await expect(resendInvite(t.db, inst, s1)).rejects.toMatchObject({ code: "hasPassword" });
    await expect(resendInvite(t.db, inst, s1)).rejects.toBeInstanceOf(InputError);
    expect((await listMembers(t.db, inst, { q: "s1@" }))[0].hasPassword).toBe(true);
    const log = await listAudit(t.db, inst, { action: "member.invite" });
    expect(log.total).toBe(2);
    expect(JSON.stringify(log.rows)).not.toContain(second);
  });
});

describe("the import's dry run", () => {
  test("flags a duplicate student ID and a duplicate e-mail within the file, and reads the section column", async () => {
    const csv = [
      "email,name,student id,role,section",
      "dup1@example.edu,Dup One,9001,student,A",
      "dup2@example.edu,Dup Two,9001,student,B",
      "DUP1@example.edu,Dup Again,9002,student,A",
    ].join("\n");
    const p = await previewRoster(t.db, inst, csv);
    expect(p.rows.map((r) => [r.action, r.problems, r.section])).toEqual([
      ["add", [], "A"],
      ["skip", ["duplicateId"], "B"],
      ["skip", ["duplicate"], "A"],
    ]);
  });
});
