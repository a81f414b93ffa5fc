import { addRow, matmul, sigmoidMat, sumRows, transpose, type Mat, type Vec } from "lab";

export function sparseAeCostGrad(
  X: Mat,
  W1: Mat,
  b1: Vec,
  W2: Mat,
  b2: Vec,
  lambda: number,
  beta: number,
  rho: number,
): { cost: number; dW1: Mat; db1: Vec; dW2: Mat; db2: Vec } {
  const N = X.length;
  const A = sigmoidMat(addRow(matmul(X, transpose(W1)), b1)); // N × m
  const Xhat = sigmoidMat(addRow(matmul(A, transpose(W2)), b2)); // N × n
  const rhoHat = sumRows(A).map((s) => s / N);
  let recon = 0;
  for (let i = 0; i < N; i++) for (let k = 0; k < X[i].length; k++) recon += 0.5 * (Xhat[i][k] - X[i][k]) ** 2;
  let decay = 0;
  for (const W of [W1, W2]) for (const row of W) for (const w of row) decay += w * w;
  let kl = 0;
  for (const r of rhoHat) kl += rho * Math.log(rho / r) + (1 - rho) * Math.log((1 - rho) / (1 - r));
  const cost = recon / N + (lambda / 2) * decay + beta * kl;

  const sparse = rhoHat.map((r) => beta * (-rho / r + (1 - rho) / (1 - r)));
  const d3 = Xhat.map((row, i) => row.map((xh, k) => (xh - X[i][k]) * xh * (1 - xh)));
  const d2 = matmul(d3, W2).map((row, i) => row.map((v, j) => (v + sparse[j]) * A[i][j] * (1 - A[i][j])));
  const grad = (G: Mat, W: Mat) => G.map((row, i) => row.map((g, j) => g / N + lambda * W[i][j]));
  return {
    cost,
    dW1: grad(matmul(transpose(d2), X), W1),
    db1: sumRows(d2).map((g) => g / N),
    dW2: grad(matmul(transpose(d3), A), W2),
    db2: sumRows(d3).map((g) => g / N),
  };
}
