import { dot, logSigmoid, softplus, vecmat } from "lab";

type Mat = number[][];
type Vec = number[];

/** F(v) = −aᵀv − Σ_j softplus(b_j + (vᵀW)_j). */
function freeEnergy(v: Vec, W: Mat, a: Vec, b: Vec): number {
  return -dot(a, v) - vecmat(v, W).reduce((s, z, j) => s + softplus(z + b[j]), 0);
}

export function pseudoLikelihood(V: Mat, W: Mat, a: Vec, b: Vec, flip: number[]): number {
  let total = 0;
  V.forEach((v, r) => {
    const flipped = v.slice();
    flipped[flip[r]] = 1 - v[flip[r]];
    total += v.length * logSigmoid(freeEnergy(flipped, W, a, b) - freeEnergy(v, W, a, b));
  });
  return total / V.length;
}
