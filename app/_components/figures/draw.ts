/** Drawing on a lab figure's canvas, in CSS pixels (Figure scales the canvas for the device pixel ratio). */

import type { LabImage } from "@/labs/protocol";
import { grey, puor, SERIES_COLOURS } from "./colormap";

export interface Theme {
  text: string;
  muted: string;
  border: string;
  font: string;
}

/** An image's pixels, scaled into a w × h box at (x, y). */
export function drawImage(ctx: CanvasRenderingContext2D, img: LabImage, x: number, y: number, size: number) {
  const off = new OffscreenCanvas(img.w, img.h);
  const octx = off.getContext("2d")!;
  const data = octx.createImageData(img.w, img.h);
  let max = 0;
  if (img.scale === "signed") for (const v of img.data) max = Math.max(max, Math.abs(v));
  for (let p = 0; p < img.w * img.h; p++) {
    const v = img.data[p];
    const [r, g, b] = img.scale === "signed" ? puor(max > 0 ? v / max : 0) : grey(v);
    data.data.set([r, g, b, 255], 4 * p);
  }
  octx.putImageData(data, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(off, x, y, size, (size * img.h) / img.w);
}

/** A row-major grid of images with an optional caption under each. */
export function drawImageGrid(
  ctx: CanvasRenderingContext2D,
  theme: Theme,
  images: LabImage[],
  opts: { x: number; y: number; cols: number; size: number; gap?: number; captions?: string[] },
) {
  const gap = opts.gap ?? 4;
  const captionH = opts.captions ? 16 : 0;
  images.forEach((img, k) => {
    const cx = opts.x + (k % opts.cols) * (opts.size + gap);
    const cy = opts.y + Math.floor(k / opts.cols) * (opts.size + gap + captionH);
    drawImage(ctx, img, cx, cy, opts.size);
    if (opts.captions?.[k]) {
      ctx.fillStyle = theme.muted;
      ctx.font = `12px ${theme.font}`;
      ctx.textAlign = "center";
      ctx.textBaseline = "top";
      ctx.fillText(opts.captions[k], cx + opts.size / 2, cy + opts.size + 2);
    }
  });
}

export function gridHeight(n: number, cols: number, size: number, gap = 4, captions = false) {
  const rows = Math.ceil(n / cols);
  return rows * (size + (captions ? 16 : 0)) + (rows - 1) * gap;
}

export interface LineSeries {
  label: string;
  x: number[];
  y: number[];
  /** Draw markers only (no line). */
  points?: boolean;
  /** Draw as bars centred on x (of width `barWidth` in x units). */
  bars?: number;
  colour?: string;
}

export interface ChartOptions {
  x: number;
  y: number;
  w: number;
  h: number;
  xLabel: string;
  yLabel: string;
  series: LineSeries[];
  /** Vertical and horizontal reference lines with labels. */
  vLines?: { at: number; label: string }[];
  hLines?: { at: number; label: string }[];
  xRange?: [number, number];
  yRange?: [number, number];
  xTickLabels?: string[];
}

/** Axes with ticks and labels, the series, reference lines and a legend. */
export function drawChart(ctx: CanvasRenderingContext2D, theme: Theme, o: ChartOptions) {
  const left = o.x + 56;
  const right = o.x + o.w - 8;
  const top = o.y + 8 + 18 * Math.ceil(o.series.length / 3);
  const bottom = o.y + o.h - 40;
  const xs = o.series.flatMap((s) => s.x).concat((o.vLines ?? []).map((l) => l.at));
  const ys = o.series.flatMap((s) => s.y).concat((o.hLines ?? []).map((l) => l.at));
  const [x0, x1] = o.xRange ?? pad(Math.min(...xs), Math.max(...xs), 0);
  const [y0, y1] = o.yRange ?? pad(Math.min(...ys), Math.max(...ys), 0.05);
  const X = (v: number) => left + ((v - x0) / (x1 - x0 || 1)) * (right - left);
  const Y = (v: number) => bottom - ((v - y0) / (y1 - y0 || 1)) * (bottom - top);
  ctx.font = `12px ${theme.font}`;
  ctx.strokeStyle = theme.border;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, top);
  ctx.lineTo(left, bottom);
  ctx.lineTo(right, bottom);
  ctx.stroke();
  ctx.fillStyle = theme.muted;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const t of ticks(y0, y1, 5)) {
    ctx.fillText(fmt(t), left - 6, Y(t));
    ctx.beginPath();
    ctx.moveTo(left - 3, Y(t));
    ctx.lineTo(left, Y(t));
    ctx.stroke();
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  if (o.xTickLabels) {
    o.xTickLabels.forEach((label, i) => ctx.fillText(label, X(i), bottom + 4));
  } else {
    // counts (sweeps, epochs, patterns) get whole-number ticks only
    const whole = o.series.every((s) => s.x.every(Number.isInteger));
    for (const t of ticks(x0, x1, 6)) if (!whole || Number.isInteger(t)) ctx.fillText(fmt(t), X(t), bottom + 4);
  }
  ctx.fillStyle = theme.text;
  ctx.fillText(o.xLabel, (left + right) / 2, bottom + 20);
  ctx.save();
  ctx.translate(o.x + 12, (top + bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = "middle";
  ctx.fillText(o.yLabel, 0, 0);
  ctx.restore();
  ctx.save();
  ctx.setLineDash([4, 4]);
  ctx.strokeStyle = theme.muted;
  ctx.fillStyle = theme.muted;
  ctx.textBaseline = "bottom";
  for (const l of o.vLines ?? []) {
    ctx.beginPath();
    ctx.moveTo(X(l.at), top);
    ctx.lineTo(X(l.at), bottom);
    ctx.stroke();
    ctx.textAlign = "left";
    ctx.fillText(l.label, X(l.at) + 4, top + 14);
  }
  for (const l of o.hLines ?? []) {
    ctx.beginPath();
    ctx.moveTo(left, Y(l.at));
    ctx.lineTo(right, Y(l.at));
    ctx.stroke();
    ctx.textAlign = "right";
    ctx.fillText(l.label, right, Y(l.at) - 2);
  }
  ctx.restore();
  o.series.forEach((s, k) => {
    const colour = s.colour ?? SERIES_COLOURS[k % SERIES_COLOURS.length];
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.lineWidth = 2;
    if (s.bars !== undefined) {
      const half = (X(x0 + s.bars) - X(x0)) / 2;
      s.x.forEach((x, i) => ctx.fillRect(X(x) - half, Y(s.y[i]), 2 * half, Y(Math.max(y0, 0)) - Y(s.y[i])));
    } else if (s.points) {
      s.x.forEach((x, i) => {
        ctx.beginPath();
        ctx.arc(X(x), Y(s.y[i]), 3.5, 0, 2 * Math.PI);
        ctx.fill();
      });
    } else {
      ctx.beginPath();
      s.x.forEach((x, i) => (i ? ctx.lineTo(X(x), Y(s.y[i])) : ctx.moveTo(X(x), Y(s.y[i]))));
      ctx.stroke();
      if (s.x.length === 1) ctx.fillRect(X(s.x[0]) - 2, Y(s.y[0]) - 2, 4, 4);
    }
    // legend, three per row
    const lx = left + (k % 3) * ((right - left) / 3);
    const ly = o.y + 4 + 18 * Math.floor(k / 3);
    ctx.fillRect(lx, ly + 4, 14, 4);
    ctx.fillStyle = theme.text;
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    ctx.fillText(s.label, lx + 18, ly);
  });
}

function pad(lo: number, hi: number, f: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const d = (hi - lo) * f;
  return [lo - d, hi + d];
}

/** About n round tick values in [lo, hi]. */
function ticks(lo: number, hi: number, n: number): number[] {
  const step0 = (hi - lo) / n;
  if (!(step0 > 0)) return [lo];
  const mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= step0) ?? step0;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9 * step; t += step) out.push(Math.abs(t) < 1e-12 ? 0 : t);
  return out;
}

function fmt(v: number): string {
  if (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-2 && v !== 0)) return v.toExponential(0);
  return String(Math.round(v * 1000) / 1000);
}
