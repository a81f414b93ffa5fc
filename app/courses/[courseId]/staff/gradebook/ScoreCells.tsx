"use client";
/**
 * The gradebook's score cells open their submission's review. A cell is plain text with the
 * submission's id in `data-s` (rowsHtml.ts), not an <a>: 7,500 links cost the browser about a third
 * of the page's style and paint work (npm run bench:gradebook-browser). This one set of listeners on
 * the table makes each such cell a link target: a click or tap opens it (Ctrl/⌘/Shift-click and
 * middle-click in a new tab); the table is a grid with one tab stop, arrow keys move between
 * cells and Enter opens. The review URL carries the gradebook view (filter, search, sort) so that
 * J/K on the review page walk it.
 */

import { useEffect } from "react";

export function ScoreCells({
  targetId,
  query,
  page,
}: {
  targetId: string;
  query: string;
  /** The page of rows shown: another page is other rows, which need their tab stop. */
  page: number;
}) {
  useEffect(() => {
    const table = document.getElementById(targetId) as HTMLTableElement | null;
    const body = table?.tBodies[0];
    if (!table || !body) return;
    const cellOf = (e: Event) => {
      const td = (e.target as Element | null)?.closest?.("td");
      return td && body.contains(td) ? td : null;
    };
    const open = (td: HTMLTableCellElement, newTab: boolean) => {
      // Relative, as the links were: the page is …/staff/gradebook, reviews are …/staff/submissions/<id>.
      const url = new URL(`submissions/${encodeURIComponent(td.dataset.s!)}${query ? `?${query}` : ""}`, location.href);
      if (newTab) window.open(url, "_blank", "noopener");
      else location.assign(url);
    };
    /** Makes `td` the grid's one tab stop. */
    const rove = (td: HTMLTableCellElement) => {
      for (const old of body.querySelectorAll<HTMLElement>("td[tabindex]"))
        if (old !== td) old.removeAttribute("tabindex");
      td.tabIndex = 0;
    };
    // Rows are replaced on every filter, sort or page: the first score is the tab stop again.
    const first = body.querySelector<HTMLTableCellElement>("td[data-s]") ?? body.querySelector("td");
    if (first) rove(first);

    const onClick = (e: MouseEvent) => {
      const td = cellOf(e);
      if (!td?.dataset.s || e.button !== 0) return;
      rove(td);
      open(td, e.ctrlKey || e.metaKey || e.shiftKey);
    };
    const onAuxClick = (e: MouseEvent) => {
      const td = cellOf(e);
      if (td?.dataset.s && e.button === 1) open(td, true);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const td = cellOf(e);
      if (!td || e.target !== td) return;
      if (e.key === "Enter") {
        if (!td.dataset.s) return;
        e.preventDefault();
        open(td, e.ctrlKey || e.metaKey);
        return;
      }
      const tr = td.parentElement as HTMLTableRowElement;
      const i = td.cellIndex;
      const row = (r: Element | null) => (r as HTMLTableRowElement | null)?.cells[i];
      const next =
        e.key === "ArrowLeft"
          ? tr.cells[i - 1]
          : e.key === "ArrowRight"
            ? tr.cells[i + 1]
            : e.key === "ArrowUp"
              ? row(tr.previousElementSibling)
              : e.key === "ArrowDown"
                ? row(tr.nextElementSibling)
                : undefined;
      // The name cell (a row header with the selection checkbox) keeps its own tab stop: moves stay on <td>s.
      if (!next || next.tagName !== "TD") return;
      e.preventDefault();
      rove(next);
      next.focus();
    };
    table.addEventListener("click", onClick);
    table.addEventListener("auxclick", onAuxClick);
    table.addEventListener("keydown", onKeyDown);
    return () => {
      table.removeEventListener("click", onClick);
      table.removeEventListener("auxclick", onAuxClick);
      table.removeEventListener("keydown", onKeyDown);
    };
  }, [targetId, query, page]);
  return null;
}
