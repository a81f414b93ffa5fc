/**
 * Free energy of an RBM for every row v of V (B × n_v):
 *   F(v) = −aᵀv − Σ_j softplus(b_j + Σ_i v_i w_ij),  softplus(z) = log(1 + e^z).
 * W: n_v × n_h, a: n_v, b: n_h. Must stay finite for hidden inputs in the hundreds.
 */
function softplus(z: number): number {
  // TODO: this overflows for large z; rewrite it stably.
  return Math.log(1 + Math.exp(z));
}

export function freeEnergy(V: number[][], W: number[][], a: number[], b: number[]): number[] {
  return V.map((v) => {
    let F = 0;
    // TODO: the visible-bias term
    for (let j = 0; j < b.length; j++) {
      let z = b[j];
      // TODO: add Σ_i v_i w_ij to z
      F -= softplus(z);
    }
    return F;
  });
}
