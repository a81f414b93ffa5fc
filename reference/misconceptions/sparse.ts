/**
 * Wrong variants of the sparse autoencoder references (reference/sparse.ts): `sparseKl`,
 * `sparseAeCostGrad` and `runningAverageSequence`, each with the signature of the function it corrupts.
 * Hints name the idea, never the answer.
 */

import { addRow, matmul, sigmoidMat, sumRows, sumSquares, transpose, type Mat, type Vec } from "../numerics";
import { averageActivation, klBernoulli, klBernoulliDerivative, sparseKl, type SparseAEGradient } from "../sparse";
import { misconception } from "./types";

type Kl = [A: Mat, rho: number, beta: number];
type KlOut = ReturnType<typeof sparseKl>;
type Grad = [X: Mat, W1: Mat, b1: Vec, W2: Mat, b2: Vec, lambda: number, beta: number, rho: number];
type Running = [rho0: Vec, batches: Mat[], lambdaAvg: number];

/** KL(ρ̂||ρ): the arguments swapped. */
const klSwapped = (rho: number, r: number) => klBernoulli(r, rho);
/** d/dρ̂ KL(ρ̂||ρ) = log(ρ̂/ρ) − log((1−ρ̂)/(1−ρ)). */
const klSwappedDerivative = (rho: number, r: number) => Math.log(r / rho) - Math.log((1 - r) / (1 - rho));

const HINT_PER_SAMPLE = {
  en: "The sparsity constraint is on the AVERAGE activation of each hidden unit over the batch, not on every sample's activation.",
  zh: "稀疏性约束作用于每个中间层单元在整批样本上的平均激活度，而不是每个样本各自的激活值。",
};
const HINT_SWAPPED = {
  en: "KL divergence is not symmetric: check which distribution is the target ρ and which is the measured ρ̂.",
  zh: "KL 散度不是对称的：请检查哪一个是目标值 ρ，哪一个是实际的平均激活度 ρ̂。",
};

// ---------------------------------------------------------------- KL penalty

export const klPerSample = misconception<Kl, KlOut>({
  id: "sparse.kl-per-sample",
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
});

export const klArgumentsSwapped = misconception<Kl, KlOut>({
  id: "sparse.kl-swapped",
  hint: HINT_SWAPPED,
  fn: (A, rho, beta) => {
    const rhoHat = averageActivation(A);
    return {
      rhoHat,
      penalty: beta * rhoHat.reduce((s, r) => s + klSwapped(rho, r), 0),
      dPenalty: rhoHat.map((r) => beta * klSwappedDerivative(rho, r)),
    };
  },
});

export const klDerivativeSign = misconception<Kl, KlOut>({
  id: "sparse.kl-derivative-sign",
  hint: {
    en: "Differentiate log(ρ/ρ̂) and log((1−ρ)/(1−ρ̂)) with respect to ρ̂ carefully: mind the signs from the chain rule.",
    zh: "对 ρ̂ 求 log(ρ/ρ̂) 和 log((1−ρ)/(1−ρ̂)) 的导数时要仔细：注意链式法则带来的符号。",
  },
  fn: (A, rho, beta) => {
    const r = sparseKl(A, rho, beta);
    return { ...r, dPenalty: r.dPenalty.map((v) => -v) };
  },
});

export const klDerivativeMissingBeta = misconception<Kl, KlOut>({
  id: "sparse.kl-derivative-missing-beta",
  hint: {
    en: "The derivative of the penalty carries the same weight as the penalty itself.",
    zh: "惩罚项的导数与惩罚项本身带有同样的权重系数。",
  },
  fn: (A, rho, beta) => {
    const r = sparseKl(A, rho, beta);
    return { ...r, dPenalty: r.rhoHat.map((x) => klBernoulliDerivative(rho, x)) };
  },
});

export const klDerivativeFirstTermOnly = misconception<Kl, KlOut>({
  id: "sparse.kl-derivative-first-term",
  hint: {
    en: "Both terms of the KL divergence depend on ρ̂, so both contribute to its derivative.",
    zh: "KL 散度的两项都依赖于 ρ̂，所以两项都对导数有贡献。",
  },
  fn: (A, rho, beta) => {
    const r = sparseKl(A, rho, beta);
    return { ...r, dPenalty: r.rhoHat.map((x) => (beta * -rho) / x) };
  },
});

// ---------------------------------------------------------------- cost and gradient

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

export const delta2MissingSparsity = misconception<Grad, SparseAEGradient>({
  id: "sparse.delta2-missing-sparsity",
  hint: {
    en: "The sparsity penalty depends on the hidden activations, so it also contributes to the hidden layer's error term δ2.",
    zh: "稀疏性惩罚项依赖于中间层的激活值，所以它也会出现在中间层的误差项 δ2 中。",
  },
  fn: gradVariant({ noSparsityInDelta: true }),
});

export const gradKlSwapped = misconception<Grad, SparseAEGradient>({
  id: "sparse.grad-kl-swapped",
  hint: HINT_SWAPPED,
  fn: gradVariant({ swapped: true }),
});

export const decayOnBiases = misconception<Grad, SparseAEGradient>({
  id: "sparse.decay-on-biases",
  hint: {
    en: "Weight decay regularises the weights only; check which parameters it touches.",
    zh: "权值衰减只作用于权重；请检查它作用到了哪些参数上。",
  },
  fn: gradVariant({ decayBiases: true }),
});

export const decayMissingLambda = misconception<Grad, SparseAEGradient>({
  id: "sparse.decay-missing-lambda",
  hint: {
    en: "Differentiate the weight-decay term (λ/2)||W||² again: which coefficient does W get?",
    zh: "重新对权值衰减项 (λ/2)||W||² 求导：W 前面的系数应该是多少？",
  },
  fn: gradVariant({ decayGradient: () => 1 }),
});

export const decayTwoLambda = misconception<Grad, SparseAEGradient>({
  id: "sparse.decay-two-lambda",
  hint: {
    en: "The weight-decay term already has a ½; differentiate it again and check the coefficient of W.",
    zh: "权值衰减项里已经有 ½；重新求导并检查 W 的系数。",
  },
  fn: gradVariant({ decayGradient: (l) => 2 * l }),
});

export const gradKlPerSample = misconception<Grad, SparseAEGradient>({
  id: "sparse.grad-kl-per-sample",
  hint: HINT_PER_SAMPLE,
  fn: gradVariant({ perSample: true }),
});

export const gradientMissingMean = misconception<Grad, SparseAEGradient>({
  id: "sparse.gradient-missing-mean",
  hint: {
    en: "The cost averages the reconstruction error over the batch, so its gradient is an average too.",
    zh: "代价函数对整批样本的重构误差取了平均，所以梯度也要取平均。",
  },
  fn: gradVariant({ noMeanInGradient: true }),
});

// ---------------------------------------------------------------- running average

export const runningAverageSwapped = misconception<Running, Mat>({
  id: "sparse.running-average-swapped",
  hint: {
    en: "λ_avg is the memory of the running average: check which term it multiplies.",
    zh: "λ_avg 表示滑动平均对过去的“记忆”：请检查它乘的是哪一项。",
  },
  fn: (rho0, batches, l) => {
    let r = rho0;
    return batches.map((A) => (r = averageActivation(A).map((m, j) => l * m + (1 - l) * r[j])));
  },
});

export const runningAverageNotChained = misconception<Running, Mat>({
  id: "sparse.running-average-not-chained",
  hint: {
    en: "Each step of a running average starts from the previous step's result.",
    zh: "滑动平均的每一步都要从上一步的结果出发。",
  },
  fn: (rho0, batches, l) => batches.map((A) => averageActivation(A).map((m, j) => l * rho0[j] + (1 - l) * m)),
});

export const runningAverageBatchSum = misconception<Running, Mat>({
  id: "sparse.running-average-batch-sum",
  hint: {
    en: "ρ̂ of a mini-batch is an average activation over its samples.",
    zh: "一个小批量的 ρ̂ 是其中所有样本的平均激活度。",
  },
  fn: (rho0, batches, l) => {
    let r = rho0;
    return batches.map((A) => (r = sumRows(A).map((s, j) => l * r[j] + (1 - l) * s)));
  },
});

export const sparseKlMisconceptions = [klPerSample, klArgumentsSwapped, klDerivativeSign, klDerivativeMissingBeta, klDerivativeFirstTermOnly];
export const sparseGradientMisconceptions = [delta2MissingSparsity, gradKlSwapped, decayOnBiases, decayMissingLambda, decayTwoLambda, gradKlPerSample, gradientMissingMean];
export const runningAverageMisconceptions = [runningAverageSwapped, runningAverageNotChained, runningAverageBatchSum];
