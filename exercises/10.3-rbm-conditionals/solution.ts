import { addRow, matmul, sigmoidMat, transpose } from "lab";

/** Ph = σ(b + V W), Pv = σ(a + H Wᵀ). */
export function rbmConditionals(
  V: number[][],
  H: number[][],
  W: number[][],
  a: number[],
  b: number[],
): { Ph: number[][]; Pv: number[][] } {
  return {
    Ph: sigmoidMat(addRow(matmul(V, W), b)),
    Pv: sigmoidMat(addRow(matmul(H, transpose(W)), a)),
  };
}
