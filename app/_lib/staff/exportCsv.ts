/**
 * Gradebook CSV: one row per student, one column per exercise plus the total.
 * UTF-8 with a byte-order mark so that Excel shows Chinese names; written with
 * csv-stringify (quotes, commas and newlines in names are escaped properly, and a cell
 * that a spreadsheet would run as a formula is prefixed with ' as OWASP's CSV-injection
 * guidance says: see CSV_OPTIONS).
 * Uses the same query (policy, search, filter, sort) as the page, without paging.
 */

import { stringify } from "csv-stringify/sync";
import type { Db } from "@/prisma/client";
import type { StaffContext } from "@/app/_lib/access";
import { loadGradebook, type GradebookQuery } from "./gradebook";

export const CSV_BOM = "\uFEFF";

/** Every CSV Gibbs writes: CRLF records, and cells starting with =, +, -, @, tab or CR (and their full-width forms) escaped. */
export const CSV_OPTIONS = { record_delimiter: "\r\n", escape_formulas: true } as const;

/** Two decimals, no trailing zeros; empty for a missing score. */
export function formatScore(x: number | null): string {
  return x === null ? "" : String(Math.round(x * 100) / 100);
}

export async function gradebookCsv(db: Db, actor: StaffContext, q: GradebookQuery = {}): Promise<string> {
  const book = await loadGradebook(db, actor, { ...q, page: 1, pageSize: 0 });
  const whole = !q.assignmentId;
  const header = [
    "student_id",
    "name",
    "email",
    ...book.columns.map((c) => `${whole ? `${c.assignmentTitleEn} / ` : ""}${c.slug} (${c.points})`),
    `total (${formatScore(book.rows[0]?.max ?? book.columns.reduce((t, c) => t + c.points, 0))})`,
  ];
  const rows = book.rows.map((r) => [
    r.user.studentId ?? "",
    r.user.name,
    r.user.email,
    ...r.cells.map((c) => formatScore(c.score)),
    formatScore(r.total),
  ]);
  return CSV_BOM + stringify([header, ...rows], CSV_OPTIONS);
}

/** A file name like `gibbs-dl-lecture-10-2026-11-25.csv`. */
export function csvFileName(courseSlug: string, now = new Date()): string {
  return `gibbs-${courseSlug.replace(/[^\w.-]+/g, "-")}-${now.toISOString().slice(0, 10)}.csv`;
}
