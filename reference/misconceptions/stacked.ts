/**
 * Wrong variants of `twoLayerStackedGradient` (reference/stacked.ts), same signature.
 * Hints name the idea, never the answer, and are written to follow the grader's "This looks like …" / "这看起来像是…".
 */

import {
  addRow,
  logsumexp,
  matmul,
  sigmoidMat,
  softmax,
  sum,
  sumRows,
  transpose,
  type Mat,
  type Vec,
} from "../numerics";
import { twoLayerStackedGradient, type TwoLayerStackedGradient } from "../stacked";
import { misconceptionsOf, naiveVariantsOf, type EquivalentMutant } from "./types";

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
  /** log Σ_k e^{s_k} and e^{s_k} / Σ e^{s_k} taken literally, without the shift by max_k s_k. */
  naiveSoftmax?: boolean;
}

const naiveLogSumExp = (s: Vec): number => Math.log(sum(s.map(Math.exp)));
const naiveSoftmax = (s: Vec): Vec => {
  const e = s.map(Math.exp);
  const t = sum(e);
  return e.map((x) => x / t);
};

function variant(v: Variant): (...args: Args) => TwoLayerStackedGradient {
  return (X, labels, W1, b1, W2, b2, Ws, bs) => {
    const N = X.length;
    const H1 = sigmoidMat(addRow(matmul(X, transpose(W1)), b1));
    const H2 = sigmoidMat(addRow(matmul(H1, transpose(W2)), b2));
    const S = addRow(matmul(H2, transpose(Ws)), bs);
    const cls = labels.map((y) => (v.oneBased ? y - 1 : y));
    let loss = 0;
    const lse = v.naiveSoftmax ? naiveLogSumExp : logsumexp;
    S.forEach((row, n) => (loss += lse(row) - (row[cls[n]] ?? NaN)));
    const scale = v.lossSum ? 1 : 1 / N;
    loss *= scale;
    const gScale = v.gradNoMean || v.lossSum ? 1 : 1 / N;
    const dS = S.map((row, n) =>
      (v.naiveSoftmax ? naiveSoftmax : softmax)(row).map((p, k) => {
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

export const twoLayerStackedGradientMisconceptions = misconceptionsOf(twoLayerStackedGradient, "stacked", [
  {
    id: "softmax-grad-no-mean",
    hint: {
      en: "a gradient summed over the batch while the loss is a mean.",
      zh: "梯度对整批样本求和，而损失是取平均的。",
    },
    fn: variant({ gradNoMean: true }),
  },
  {
    id: "loss-sum",
    hint: {
      en: "a loss and gradient summed over the batch, while the prompt defines the loss as a mean.",
      zh: "损失和梯度都对整批样本求和，而题目把损失定义为平均值。",
    },
    fn: variant({ lossSum: true }),
  },
  {
    id: "labels-one-based",
    hint: {
      en: "labels read with a different numbering from the prompt's; check how a label selects its softmax entry.",
      zh: "标签的编号方式与题目不一致；请检查标签如何对应 softmax 输出中的分量。",
    },
    fn: variant({ oneBased: true }),
  },
  {
    id: "no-sigmoid-derivative",
    hint: {
      en: "backpropagation through an encoder layer that skips its activation function's derivative.",
      zh: "误差经过编码层反向传播时漏掉了该层激活函数的导数。",
    },
    fn: variant({ noSigmoidDerivative: true }),
  },
  {
    id: "softmax-extra-derivative",
    hint: {
      en: "an extra factor p(1 − p) at the softmax layer; with the cross-entropy, the gradient with respect to the scores simplifies completely.",
      zh: "softmax 层多乘了因子 p(1 − p)；配合交叉熵时，对分数的导数可以完全化简。",
    },
    fn: variant({ softmaxExtraDerivative: true }),
  },
  {
    id: "softmax-sign",
    hint: {
      en: "a softmax error term with the wrong sign; the gradient points uphill.",
      zh: "softmax 层误差项的符号反了；梯度应指向损失增大的方向。",
    },
    fn: variant({ signFlipped: true }),
  },
]);

/** The prompt: "compute log P in a stable way (`logsumexp` in "lab"), since scores can be large". */
export const twoLayerStackedGradientNaiveVariants = naiveVariantsOf(twoLayerStackedGradient, "stacked", [
  {
    id: "naive-softmax",
    what: "log Σ e^{s} and the softmax without the shift by the maximum: Infinity and NaN once a score passes 709",
    fn: variant({ naiveSoftmax: true }),
  },
]);

/** Mutants of reference/stacked.ts that no input can tell apart from it (exercises/mutation.ts). */
export const stackedEquivalentMutants = {
  /** The backward loop's last step and the gradient list's preallocation. */
  backwardLoop: [
    {
      at: "reference/stacked.ts:95:18",
      mutator: "ArrayDeclaration",
      replacement: "new Array()",
      reason: {
        en: "the length only preallocates: the loop assigns every layer's entry either way",
        zh: "长度只是预分配：循环都会为每一层赋值",
      },
    },
    {
      at: "reference/stacked.ts:100:9",
      mutator: "ConditionalExpression",
      replacement: "true",
      reason: {
        en: "also computes the delta below the first layer, which nothing reads",
        zh: "多算了第一层之下的误差项，而它不会被使用",
      },
    },
    {
      at: "reference/stacked.ts:100:9",
      mutator: "EqualityOperator",
      replacement: "k >= 0",
      reason: {
        en: "also computes the delta below the first layer, which nothing reads",
        zh: "多算了第一层之下的误差项，而它不会被使用",
      },
    },
  ],
} satisfies Record<string, EquivalentMutant[]>;
