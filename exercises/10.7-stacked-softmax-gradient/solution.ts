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
  const N = X.length;
  const H1 = sigmoidMat(addRow(matmul(X, transpose(W1)), b1));
  const H2 = sigmoidMat(addRow(matmul(H1, transpose(W2)), b2));
  const S = addRow(matmul(H2, transpose(Ws)), bs);
  let loss = 0;
  for (let n = 0; n < N; n++) loss += logsumexp(S[n]) - S[n][labels[n]];
  loss /= N;
  const dS = S.map((row, n) => softmax(row).map((p, k) => (p - (k === labels[n] ? 1 : 0)) / N)); // (P − T)/N
  const d2 = matmul(dS, Ws).map((row, n) => row.map((v, j) => v * H2[n][j] * (1 - H2[n][j])));
  const d1 = matmul(d2, W2).map((row, n) => row.map((v, j) => v * H1[n][j] * (1 - H1[n][j])));
  return {
    loss,
    dW1: matmul(transpose(d1), X),
    db1: sumRows(d1),
    dW2: matmul(transpose(d2), H1),
    db2: sumRows(d2),
    dWs: matmul(transpose(dS), H2),
    dbs: sumRows(dS),
  };
}
