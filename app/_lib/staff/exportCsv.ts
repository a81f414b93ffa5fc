/**
 * Gradebook CSV: one row per student, one column per exercise plus the total.
 * UTF-8 with a byte-order mark so that Excel shows Chinese names; written with
 * csv-stringify (quotes, commas and newlines in names are escaped properly, and a cell
 * that a spreadsheet would run as a formula is prefixed with ' as OWASP's CSV-injection
 * guidance says: see CSV_OPTIONS).
 * Uses the same query (policy, search, filter, sort) as the page, without paging; the last
 * columns say how many cells are missing, the late days and which exercises are overridden.
 */

import { stringify } from "csv-stringify/sync";
import type { Db } from "@/prisma/client";
import type { StaffContext } from "@/app/_lib/access";
import { loadGradebook, type GradebookQuery } from "./gradebook";

export const CSV_BOM = "\uFEFF";

/** Every CSV Gibbs writes: CRLF records, and cells starting with =, +, -, @, tab or CR (and their full-width forms) escaped. */
export const CSV_OPTIONS = { record_delimiter: "\r\n", escape_formulas: true } as const;

/** Rows as one CSV file as Gibbs writes every CSV: BOM, CRLF, formula cells escaped. */
export function writeCsv(records: string[][]): string {
  return CSV_BOM + stringify(records, CSV_OPTIONS);
}

/** Two decimals, no trailing zeros; empty for a missing score. */
export function formatScore(x: number | null): string {
  return x === null ? "" : String(Math.round(x * 100) / 100);
}

export async function gradebookCsv(db: Db, actor: StaffContext, q: GradebookQuery = {}): Promise<string> {
  const book = await loadGradebook(db, actor, { ...q, page: 1, pageSize: 0 });
  const whole = !q.assignmentId;
  // The whole course adds each assignment's subtotal after its exercises (weighted in the total when weight ≠ 1).
  const grouped = <T>(cells: T[], subtotal: (gi: number) => T): T[] =>
    book.groups.flatMap((g, gi) => [...cells.slice(g.first, g.first + g.count), ...(whole ? [subtotal(gi)] : [])]);
  const header = [
    "student_id",
    "name",
    "email",
    ...grouped(
      book.columns.map((c) => `${whole ? `${c.assignmentTitleEn} / ` : ""}${c.slug} (${c.points})`),
      (gi) => {
        const g = book.groups[gi];
        return `${g.titleEn} subtotal (${formatScore(g.max)})${g.weight === 1 ? "" : ` ×${g.weight}`}`;
      },
    ),
    `total (${formatScore(book.max)})`,
    // Missing work is a blank cell, a zero is "0": `missing` counts the blanks.
    "missing",
    "late_days",
    "overridden",
  ];
  const rows = book.rows.map((r) => [
    r.user.studentId ?? "",
    r.user.name,
    r.user.email,
    ...grouped(
      r.cells.map((c) => formatScore(c.score)),
      (gi) => formatScore(r.subtotals[gi]),
    ),
    formatScore(r.total),
    String(r.missing),
    String(r.lateDays),
    book.columns
      .filter((_, i) => r.cells[i].override)
      .map((c) => c.slug)
      .join(" "),
  ]);
  return writeCsv([header, ...rows]);
}

/** A download's file name naming the course and, when given, the assignment: `gibbs-dl-lecture-10-10-3-rbm-2026-11-25.csv`. */
export function downloadName(
  parts: { course: string; assignment?: string | null },
  ext: "csv" | "zip",
  now = new Date(),
): string {
  const slug = (x: string) =>
    x
      .normalize("NFKD")
      .replace(/[^\w.-]+/g, "-")
      .replace(/-+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase();
  const names = [parts.course, parts.assignment].filter((x): x is string => !!x).map(slug);
  return `gibbs-${names.join("-")}-${now.toISOString().slice(0, 10)}.${ext}`;
}
