import { logSigmoid, softplus } from "lab";

type Mat = number[][];
type Vec = number[];

/**
 * Mean pseudo-likelihood of the rows of V (B × n_v): (1/B) Σ_r n_v · log σ(F(ṽ_r) − F(v_r)),
 * where ṽ_r is row r with bit flip[r] flipped and F is the free energy. W: n_v × n_h, a: n_v, b: n_h.
 */
export function pseudoLikelihood(V: Mat, W: Mat, a: Vec, b: Vec, flip: number[]): number {
  const freeEnergy = (v: Vec): number => {
    // TODO: F(v) = −aᵀv − Σ_j softplus(b_j + Σ_i v_i w_ij)
    return 0;
  };
  let total = 0;
  for (let r = 0; r < V.length; r++) {
    // TODO: flip bit flip[r] of a copy of V[r] and add the row's term
  }
  return total;
}
