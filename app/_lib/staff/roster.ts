/**
 * Roster import from CSV: email, name, student id, role, section.
 *
 * `previewRoster` is a dry run that says what the import will do with every row in this course
 * ("add" or "skip" with problems), never whether an e-mail has an account elsewhere. `commitRoster` re-checks the
 * same text against the database and applies the good rows in ONE transaction (bad
 * rows are reported and skipped; a failure rolls everything back, so nothing is ever
 * half-imported). New users get a one-time password-set link for the instructor.
 */

import { parse } from "csv-parse/sync";
import type { Db } from "@/prisma/client";
import { asInstructor, type StaffContext } from "@/app/_lib/access";
import { InputError } from "@/app/_lib/errors";
import { normalizeEmail } from "@/accounts/email";
import { writeAudit } from "./audit";
import { issuePasswordToken, passwordSetPath } from "@/app/_lib/auth/passwordTokens";

export const ROSTER_ROLES = ["student", "ta", "instructor"] as const;
export type RosterRole = (typeof ROSTER_ROLES)[number];
export const ROSTER_MAX_BYTES = 2_000_000;

/** Why a row is skipped; i18n keys under staff.roster.problem. */
export type RowProblem = "badEmail" | "duplicate" | "duplicateId" | "unknownRole" | "missingName" | "alreadyEnrolled";

/** One CSV row and what the import will do with it in this course (never whether the person has an account elsewhere). */
export interface RosterRow {
  /** 1-based line of the CSV record (the header is line 1). */
  line: number;
  email: string;
  name: string;
  studentId: string | null;
  role: string;
  section?: string;
  /** "add" to this course, or "skip" with problems. */
  action: "add" | "skip";
  problems: RowProblem[];
}

export interface RosterPreview {
  rows: RosterRow[];
  counts: { add: number; skip: number };
}

/** A row with the id of the account it will enrol (null: one is created), kept server-side. */
interface PlannedRow {
  row: RosterRow;
  userId: string | null;
  /** The user was a member and was removed: the import enrols them again. */
  rejoin: boolean;
}

// Header names accepted for each column (lower-cased, spaces/underscores/dashes removed).
type Column = "email" | "name" | "studentId" | "role" | "section";
const HEADER: Record<string, Column> = {
  email: "email",
  mail: "email",
  邮箱: "email",
  name: "name",
  fullname: "name",
  姓名: "name",
  studentid: "studentId",
  sid: "studentId",
  id: "studentId",
  学号: "studentId",
  role: "role",
  角色: "role",
  section: "section",
  班级: "section",
  分组: "section",
};

const EMAIL = /^[^\s@",;<>]+@[^\s@",;<>]+\.[^\s@",;<>]+$/;

interface Parsed {
  line: number;
  email: string;
  name: string;
  studentId: string | null;
  role: string;
  /** Absent when the file has no section column or the cell is empty. */
  section?: string;
}

/** Parses the CSV text (UTF-8, optional BOM, quoted fields, commas inside quotes). */
export function parseRosterCsv(text: string): Parsed[] {
  if (Buffer.byteLength(text, "utf8") > ROSTER_MAX_BYTES)
    throw new InputError("rosterTooLarge", {}, "The file is too large (2 MB at most).");
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    throw new InputError("rosterUnreadable", {}, `The CSV cannot be read: ${(e as Error).message}`);
  }
  if (records.length === 0) throw new InputError("rosterEmpty", {}, "The file is empty.");
  const header = records[0].map((h) => HEADER[h.toLowerCase().replace(/[\s_\-]/g, "")]);
  const col = (k: Column) => header.indexOf(k);
  if (col("email") < 0 || col("name") < 0) {
    throw new InputError(
      "rosterHeader",
      {},
      "The first line must name the columns: email, name, student id, role, section.",
    );
  }
  const at = (r: string[], k: Column) => (col(k) >= 0 ? (r[col(k)] ?? "").trim() : "");
  return records.slice(1).map((r, i) => ({
    line: i + 2,
    email: normalizeEmail(at(r, "email")),
    name: at(r, "name"),
    studentId: at(r, "studentId") || null,
    role: (at(r, "role") || "student").toLowerCase(),
    ...(at(r, "section") ? { section: at(r, "section") } : {}),
  }));
}

async function planRoster(db: Db, actor: StaffContext, text: string): Promise<PlannedRow[]> {
  const parsed = parseRosterCsv(text);
  const emails = [...new Set(parsed.map((p) => p.email).filter((e) => EMAIL.test(e)))];
  const users = await db.user.findMany({
    where: { email: { in: emails } },
    select: {
      id: true,
      email: true,
      enrollments: { where: { courseId: actor.courseId }, select: { id: true, endedAt: true } },
    },
  });
  const known = new Map(
    users.map((u) => [
      u.email,
      {
        id: u.id,
        member: u.enrollments.some((e) => e.endedAt === null),
        ended: u.enrollments.some((e) => e.endedAt !== null),
      },
    ]),
  );
  const seen = new Set<string>();
  const seenIds = new Set<string>();
  return parsed.map((p): PlannedRow => {
    const problems: RowProblem[] = [];
    if (!EMAIL.test(p.email)) problems.push("badEmail");
    else if (seen.has(p.email)) problems.push("duplicate");
    // The same person twice is one "duplicate"; two people with one student ID is "duplicateId".
    if (p.studentId && seenIds.has(p.studentId) && !problems.includes("duplicate")) problems.push("duplicateId");
    if (p.studentId) seenIds.add(p.studentId);
    if (!p.name) problems.push("missingName");
    if (!(ROSTER_ROLES as readonly string[]).includes(p.role)) problems.push("unknownRole");
    if (EMAIL.test(p.email)) seen.add(p.email);
    if (known.get(p.email)?.member && problems.length === 0) problems.push("alreadyEnrolled");
    return {
      row: { ...p, action: problems.length ? "skip" : "add", problems },
      userId: known.get(p.email)?.id ?? null,
      rejoin: known.get(p.email)?.ended ?? false,
    };
  });
}

function summarize(plan: PlannedRow[]): RosterPreview {
  const rows = plan.map((p) => p.row);
  const counts = { add: 0, skip: 0 };
  for (const r of rows) counts[r.action]++;
  return { rows, counts };
}

export async function previewRoster(db: Db, actor: StaffContext, text: string): Promise<RosterPreview> {
  asInstructor(actor);
  return summarize(await planRoster(db, actor, text));
}

export interface RosterCommitResult extends RosterPreview {
  /** One-time password-set links of the users created now. */
  links: { email: string; name: string; path: string }[];
}

export async function commitRoster(db: Db, actor: StaffContext, text: string): Promise<RosterCommitResult> {
  asInstructor(actor);
  return db.$transaction(async (tx) => {
    // Re-check inside the transaction: the database may have changed since the preview.
    const plan = await planRoster(tx as unknown as Db, actor, text);
    const preview = summarize(plan);
    const links: RosterCommitResult["links"] = [];
    const created = new Set<string>();
    for (const { row: r, userId: existing, rejoin } of plan) {
      if (r.action === "skip") continue;
      let userId = existing;
      if (!userId) {
        userId = (await tx.user.create({ data: { email: r.email, name: r.name, studentId: r.studentId } })).id;
        created.add(r.email);
        links.push({ email: r.email, name: r.name, path: passwordSetPath(await issuePasswordToken(tx, userId)) });
      }
      if (rejoin) {
        await tx.enrollment.update({
          where: { courseId_userId: { courseId: actor.courseId, userId } },
          data: { role: r.role, section: r.section ?? null, endedAt: null },
        });
      } else {
        await tx.enrollment.create({
          data: { courseId: actor.courseId, userId, role: r.role, section: r.section ?? null },
        });
      }
    }
    await writeAudit(tx, actor, {
      action: "roster.import",
      entityType: "Course",
      entityId: actor.courseId,
      after: {
        enrolled: preview.rows
          .filter((r) => r.action !== "skip")
          .map((r) => ({ email: r.email, role: r.role, section: r.section ?? null, created: created.has(r.email) })),
        skipped: preview.rows
          .filter((r) => r.action === "skip")
          .map((r) => ({ line: r.line, email: r.email, problems: r.problems })),
      },
    });
    return { ...preview, links };
  });
}
