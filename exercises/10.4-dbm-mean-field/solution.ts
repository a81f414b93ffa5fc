import { addMat, addRow, matmul, sigmoidMat, transpose } from "lab";

function maxAbsDiff(A: number[][], B: number[][]): number {
  let m = 0;
  A.forEach((row, i) => row.forEach((v, j) => (m = Math.max(m, Math.abs(v - B[i][j])))));
  return m;
}

/** Sequential mean-field updates μ1 then μ2, until the largest change is below tol or maxIter iterations. */
export function meanField(
  V: number[][],
  W1: number[][],
  W2: number[][],
  b1: number[],
  b2: number[],
  options: { tol: number; maxIter: number },
): { mu1: number[][]; mu2: number[][]; iterations: number } {
  let mu1 = V.map(() => new Array<number>(b1.length).fill(0));
  let mu2 = V.map(() => new Array<number>(b2.length).fill(0));
  const bottomUp = matmul(V, W1);
  const W2T = transpose(W2);
  let iterations = 0;
  while (iterations < options.maxIter) {
    iterations++;
    const newMu1 = sigmoidMat(addRow(addMat(bottomUp, matmul(mu2, W2T)), b1));
    const newMu2 = sigmoidMat(addRow(matmul(newMu1, W2), b2));
    const delta = Math.max(maxAbsDiff(newMu1, mu1), maxAbsDiff(newMu2, mu2));
    mu1 = newMu1;
    mu2 = newMu2;
    if (delta < options.tol) break;
  }
  return { mu1, mu2, iterations };
}
