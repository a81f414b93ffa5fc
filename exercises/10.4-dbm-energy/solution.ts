import { dot, vecmat } from "lab";

/** E = −(vᵀW1)·h1 − (h1ᵀW2)·h2 − a·v − b1·h1 − b2·h2, per row. */
export function dbmEnergy(
  V: number[][],
  H1: number[][],
  H2: number[][],
  W1: number[][],
  W2: number[][],
  a: number[],
  b1: number[],
  b2: number[],
): number[] {
  return V.map((v, k) => {
    const h1 = H1[k];
    const h2 = H2[k];
    return -dot(vecmat(v, W1), h1) - dot(vecmat(h1, W2), h2) - dot(a, v) - dot(b1, h1) - dot(b2, h2);
  });
}
