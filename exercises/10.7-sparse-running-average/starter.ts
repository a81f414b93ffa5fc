import { type Mat, type Vec } from "lab";

export function runningRhoHat(rho0: Vec, batches: Mat[], lambdaAvg: number): Mat {
  const out: Mat = [];
  for (const A of batches) {
    // TODO: ρ̂_batch, then ρ̂^(t) = λ_avg ρ̂^(t−1) + (1 − λ_avg) ρ̂_batch
    out.push(rho0.slice());
  }
  return out;
}
