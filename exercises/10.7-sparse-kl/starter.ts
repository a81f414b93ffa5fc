import { type Mat, type Vec } from "lab";

export function sparseKl(A: Mat, rho: number, beta: number): { rhoHat: Vec; penalty: number; dPenalty: Vec } {
  const m = A[0].length;
  const rhoHat: Vec = new Array(m).fill(0); // TODO: average activation of each hidden unit
  const penalty = 0; // TODO: β Σ_j KL(ρ || ρ̂_j)
  const dPenalty: Vec = new Array(m).fill(0); // TODO: ∂penalty/∂ρ̂_j
  return { rhoHat, penalty, dPenalty };
}
