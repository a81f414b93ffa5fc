/**
 * Exact log Z and log-likelihood gradient of a small Boltzmann machine, E(x) = −½ xᵀWx + bᵀx, T = 1.
 * X is K × n (one training vector per row).
 */
export function bmExact(W: number[][], b: number[], X: number[][]): { logZ: number; dW: number[][]; db: number[] } {
  const n = b.length;
  const K = X.length;
  const dW: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
  const db: number[] = new Array(n).fill(0);
  // TODO: enumerate all 2^n states x, compute −E(x), and log Z with log-sum-exp.
  // TODO: P(x) = exp(−E(x) − log Z); accumulate E_model[x_i] and E_model[x_i x_j].
  // TODO: data statistics over the rows of X, then dW (zero diagonal) and db with the signs of the prompt.
  const logZ = 0;
  return { logZ, dW, db };
}
