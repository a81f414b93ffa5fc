"use client";
/**
 * The draggable divider between the prompt and the editor (a focusable ARIA separator:
 * arrow keys move it by 5 %, Home/End to the limits). It sets the `--split` custom
 * property on the workspace directly, so dragging re-renders nothing.
 */

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import styles from "./workspace.module.css";

const MIN = 20;
const MAX = 75;
const STEP = 5;
const KEY = "gibbs-split";

export function SplitHandle({ label }: { label: string }) {
  const ref = useRef<HTMLDivElement | null>(null);
  const [value, setValue] = useState(40);
  /** The value the last drag or key set (read when a drag ends). */
  const current = useRef(value);
  const apply = (v: number) => {
    const clamped = Math.round(Math.min(MAX, Math.max(MIN, v)));
    ref.current?.parentElement?.style.setProperty("--split", `${clamped}%`);
    current.current = clamped;
    setValue(clamped);
    return clamped;
  };
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
  useEffect(() => {
    const stored = Number(localStorage.getItem(KEY));
    if (stored) apply(stored);
  }, []);
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
