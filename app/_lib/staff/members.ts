/**
 * Roster management (instructors): the member list with search, role and section; change a
 * role or a section, remove a member, and issue a new password-set link to a member who has
 * not set a password yet. Removing ends the enrollment (`endedAt`): the member loses access,
 * every submission, grade and audit row stays. The last current instructor can be neither
 * demoted nor removed. Every change is audited in the same transaction.
 */

import type { Db } from "@/prisma/client";
import { asInstructor, isRole, type Role, type StaffContext } from "@/app/_lib/access";
import { AccessError, InputError } from "@/app/_lib/errors";
import { issuePasswordToken, passwordSetPath } from "@/app/_lib/auth/passwordTokens";
import { writeAudit, type Tx } from "./audit";

export const SECTION_MAX_CHARS = 40;

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  studentId: string | null;
  role: Role;
  section: string | null;
  /** The member has set a password (else they can only get in with a password-set link). */
  hasPassword: boolean;
  endedAt: Date | null;
}

export interface MemberQuery {
  /** Matches name, e-mail or student ID (case-insensitive). */
  q?: string;
  role?: Role;
  section?: string;
  /** Show removed members too. */
  ended?: boolean;
}

export async function listMembers(db: Db, actor: StaffContext, query: MemberQuery = {}): Promise<MemberRow[]> {
  asInstructor(actor);
  const rows = await db.enrollment.findMany({
    where: {
      courseId: actor.courseId,
      ...(query.role ? { role: query.role } : {}),
      ...(query.section ? { section: query.section } : {}),
      ...(query.ended ? {} : { endedAt: null }),
    },
    select: {
      role: true,
      section: true,
      endedAt: true,
      user: { select: { id: true, name: true, email: true, studentId: true, passwordHash: true } },
    },
    orderBy: [{ user: { name: "asc" } }],
  });
  // Case-insensitive search in JS: SQLite's and PostgreSQL's LIKE differ on case and on non-ASCII.
  const q = query.q?.trim().toLocaleLowerCase() ?? "";
  return rows
    .filter(
      (r) =>
        !q ||
        r.user.name.toLocaleLowerCase().includes(q) ||
        r.user.email.includes(q) ||
        (r.user.studentId ?? "").toLocaleLowerCase().includes(q),
    )
    .map((r) => ({
      userId: r.user.id,
      name: r.user.name,
      email: r.user.email,
      studentId: r.user.studentId,
      role: isRole(r.role) ? r.role : "student",
      section: r.section,
      hasPassword: r.user.passwordHash !== null,
      endedAt: r.endedAt,
    }));
}

/** The course's sections in use, sorted. */
export async function listSections(db: Db, actor: StaffContext): Promise<string[]> {
  const rows = await db.enrollment.findMany({
    where: { courseId: actor.courseId, endedAt: null, section: { not: null } },
    select: { section: true },
    distinct: ["section"],
  });
  return rows.map((r) => r.section as string).sort((a, b) => a.localeCompare(b));
}

/** The current enrollment of `userId` in the actor's course. */
async function currentMember(tx: Tx, actor: StaffContext, userId: string) {
  const e = await tx.enrollment.findUnique({
    where: { courseId_userId: { courseId: actor.courseId, userId } },
    select: { id: true, role: true, section: true, endedAt: true },
  });
  if (!e || e.endedAt !== null) throw new AccessError("not_found", "member");
  return e;
}

/** Refuses a change that would leave the course without a current instructor. */
async function keepAnInstructor(tx: Tx, courseId: string) {
  const left = await tx.enrollment.count({ where: { courseId, role: "instructor", endedAt: null } });
  if (left === 0) throw new InputError("lastInstructor", {}, "The course needs at least one instructor.");
}

export async function setMemberRole(db: Db, actor: StaffContext, userId: string, role: string) {
  asInstructor(actor);
  if (!isRole(role)) throw new InputError("badRole", {}, `Unknown role ${role}.`);
  return db.$transaction(async (tx) => {
    const e = await currentMember(tx, actor, userId);
    if (e.role === role) return;
    await tx.enrollment.update({ where: { id: e.id }, data: { role } });
    // Checked after the write, inside the transaction: a failure rolls the change back.
    if (e.role === "instructor") await keepAnInstructor(tx, actor.courseId);
    await writeAudit(tx, actor, {
      action: "member.role",
      entityType: "Enrollment",
      entityId: e.id,
      before: { userId, role: e.role },
      after: { userId, role },
    });
  });
}

export async function setMemberSection(db: Db, actor: StaffContext, userId: string, section: string) {
  asInstructor(actor);
  const value = section.trim() || null;
  if (value && value.length > SECTION_MAX_CHARS)
    throw new InputError("sectionTooLong", { max: SECTION_MAX_CHARS }, "The section name is too long.");
  return db.$transaction(async (tx) => {
    const e = await currentMember(tx, actor, userId);
    if (e.section === value) return;
    await tx.enrollment.update({ where: { id: e.id }, data: { section: value } });
    await writeAudit(tx, actor, {
      action: "member.section",
      entityType: "Enrollment",
      entityId: e.id,
      before: { userId, section: e.section },
      after: { userId, section: value },
    });
  });
}

/** Ends the enrollment; submissions, grades and comments stay. */
export async function removeMember(db: Db, actor: StaffContext, userId: string, now = new Date()) {
  asInstructor(actor);
  return db.$transaction(async (tx) => {
    const e = await currentMember(tx, actor, userId);
    await tx.enrollment.update({ where: { id: e.id }, data: { endedAt: now } });
    if (e.role === "instructor") await keepAnInstructor(tx, actor.courseId);
    // The removed member's sessions stay valid for their other courses; this course is closed to them by access.ts.
    await writeAudit(tx, actor, {
      action: "member.remove",
      entityType: "Enrollment",
      entityId: e.id,
      before: { userId, role: e.role, section: e.section },
      after: { userId, ended: now.toISOString() },
    });
  });
}

/**
 * A new one-time password-set link for a member who has never set a password (an imported
 * member who lost the first link); older unused links stop working. A member with a password
 * resets it themselves: an instructor holding a working link to their account would be a takeover.
 */
export async function resendInvite(db: Db, actor: StaffContext, userId: string, now = new Date()) {
  asInstructor(actor);
  return db.$transaction(async (tx) => {
    const e = await currentMember(tx, actor, userId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
    if (user.passwordHash !== null) throw new InputError("hasPassword", {}, "This member has already set a password.");
    await tx.passwordToken.updateMany({
      where: { userId, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    const path = passwordSetPath(await issuePasswordToken(tx, userId, now));
    await writeAudit(tx, actor, {
      action: "member.invite",
      entityType: "Enrollment",
      entityId: e.id,
      after: { userId },
    });
    return path;
  });
}
