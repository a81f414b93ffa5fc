import { dot, matvec } from "lab";

type AnnealSchedule = { T0: number; alpha: number; steps: number; sweepsPerTemp: number };

/** Geometric schedule, single-flip Metropolis: accept iff ΔE ≤ 0 or r < exp(−ΔE/T). */
export function anneal(
  W: number[][],
  b: number[],
  x0: number[],
  schedule: AnnealSchedule,
  order: number[],
  uniforms: number[],
): { state: number[]; energy: number; accepted: number } {
  const x = x0.slice();
  let t = 0;
  let accepted = 0;
  for (let k = 0; k < schedule.steps; k++) {
    const T = schedule.T0 * Math.pow(schedule.alpha, k);
    for (let s = 0; s < schedule.sweepsPerTemp; s++) {
      for (const i of order) {
        const u = dot(W[i], x) - b[i];
        const dE = -u * (1 - 2 * x[i]);
        const r = uniforms[t++];
        if (dE <= 0 || r < Math.exp(-dE / T)) {
          x[i] = 1 - x[i];
          accepted++;
        }
      }
    }
  }
  const energy = -0.5 * dot(x, matvec(W, x)) + dot(b, x);
  return { state: x, energy, accepted };
}
