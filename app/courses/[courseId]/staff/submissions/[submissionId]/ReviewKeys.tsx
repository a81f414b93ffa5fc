"use client";
/**
 * J / K: the next / previous submission of the gradebook view the TA came from (the view
 * travels in the URL). Ignored while typing in a field, or with a modifier key.
 */

import { useEffect, useRef } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import styles from "../../staff.module.css";

export function ReviewKeys({
  previous,
  next,
  labels,
}: {
  previous: string | null;
  next: string | null;
  labels: { previous: string; next: string; position: string; nav: string };
}) {
  const router = useRouter();
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
      const to = e.key === "j" ? next : e.key === "k" ? previous : null;
      if (to) {
        e.preventDefault();
        router.push(to);
      }
    };
    window.addEventListener("keydown", onKey);
    // J/K work from here on (before hydration a key press does nothing): tests wait for it as a person waits for the page.
    nav.current?.setAttribute("data-keys-ready", "");
    return () => window.removeEventListener("keydown", onKey);
  }, [router, next, previous]);
  return (
    <nav ref={nav} className={styles.queue} aria-label={labels.nav}>
      {previous ? (
        <Link href={previous} rel="prev" data-testid="review-prev">
          ← {labels.previous} <kbd>K</kbd>
        </Link>
      ) : (
        <span className="muted">← {labels.previous}</span>
      )}
      <span data-testid="review-position">{labels.position}</span>
      {next ? (
        <Link href={next} rel="next" data-testid="review-next">
          {labels.next} <kbd>J</kbd> →
        </Link>
      ) : (
        <span className="muted">{labels.next} →</span>
      )}
    </nav>
  );
}
