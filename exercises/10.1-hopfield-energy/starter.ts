/**
 * Energy of a Hopfield network: E(x) = −½ Σ_i Σ_j w_ij x_i x_j + Σ_i b_i x_i.
 * W: n × n (symmetric, zero diagonal), b: thresholds (length n), x: binary state (length n).
 */
export function hopfieldEnergy(W: number[][], b: number[], x: number[]): number {
  const n = x.length;
  let quadratic = 0; // TODO: Σ_i Σ_j w_ij x_i x_j
  let threshold = 0; // TODO: Σ_i b_i x_i
  // TODO: combine the two terms with the right factor and signs.
  return 0;
}
