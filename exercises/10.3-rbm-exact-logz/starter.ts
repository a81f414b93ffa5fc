/**
 * Exact log Z = log Σ_v Σ_h exp(−E(v,h)) of a small RBM, E(v,h) = −aᵀv − bᵀh − vᵀWh.
 * W: n_v × n_h, a: n_v, b: n_h. At least one layer has at most 12 units: enumerate that one.
 */
export function logZ(W: number[][], a: number[], b: number[]): number {
  const nv = a.length;
  const nh = b.length;
  let Z = 0;
  // TODO: enumerate the smaller layer's 2^n states; for each, sum the other layer out in closed form
  // TODO: combine the terms so that nothing overflows
  return Math.log(Z);
}
