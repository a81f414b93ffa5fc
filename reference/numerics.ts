/**
 * Small dense linear algebra and stable scalar functions.
 *
 * Shapes: a vector is `number[]`; a matrix is `number[][]`, row-major (`M[row][col]`).
 * A batch of B samples with n features is `B × n`, one sample per row.
 * Functions never mutate their arguments.
 */

export type Vec = number[];
export type Mat = number[][];

// ---------------------------------------------------------------- construction

/** Vector of n zeros. */
export function zeros(n: number): Vec {
  return new Array<number>(n).fill(0);
}

/** r × c matrix of zeros. */
export function zerosMat(r: number, c: number): Mat {
  const M = new Array<Vec>(r);
  for (let i = 0; i < r; i++) M[i] = zeros(c);
  return M;
}

/** Deep copy of a matrix. */
export function copyMat(A: Mat): Mat {
  return A.map((row) => row.slice());
}

/** [rows, cols] of a matrix (cols of an empty matrix is 0). */
export function shape(A: Mat): [number, number] {
  return [A.length, A.length ? A[0].length : 0];
}

// ---------------------------------------------------------------- products

/** xᵀy for x, y of length n. */
export function dot(x: Vec, y: Vec): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

/** C = A B, with A `r × k`, B `k × c`, C `r × c`. */
export function matmul(A: Mat, B: Mat): Mat {
  const r = A.length;
  const k = B.length;
  const c = k ? B[0].length : 0;
  const C = zerosMat(r, c);
  for (let i = 0; i < r; i++) {
    const Ai = A[i];
    const Ci = C[i];
    for (let t = 0; t < k; t++) {
      const a = Ai[t];
      if (a === 0) continue;
      const Bt = B[t];
      for (let j = 0; j < c; j++) Ci[j] += a * Bt[j];
    }
  }
  return C;
}

/** y = A x, with A `r × c`, x length c, y length r. */
export function matvec(A: Mat, x: Vec): Vec {
  return A.map((row) => dot(row, x));
}

/** y = xᵀ A (a row vector times a matrix), with x length r, A `r × c`, y length c. */
export function vecmat(x: Vec, A: Mat): Vec {
  const c = A.length ? A[0].length : 0;
  const y = zeros(c);
  for (let i = 0; i < A.length; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    const Ai = A[i];
    for (let j = 0; j < c; j++) y[j] += xi * Ai[j];
  }
  return y;
}

/** Aᵀ, `c × r` for A `r × c`. */
export function transpose(A: Mat): Mat {
  const [r, c] = shape(A);
  const T = zerosMat(c, r);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) T[j][i] = A[i][j];
  return T;
}

/** Outer product x yᵀ, `len(x) × len(y)`. */
export function outer(x: Vec, y: Vec): Mat {
  return x.map((xi) => y.map((yj) => xi * yj));
}

// ---------------------------------------------------------------- elementwise

/** Elementwise x + y. */
export function add(x: Vec, y: Vec): Vec {
  return x.map((v, i) => v + y[i]);
}

/** Elementwise x − y. */
export function sub(x: Vec, y: Vec): Vec {
  return x.map((v, i) => v - y[i]);
}

/** s · x. */
export function scale(x: Vec, s: number): Vec {
  return x.map((v) => v * s);
}

/** Elementwise (Hadamard) product x ⊙ y. */
export function hadamard(x: Vec, y: Vec): Vec {
  return x.map((v, i) => v * y[i]);
}

/** Elementwise A + B. */
export function addMat(A: Mat, B: Mat): Mat {
  return A.map((row, i) => add(row, B[i]));
}

/** Elementwise A − B. */
export function subMat(A: Mat, B: Mat): Mat {
  return A.map((row, i) => sub(row, B[i]));
}

/** s · A. */
export function scaleMat(A: Mat, s: number): Mat {
  return A.map((row) => scale(row, s));
}

/** Elementwise A ⊙ B. */
export function hadamardMat(A: Mat, B: Mat): Mat {
  return A.map((row, i) => hadamard(row, B[i]));
}

/** f applied to every entry of A. */
export function mapMat(A: Mat, f: (v: number, i: number, j: number) => number): Mat {
  return A.map((row, i) => row.map((v, j) => f(v, i, j)));
}

/** Broadcast a row vector over a batch: `M[i] + v` for every row i. */
export function addRow(M: Mat, v: Vec): Mat {
  return M.map((row) => add(row, v));
}

/** Column sums Σ_rows M, a vector of length cols. */
export function sumRows(M: Mat): Vec {
  const c = M.length ? M[0].length : 0;
  const s = zeros(c);
  for (const row of M) for (let j = 0; j < c; j++) s[j] += row[j];
  return s;
}

/** Σ_i x_i. */
export function sum(x: Vec): number {
  let s = 0;
  for (const v of x) s += v;
  return s;
}

/** Σ_ij A_ij. */
export function sumMat(A: Mat): number {
  let s = 0;
  for (const row of A) s += sum(row);
  return s;
}

/** Squared Frobenius norm Σ_ij A_ij². */
export function sumSquares(A: Mat): number {
  let s = 0;
  for (const row of A) for (const v of row) s += v * v;
  return s;
}

// ---------------------------------------------------------------- stable scalars

/** σ(z) = 1 / (1 + e^{−z}), evaluated without overflow for any finite z. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^{−|z|}); finite for any finite z. */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** log σ(z) = −softplus(−z). */
export function logSigmoid(z: number): number {
  return -softplus(-z);
}

/** log Σ_i e^{x_i}, shifted by the maximum; −∞ for an empty or all −∞ input. */
export function logsumexp(x: Vec): number {
  let m = -Infinity;
  for (const v of x) if (v > m) m = v;
  if (m === -Infinity) return -Infinity;
  if (m === Infinity) return Infinity;
  let s = 0;
  for (const v of x) s += Math.exp(v - m);
  return m + Math.log(s);
}

/** σ applied elementwise to a vector. */
export function sigmoidVec(z: Vec): Vec {
  return z.map(sigmoid);
}

/** σ applied elementwise to a matrix. */
export function sigmoidMat(Z: Mat): Mat {
  return Z.map(sigmoidVec);
}

/** Softmax of one row, stable: e^{z_k − max z} / Σ_j e^{z_j − max z} (shift by the max, then normalise: exact to round-off). */
export function softmax(z: Vec): Vec {
  let m = -Infinity;
  for (const v of z) if (v > m) m = v;
  const e = z.map((v) => Math.exp(v - m));
  const s = sum(e);
  return e.map((v) => v / s);
}

/** 1[u < p] for a probability p and a uniform u ∈ [0,1): the sampling rule used everywhere. */
export function bernoulli(p: number, u: number): number {
  return u < p ? 1 : 0;
}

/** Elementwise 1[U < P] for matrices of probabilities and uniforms. */
export function sampleMat(P: Mat, U: Mat): Mat {
  return P.map((row, i) => row.map((p, j) => bernoulli(p, U[i][j])));
}

/** All 2^n binary vectors of length n, in counting order (bit i of the index is x_i). */
export function allBinary(n: number): Vec[] {
  if (n > 24) throw new RangeError(`allBinary: n = ${n} is too large to enumerate`);
  const out = new Array<Vec>(1 << n);
  for (let k = 0; k < 1 << n; k++) {
    const x = zeros(n);
    for (let i = 0; i < n; i++) x[i] = (k >> i) & 1;
    out[k] = x;
  }
  return out;
}
