/**
 * Wrong variants of the sparse autoencoder references (reference/sparse.ts): `sparseKl`,
 * `sparseAeCostGrad` and `runningAverageSequence`, each with the signature of the function it corrupts.
 * Hints name the idea, never the answer, and are written to follow the grader's "This looks like …" / "这看起来像是…".
 */

import { addRow, matmul, sigmoidMat, sumRows, sumSquares, transpose, type Mat, type Vec } from "../numerics";
import {
  averageActivation,
  klBernoulli,
  klBernoulliDerivative,
  runningAverageSequence,
  sparseAeCostGrad,
  sparseKl,
  type SparseAEGradient,
} from "../sparse";
import { misconceptionsOf, type EquivalentMutant } from "./types";

type Grad = [X: Mat, W1: Mat, b1: Vec, W2: Mat, b2: Vec, lambda: number, beta: number, rho: number];

/** KL(ρ̂||ρ): the arguments swapped. */
const klSwapped = (rho: number, r: number) => klBernoulli(r, rho);
/** d/dρ̂ KL(ρ̂||ρ) = log(ρ̂/ρ) − log((1−ρ̂)/(1−ρ)). */
const klSwappedDerivative = (rho: number, r: number) => Math.log(r / rho) - Math.log((1 - r) / (1 - rho));

const HINT_PER_SAMPLE = {
  en: "a KL penalty applied to each sample's activation; the sparsity constraint is on each hidden unit's AVERAGE activation over the batch.",
  zh: "对每个样本的激活值分别计算了 KL 惩罚；稀疏性约束针对的是每个中间层单元在整批样本上的平均激活度。",
};
const HINT_SWAPPED = {
  en: "the two arguments of the KL divergence in the wrong order; it is not symmetric, so check which one is the target ρ.",
  zh: "KL 散度的两个参数顺序颠倒了；KL 散度不对称，请检查哪一个是目标值 ρ。",
};

interface GradVariant {
  noSparsityInDelta?: boolean;
  swapped?: boolean;
  decayBiases?: boolean;
  /** Coefficient of W in the weight-decay gradient as a function of λ (correct: λ). */
  decayGradient?: (lambda: number) => number;
  perSample?: boolean;
  noMeanInGradient?: boolean;
}

function gradVariant(v: GradVariant): (...args: Grad) => SparseAEGradient {
  return (X, W1, b1, W2, b2, lambda, beta, rho) => {
    const N = X.length;
    const A = sigmoidMat(addRow(matmul(X, transpose(W1)), b1));
    const Xhat = sigmoidMat(addRow(matmul(A, transpose(W2)), b2));
    const rhoHat = averageActivation(A);
    const kl = v.swapped ? klSwapped : klBernoulli;
    const dkl = v.swapped ? klSwappedDerivative : klBernoulliDerivative;
    let recon = 0;
    X.forEach((row, i) => row.forEach((x, k) => (recon += 0.5 * (Xhat[i][k] - x) ** 2)));
    let penalty = 0;
    if (v.perSample) A.forEach((row) => row.forEach((a) => (penalty += kl(rho, a) / N)));
    else rhoHat.forEach((r) => (penalty += kl(rho, r)));
    let decay = sumSquares(W1) + sumSquares(W2);
    if (v.decayBiases) decay += b1.reduce((s, x) => s + x * x, 0) + b2.reduce((s, x) => s + x * x, 0);
    const cost = recon / N + (lambda / 2) * decay + beta * penalty;

    const d3 = Xhat.map((row, i) => row.map((xh, k) => (xh - X[i][k]) * xh * (1 - xh)));
    const d2 = matmul(d3, W2).map((row, i) =>
      row.map((s, j) => {
        const a = A[i][j];
        const sp = v.noSparsityInDelta ? 0 : beta * (v.perSample ? dkl(rho, a) : dkl(rho, rhoHat[j]));
        return (s + sp) * a * (1 - a);
      }),
    );
    const scale = v.noMeanInGradient ? 1 : 1 / N;
    const dc = v.decayGradient ? v.decayGradient(lambda) : lambda;
    const wGrad = (G: Mat, W: Mat) => G.map((row, i) => row.map((g, j) => g * scale + dc * W[i][j]));
    const bGrad = (g: Vec, bias: Vec) => g.map((x, j) => x * scale + (v.decayBiases ? lambda * bias[j] : 0));
    return {
      cost,
      dW1: wGrad(matmul(transpose(d2), X), W1),
      db1: bGrad(sumRows(d2), b1),
      dW2: wGrad(matmul(transpose(d3), A), W2),
      db2: bGrad(sumRows(d3), b2),
    };
  };
}

// ---------------------------------------------------------------- KL penalty

export const sparseKlMisconceptions = misconceptionsOf(sparseKl, "sparse", [
  {
    id: "kl-per-sample",
    hint: HINT_PER_SAMPLE,
    fn: (A, rho, beta) => {
      const N = A.length;
      const m = A[0].length;
      let penalty = 0;
      const dPenalty = new Array<number>(m).fill(0);
      for (const row of A) {
        row.forEach((a, j) => {
          penalty += (beta * klBernoulli(rho, a)) / N;
          dPenalty[j] += (beta * klBernoulliDerivative(rho, a)) / N;
        });
      }
      return { rhoHat: averageActivation(A), penalty, dPenalty };
    },
  },
  {
    id: "kl-swapped",
    hint: HINT_SWAPPED,
    fn: (A, rho, beta) => {
      const rhoHat = averageActivation(A);
      return {
        rhoHat,
        penalty: beta * rhoHat.reduce((s, r) => s + klSwapped(rho, r), 0),
        dPenalty: rhoHat.map((r) => beta * klSwappedDerivative(rho, r)),
      };
    },
  },
  {
    id: "kl-derivative-sign",
    hint: {
      en: "a derivative of the KL divergence with the wrong overall sign; the penalty grows as ρ̂ moves above ρ.",
      zh: "KL 散度的导数整体符号反了；当 ρ̂ 超过 ρ 时惩罚项应当增大。",
    },
    fn: (A, rho, beta) => {
      const r = sparseKl(A, rho, beta);
      return { ...r, dPenalty: r.dPenalty.map((v) => -v) };
    },
  },
  {
    id: "kl-derivative-missing-beta",
    hint: {
      en: "a penalty derivative without the penalty's weight β.",
      zh: "惩罚项的导数漏掉了权重系数 β。",
    },
    fn: (A, rho, beta) => {
      const r = sparseKl(A, rho, beta);
      return { ...r, dPenalty: r.rhoHat.map((x) => klBernoulliDerivative(rho, x)) };
    },
  },
  {
    id: "kl-derivative-first-term",
    hint: {
      en: "a KL derivative with only one of its two terms; both terms depend on ρ̂.",
      zh: "KL 散度的导数只保留了两项中的一项；两项都依赖于 ρ̂。",
    },
    fn: (A, rho, beta) => {
      const r = sparseKl(A, rho, beta);
      return { ...r, dPenalty: r.rhoHat.map((x) => (beta * -rho) / x) };
    },
  },
]);
// ---------------------------------------------------------------- cost and gradient

export const sparseAeCostGradMisconceptions = misconceptionsOf(sparseAeCostGrad, "sparse", [
  {
    id: "delta2-missing-sparsity",
    hint: {
      en: "a hidden error term δ2 without the sparsity term; the penalty depends on the hidden activations too.",
      zh: "中间层误差项 δ2 中缺少稀疏性项；惩罚项同样依赖于中间层的激活值。",
    },
    fn: gradVariant({ noSparsityInDelta: true }),
  },
  {
    id: "grad-kl-swapped",
    hint: HINT_SWAPPED,
    fn: gradVariant({ swapped: true }),
  },
  {
    id: "decay-on-biases",
    hint: {
      en: "weight decay applied to the biases; only the weights are decayed here.",
      zh: "对偏置也做了权值衰减；这里只有权重才衰减。",
    },
    fn: gradVariant({ decayBiases: true }),
  },
  {
    id: "decay-missing-lambda",
    hint: {
      en: "a weight-decay gradient without its coefficient λ.",
      zh: "权值衰减的梯度漏掉了系数 λ。",
    },
    fn: gradVariant({ decayGradient: () => 1 }),
  },
  {
    id: "decay-two-lambda",
    hint: {
      en: "a weight-decay gradient with the wrong coefficient: differentiate (λ/2)||W||² again, the ½ matters.",
      zh: "权值衰减梯度的系数不对：重新对 (λ/2)||W||² 求导，注意其中的 ½。",
    },
    fn: gradVariant({ decayGradient: (l) => 2 * l }),
  },
  {
    id: "grad-kl-per-sample",
    hint: HINT_PER_SAMPLE,
    fn: gradVariant({ perSample: true }),
  },
  {
    id: "gradient-missing-mean",
    hint: {
      en: "a gradient summed over the batch while the cost averages over it.",
      zh: "梯度对整批样本求和，而代价函数是取平均的。",
    },
    fn: gradVariant({ noMeanInGradient: true }),
  },
]);
// ---------------------------------------------------------------- running average

export const runningAverageSequenceMisconceptions = misconceptionsOf(runningAverageSequence, "sparse", [
  {
    id: "running-average-swapped",
    hint: {
      en: "a running average whose factor λ_avg weights the wrong term; check which term is the average's memory.",
      zh: "滑动平均的系数 λ_avg 乘错了项；请检查哪一项才是滑动平均的“记忆”。",
    },
    fn: (rho0, batches, l) => {
      let r = rho0;
      return batches.map((A) => (r = averageActivation(A).map((m, j) => l * m + (1 - l) * r[j])));
    },
  },
  {
    id: "running-average-not-chained",
    hint: {
      en: "a running average that restarts from ρ̂^(0) at every step instead of continuing from the previous step.",
      zh: "滑动平均每一步都从 ρ̂^(0) 重新开始，而没有接着上一步的结果。",
    },
    fn: (rho0, batches, l) => batches.map((A) => averageActivation(A).map((m, j) => l * rho0[j] + (1 - l) * m)),
  },
  {
    id: "running-average-batch-sum",
    hint: {
      en: "a mini-batch ρ̂ computed as a sum rather than an average over its samples.",
      zh: "小批量的 ρ̂ 按样本求和，而不是取平均。",
    },
    fn: (rho0, batches, l) => {
      let r = rho0;
      return batches.map((A) => (r = sumRows(A).map((s, j) => l * r[j] + (1 - l) * s)));
    },
  },
]);

/**
 * Mutants of reference/sparse.ts that no input of its exercises can tell apart from it (issue 12 item 2,
 * exercises/mutation.ts), in groups; each exercise lists the groups its reference executes in `equivalentMutants`.
 */
export const sparseEquivalentMutants = {
  /** sumRows' column loop as runningAverage reads it. */
  runningAverageExtraColumn: [
    {
      at: "reference/numerics.ts:151:40",
      mutator: "EqualityOperator",
      replacement: "j <= c",
      reason: {
        en: "adds an entry past the last column, and runningAverage maps over ρ (length m), so it is never read",
        zh: "在最后一列之后多出一项，而 runningAverage 按 ρ（长度 m）逐项计算，从不读取它",
      },
    },
  ],
} satisfies Record<string, EquivalentMutant[]>;
