import { addRow, matmul, sampleMat, sigmoidMat, transpose } from "lab";

type Mat = number[][];
type Vec = number[];

/**
 * One PCD update. V0: data (B × n_v); chain: the persistent binary state (B × n_v).
 * k = U.Uh.length Gibbs steps on the chain; step t: H = 1[U.Uh[t] < σ(b + C W)], C = 1[U.Uv[t] < σ(a + H Wᵀ)].
 */
export function pcdStep(
  V0: Mat,
  W: Mat,
  a: Vec,
  b: Vec,
  eta: number,
  chain: Mat,
  U: { Uh: Mat[]; Uv: Mat[] },
): { W: Mat; a: Vec; b: Vec; chain: Mat } {
  const up = (V: Mat) => sigmoidMat(addRow(matmul(V, W), b));
  const down = (H: Mat) => sigmoidMat(addRow(matmul(H, transpose(W)), a));
  // TODO: positive statistics from the data
  // TODO: advance the persistent chain by k Gibbs steps
  // TODO: negative statistics from the new chain state, then the three updates
  return { W, a, b, chain };
}
