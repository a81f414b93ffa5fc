/** softplus(z) = log(1 + e^z), written so that e^x is only ever taken of x ≤ 0. */
function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** F(v) = −aᵀv − Σ_j softplus(b_j + Σ_i v_i w_ij) for every row of V. */
export function freeEnergy(V: number[][], W: number[][], a: number[], b: number[]): number[] {
  return V.map((v) => {
    let F = 0;
    for (let i = 0; i < v.length; i++) F -= a[i] * v[i];
    for (let j = 0; j < b.length; j++) {
      let z = b[j];
      for (let i = 0; i < v.length; i++) z += v[i] * W[i][j];
      F -= softplus(z);
    }
    return F;
  });
}
