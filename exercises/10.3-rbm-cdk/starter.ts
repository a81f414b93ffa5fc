import { addRow, matmul, sampleMat, sigmoidMat, transpose } from "lab";

type Mat = number[][];
type Vec = number[];

/**
 * One CD-k update on the batch V0 (B × n_v); W: n_v × n_h, a: n_v, b: n_h.
 * U.Uh0 samples H0, U.Uv[t−1] samples V_t (t = 1..k), U.Uh[t−1] samples H_t (t = 1..k−1); rule 1[u < p].
 */
export function cdk(
  V0: Mat,
  W: Mat,
  a: Vec,
  b: Vec,
  eta: number,
  k: number,
  U: { Uh0: Mat; Uv: Mat[]; Uh: Mat[] },
): { W: Mat; a: Vec; b: Vec; Vk: Mat } {
  const up = (V: Mat) => sigmoidMat(addRow(matmul(V, W), b));
  const down = (H: Mat) => sigmoidMat(addRow(matmul(H, transpose(W)), a));
  const Ph0 = up(V0);
  let H = sampleMat(Ph0, U.Uh0);
  let V = V0;
  // TODO: run the k Gibbs steps (V_t from H_{t−1}, then H_t from V_t except at t = k)
  // TODO: the three updates from the statistics of the data and of V_k
  return { W, a, b, Vk: V };
}
