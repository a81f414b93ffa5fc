/**
 * Wrong variants of `twoLayerStackedGradient` (reference/stacked.ts), same signature.
 * Hints name the idea, never the answer.
 */

import { addRow, logsumexp, matmul, sigmoidMat, softmax, sumRows, transpose, type Mat, type Vec } from "../numerics";
import type { TwoLayerStackedGradient } from "../stacked";
import { misconception } from "./types";

type Args = [X: Mat, labels: number[], W1: Mat, b1: Vec, W2: Mat, b2: Vec, Ws: Mat, bs: Vec];

interface Variant {
  /** Gradient summed over the batch while the loss is a mean. */
  gradNoMean?: boolean;
  /** Loss and gradient both summed over the batch. */
  lossSum?: boolean;
  /** Labels read as 1-based: class y − 1 (a label 0 gives an all-zero target row, as JS does with index −1). */
  oneBased?: boolean;
  /** Hidden deltas not multiplied by σ'. */
  noSigmoidDerivative?: boolean;
  /** Softmax delta multiplied by p(1 − p). */
  softmaxExtraDerivative?: boolean;
  /** T − P instead of P − T. */
  signFlipped?: boolean;
}

function variant(v: Variant): (...args: Args) => TwoLayerStackedGradient {
  return (X, labels, W1, b1, W2, b2, Ws, bs) => {
    const N = X.length;
    const H1 = sigmoidMat(addRow(matmul(X, transpose(W1)), b1));
    const H2 = sigmoidMat(addRow(matmul(H1, transpose(W2)), b2));
    const S = addRow(matmul(H2, transpose(Ws)), bs);
    const cls = labels.map((y) => (v.oneBased ? y - 1 : y));
    let loss = 0;
    S.forEach((row, n) => (loss += logsumexp(row) - (row[cls[n]] ?? NaN)));
    const scale = v.lossSum ? 1 : 1 / N;
    loss *= scale;
    const gScale = v.gradNoMean || v.lossSum ? 1 : 1 / N;
    const dS = S.map((row, n) =>
      softmax(row).map((p, k) => {
        const t = k === cls[n] ? 1 : 0;
        let d = v.signFlipped ? t - p : p - t;
        if (v.softmaxExtraDerivative) d *= p * (1 - p);
        return d * gScale;
      }),
    );
    const fp = (a: number) => (v.noSigmoidDerivative ? 1 : a * (1 - a));
    const d2 = matmul(dS, Ws).map((row, n) => row.map((s, j) => s * fp(H2[n][j])));
    const d1 = matmul(d2, W2).map((row, n) => row.map((s, j) => s * fp(H1[n][j])));
    return {
      loss,
      dW1: matmul(transpose(d1), X),
      db1: sumRows(d1),
      dW2: matmul(transpose(d2), H1),
      db2: sumRows(d2),
      dWs: matmul(transpose(dS), H2),
      dbs: sumRows(dS),
    };
  };
}

export const softmaxGradNoMean = misconception<Args, TwoLayerStackedGradient>({
  id: "stacked.softmax-grad-no-mean",
  hint: {
    en: "The loss is a mean over the batch; its gradient must be averaged the same way.",
    zh: "损失是对整批样本取平均的；梯度也必须以同样的方式取平均。",
  },
  fn: variant({ gradNoMean: true }),
});

export const lossSummed = misconception<Args, TwoLayerStackedGradient>({
  id: "stacked.loss-sum",
  hint: {
    en: "Check the batch convention of the cross-entropy in the prompt: sum or mean?",
    zh: "请检查题目中交叉熵对批量的约定：求和还是取平均？",
  },
  fn: variant({ lossSum: true }),
});

export const labelsOneBased = misconception<Args, TwoLayerStackedGradient>({
  id: "stacked.labels-one-based",
  hint: {
    en: "Check how class labels are numbered in the prompt and how a label selects its entry of the softmax output.",
    zh: "请检查题目中类别标签的编号方式，以及标签如何对应 softmax 输出中的分量。",
  },
  fn: variant({ oneBased: true }),
});

export const noSigmoidDerivative = misconception<Args, TwoLayerStackedGradient>({
  id: "stacked.no-sigmoid-derivative",
  hint: {
    en: "Backpropagating through an encoder layer passes through its activation function as well as its weights.",
    zh: "误差经过编码层反向传播时，既要经过权重，也要经过该层的激活函数。",
  },
  fn: variant({ noSigmoidDerivative: true }),
});

export const softmaxExtraDerivative = misconception<Args, TwoLayerStackedGradient>({
  id: "stacked.softmax-extra-derivative",
  hint: {
    en: "For softmax with the cross-entropy, the derivative with respect to the scores simplifies fully; no extra factor remains.",
    zh: "softmax 配合交叉熵时，对输入分数的导数可以完全化简，不会再多出额外的因子。",
  },
  fn: variant({ softmaxExtraDerivative: true }),
});

export const softmaxSignFlipped = misconception<Args, TwoLayerStackedGradient>({
  id: "stacked.softmax-sign",
  hint: {
    en: "The gradient of the loss points uphill: check the sign of the error at the softmax layer.",
    zh: "损失的梯度指向损失增大的方向：请检查 softmax 层误差项的符号。",
  },
  fn: variant({ signFlipped: true }),
});

export const stackedMisconceptions = [softmaxGradNoMean, lossSummed, labelsOneBased, noSigmoidDerivative, softmaxExtraDerivative, softmaxSignFlipped];
