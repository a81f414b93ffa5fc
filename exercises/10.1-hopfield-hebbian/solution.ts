import { zerosMat } from "lab";

/** w_ij = Σ_p s_i^p s_j^p (s = 2x − 1) for i ≠ j, w_ii = 0. */
export function hebbianWeights(X: number[][]): number[][] {
  const n = X[0].length;
  const W = zerosMat(n, n);
  for (const x of X) {
    const s = x.map((v) => 2 * v - 1);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i !== j) W[i][j] += s[i] * s[j];
      }
    }
  }
  return W;
}
