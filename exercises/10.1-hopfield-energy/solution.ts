import { dot, matvec } from "lab";

/** E(x) = −½ xᵀ W x + bᵀ x. */
export function hopfieldEnergy(W: number[][], b: number[], x: number[]): number {
  return -0.5 * dot(x, matvec(W, x)) + dot(b, x);
}
