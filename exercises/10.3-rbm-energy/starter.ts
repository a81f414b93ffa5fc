/**
 * Energy of an RBM for every row of a batch: E(v,h) = −aᵀv − bᵀh − vᵀWh.
 * V: B × n_v, H: B × n_h, W: n_v × n_h (W[i][j] joins visible i and hidden j), a: n_v, b: n_h.
 * Returns an array of length B.
 */
export function rbmEnergy(V: number[][], H: number[][], W: number[][], a: number[], b: number[]): number[] {
  return V.map((v, r) => {
    const h = H[r];
    let visibleTerm = 0; // TODO: Σ_i a_i v_i
    let hiddenTerm = 0; // TODO: Σ_j b_j h_j
    let interaction = 0; // TODO: Σ_i Σ_j v_i w_ij h_j
    // TODO: combine the three terms with the right signs.
    return 0;
  });
}
