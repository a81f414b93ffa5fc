import { addRow, matmul, sampleMat, sigmoidMat, transpose, type Mat, type Vec } from "lab";

export function reconstructionError(V0: Mat, W: Mat, a: Vec, b: Vec, Uh0: Mat): number {
  const H0 = sampleMat(sigmoidMat(addRow(matmul(V0, W), b)), Uh0);
  const Pv1 = sigmoidMat(addRow(matmul(H0, transpose(W)), a));
  let s = 0;
  for (let r = 0; r < V0.length; r++) for (let i = 0; i < V0[r].length; i++) s += (V0[r][i] - Pv1[r][i]) ** 2;
  return s;
}
