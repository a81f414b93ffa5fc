/** Small pieces that several misconception tables use. */

import { sigmoid, type Mat, type Vec } from "../numerics";

/** M[i][j], or NaN when out of range: variants that assume a square matrix then fail instead of throwing. */
export const at = (M: Mat, i: number, j: number): number => M[i]?.[j] ?? NaN;

/** Pre-activation z = c + X M for every row, with M (`X-cols × c.length`) read through `get`. */
export function affine(X: Mat, c: Vec, get: (i: number, j: number) => number): Mat {
  return X.map((x) => c.map((cj, j) => x.reduce((s, xi, i) => s + xi * get(i, j), cj)));
}

/** Elementwise σ. */
export const sigm = (Z: Mat): Mat => Z.map((row) => row.map(sigmoid));

/** 0, 1, …, n − 1. */
export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** The textbook σ(z) = e^z / (1 + e^z): Infinity / Infinity = NaN once z > 709 (a naive variant). */
export const literalSigmoid = (z: number): number => Math.exp(z) / (1 + Math.exp(z));
