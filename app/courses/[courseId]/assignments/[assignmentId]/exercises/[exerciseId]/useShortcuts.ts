"use client";
/**
 * Run and Submit shortcuts for the whole page (what the buttons' aria-keyshortcuts
 * announce), not only inside the editor: Ctrl/⌘+Enter runs, Ctrl/⌘+Shift+Enter submits.
 * Captured before Monaco sees them (its own Ctrl+Enter would insert a line).
 */

import { useEffect, useLayoutEffect, useRef } from "react";

export function useShortcuts(handlers: { run(): void; submit(): void }) {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || e.altKey || e.repeat) return;
      e.preventDefault();
      e.stopPropagation();
      if (e.shiftKey) latest.current.submit();
      else latest.current.run();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
}
