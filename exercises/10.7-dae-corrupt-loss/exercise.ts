import { LINEAR_ALGEBRA, defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { daeCorruptLoss, type Noise } from "../../reference/autoencoder";
import { autoencoderEquivalentMutants, daeCorruptLossMisconceptions } from "../../reference/misconceptions/autoencoder";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import type { Mat, Vec } from "../../reference/numerics";
import { Rng, uniformAwayFrom } from "../../reference/random";

type Args = Parameters<typeof daeCorruptLoss>;

function params(rng: Rng, n: number, m: number, std = 1): [Mat, Vec, Mat, Vec] {
  return [rng.gaussianMat(m, n, std), rng.gaussianVec(m, 0.5), rng.gaussianMat(n, m, std), rng.gaussianVec(n, 0.5)];
}
/** Masking noise whose uniforms keep ≥ 1e-6 away from the level. */
function masking(rng: Rng, N: number, n: number, level: number): Noise {
  return {
    kind: "masking",
    level,
    U: Array.from({ length: N }, () => Array.from({ length: n }, () => uniformAwayFrom(rng, level))),
  };
}
function randomMasking(rng: Rng, name: Bilingual, X: Mat, m: number, level: number, std = 1): Case<Args> {
  return { name, args: [X, ...params(rng, X[0].length, m, std), masking(rng, X.length, X[0].length, level)] };
}
function randomGaussian(rng: Rng, name: Bilingual, X: Mat, m: number, sigma = 0.3): Case<Args> {
  return {
    name,
    args: [X, ...params(rng, X[0].length, m), { kind: "gaussian", eps: rng.gaussianMat(X.length, X[0].length, sigma) }],
  };
}

const W0: Mat = [
  [0.8, -0.6, 0.3],
  [-0.5, 0.4, 0.9],
];
const P0: [Mat, Vec, Mat, Vec] = [
  W0,
  [0.3, -0.7],
  [
    [0.6, -1.1],
    [-0.9, 0.7],
    [1.2, 0.4],
  ],
  [0.25, -0.35, 0.15],
];

export default defineExercise({
  title: { en: "Denoising autoencoder: corruption and loss", zh: "降噪自编码器：加噪与误差" },
  points: 10,
  entry: "daeLoss",
  doc: `
    X̃ = X + eps (Gaussian) or X̃_nk = 0 where U_nk < level, else X_nk (masking).
    X̂ = σ(σ(X̃ Wᵀ + b) W̃ᵀ + b̃); loss = Σ_n ||x_n − x̂_n||² against the CLEAN X (no ½).
    X: N × n, W: m × n, b: m, Wd = W̃: n × m, bd = b̃: n; eps and U: N × n.
  `,
  reference: daeCorruptLoss,
  output: { kind: "record", fields: { Xtilde: { kind: "float" }, Xhat: { kind: "float" }, loss: { kind: "float" } } },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "worked example: masking, one sample", zh: "示例：掩码加噪，一个样本" },
      args: [[[1, 0.5]], [[1, 1]], [0], [[1], [-1]], [0, 0], { kind: "masking", U: [[0.1, 0.8]], level: 0.3 }],
    },
    {
      name: { en: "Gaussian noise, two samples", zh: "高斯噪声，两个样本" },
      args: [
        [
          [1, 0],
          [0, 1],
        ],
        [[1, -1]],
        [0.5],
        [[0.5], [-0.5]],
        [0, 0.1],
        {
          kind: "gaussian",
          eps: [
            [0.1, -0.2],
            [0.05, 0.3],
          ],
        },
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => [
    // Fixed: some entries masked (u < 0.3), some kept, all inputs nonzero: every wrong variant changes an output.
    {
      name: { en: "masking, level 0.3", zh: "掩码加噪，比例 0.3" },
      args: [
        [
          [0.2, 0.9, 0.5],
          [0.7, 0.1, 0.4],
        ],
        ...P0,
        {
          kind: "masking",
          level: 0.3,
          U: [
            [0.05, 0.6, 0.25],
            [0.9, 0.12, 0.5],
          ],
        },
      ],
    },
    {
      name: { en: "Gaussian noise", zh: "高斯噪声" },
      args: [
        [
          [0.2, 0.9, 0.5],
          [0.7, 0.1, 0.4],
        ],
        ...P0,
        {
          kind: "gaussian",
          eps: [
            [0.3, -0.2, 0.1],
            [-0.4, 0.25, 0.05],
          ],
        },
      ],
    },
    randomMasking(rng, { en: "single sample, masking", zh: "单个样本，掩码加噪" }, rng.uniformMat(1, 5), 3, 0.25),
    randomGaussian(rng, { en: "single sample, Gaussian", zh: "单个样本，高斯噪声" }, rng.uniformMat(1, 4), 2),
    randomMasking(rng, { en: "non-square: n = 6, m = 2", zh: "非方阵：n = 6, m = 2" }, rng.binaryMat(4, 6), 2, 0.5),
    randomGaussian(rng, { en: "non-square: n = 2, m = 5", zh: "非方阵：n = 2, m = 5" }, rng.uniformMat(3, 2), 5),
    randomMasking(
      rng,
      { en: "all-zero input", zh: "全零输入" },
      [
        [0, 0, 0],
        [0, 0, 0],
      ],
      3,
      0.4,
    ),
    randomMasking(
      rng,
      { en: "all-one input", zh: "全一输入" },
      [
        [1, 1, 1, 1],
        [1, 1, 1, 1],
      ],
      3,
      0.4,
    ),
    randomMasking(rng, { en: "level 0: nothing masked", zh: "比例 0：不遮盖任何输入" }, rng.uniformMat(2, 4), 3, 0),
    randomMasking(rng, { en: "level 1: everything masked", zh: "比例 1：遮盖全部输入" }, rng.uniformMat(2, 4), 3, 1),
    // Masking is binary sampling: its uniforms stay well away from the level (never a near-threshold case).
    {
      name: { en: "uniforms on both sides of the level", zh: "均匀随机数落在掩码比例两侧" },
      args: [
        rng.uniformMat(2, 4),
        ...params(rng, 4, 3),
        {
          kind: "masking",
          level: 0.5,
          U: [
            [0.45, 0.55, 0.48, 0.52],
            [0.58, 0.42, 0.53, 0.47],
          ],
        },
      ],
    },
    randomMasking(
      rng,
      { en: "large weights (saturating units)", zh: "大权重（单元饱和）" },
      rng.uniformMat(3, 4),
      3,
      0.3,
      12,
    ),
    randomMasking(
      new Rng("dae-corrupt-loss hundreds"),
      { en: "weights of order 1000 (σ's input past ±709)", zh: "权重约为 1000 量级（σ 的输入超过 ±709）" },
      [
        [0.2, 0.9, 0.5, 0.7],
        [0.8, 0.1, 0.6, 0.3],
        [0.4, 0.5, 0.95, 0.05],
      ],
      3,
      0.3,
      1000,
    ),
    randomGaussian(
      rng,
      { en: "random, Gaussian", zh: "随机情形，高斯噪声" },
      rng.uniformMat(rng.intRange(2, 5), 5),
      rng.intRange(1, 5),
      0.5,
    ),
  ],
  misconceptions: daeCorruptLossMisconceptions,
  equivalentMutants: [
    ...autoencoderEquivalentMutants.maskingTie,
    ...numericsEquivalentMutants.zerosMatUnsized,
    ...numericsEquivalentMutants.matmulSkipsZeros,
    ...numericsEquivalentMutants.sigmoidBranch,
  ],
  helpers: [...LINEAR_ALGEBRA, "sigmoid", "sigmoidMat"],
});
