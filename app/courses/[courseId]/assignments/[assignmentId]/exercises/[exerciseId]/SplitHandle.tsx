"use client";
/**
 * The draggable divider between the prompt and the editor (a focusable ARIA separator:
 * arrow keys move it by 5 %, Home/End to the limits). It sets the `--split` custom
 * property on the workspace directly, so dragging re-renders only this handle.
 */

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { useBrowserValue } from "@/app/_components/browser/useBrowserValue";
import styles from "./workspace.module.css";

const MIN = 20;
const MAX = 75;
const STEP = 5;
const KEY = "gibbs-split";

const clamp = (v: number) => Math.round(Math.min(MAX, Math.max(MIN, v)));

export function SplitHandle({ label }: { label: string }) {
  const ref = useRef<HTMLDivElement | null>(null);
  const stored = useBrowserValue(() => Number(localStorage.getItem(KEY)) || null, null);
  const [moved, setMoved] = useState<number | null>(null);
  const value = clamp(moved ?? stored ?? 40);
  /** The value the last drag or key set (read when a drag ends). */
  const current = useRef(value);
  const setSplit = (v: number) => ref.current?.parentElement?.style.setProperty("--split", `${v}%`);
  const apply = (v: number) => {
    const clamped = clamp(v);
    setSplit(clamped);
    current.current = clamped;
    setMoved(clamped);
    return clamped;
  };
  useEffect(() => {
    current.current = value;
    setSplit(value);
  }, [value]);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const container = ref.current?.parentElement;
    if (!container) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const rect = container.getBoundingClientRect();
    const move = (ev: globalThis.PointerEvent) => apply(((ev.clientX - rect.left) / rect.width) * 100);
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      localStorage.setItem(KEY, String(current.current));
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const next =
      e.key === "ArrowLeft"
        ? value - STEP
        : e.key === "ArrowRight"
          ? value + STEP
          : e.key === "Home"
            ? MIN
            : e.key === "End"
              ? MAX
              : null;
    if (next === null) return;
    e.preventDefault();
    localStorage.setItem(KEY, String(apply(next)));
  };
  return (
    <div
      ref={ref}
      className={styles.split}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      aria-valuenow={value}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
