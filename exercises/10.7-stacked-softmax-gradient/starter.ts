import { addRow, logsumexp, matmul, sigmoidMat, softmax, sumRows, transpose, type Mat, type Vec } from "lab";

export function stackedGradient(
  X: Mat,
  labels: number[],
  W1: Mat,
  b1: Vec,
  W2: Mat,
  b2: Vec,
  Ws: Mat,
  bs: Vec,
): { loss: number; dW1: Mat; db1: Vec; dW2: Mat; db2: Vec; dWs: Mat; dbs: Vec } {
  const H1 = sigmoidMat(addRow(matmul(X, transpose(W1)), b1));
  const H2 = sigmoidMat(addRow(matmul(H1, transpose(W2)), b2));
  const S = addRow(matmul(H2, transpose(Ws)), bs);
  const loss = 0; // TODO: mean cross-entropy (use logsumexp)
  // TODO: δ at the softmax layer, then backpropagate through both encoder layers
  const zerosLike = (M: Mat) => M.map((row) => row.map(() => 0));
  void softmax;
  void logsumexp;
  void sumRows;
  void S;
  return {
    loss,
    dW1: zerosLike(W1),
    db1: b1.map(() => 0),
    dW2: zerosLike(W2),
    db2: b2.map(() => 0),
    dWs: zerosLike(Ws),
    dbs: bs.map(() => 0),
  };
}
