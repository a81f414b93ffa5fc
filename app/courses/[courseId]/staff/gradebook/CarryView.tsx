"use client";
/**
 * Review links carry the gradebook view (filter, search, sort) so that J/K on the review page
 * walk it. Written into a link's query when it is pressed or focused (click, middle-click,
 * keyboard), instead of into 7,500 hrefs of the server HTML.
 */

import { useEffect } from "react";

export function CarryView({ targetId, query }: { targetId: string; query: string }) {
  useEffect(() => {
    const root = document.getElementById(targetId);
    if (!root || !query) return;
    const carry = (e: Event) => {
      const a = (e.target as Element | null)?.closest?.("a");
      if (a && root.contains(a)) a.search = query;
    };
    root.addEventListener("pointerdown", carry);
    root.addEventListener("focusin", carry);
    return () => {
      root.removeEventListener("pointerdown", carry);
      root.removeEventListener("focusin", carry);
    };
  }, [targetId, query]);
  return null;
}
