import { sigmoidMat, type Mat, type Vec } from "lab";

/**
 * Reconstruction error Σ (V0 − Pv1)² of a batch V0 (B × n_v).
 * H0 = 1[Uh0 < σ(b + V0 W)] (Uh0: B × n_h), Pv1 = σ(a + H0 Wᵀ). W: n_v × n_h, a: n_v, b: n_h.
 */
export function reconstructionError(V0: Mat, W: Mat, a: Vec, b: Vec, Uh0: Mat): number {
  // TODO 1: Ph0 = σ(b + V0 W), H0 = 1[Uh0 < Ph0]
  // TODO 2: Pv1 = σ(a + H0 Wᵀ)
  // TODO 3: the sum of (V0 − Pv1)² over every entry
  const Pv1 = sigmoidMat(V0.map((row) => row.map(() => 0)));
  return V0.reduce((s, row, r) => s + row.reduce((t, x, i) => t + x - Pv1[r][i], 0), 0);
}
