import { addRow, matmul, sigmoidMat, sumRows, transpose, type Mat, type Vec } from "lab";

export function tiedAeGradient(
  X: Mat,
  W: Mat,
  b: Vec,
  bd: Vec,
  loss: "squared" | "cross-entropy",
): { dW: Mat; db: Vec; dbd: Vec } {
  const Y = sigmoidMat(addRow(matmul(X, transpose(W)), b)); // N × m
  const Xhat = sigmoidMat(addRow(matmul(Y, W), bd)); // decoder uses W̃ = Wᵀ, so Y W̃ᵀ = Y W
  // output delta: squared 2(x̂ − x) x̂(1 − x̂); cross-entropy x̂ − x
  const dOut = Xhat.map((row, i) =>
    row.map((xh, k) => (loss === "squared" ? 2 * (xh - X[i][k]) * xh * (1 - xh) : xh - X[i][k])),
  );
  // hidden delta: (δ_out W̃) ⊙ y(1 − y), with W̃ = Wᵀ
  const dH = matmul(dOut, transpose(W)).map((row, i) => row.map((v, j) => v * Y[i][j] * (1 - Y[i][j])));
  const enc = matmul(transpose(dH), X); // encoder use of W
  const dec = matmul(transpose(Y), dOut); // decoder use of W (the transpose of δ_outᵀ Y)
  return { dW: enc.map((row, i) => row.map((v, j) => v + dec[i][j])), db: sumRows(dH), dbd: sumRows(dOut) };
}
