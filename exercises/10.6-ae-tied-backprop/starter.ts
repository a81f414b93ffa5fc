import { addRow, matmul, sigmoidMat, sumRows, transpose, type Mat, type Vec } from "lab";

/** Gradients of the tied autoencoder's loss (decoder weights W̃ = Wᵀ). */
export function tiedAeGradient(
  X: Mat,
  W: Mat,
  b: Vec,
  bd: Vec,
  loss: "squared" | "cross-entropy",
): { dW: Mat; db: Vec; dbd: Vec } {
  const Y = sigmoidMat(addRow(matmul(X, transpose(W)), b));
  const Xhat = sigmoidMat(addRow(matmul(Y, W), bd));
  // TODO: the output delta depends on the loss
  const dOut: Mat = Xhat.map((row, i) => row.map((xh, k) => xh - X[i][k]));
  // TODO: backpropagate to the hidden layer, and collect BOTH uses of W in dW
  const dW: Mat = W.map((row) => row.map(() => 0));
  const db: Vec = b.map(() => 0);
  return { dW, db, dbd: sumRows(dOut) };
}
