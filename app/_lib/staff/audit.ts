/**
 * The audit log: every staff change of a grade, assignment, roster or extension, with
 * who, when, the value before and after, and why. Writers pass their transaction
 * client so the change and its audit row commit together or not at all.
 */

import type { Db } from "@/prisma/client";
import type { Prisma } from "@/prisma/generated/client";
import { asInstructor, type StaffContext } from "@/app/_lib/access";

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
  | "roster.import";

export interface AuditEntryInput {
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export async function writeAudit(tx: Tx, actor: StaffContext, e: AuditEntryInput): Promise<void> {
  await tx.auditLog.create({
    data: {
      courseId: actor.courseId,
      actorId: actor.userId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
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
  before: unknown;
  after: unknown;
  reason: string | null;
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

/** Newest first; instructors only. */
export async function listAudit(
  db: Db,
  actor: StaffContext,
  opts: { action?: string; take?: number; skip?: number } = {},
): Promise<{ rows: AuditRow[]; total: number }> {
  asInstructor(actor);
  const where = { courseId: actor.courseId, ...(opts.action ? { action: opts.action } : {}) };
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
      before: parse(r.beforeJson),
      after: parse(r.afterJson),
      reason: r.reason,
    })),
  };
}
