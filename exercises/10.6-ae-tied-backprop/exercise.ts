import { LINEAR_ALGEBRA, defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import { tiedAeBackprop, type ReconstructionLoss } from "../../reference/autoencoder";
import { tiedAeBackpropMisconceptions } from "../../reference/misconceptions/autoencoder";
import type { Mat } from "../../reference/numerics";
import { Rng } from "../../reference/random";

type Args = Parameters<typeof tiedAeBackprop>;

function random(
  rng: Rng,
  name: Bilingual,
  loss: ReconstructionLoss,
  N: number,
  n: number,
  m: number,
  std = 1,
  X?: Mat,
): Case<Args> {
  return {
    name,
    args: [
      X ?? rng.uniformMat(N, n),
      rng.gaussianMat(m, n, std),
      rng.gaussianVec(m, 0.5),
      rng.gaussianVec(n, 0.5),
      loss,
    ],
  };
}

const X0: Mat = [
  [0.2, 0.9, 0.5],
  [0.7, 0.1, 0.4],
];
const W0: Mat = [
  [0.8, -0.6, 0.3],
  [-0.5, 0.4, 0.9],
];

export default defineExercise({
  title: { en: "Backpropagation in an autoencoder with tied weights", zh: "权值共享自编码器的误差反向传播" },
  points: 10,
  entry: "tiedAeGradient",
  doc: `
    Tied autoencoder: Y = σ(X Wᵀ + b), X̂ = σ(Y W + b̃) (decoder weights W̃ = Wᵀ).
    X: N × n, W: m × n, b: m, bd = b̃: n. Loss over the batch: squared Σ||x − x̂||² (no ½)
    or cross-entropy −Σ[x log x̂ + (1−x) log(1−x̂)]. Returns the gradients dW (m × n), db (m), dbd (n).
  `,
  reference: tiedAeBackprop,
  output: { kind: "record", fields: { dW: { kind: "float" }, db: { kind: "float" }, dbd: { kind: "float" } } },
  visibleCases: (): Case<Args>[] => [
    {
      name: {
        en: "worked example: one input, one hidden unit, squared error",
        zh: "示例：一个输入，一个隐藏单元，平方误差",
      },
      args: [[[1]], [[0]], [0], [0], "squared"],
    },
    {
      name: { en: "N = 2, n = 2, m = 1, cross-entropy", zh: "N = 2, n = 2, m = 1，交叉熵" },
      args: [
        [
          [1, 0],
          [0, 1],
        ],
        [[0.5, -0.5]],
        [0.1],
        [0, 0.2],
        "cross-entropy",
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => [
    // Fixed cases: every wrong variant changes dW, db or dbd in at least one of them.
    {
      name: { en: "general case, squared error", zh: "一般情形，平方误差" },
      args: [X0, W0, [0.3, -0.7], [0.25, -0.35, 0.15], "squared"],
    },
    {
      name: { en: "general case, cross-entropy", zh: "一般情形，交叉熵" },
      args: [X0, W0, [0.3, -0.7], [0.25, -0.35, 0.15], "cross-entropy"],
    },
    random(rng, { en: "single sample, squared", zh: "单个样本，平方误差" }, "squared", 1, 4, 3),
    random(rng, { en: "single sample, cross-entropy", zh: "单个样本，交叉熵" }, "cross-entropy", 1, 3, 2),
    random(rng, { en: "non-square: n = 6, m = 2", zh: "非方阵：n = 6, m = 2" }, "squared", 3, 6, 2),
    random(rng, { en: "non-square: n = 2, m = 5", zh: "非方阵：n = 2, m = 5" }, "cross-entropy", 3, 2, 5),
    random(rng, { en: "all-zero input", zh: "全零输入" }, "squared", 2, 4, 3, 1, [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]),
    random(rng, { en: "all-one input", zh: "全一输入" }, "cross-entropy", 2, 4, 3, 1, [
      [1, 1, 1, 1],
      [1, 1, 1, 1],
    ]),
    random(rng, { en: "large weights (saturating units)", zh: "大权重（单元饱和）" }, "squared", 3, 4, 3, 12),
    random(
      new Rng("ae-tied-backprop hundreds"),
      { en: "weights of order 1000 (σ's input past ±709)", zh: "权重约为 1000 量级（σ 的输入超过 ±709）" },
      "squared",
      3,
      4,
      3,
      1000,
    ),
    random(
      rng,
      { en: "binary input, cross-entropy", zh: "二值输入，交叉熵" },
      "cross-entropy",
      4,
      5,
      3,
      1,
      rng.binaryMat(4, 5),
    ),
    random(
      rng,
      { en: "random, squared", zh: "随机情形，平方误差" },
      "squared",
      rng.intRange(2, 5),
      rng.intRange(2, 6),
      rng.intRange(1, 5),
    ),
    random(
      rng,
      { en: "random, cross-entropy", zh: "随机情形，交叉熵" },
      "cross-entropy",
      rng.intRange(2, 5),
      rng.intRange(2, 6),
      rng.intRange(1, 5),
    ),
  ],
  misconceptions: tiedAeBackpropMisconceptions,
  equivalentMutants: [
    ...numericsEquivalentMutants.zerosMatUnsized,
    ...numericsEquivalentMutants.matmulSkipsZeros,
    ...numericsEquivalentMutants.sigmoidBranch,
  ],
  helpers: [...LINEAR_ALGEBRA, "sigmoid", "sigmoidMat"],
});
