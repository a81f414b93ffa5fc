import { dot, matvec } from "lab";

/** E(v,h) = −aᵀv − bᵀh − vᵀWh for every row pair (V[r], H[r]). */
export function rbmEnergy(V: number[][], H: number[][], W: number[][], a: number[], b: number[]): number[] {
  return V.map((v, r) => -dot(a, v) - dot(b, H[r]) - dot(v, matvec(W, H[r])));
}
