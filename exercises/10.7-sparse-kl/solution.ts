import { type Mat, type Vec } from "lab";

export function sparseKl(A: Mat, rho: number, beta: number): { rhoHat: Vec; penalty: number; dPenalty: Vec } {
  const N = A.length;
  const m = A[0].length;
  const rhoHat: Vec = new Array<number>(m).fill(0);
  for (const row of A) for (let j = 0; j < m; j++) rhoHat[j] += row[j] / N;
  let penalty = 0;
  for (const r of rhoHat) penalty += beta * (rho * Math.log(rho / r) + (1 - rho) * Math.log((1 - rho) / (1 - r)));
  const dPenalty = rhoHat.map((r) => beta * (-rho / r + (1 - rho) / (1 - r)));
  return { rhoHat, penalty, dPenalty };
}
