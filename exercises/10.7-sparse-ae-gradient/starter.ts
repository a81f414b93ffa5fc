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
  const A = sigmoidMat(addRow(matmul(X, transpose(W1)), b1));
  const Xhat = sigmoidMat(addRow(matmul(A, transpose(W2)), b2));
  const rhoHat = sumRows(A).map((s) => s / N);
  // TODO: the cost J (reconstruction + weight decay + sparsity)
  const cost = 0;
  // TODO: δ3, δ2 (with the sparsity term) and the gradients
  const zerosLike = (M: Mat) => M.map((row) => row.map(() => 0));
  return { cost, dW1: zerosLike(W1), db1: b1.map(() => 0), dW2: zerosLike(W2), db2: b2.map(() => 0) };
}
