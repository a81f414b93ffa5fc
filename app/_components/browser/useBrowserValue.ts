"use client";
/**
 * Browser-only values (local storage, the reader's time zone, "hydrated yet?") read without a
 * hydration mismatch: the server render and the first client render use `serverValue`, then React
 * re-renders with `read()`. One home for the pattern instead of `useEffect(() => setState(…))`.
 */

import { useSyncExternalStore } from "react";

type Listener = () => void;
const listeners = new Set<Listener>();

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

/** Tells every `useBrowserValue` to read again (after this tab wrote local storage). */
export function browserValuesChanged(): void {
  for (const l of listeners) l();
}

/** `read` must return a primitive (or a stable object): it is called on every render. */
export function useBrowserValue<T>(read: () => T, serverValue: T): T {
  return useSyncExternalStore(subscribe, read, () => serverValue);
}

/** False on the server and during hydration, true once the page is interactive. */
export function useHydrated(): boolean {
  return useBrowserValue(() => true, false);
}
