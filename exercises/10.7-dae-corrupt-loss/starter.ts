import { addRow, matmul, sigmoidMat, transpose, type Mat, type Vec } from "lab";

type Noise = { kind: "gaussian"; eps: Mat } | { kind: "masking"; U: Mat; level: number };

export function daeLoss(
  X: Mat,
  W: Mat,
  b: Vec,
  Wd: Mat,
  bd: Vec,
  noise: Noise,
): { Xtilde: Mat; Xhat: Mat; loss: number } {
  // TODO: corrupt X according to noise.kind
  const Xtilde: Mat = X.map((row) => row.slice());
  const Y = sigmoidMat(addRow(matmul(Xtilde, transpose(W)), b));
  const Xhat = sigmoidMat(addRow(matmul(Y, transpose(Wd)), bd));
  const loss = 0; // TODO: squared error, compared with which input?
  return { Xtilde, Xhat, loss };
}
