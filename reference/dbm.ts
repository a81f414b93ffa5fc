/**
 * Deep Boltzmann machine with two hidden layers (lecture 10.4; DOMAIN.md "10.4 Deep Boltzmann machine").
 *
 * Layers v (n_v) – h1 (n1) – h2 (n2). W1 is `n_v × n1`, W2 is `n1 × n2`; a (n_v), b1 (n1), b2 (n2)
 * are BIASES (added to the input, subtracted in the energy), unlike the Hopfield/BM thresholds.
 * Batches are `B × n`, one sample per row. Functions never mutate their arguments.
 */

import { type Mat, type Vec, addMat, addRow, matmul, sigmoidMat, transpose, zerosMat } from "./numerics";

export interface MeanFieldOptions {
  /** Stop after the first iteration whose largest change is below tol. */
  tol: number;
  /** Hard limit on the number of iterations (≥ 1). */
  maxIter: number;
  /** Start value μ2^(0), `B × n2`; default all zeros. */
  mu2Init?: Mat;
}

export interface MeanFieldResult {
  /** μ1, `B × n1`. */
  mu1: Mat;
  /** μ2, `B × n2`. */
  mu2: Mat;
  /** Number of iterations performed (1 … maxIter). */
  iterations: number;
}

/**
 * Mean-field inference of q(h1, h2 | v) for a batch V (`B × n_v`). Start μ1^(0) = 0 and
 * μ2^(0) = mu2Init (default 0). Iteration t = 1, 2, … updates SEQUENTIALLY:
 *   μ1^(t) = σ(V W1 + μ2^(t−1) W2ᵀ + b1)      (bottom-up from v, top-down from the OLD μ2)
 *   μ2^(t) = σ(μ1^(t) W2 + b2)                 (from the NEW μ1)
 * and δ_t = max over every entry of the batch of |μ1^(t) − μ1^(t−1)| and |μ2^(t) − μ2^(t−1)|.
 * Stop after iteration t when δ_t < tol or t = maxIter; `iterations` = t.
 */
export function dbmMeanField(V: Mat, W1: Mat, W2: Mat, b1: Vec, b2: Vec, options: MeanFieldOptions): MeanFieldResult {
  const { tol, maxIter } = options;
  if (!(maxIter >= 1)) throw new RangeError("dbmMeanField: maxIter must be at least 1");
  const B = V.length;
  const n1 = b1.length;
  const n2 = b2.length;
  let mu1 = zerosMat(B, n1);
  let mu2 = options.mu2Init ? options.mu2Init.map((r) => r.slice()) : zerosMat(B, n2);
  const bottomUp = matmul(V, W1); // V W1, fixed during inference
  const W2T = transpose(W2);
  let t = 0;
  for (;;) {
    t++;
    const topDown = matmul(mu2, W2T); // μ2^(t−1) W2ᵀ
    const newMu1 = sigmoidMat(addRow(addMat(bottomUp, topDown), b1));
    const newMu2 = sigmoidMat(addRow(matmul(newMu1, W2), b2));
    const delta = Math.max(maxAbsDiff(newMu1, mu1), maxAbsDiff(newMu2, mu2));
    mu1 = newMu1;
    mu2 = newMu2;
    if (delta < tol || t >= maxIter) return { mu1, mu2, iterations: t };
  }
}

/** max_ij |A_ij − B_ij| (0 for empty matrices). */
function maxAbsDiff(A: Mat, B: Mat): number {
  let m = 0;
  for (let i = 0; i < A.length; i++) for (let j = 0; j < A[i].length; j++) m = Math.max(m, Math.abs(A[i][j] - B[i][j]));
  return m;
}

/**
 * DBM energy of each sample of a batch (rows of V `B × n_v`, H1 `B × n1`, H2 `B × n2`):
 *   E(v, h1, h2) = −vᵀW1h1 − h1ᵀW2h2 − aᵀv − b1ᵀh1 − b2ᵀh2.
 * The visible bias a is included (length n_v; pass zeros for none). Returns a vector of B energies.
 */
export function dbmEnergy(V: Mat, H1: Mat, H2: Mat, W1: Mat, W2: Mat, a: Vec, b1: Vec, b2: Vec): Vec {
  return V.map((v, k) => {
    const h1 = H1[k];
    const h2 = H2[k];
    let e = 0;
    for (let i = 0; i < v.length; i++) {
      e -= a[i] * v[i];
      for (let j = 0; j < h1.length; j++) e -= v[i] * W1[i][j] * h1[j];
    }
    for (let j = 0; j < h1.length; j++) {
      e -= b1[j] * h1[j];
      for (let l = 0; l < h2.length; l++) e -= h1[j] * W2[j][l] * h2[l];
    }
    for (let l = 0; l < h2.length; l++) e -= b2[l] * h2[l];
    return e;
  });
}
