import { LINEAR_ALGEBRA, defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { aeForwardLosses } from "../../reference/autoencoder";
import { aeForwardLossesMisconceptions } from "../../reference/misconceptions/autoencoder";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import type { Mat } from "../../reference/numerics";
import type { Rng } from "../../reference/random";

type Args = Parameters<typeof aeForwardLosses>;

function random(rng: Rng, name: Bilingual, N: number, n: number, m: number, std = 1, X?: Mat): Case<Args> {
  return {
    name,
    args: [
      X ?? rng.uniformMat(N, n),
      rng.gaussianMat(m, n, std),
      rng.gaussianVec(m, 0.5),
      rng.gaussianMat(n, m, std),
      rng.gaussianVec(n, 0.5),
    ],
  };
}

export default defineExercise({
  title: { en: "Autoencoder forward pass and losses", zh: "自编码器的前向计算与误差函数" },
  points: 10,
  entry: "aeForwardLoss",
  doc: `
    Y = σ(X Wᵀ + b) (N × m), X̂ = σ(Y W̃ᵀ + b̃) (N × n).
    X: N × n (one sample per row), W: m × n, b: m, Wd = W̃: n × m, bd = b̃: n.
    squared = Σ_n ||x_n − x̂_n||² (sum, no ½); crossEntropy with x̂ clamped to [1e-12, 1 − 1e-12].
  `,
  reference: aeForwardLosses,
  output: {
    kind: "record",
    fields: {
      Y: { kind: "float" },
      Xhat: { kind: "float" },
      squared: { kind: "float" },
      crossEntropy: { kind: "float" },
    },
  },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "worked example: one input, one hidden unit", zh: "示例：一个输入，一个隐藏单元" },
      args: [[[1], [0]], [[0]], [0], [[2]], [-1]],
    },
    {
      name: { en: "N = 2, n = 3, m = 2", zh: "N = 2, n = 3, m = 2" },
      args: [
        [
          [1, 0, 0.5],
          [0, 1, 1],
        ],
        [
          [0.5, -1, 0.2],
          [1, 0.3, -0.4],
        ],
        [0.1, -0.2],
        [
          [1, -1],
          [0.5, 0.5],
          [-0.3, 0.8],
        ],
        [0, 0.2, -0.1],
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => [
    // Fixed: N ≥ 2, non-binary targets, nonzero biases: every mistake changes at least one field.
    {
      name: { en: "general case, non-binary targets", zh: "一般情形，非二值目标" },
      args: [
        [
          [0.2, 0.9, 0.5],
          [0.7, 0.1, 0.4],
        ],
        [
          [0.8, -0.6, 0.3],
          [-0.5, 0.4, 0.9],
        ],
        [0.3, -0.7],
        [
          [0.6, -1.1],
          [-0.9, 0.7],
          [1.2, 0.4],
        ],
        [0.25, -0.35, 0.15],
      ],
    },
    // Fixed: b̃_0 = −30 gives x̂_0 ≈ 1e-13 < 1e-12 while x_0 = 1, so the clamp changes the cross-entropy.
    {
      name: { en: "reconstruction below the clamp", zh: "重构值低于截断下限" },
      args: [
        [
          [1, 0.5],
          [1, 1],
        ],
        [[0.5, -0.5]],
        [0.1],
        [[0.2], [0.3]],
        [-30, 0.4],
      ],
    },
    // Fixed: b̃ = ±800 drives x̂ to exactly 1 and exactly 0.
    {
      name: { en: "saturated reconstruction (x̂ exactly 0 and 1)", zh: "重构饱和（x̂ 恰为 0 和 1）" },
      args: [
        [
          [0, 1],
          [1, 0],
        ],
        [[1, -1]],
        [0],
        [[0], [0]],
        [800, -800],
      ],
    },
    random(rng, { en: "single sample", zh: "单个样本" }, 1, 4, 3),
    random(rng, { en: "non-square: n = 6, m = 2", zh: "非方阵：n = 6, m = 2" }, 4, 6, 2),
    random(rng, { en: "non-square: n = 2, m = 5", zh: "非方阵：n = 2, m = 5" }, 3, 2, 5),
    random(rng, { en: "all-zero input", zh: "全零输入" }, 3, 4, 3, 1, [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]),
    random(rng, { en: "all-one input", zh: "全一输入" }, 2, 4, 3, 1, [
      [1, 1, 1, 1],
      [1, 1, 1, 1],
    ]),
    random(rng, { en: "binary input", zh: "二值输入" }, 4, 5, 3, 1, rng.binaryMat(4, 5)),
    random(rng, { en: "large weights (saturating hidden units)", zh: "大权重（隐藏单元饱和）" }, 3, 4, 3, 15),
    random(rng, { en: "random 1", zh: "随机情形 1" }, rng.intRange(2, 5), rng.intRange(2, 6), rng.intRange(1, 5)),
    random(rng, { en: "random 2", zh: "随机情形 2" }, rng.intRange(2, 5), rng.intRange(2, 6), rng.intRange(1, 5)),
  ],
  misconceptions: aeForwardLossesMisconceptions,
  equivalentMutants: [
    ...numericsEquivalentMutants.zerosMatUnsized,
    ...numericsEquivalentMutants.matmulSkipsZeros,
    ...numericsEquivalentMutants.sigmoidBranch,
  ],
  helpers: [...LINEAR_ALGEBRA, "sigmoid", "sigmoidMat"],
});
