/**
 * The audit log: every staff change of a grade, assignment, roster or extension, with
 * who, when, the value before and after, and why. Writers pass their transaction
 * client so the change and its audit row commit together or not at all.
 */

import type { Db } from "@/prisma/client";
import type { Prisma } from "@/prisma/generated/client";
import { asInstructor, type CourseContext, type StaffContext } from "@/app/_lib/access";

/** A Prisma client or an interactive-transaction client. */
export type Tx = Db | Prisma.TransactionClient;

export type AuditAction =
  | "override"
  | "comment"
  | "regrade"
  | "assignment.create"
  | "assignment.update"
  | "extension.set"
  | "extension.remove"
  | "roster.import"
  | "member.role"
  | "member.section"
  | "member.remove"
  | "member.invite"
  | "request.file"
  | "request.answer"
  | "request.close";

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  "override",
  "comment",
  "regrade",
  "assignment.create",
  "assignment.update",
  "extension.set",
  "extension.remove",
  "roster.import",
  "member.role",
  "member.section",
  "member.remove",
  "member.invite",
  "request.file",
  "request.answer",
  "request.close",
];

export function isAuditAction(v: unknown): v is AuditAction {
  return typeof v === "string" && (AUDIT_ACTIONS as readonly string[]).includes(v);
}

export interface AuditEntryInput {
  action: AuditAction;
  entityType: string;
  entityId: string;
  /** The student or member the change is about; by default the `userId` of `after` or `before`. */
  subjectId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const userIdOf = (v: unknown): string | null =>
  v && typeof v === "object" && typeof (v as { userId?: unknown }).userId === "string"
    ? (v as { userId: string }).userId
    : null;

/** The actor is staff, or a student filing a request. */
export async function writeAudit(
  tx: Tx,
  actor: Pick<CourseContext, "userId" | "courseId">,
  e: AuditEntryInput,
): Promise<void> {
  await tx.auditLog.create({
    data: {
      courseId: actor.courseId,
      actorId: actor.userId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      subjectId: e.subjectId ?? userIdOf(e.after) ?? userIdOf(e.before),
      beforeJson: e.before === undefined ? null : JSON.stringify(e.before),
      afterJson: e.after === undefined ? null : JSON.stringify(e.after),
      reason: e.reason ?? null,
    },
  });
}

export interface AuditRow {
  id: string;
  createdAt: Date;
  actor: { id: string; name: string; email: string };
  action: string;
  entityType: string;
  entityId: string;
  subjectId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** The log's filters: who did it, whom it was about, which action, and a date range [from, to). */
export interface AuditQuery {
  action?: AuditAction;
  actorId?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
  take?: number;
  skip?: number;
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

/** Newest first; instructors only. */
export async function listAudit(
  db: Db,
  actor: StaffContext,
  opts: AuditQuery = {},
): Promise<{ rows: AuditRow[]; total: number }> {
  asInstructor(actor);
  const createdAt =
    opts.from || opts.to
      ? { ...(opts.from ? { gte: opts.from } : {}), ...(opts.to ? { lt: opts.to } : {}) }
      : undefined;
  const where = {
    courseId: actor.courseId,
    ...(opts.action ? { action: opts.action } : {}),
    ...(opts.actorId ? { actorId: opts.actorId } : {}),
    ...(opts.subjectId ? { subjectId: opts.subjectId } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: opts.take ?? 100,
      skip: opts.skip ?? 0,
      include: { actor: { select: { id: true, name: true, email: true } } },
    }),
    db.auditLog.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      actor: r.actor,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      subjectId: r.subjectId,
      before: parse(r.beforeJson),
      after: parse(r.afterJson),
      reason: r.reason,
    })),
  };
}
