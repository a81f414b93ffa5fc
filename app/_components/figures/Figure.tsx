"use client";
/**
 * One lab figure: a canvas drawn at the device pixel ratio (crisp on 2× screens), redrawn when
 * its data or the colour scheme change, with a caption and a "Download PNG" button. The canvas
 * carries an accessible label; the numbers that matter are also written in the caption.
 */

import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Theme } from "./draw";
import styles from "./Figure.module.css";

export interface FigureProps {
  /** Accessible name of the picture. */
  label: string;
  width: number;
  height: number;
  draw: (ctx: CanvasRenderingContext2D, theme: Theme) => void;
  filename: string;
  downloadLabel: string;
  caption?: ReactNode;
  testId?: string;
}

function themeOf(el: HTMLElement): Theme & { background: string } {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: css.color,
    muted: v("--muted", "#5b6470"),
    border: v("--border", "#d8dde3"),
    background: v("--surface", "#ffffff"),
    font: css.fontFamily,
  };
}

export function Figure({ label, width, height, draw, filename, downloadLabel, caption, testId }: FigureProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [scheme, setScheme] = useState(0);

  useEffect(() => {
    const mq = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => setScheme((s) => s + 1);
    mq.addEventListener("change", onChange);
    return () => mq.removeEventListener("change", onChange);
  }, []);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const dpr = Math.max(2, window.devicePixelRatio || 1);
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const ctx = canvas.getContext("2d")!;
    const theme = themeOf(canvas);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, width, height);
    draw(ctx, theme);
  }, [draw, width, height, scheme]);

  const download = () => {
    ref.current?.toBlob((blob) => {
      if (!blob) return;
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    }, "image/png");
  };

  return (
    <figure className={styles.figure} data-testid={testId}>
      <canvas
        ref={ref}
        className={styles.canvas}
        style={{ width, aspectRatio: `${width} / ${height}` }}
        role="img"
        aria-label={label}
      />
      <figcaption className={styles.caption}>
        <div>{caption}</div>
        <button type="button" className="button button--quiet" onClick={download}>
          {downloadLabel}
        </button>
      </figcaption>
    </figure>
  );
}
