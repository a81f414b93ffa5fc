"use client";
/**
 * The gradebook's filter form, applied as you type: every change replaces the URL's query
 * (search and numbers after a short pause, selects at once; all fire "input") and the server page re-renders. Without
 * JavaScript the form still submits with its button.
 */

import { useRef } from "react";
import { usePathname, useRouter } from "next/navigation";

const TYPING_PAUSE_MS = 250;

export function LiveFilters({
  children,
  className,
  label,
}: {
  children: React.ReactNode;
  className?: string;
  label: string;
}) {
  const router = useRouter();
  const path = usePathname();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const apply = (form: HTMLFormElement) => {
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === "string" && v) p.set(k, v);
    router.replace(`${path}?${p.toString()}`, { scroll: false });
  };
  const onChange = (e: React.FormEvent<HTMLFormElement>) => {
    const form = e.currentTarget;
    const typed = e.target instanceof HTMLInputElement && (e.target.type === "search" || e.target.type === "number");
    if (timer.current) clearTimeout(timer.current);
    if (typed) timer.current = setTimeout(() => apply(form), TYPING_PAUSE_MS);
    else apply(form);
  };
  return (
    <form
      method="get"
      className={className}
      aria-label={label}
      onInput={onChange}
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
    >
      {children}
    </form>
  );
}
