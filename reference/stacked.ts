/**
 * Stacked autoencoder with a softmax layer (DOMAIN.md 10.7, "Stacked autoencoder").
 *
 * Encoder layer k: H_k = σ(H_{k−1} W_kᵀ + b_k), with H_0 = X (`N × n`), W_k `m_k × m_{k−1}` (out × in).
 * Softmax on the top code H_L: P = softmax(H_L W_sᵀ + b_s) row by row, W_s `K × m_L`.
 * Labels are integers in {0, …, K−1} (0-based), one per sample.
 * Cross-entropy is the MEAN over the batch: L = −(1/N) Σ_n log P_{n, y_n}.
 */

import { addRow, logsumexp, matmul, sigmoidMat, softmax, sumRows, transpose, type Mat, type Vec } from "./numerics";

/** One encoder layer: W `out × in`, b length out. */
export interface EncoderLayer {
  W: Mat;
  b: Vec;
}

/** A stack of encoders and a softmax layer Ws `K × m_L`, bs length K. */
export interface StackedNet {
  layers: EncoderLayer[];
  Ws: Mat;
  bs: Vec;
}

export interface StackedGradient {
  loss: number;
  /** One entry per encoder layer, same shapes as the layer. */
  layers: { dW: Mat; db: Vec }[];
  dWs: Mat;
  dbs: Vec;
}

/** One encoder layer: σ(H Wᵀ + b), H `N × in` → `N × out`. */
export function encodeLayer(H: Mat, layer: EncoderLayer): Mat {
  return sigmoidMat(addRow(matmul(H, transpose(layer.W)), layer.b));
}

/** All codes [H_0 = X, H_1, …, H_L] of the stack. */
export function stackedCodes(X: Mat, layers: EncoderLayer[]): Mat[] {
  const H = [X];
  for (const layer of layers) H.push(encodeLayer(H[H.length - 1], layer));
  return H;
}

/** The top code H_L of the stack (`N × m_L`). */
export function stackedEncode(X: Mat, layers: EncoderLayer[]): Mat {
  const H = stackedCodes(X, layers);
  return H[H.length - 1];
}

/**
 * Greedy layer-wise pretraining data flow: the training input of layer k (0-based) is the code
 * of layers 0..k−1 computed from the CLEAN X (never from a corrupted or reconstructed input).
 * Returns [X, H_1, …, H_{L−1}], the inputs of layers 0..L−1.
 */
export function greedyLayerInputs(X: Mat, layers: EncoderLayer[]): Mat[] {
  return stackedCodes(X, layers).slice(0, layers.length);
}

function checkLabels(labels: number[], N: number, K: number): void {
  if (labels.length !== N) throw new RangeError(`labels: ${labels.length} labels for ${N} samples`);
  for (const y of labels) {
    if (!Number.isInteger(y) || y < 0 || y >= K) throw new RangeError(`labels: ${y} is not an integer in 0..${K - 1}`);
  }
}

/** Mean softmax cross-entropy L = −(1/N) Σ_n log softmax(s_n)_{y_n} = (1/N) Σ_n (logsumexp(s_n) − s_{n,y_n}), S `N × K`. */
export function softmaxCrossEntropy(S: Mat, labels: number[]): number {
  checkLabels(labels, S.length, S.length ? S[0].length : 0);
  let L = 0;
  for (let n = 0; n < S.length; n++) L += logsumexp(S[n]) - S[n][labels[n]];
  return L / S.length;
}

/** Loss of the whole stack + softmax on (X, labels). */
export function stackedSoftmaxLoss(X: Mat, labels: number[], net: StackedNet): number {
  const top = stackedEncode(X, net.layers);
  return softmaxCrossEntropy(addRow(matmul(top, transpose(net.Ws)), net.bs), labels);
}

/**
 * Loss and gradient through the whole stack (fine-tuning):
 *   δ_s = (P − T)/N (T one-hot of the labels),  ∇W_s = δ_sᵀ H_L,  ∇b_s = Σ_n δ_s,
 *   δ_L = (δ_s W_s) ⊙ H_L(1 − H_L),
 *   ∇W_k = δ_kᵀ H_{k−1},  ∇b_k = Σ_n δ_k,  δ_{k−1} = (δ_k W_k) ⊙ H_{k−1}(1 − H_{k−1}).
 */
export function stackedSoftmaxGradient(X: Mat, labels: number[], net: StackedNet): StackedGradient {
  const N = X.length;
  if (N === 0) throw new RangeError("stackedSoftmaxGradient: empty batch");
  const H = stackedCodes(X, net.layers);
  const top = H[H.length - 1];
  const S = addRow(matmul(top, transpose(net.Ws)), net.bs);
  const loss = softmaxCrossEntropy(S, labels);
  const dS = S.map((row, n) => softmax(row).map((p, k) => (p - (k === labels[n] ? 1 : 0)) / N));
  const layers = new Array<{ dW: Mat; db: Vec }>(net.layers.length);
  let delta = matmul(dS, net.Ws).map((row, n) => row.map((v, j) => v * top[n][j] * (1 - top[n][j])));
  for (let k = net.layers.length - 1; k >= 0; k--) {
    const Hin = H[k];
    layers[k] = { dW: matmul(transpose(delta), Hin), db: sumRows(delta) };
    if (k > 0)
      delta = matmul(delta, net.layers[k].W).map((row, n) => row.map((v, j) => v * Hin[n][j] * (1 - Hin[n][j])));
  }
  return { loss, layers, dWs: matmul(transpose(dS), top), dbs: sumRows(dS) };
}

// ---------------------------------------------------------------- exercise entry point (plain arguments)

/** Gradient of a two-layer stack + softmax (exercise 10.7 stacked-softmax-gradient). */
export interface TwoLayerStackedGradient {
  loss: number;
  dW1: Mat;
  db1: Vec;
  dW2: Mat;
  db2: Vec;
  dWs: Mat;
  dbs: Vec;
}

/** `stackedSoftmaxGradient` for exactly two encoder layers (W1 `m1 × n`, W2 `m2 × m1`, Ws `K × m2`). */
export function twoLayerStackedGradient(
  X: Mat,
  labels: number[],
  W1: Mat,
  b1: Vec,
  W2: Mat,
  b2: Vec,
  Ws: Mat,
  bs: Vec,
): TwoLayerStackedGradient {
  const g = stackedSoftmaxGradient(X, labels, {
    layers: [
      { W: W1, b: b1 },
      { W: W2, b: b2 },
    ],
    Ws,
    bs,
  });
  return {
    loss: g.loss,
    dW1: g.layers[0].dW,
    db1: g.layers[0].db,
    dW2: g.layers[1].dW,
    db2: g.layers[1].db,
    dWs: g.dWs,
    dbs: g.dbs,
  };
}
