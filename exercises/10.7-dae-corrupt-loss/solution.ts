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
  const Xtilde =
    noise.kind === "gaussian"
      ? X.map((row, i) => row.map((v, k) => v + noise.eps[i][k]))
      : X.map((row, i) => row.map((v, k) => (noise.U[i][k] < noise.level ? 0 : v)));
  const Y = sigmoidMat(addRow(matmul(Xtilde, transpose(W)), b));
  const Xhat = sigmoidMat(addRow(matmul(Y, transpose(Wd)), bd));
  let loss = 0;
  for (let i = 0; i < X.length; i++) for (let k = 0; k < X[i].length; k++) loss += (X[i][k] - Xhat[i][k]) ** 2; // against the clean X
  return { Xtilde, Xhat, loss };
}
