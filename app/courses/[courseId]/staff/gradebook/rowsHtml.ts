/**
 * The gradebook's body rows as an HTML string. A 300 × 25 page has 7,500 cells; as React
 * elements they would be sent twice (HTML and RSC payload) and hydrated one fiber at a
 * time, which costs most of the 1 s budget. As one string React hydrates a single node,
 * and the document carries it once (GradebookRows.tsx, rowsHandoff.ts). Every interpolated
 * text goes through `escapeHtml` (names, emails and override reasons are user input).
 * Row order: name (with the bulk-selection checkbox), ID, each assignment's exercises and,
 * when there are several assignments, its subtotal; then the percentage and the total.
 */

import type { GradebookCell, GradebookGroup, GradebookRow } from "@/app/_lib/staff/gradebook";
import { formatScore } from "@/app/_lib/staff/exportCsv";

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or attribute value, safe inside HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

export interface RowsHtmlOptions {
  /** Shown for a missing score. */
  missing: string;
  /** The accessible description of a flagged cell (override reason, late, error, grading). */
  label(c: GradebookCell): string;
  classes: {
    overridden: string;
    errorCell: string;
    marks: string;
    num: string;
    muted: string;
    subtotal?: string;
    /** A cell with marks: its score is underlined, as colour alone would not tell it from the marks beside it. */
    flagged?: string;
    /** The sticky ID, percentage and total cells (the stylesheet pins them by class, not by position). */
    idCell?: string;
    percentCell?: string;
    totalCell?: string;
  };
  /** Assignment groups; a subtotal cell follows each group when there is more than one. */
  groups?: GradebookGroup[];
  /** The accessible name of a row's bulk-selection checkbox (form "bulk"); no checkbox when absent. */
  selectLabel?: (name: string) => string;
}

/** ` class="…"` for the given class names, or nothing. */
function classAttr(...names: (string | undefined)[]): string {
  const cls = names.filter(Boolean).join(" ");
  return cls ? ` class="${cls}"` : "";
}

function cellHtml(c: GradebookCell, o: RowsHtmlOptions): string {
  const sub = c.submissionId ?? c.latestSubmissionId;
  const text = escapeHtml(c.score === null ? o.missing : formatScore(c.score));
  // The submission a click, tap or Enter opens (ScoreCells.tsx): an attribute, not an <a> per cell.
  const open = sub ? ` data-s="${escapeHtml(sub)}"` : "";
  if (!(c.override || c.lateDays || c.error || c.pending)) return `<td${open}>${text}</td>`;
  const marks = `${c.override ? "◆" : ""}${c.lateDays ? "△" : ""}${c.error ? "⚠" : ""}${c.pending ? "⋯" : ""}`;
  const label = escapeHtml(o.label(c));
  const cls = c.override ? o.classes.overridden : c.error ? o.classes.errorCell : "";
  return `<td${classAttr(cls, o.classes.flagged)}${open} title="${label}">${text}<span class="${o.classes.marks}" aria-label="${label}">${marks}</span></td>`;
}

export function gradebookRowsHtml(rows: GradebookRow[], o: RowsHtmlOptions): string {
  const out: string[] = [];
  const groups = o.groups && o.groups.length > 1 ? o.groups : null;
  for (const r of rows) {
    const u = r.user;
    const cells = groups
      ? groups
          .map(
            (g, gi) =>
              r.cells
                .slice(g.first, g.first + g.count)
                .map((c) => cellHtml(c, o))
                .join("") +
              `<td class="${o.classes.subtotal ?? ""}">${escapeHtml(r.subtotals[gi] === null ? o.missing : formatScore(r.subtotals[gi]))}</td>`,
          )
          .join("")
      : r.cells.map((c) => cellHtml(c, o)).join("");
    const select = o.selectLabel
      ? `<input type="checkbox" form="bulk" name="userId" value="${escapeHtml(u.id)}" aria-label="${escapeHtml(o.selectLabel(u.name))}"> `
      : "";
    out.push(
      `<tr data-testid="gb-row" data-email="${escapeHtml(u.email)}"><th scope="row">${select}${escapeHtml(u.name)}<br><span class="${o.classes.muted}">${escapeHtml(u.email)}</span></th>` +
        `<td${classAttr(o.classes.idCell)}>${escapeHtml(u.studentId ?? "")}</td>` +
        cells +
        (o.groups
          ? `<td${classAttr(o.classes.num, o.classes.percentCell)}>${escapeHtml(`${Math.round(r.percent)} %`)}</td>`
          : "") +
        `<td${classAttr(o.classes.num, o.classes.totalCell)}><strong>${escapeHtml(formatScore(r.total))}</strong></td></tr>`,
    );
  }
  return out.join("");
}
