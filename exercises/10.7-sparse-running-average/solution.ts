import { type Mat, type Vec } from "lab";

export function runningRhoHat(rho0: Vec, batches: Mat[], lambdaAvg: number): Mat {
  const out: Mat = [];
  let r = rho0;
  for (const A of batches) {
    const mean = r.map((_, j) => A.reduce((s, row) => s + row[j], 0) / A.length);
    r = r.map((prev, j) => lambdaAvg * prev + (1 - lambdaAvg) * mean[j]);
    out.push(r);
  }
  return out;
}
