/**
 * In-app notifications (no e-mail): a student hears of a TA comment, an override, an answered
 * request, or a regrade that changed their score; staff hear of a new request. Writers pass their
 * transaction so a notification exists exactly when its cause does. Readers see only their own.
 */

import type { Db } from "@/prisma/client";
import type { Tx } from "@/app/_lib/staff/audit";

/** What a notification points at, by kind; names and titles are looked up when it is shown. */
export type NotificationData =
  | {
      kind: "comment";
      submissionId: string;
      commentId: string;
      assignmentId: string;
      exerciseId: string;
      actorId: string;
    }
  | { kind: "override"; assignmentId: string; exerciseId: string; score: number; actorId: string }
  | {
      kind: "answer";
      requestId: string;
      assignmentId: string;
      exerciseId: string;
      submissionId: string | null;
      actorId: string;
    }
  | {
      kind: "regrade";
      submissionId: string;
      assignmentId: string;
      exerciseId: string;
      before: number | null;
      after: number;
    }
  | {
      kind: "request";
      requestId: string;
      assignmentId: string;
      exerciseId: string;
      requestKind: string;
      actorId: string;
    };

export type NotificationKind = NotificationData["kind"];

export interface NotificationRow {
  id: string;
  courseId: string;
  createdAt: Date;
  readAt: Date | null;
  data: NotificationData;
}

/** One notification per recipient, inside the caller's transaction. */
export async function notify(tx: Tx, courseId: string, userIds: readonly string[], data: NotificationData) {
  if (userIds.length === 0) return;
  await tx.notification.createMany({
    data: [...new Set(userIds)].map((userId) => ({
      userId,
      courseId,
      kind: data.kind,
      dataJson: JSON.stringify(data),
    })),
  });
}

/** The current TAs and instructors of a course (the recipients of a new request). */
export async function courseStaffIds(tx: Tx, courseId: string): Promise<string[]> {
  const staff = await tx.enrollment.findMany({
    where: { courseId, role: { in: ["ta", "instructor"] }, endedAt: null },
    select: { userId: true },
  });
  return staff.map((s) => s.userId);
}

export function unreadCount(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** The user's notifications, newest first. */
export async function listNotifications(db: Db, userId: string, take = 100): Promise<NotificationRow[]> {
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map((r) => ({
    id: r.id,
    courseId: r.courseId,
    createdAt: r.createdAt,
    readAt: r.readAt,
    data: JSON.parse(r.dataJson) as NotificationData,
  }));
}

/** One of the user's own notifications, or null. */
export async function ownNotification(db: Db, userId: string, id: string): Promise<NotificationRow | null> {
  const r = await db.notification.findFirst({ where: { id, userId } });
  return r
    ? {
        id: r.id,
        courseId: r.courseId,
        createdAt: r.createdAt,
        readAt: r.readAt,
        data: JSON.parse(r.dataJson) as NotificationData,
      }
    : null;
}

/** Marks the user's own notifications read: the given ids, or all of them. */
export async function markRead(db: Db, userId: string, ids: readonly string[] | "all", now = new Date()) {
  const where = ids === "all" ? { userId, readAt: null } : { userId, readAt: null, id: { in: [...ids] } };
  const r = await db.notification.updateMany({ where, data: { readAt: now } });
  return r.count;
}

/**
 * The student's unread comment notifications on one submission (or on any submission of one
 * exercise): the ids of the comments they point at, so the page can mark them "new".
 */
export async function unreadComments(
  db: Db,
  userId: string,
  where: { submissionIds: readonly string[] },
): Promise<{ notificationIds: string[]; commentIds: Set<string> }> {
  const rows = await db.notification.findMany({
    where: { userId, kind: "comment", readAt: null },
    select: { id: true, dataJson: true },
  });
  const subs = new Set(where.submissionIds);
  const hits = rows
    .map((r) => ({ id: r.id, data: JSON.parse(r.dataJson) as Extract<NotificationData, { kind: "comment" }> }))
    .filter((r) => subs.has(r.data.submissionId));
  return { notificationIds: hits.map((h) => h.id), commentIds: new Set(hits.map((h) => h.data.commentId)) };
}
