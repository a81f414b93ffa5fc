type Mat = number[][];
type Vec = number[];

/**
 * One CD-1 update on the batch V0 (B × n_v). W: n_v × n_h, a: visible bias (n_v), b: hidden bias (n_h).
 * Sampling rule: a unit is 1 exactly when its uniform is below its probability, 1[u < p].
 * Uh0 (B × n_h) samples H0; Uv1 (B × n_v) samples V1. Returns the updated W, a, b and Vk = V1.
 */
export function cd1(
  V0: Mat,
  W: Mat,
  a: Vec,
  b: Vec,
  eta: number,
  Uh0: Mat,
  Uv1: Mat,
): { W: Mat; a: Vec; b: Vec; Vk: Mat } {
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  // TODO 1: Ph0 = σ(b + V0 W), H0 = 1[Uh0 < Ph0]
  // TODO 2: Pv1 = σ(a + H0 Wᵀ), V1 = 1[Uv1 < Pv1]
  // TODO 3: Ph1 = σ(b + V1 W)
  // TODO 4: ΔW = η/B (V0ᵀPh0 − V1ᵀPh1), Δa = η/B Σ_rows (V0 − V1), Δb = η/B Σ_rows (Ph0 − Ph1)
  const Vk = V0.map((row) => row.slice());
  return { W: W.map((row) => row.slice()), a: a.slice(), b: b.slice(), Vk };
}
