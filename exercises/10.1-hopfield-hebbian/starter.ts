/**
 * Hebbian storage: X is P × n (one binary pattern per row). Return W (n × n) with
 * w_ij = Σ_p s_i^p s_j^p for i ≠ j and w_ii = 0, where s = 2x − 1.
 */
export function hebbianWeights(X: number[][]): number[][] {
  const n = X[0].length;
  const W: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
  for (const x of X) {
    // TODO: convert x to its bipolar image s, then add s_i s_j to W[i][j] for every i ≠ j.
  }
  return W;
}
