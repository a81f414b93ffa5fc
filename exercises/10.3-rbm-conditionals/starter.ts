/**
 * Both conditionals of an RBM for a batch.
 * Ph[r][j] = P(h_j = 1 | v = V[r]) = σ(b_j + Σ_i V[r][i] w_ij)   (B × n_h)
 * Pv[r][i] = P(v_i = 1 | h = H[r]) = σ(a_i + Σ_j w_ij H[r][j])   (B × n_v)
 * W: n_v × n_h, a: visible bias (n_v), b: hidden bias (n_h).
 */
export function rbmConditionals(
  V: number[][],
  H: number[][],
  W: number[][],
  a: number[],
  b: number[],
): { Ph: number[][]; Pv: number[][] } {
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  // TODO: compute the hidden probabilities from V and the visible probabilities from H.
  const Ph = V.map(() => b.map(() => 0.5));
  const Pv = H.map(() => a.map(() => 0.5));
  return { Ph, Pv };
}
