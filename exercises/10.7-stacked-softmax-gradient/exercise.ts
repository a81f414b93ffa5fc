import { LINEAR_ALGEBRA, defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import {
  twoLayerStackedGradientMisconceptions,
  stackedEquivalentMutants,
  twoLayerStackedGradientNaiveVariants,
} from "../../reference/misconceptions/stacked";
import type { Mat, Vec } from "../../reference/numerics";
import { Rng } from "../../reference/random";
import { twoLayerStackedGradient } from "../../reference/stacked";

type Args = [X: Mat, labels: number[], W1: Mat, b1: Vec, W2: Mat, b2: Vec, Ws: Mat, bs: Vec];

function random(
  rng: Rng,
  name: Bilingual,
  N: number,
  n: number,
  m1: number,
  m2: number,
  K: number,
  std = 1,
  X?: Mat,
  labels?: number[],
): Case<Args> {
  return {
    name,
    args: [
      X ?? rng.uniformMat(N, n),
      labels ?? Array.from({ length: N }, () => rng.int(K)),
      rng.gaussianMat(m1, n, std),
      rng.gaussianVec(m1, 0.3),
      rng.gaussianMat(m2, m1, std),
      rng.gaussianVec(m2, 0.3),
      rng.gaussianMat(K, m2, std),
      rng.gaussianVec(K, 0.3),
    ],
  };
}

const f = { kind: "float" } as const;

export default defineExercise({
  title: { en: "Stacked autoencoder + softmax: fine-tuning gradient", zh: "栈式自编码器 + softmax：微调的梯度" },
  points: 10,
  entry: "stackedGradient",
  doc: `
    H1 = σ(X W1ᵀ + b1), H2 = σ(H1 W2ᵀ + b2), P = softmax(H2 Wsᵀ + bs) row by row.
    X: N × n, W1: m1 × n, W2: m2 × m1, Ws: K × m2; labels: N integers in 0..K−1.
    loss = −(1/N) Σ_n log P[n][labels[n]] (mean over the batch); returns it and all gradients.
  `,
  reference: twoLayerStackedGradient,
  output: { kind: "record", fields: { loss: f, dW1: f, db1: f, dW2: f, db2: f, dWs: f, dbs: f } },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "worked example: zero weights, two classes", zh: "示例：零权重，两个类别" },
      args: [[[1]], [0], [[0]], [0], [[0]], [0], [[0], [0]], [0, 0]],
    },
    {
      name: { en: "N = 2, n = 2, m1 = 2, m2 = 1, K = 2", zh: "N = 2, n = 2, m1 = 2, m2 = 1, K = 2" },
      args: [
        [
          [1, 0],
          [0, 1],
        ],
        [1, 0],
        [
          [0.5, -0.5],
          [0.3, 0.2],
        ],
        [0, 0.1],
        [[1, -1]],
        [0.2],
        [[1], [-1]],
        [0, 0],
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => [
    // Fixed: N = 3, K = 3, labels 1 and 2 only (so 1-based reading stays finite), nonzero weights: every wrong variant changes an output.
    {
      name: { en: "general case", zh: "一般情形" },
      args: [
        [
          [0.2, 0.9, 0.5],
          [0.7, 0.1, 0.4],
          [0.3, 0.6, 0.8],
        ],
        [1, 2, 1],
        [
          [0.8, -0.6, 0.3],
          [-0.5, 0.4, 0.9],
        ],
        [0.3, -0.7],
        [
          [1.1, -0.4],
          [0.6, 0.9],
        ],
        [0.1, -0.2],
        [
          [0.7, -1.2],
          [-0.8, 0.5],
          [0.4, 1.3],
        ],
        [0.2, -0.1, 0.05],
      ],
    },
    random(rng, { en: "single sample", zh: "单个样本" }, 1, 4, 3, 2, 3),
    random(
      rng,
      { en: "non-square layers: n = 6, m1 = 4, m2 = 2, K = 5", zh: "各层大小不同：n = 6, m1 = 4, m2 = 2, K = 5" },
      4,
      6,
      4,
      2,
      5,
    ),
    random(rng, { en: "widening layers: n = 2, m1 = 4, m2 = 5", zh: "逐层变宽：n = 2, m1 = 4, m2 = 5" }, 3, 2, 4, 5, 2),
    random(rng, { en: "all-zero input", zh: "全零输入" }, 3, 4, 3, 2, 3, 1, [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]),
    random(rng, { en: "all-one input", zh: "全一输入" }, 2, 4, 3, 2, 3, 1, [
      [1, 1, 1, 1],
      [1, 1, 1, 1],
    ]),
    random(
      rng,
      { en: "every sample in class 0", zh: "所有样本均属于类别 0" },
      4,
      3,
      3,
      2,
      3,
      1,
      undefined,
      [0, 0, 0, 0],
    ),
    random(
      rng,
      { en: "every sample in the last class", zh: "所有样本均属于最后一个类别" },
      3,
      3,
      3,
      2,
      4,
      1,
      undefined,
      [3, 3, 3],
    ),
    random(
      rng,
      { en: "large weights (saturating units, large scores)", zh: "大权重（单元饱和，得分很大）" },
      3,
      4,
      3,
      3,
      3,
      15,
    ),
    random(rng, { en: "binary input", zh: "二值输入" }, 5, 5, 3, 2, 4, 1, rng.binaryMat(5, 5)),
    random(
      new Rng("stacked-softmax-gradient hundreds"),
      { en: "weights of order 1000 (saturating encoders)", zh: "权重约为 1000 量级（编码层饱和）" },
      3,
      4,
      3,
      3,
      3,
      1000,
    ),
    // Class 0 scores about 880 and class 2 about −120: e^{s} overflows unless shifted by the maximum, which is not the last score.
    {
      name: { en: "scores near 900 (e^{s} past e^{709})", zh: "得分接近 900（e^{s} 超过 e^{709}）" },
      args: [
        [
          [0.2, 0.9, 0.5, 0.7],
          [0.8, 0.1, 0.6, 0.3],
          [0.5, 0.4, 0.3, 0.6],
        ],
        [0, 1, 2],
        [
          [0.8, -0.6, 0.3, 0.5],
          [-0.5, 0.4, 0.9, -0.2],
          [0.3, 0.7, -0.4, 0.6],
        ],
        [0.3, -0.7, 0.1],
        [
          [0.1, -0.05, 0.08],
          [-0.07, 0.1, 0.04],
          [0.06, 0.03, -0.1],
        ],
        [2, 0, -2],
        [
          [1000, 0, 0],
          [0, 1, 0],
          [0, 0, -1000],
        ],
        [0, 0.5, 0],
      ],
    },
    random(
      rng,
      { en: "random", zh: "随机情形" },
      rng.intRange(2, 5),
      rng.intRange(2, 6),
      rng.intRange(1, 5),
      rng.intRange(1, 4),
      rng.intRange(2, 5),
    ),
  ],
  misconceptions: twoLayerStackedGradientMisconceptions,
  naiveVariants: twoLayerStackedGradientNaiveVariants,
  equivalentMutants: [
    ...numericsEquivalentMutants.zerosMatUnsized,
    ...numericsEquivalentMutants.matmulSkipsZeros,
    ...numericsEquivalentMutants.sigmoidBranch,
    ...numericsEquivalentMutants.logsumexpEdges,
    ...numericsEquivalentMutants.softmaxMax,
    ...stackedEquivalentMutants.backwardLoop,
  ],
  helpers: [...LINEAR_ALGEBRA, "sigmoid", "sigmoidMat", "softmax", "logsumexp"],
});
