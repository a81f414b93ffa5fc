type AnnealSchedule = { T0: number; alpha: number; steps: number; sweepsPerTemp: number };

/**
 * Simulated annealing with single-flip Metropolis moves and a geometric schedule T_k = T0·alpha^k.
 * uniforms holds one number per visit, consumed in order.
 */
export function anneal(
  W: number[][],
  b: number[],
  x0: number[],
  schedule: AnnealSchedule,
  order: number[],
  uniforms: number[],
): { state: number[]; energy: number; accepted: number } {
  const x = x0.slice();
  let t = 0; // index of the next uniform
  let accepted = 0;
  for (let k = 0; k < schedule.steps; k++) {
    const T = schedule.T0; // TODO: the k-th temperature of the geometric schedule
    for (let s = 0; s < schedule.sweepsPerTemp; s++) {
      for (const i of order) {
        const r = uniforms[t++];
        // TODO: ΔE of flipping x_i, the Metropolis test, and the flip itself.
      }
    }
  }
  const energy = 0; // TODO: E(x) = −½ xᵀWx + bᵀx
  return { state: x, energy, accepted };
}
