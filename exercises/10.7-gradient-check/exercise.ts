import { LINEAR_ALGEBRA, defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { checkLogisticGradient, logisticLossGradient } from "../../reference/gradcheck";
import {
  checkLogisticGradientMisconceptions,
  checkLogisticGradientNaiveVariants,
  gradcheckEquivalentMutants,
} from "../../reference/misconceptions/gradcheck";
import type { Mat, Vec } from "../../reference/numerics";
import { Rng } from "../../reference/random";

type Args = Parameters<typeof checkLogisticGradient>;

/**
 * A random logistic-regression problem whose true gradient entries are all ≥ 1e-3 in size
 * (except for zero columns of X), so relative errors are not dominated by round-off.
 */
function problem(rng: Rng, N: number, d: number, zeroCol = -1): { X: Mat; y: Vec; theta: Vec; g: Vec } {
  for (;;) {
    const X = rng.gaussianMat(N, d);
    if (zeroCol >= 0) X.forEach((row) => (row[zeroCol] = 0));
    const y = rng.binaryVec(N);
    const theta = rng.gaussianVec(d + 1);
    const g = logisticLossGradient(X, y, theta);
    if (g.every((v, i) => i === zeroCol || Math.abs(v) >= 1e-3)) return { X, y, theta, g };
  }
}

type Bug = "none" | "double" | "sign" | "missing-mean";
function withBug(g: Vec, bug: Bug, N: number): Vec {
  if (bug === "double") return g.map((v) => 2 * v);
  if (bug === "sign") return g.map((v, i) => (i === 0 ? -v : v));
  if (bug === "missing-mean") return g.map((v) => v * N);
  return g.slice();
}
/**
 * Features of size ~1000, so some score z_n is above 750: a literal log(1 + e^z) overflows to Infinity there.
 * The check still needs every true gradient entry to be ≥ 1e-3 in size.
 */
function saturating(rng: Rng, name: Bilingual, N: number, d: number): Case<Args> {
  for (;;) {
    const X = rng.gaussianMat(N, d, 1000);
    const y = rng.binaryVec(N);
    const theta = rng.gaussianVec(d + 1);
    const z = X.map((row) => row.reduce((s, v, i) => s + theta[i] * v, theta[d]));
    const g = logisticLossGradient(X, y, theta);
    if (z.some((v) => v > 750) && g.every((v) => Math.abs(v) >= 1e-3)) return { name, args: [X, y, theta, g, 1e-5] };
  }
}

function random(rng: Rng, name: Bilingual, N: number, d: number, eps: number, bug: Bug): Case<Args> {
  const p = problem(rng, N, d);
  return { name, args: [p.X, p.y, p.theta, withBug(p.g, bug, N), eps] };
}

// Central differences amplify the round-off of the loss by 1/(2ε): summing in another order changes the
// numerical gradient by ~1e-11, and a relative error divides that by |a| + |ĝ| (≥ 1e-3 here).
const numTol = { kind: "float", tol: { atol: 1e-10, rtol: 1e-9 } } as const;
const relTol = { kind: "float", tol: { atol: 1e-6, rtol: 1e-5 } } as const;

export default defineExercise({
  title: { en: "A numerical gradient checker", zh: "数值梯度检验" },
  points: 10,
  entry: "gradientCheck",
  doc: `
    L(θ) = (1/N) Σ_n [softplus(z_n) − y_n z_n], z_n = Σ_i θ_i X[n][i] + θ_d (θ = [w_0..w_{d−1}, b], length d+1).
    numerical_i = (L(θ + ε e_i) − L(θ − ε e_i)) / (2ε); relErrors_i = |a_i − ĝ_i| / max(1e-8, |a_i| + |ĝ_i|).
  `,
  reference: checkLogisticGradient,
  output: { kind: "record", fields: { numerical: numTol, relErrors: relTol, maxRelError: relTol } },
  toleranceReason: {
    en: "central differences amplify the loss's round-off by 1/(2ε) ≈ 5·10⁴: a correct checker that sums in another order differs by ~1e-11 in the numerical gradient and by up to ~1e-8 in a relative error.",
    zh: "中心差分会把损失的舍入误差放大 1/(2ε) ≈ 5·10⁴ 倍：一个按不同顺序求和的正确实现，数值梯度会相差约 1e-11，相对误差最多相差约 1e-8。",
  },
  visibleCases: (): Case<Args>[] => [
    {
      name: {
        en: "worked example: one sample, one feature, correct gradient",
        zh: "示例：一个样本，一个特征，梯度正确",
      },
      args: [[[1]], [1], [0, 0], [-0.5, -0.5], 1e-5],
    },
    {
      name: { en: "two samples, a doubled analytic gradient", zh: "两个样本，解析梯度被加倍" },
      args: [
        [
          [1, -1],
          [0.5, 2],
        ],
        [1, 0],
        [0.3, -0.2, 0.1],
        withBug(
          logisticLossGradient(
            [
              [1, -1],
              [0.5, 2],
            ],
            [1, 0],
            [0.3, -0.2, 0.1],
          ),
          "double",
          2,
        ),
        1e-4,
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const fixed = problem(new Rng(7), 3, 3);
    const zero = problem(new Rng(11), 4, 3, 1);
    const za = zero.g.slice();
    za[1] = 3e-10;
    return [
      // Fixed: ε = 1e-3 and a wrong analytic gradient, so every mistake in the differences or the denominator shows.
      {
        name: { en: "large step ε = 1e-3, wrong analytic gradient", zh: "大步长 ε = 1e-3，解析梯度错误" },
        args: [fixed.X, fixed.y, fixed.theta, withBug(fixed.g, "sign", 3), 1e-3],
      },
      // Fixed: feature 1 is always 0, so the loss does not depend on θ_1 (ĝ_1 = 0 exactly) while a_1 = 3e-10.
      {
        name: { en: "a parameter the loss ignores, tiny analytic value", zh: "损失与某参数无关，解析值极小" },
        args: [zero.X, zero.y, zero.theta, za, 1e-5],
      },
      random(rng, { en: "single sample", zh: "单个样本" }, 1, 3, 1e-5, "none"),
      random(rng, { en: "one feature", zh: "一个特征" }, 4, 1, 1e-5, "double"),
      random(rng, { en: "many features", zh: "多个特征" }, 3, 8, 1e-5, "none"),
      random(rng, { en: "analytic gradient missing the mean", zh: "解析梯度漏了求平均" }, 5, 3, 1e-5, "missing-mean"),
      random(rng, { en: "ε = 1e-4, correct gradient", zh: "ε = 1e-4，梯度正确" }, 4, 3, 1e-4, "none"),
      random(rng, { en: "ε = 1e-3, sign error", zh: "ε = 1e-3，符号错误" }, 4, 3, 1e-3, "sign"),
      {
        name: { en: "exactly zero analytic and numerical entry", zh: "某一分量的解析值与数值均恰为 0" },
        args: [zero.X, zero.y, zero.theta, zero.g.map((v, i) => (i === 1 ? 0 : v)), 1e-5],
      },
      random(
        rng,
        { en: "random, correct gradient", zh: "随机情形，梯度正确" },
        rng.intRange(2, 6),
        rng.intRange(2, 5),
        1e-5,
        "none",
      ),
      random(
        rng,
        { en: "random, doubled gradient", zh: "随机情形，梯度被加倍" },
        rng.intRange(2, 6),
        rng.intRange(2, 5),
        1e-5,
        "double",
      ),
      saturating(rng, { en: "saturating scores (some z_n > 750)", zh: "得分饱和（部分 z_n > 750）" }, 5, 3),
    ];
  },
  misconceptions: checkLogisticGradientMisconceptions,
  naiveVariants: checkLogisticGradientNaiveVariants,
  equivalentMutants: [...gradcheckEquivalentMutants.numericalGradientCopy],
  helpers: [...LINEAR_ALGEBRA, "sigmoid", "softplus", "logSigmoid"],
});
