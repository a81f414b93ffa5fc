import { dot, sigmoid } from "lab";

/** p_i = σ((W[i]·x − b_i) / T). */
export function firingProbabilities(W: number[][], b: number[], x: number[], T: number): number[] {
  return x.map((_, i) => sigmoid((dot(W[i], x) - b[i]) / T));
}
