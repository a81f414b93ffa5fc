import { LINEAR_ALGEBRA, defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { sparseAeCostGradMisconceptions } from "../../reference/misconceptions/sparse";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import type { Mat } from "../../reference/numerics";
import type { Rng } from "../../reference/random";
import { sparseAeCostGrad } from "../../reference/sparse";

type Args = Parameters<typeof sparseAeCostGrad>;

function random(
  rng: Rng,
  name: Bilingual,
  N: number,
  n: number,
  m: number,
  hyper: [number, number, number],
  std = 0.7,
  X?: Mat,
): Case<Args> {
  return {
    name,
    args: [
      X ?? rng.uniformMat(N, n),
      rng.gaussianMat(m, n, std),
      rng.gaussianVec(m, 0.3),
      rng.gaussianMat(n, m, std),
      rng.gaussianVec(n, 0.3),
      ...hyper,
    ],
  };
}

/** The fixed cases' input and encoder: nonzero biases and unequal activations. */
const X0: Mat = [
  [0.2, 0.9, 0.5],
  [0.7, 0.1, 0.4],
  [0.3, 0.6, 0.8],
];
const W10: Mat = [
  [0.8, -0.6, 0.3],
  [-0.5, 0.4, 0.9],
];
const b10 = [0.3, -0.7];

export default defineExercise({
  title: { en: "Sparse autoencoder: cost and gradient", zh: "稀疏自编码器：代价函数与梯度" },
  points: 10,
  entry: "sparseAeCostGrad",
  doc: `
    UFLDL sparse autoencoder. a = σ(W1 x + b1), x̂ = σ(W2 a + b2); X: N × n, W1: m × n, b1: m, W2: n × m, b2: n.
    J = (1/N) Σ_n ½||x̂_n − x_n||² + (λ/2)(||W1||² + ||W2||²) + β Σ_j KL(ρ||ρ̂_j), ρ̂ = mean activation.
    Returns J and its gradients (weights decayed, biases not).
  `,
  reference: sparseAeCostGrad,
  output: {
    kind: "record",
    fields: {
      cost: { kind: "float" },
      dW1: { kind: "float" },
      db1: { kind: "float" },
      dW2: { kind: "float" },
      db2: { kind: "float" },
    },
  },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "worked example: one input, one hidden unit", zh: "示例：一个输入，一个隐藏单元" },
      args: [[[1]], [[0]], [0], [[2]], [-1], 0.1, 3, 0.5],
    },
    {
      name: { en: "N = 2, n = 2, m = 1", zh: "N = 2, n = 2, m = 1" },
      args: [
        [
          [1, 0],
          [0.5, 0.5],
        ],
        [[0.5, -0.5]],
        [0.1],
        [[1], [-1]],
        [0, 0.2],
        0.01,
        3,
        0.1,
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => [
    // Fixed: N = 3, λ = 0.01 (≠ 0, ≠ 1), β = 3, nonzero biases, unequal activations: every wrong variant changes an output.
    {
      name: { en: "general case", zh: "一般情形" },
      args: [
        X0,
        W10,
        b10,
        [
          [0.6, -1.1],
          [-0.9, 0.7],
          [1.2, 0.4],
        ],
        [0.25, -0.35, 0.15],
        0.01,
        3,
        0.1,
      ],
    },
    random(rng, { en: "single sample", zh: "单个样本" }, 1, 4, 3, [0.001, 3, 0.05]),
    random(rng, { en: "non-square: n = 6, m = 2", zh: "非方阵：n = 6, m = 2" }, 4, 6, 2, [0.0001, 3, 0.1]),
    random(rng, { en: "non-square: n = 2, m = 5", zh: "非方阵：n = 2, m = 5" }, 3, 2, 5, [0.003, 1, 0.05]),
    random(rng, { en: "all-zero input", zh: "全零输入" }, 2, 4, 3, [0.001, 3, 0.1], 0.7, [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]),
    random(rng, { en: "all-one input", zh: "全一输入" }, 2, 4, 3, [0.001, 3, 0.1], 0.7, [
      [1, 1, 1, 1],
      [1, 1, 1, 1],
    ]),
    random(rng, { en: "no weight decay (λ = 0)", zh: "无权重衰减（λ = 0）" }, 3, 4, 3, [0, 3, 0.1]),
    random(rng, { en: "no sparsity (β = 0)", zh: "无稀疏性惩罚（β = 0）" }, 3, 4, 3, [0.001, 0, 0.1]),
    // std 3 saturates σ' (|z| up to ~10) yet keeps 1 − ρ̂ far above round-off, so 1/(1 − ρ̂) stays well conditioned
    random(rng, { en: "large weights (saturating units)", zh: "大权重（单元饱和）" }, 3, 4, 3, [0.001, 3, 0.05], 3),
    random(rng, { en: "binary input", zh: "二值输入" }, 5, 5, 3, [0.0001, 3, 0.05], 0.7, rng.binaryMat(5, 5)),
    // The decoder alone is in the hundreds: x̂ saturates (σ's input past ±709) while the code, and so ρ̂, stays inside (0, 1).
    {
      name: { en: "weights in the hundreds (σ's input past ±709)", zh: "权重达数百（σ 的输入超过 ±709）" },
      args: [
        X0,
        W10,
        b10,
        [
          [1500, -200],
          [-1400, 300],
          [250, 1800],
        ],
        [0.25, -0.35, 0.15],
        0.0001,
        3,
        0.1,
      ],
    },
    random(rng, { en: "random", zh: "随机情形" }, rng.intRange(2, 6), rng.intRange(2, 6), rng.intRange(1, 5), [
      rng.range(0, 0.01),
      rng.range(0.5, 5),
      rng.range(0.01, 0.3),
    ]),
  ],
  misconceptions: sparseAeCostGradMisconceptions,
  equivalentMutants: [
    ...numericsEquivalentMutants.zerosMatUnsized,
    ...numericsEquivalentMutants.matmulSkipsZeros,
    ...numericsEquivalentMutants.sigmoidBranch,
  ],
  helpers: [...LINEAR_ALGEBRA, "sigmoid", "sigmoidMat"],
});
