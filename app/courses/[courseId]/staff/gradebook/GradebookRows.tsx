"use client";
/**
 * The gradebook's <tbody>: one node whose rows are an HTML string (rowsHtml.ts), so React neither
 * sends nor hydrates 7,500 cells as elements. The string comes in `html` after a client navigation
 * or, in the document itself, through the server-side handoff (rowsHandoff.ts) under `handoff`.
 */

import { memo, useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { receiveRows } from "./rowsHandoff";

/** The rows each document arrived with, by handoff key: the router shows them again on Back. */
const served = new Map<string, string>();

export const GradebookRows = memo(function GradebookRows({
  html,
  handoff,
  count,
}: {
  html?: string;
  handoff?: string;
  /** How many rows the server rendered. */
  count: number;
}) {
  const ref = useRef<HTMLTableSectionElement>(null);
  const router = useRouter();
  // Hydrating the document: React keeps the server's rows (it never compares inner HTML), so "" is safe here.
  const rows = html ?? (handoff ? (receiveRows(handoff) ?? served.get(handoff) ?? "") : "");
  useEffect(() => {
    if (!handoff || html !== undefined || served.has(handoff)) return;
    const tbody = ref.current;
    if (!tbody) return;
    // A payload with a key but no document behind it (not expected): ask the server for the rows.
    if (count > 0 && !tbody.rows.length) router.refresh();
    else served.set(handoff, tbody.innerHTML);
  }, [handoff, html, count, router]);
  return <tbody ref={ref} dangerouslySetInnerHTML={{ __html: rows }} suppressHydrationWarning />;
});
