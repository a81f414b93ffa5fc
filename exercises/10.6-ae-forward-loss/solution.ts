import { addRow, matmul, sigmoidMat, transpose, type Mat, type Vec } from "lab";

const EPS = 1e-12;

export function aeForwardLoss(
  X: Mat,
  W: Mat,
  b: Vec,
  Wd: Mat,
  bd: Vec,
): { Y: Mat; Xhat: Mat; squared: number; crossEntropy: number } {
  const Y = sigmoidMat(addRow(matmul(X, transpose(W)), b)); // y = σ(Wx + b)
  const Xhat = sigmoidMat(addRow(matmul(Y, transpose(Wd)), bd)); // x̂ = σ(W̃y + b̃)
  let squared = 0;
  let crossEntropy = 0;
  for (let i = 0; i < X.length; i++) {
    for (let k = 0; k < X[i].length; k++) {
      const x = X[i][k];
      const c = Math.min(Math.max(Xhat[i][k], EPS), 1 - EPS);
      squared += (x - Xhat[i][k]) ** 2;
      crossEntropy -= x * Math.log(c) + (1 - x) * Math.log(1 - c);
    }
  }
  return { Y, Xhat, squared, crossEntropy };
}
