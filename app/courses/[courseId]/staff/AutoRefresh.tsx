"use client";
/** Re-renders the server page every `ms` while something is still running (regrade progress). */
import { useEffect } from "react";
import { useRouter } from "next/navigation";

export function AutoRefresh({ ms = 1500 }: { ms?: number }) {
  const router = useRouter();
  useEffect(() => {
    const id = setInterval(() => router.refresh(), ms);
    return () => clearInterval(id);
  }, [router, ms]);
  return null;
}
