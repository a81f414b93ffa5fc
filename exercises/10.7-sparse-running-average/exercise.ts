import { LINEAR_ALGEBRA, defineExercise, type Case } from "../../grader/spec";
import { runningAverageSequenceMisconceptions, sparseEquivalentMutants } from "../../reference/misconceptions/sparse";
import type { Mat, Vec } from "../../reference/numerics";
import type { Rng } from "../../reference/random";
import { runningAverageSequence } from "../../reference/sparse";

type Args = [rho0: Vec, batches: Mat[], lambdaAvg: number];

function batches(rng: Rng, T: number, m: number, maxN = 4): Mat[] {
  return Array.from({ length: T }, () => rng.uniformMat(rng.intRange(1, maxN), m));
}

export default defineExercise({
  title: { en: "Running average of the hidden activations", zh: "中间层平均激活度的滑动平均" },
  points: 5,
  entry: "runningRhoHat",
  doc: `
    ρ̂^(t) = λ_avg ρ̂^(t−1) + (1 − λ_avg) ρ̂_batch(t), ρ̂_batch = mean over the rows of batches[t−1] (N_t × m).
    rho0 = ρ̂^(0) (length m). Returns [ρ̂^(1), …, ρ̂^(T)] (T × m).
  `,
  reference: runningAverageSequence,
  output: { kind: "float" },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "worked example: one unit, two batches", zh: "示例：一个单元，两个批次" },
      args: [[0.05], [[[0.2], [0.4]], [[0.5]]], 0.9],
    },
    {
      name: { en: "two units, one batch", zh: "两个单元，一个批次" },
      args: [
        [0.1, 0.1],
        [
          [
            [0.3, 0.1],
            [0.5, 0.3],
          ],
        ],
        0.5,
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => [
    // Fixed: λ_avg = 0.9 (≠ 0.5), two batches of 2 and 3 samples: every wrong variant changes the output.
    {
      name: { en: "two units, two batches", zh: "两个单元，两个批次" },
      args: [
        [0.05, 0.1],
        [
          [
            [0.2, 0.4],
            [0.6, 0.1],
          ],
          [
            [0.3, 0.3],
            [0.9, 0.2],
            [0.1, 0.5],
          ],
        ],
        0.9,
      ],
    },
    {
      name: { en: "single batch, single sample", zh: "单个批次，单个样本" },
      args: [rng.uniformVec(3), [rng.uniformMat(1, 3)], 0.95],
    },
    {
      name: { en: "λ_avg = 0 (only the current batch)", zh: "λ_avg = 0（只用当前批次）" },
      args: [rng.uniformVec(3), batches(rng, 3, 3), 0],
    },
    {
      name: { en: "λ_avg = 1 (frozen average)", zh: "λ_avg = 1（平均值不再更新）" },
      args: [rng.uniformVec(3), batches(rng, 3, 3), 1],
    },
    {
      name: { en: "λ_avg = 0.999, many batches", zh: "λ_avg = 0.999，多个批次" },
      args: [rng.uniformVec(2), batches(rng, 20, 2), 0.999],
    },
    {
      name: { en: "all-zero activations", zh: "激活值全零" },
      args: [
        [0.3, 0.2],
        [
          [
            [0, 0],
            [0, 0],
          ],
          [[0, 0]],
        ],
        0.8,
      ],
    },
    {
      name: { en: "all-one activations", zh: "激活值全一" },
      args: [
        [0.3, 0.2],
        [
          [
            [1, 1],
            [1, 1],
          ],
          [[1, 1]],
        ],
        0.8,
      ],
    },
    {
      name: { en: "batches of different sizes", zh: "批次大小各不相同" },
      args: [rng.uniformVec(4), [rng.uniformMat(1, 4), rng.uniformMat(5, 4), rng.uniformMat(2, 4)], 0.7],
    },
    { name: { en: "one unit, many batches", zh: "一个单元，多个批次" }, args: [[0.05], batches(rng, 10, 1, 6), 0.9] },
    {
      name: { en: "random 1", zh: "随机情形 1" },
      args: [rng.uniformVec(3), batches(rng, rng.intRange(2, 6), 3), rng.range(0.5, 0.99)],
    },
    {
      name: { en: "random 2", zh: "随机情形 2" },
      args: [rng.uniformVec(5), batches(rng, rng.intRange(2, 6), 5), rng.range(0.5, 0.99)],
    },
  ],
  misconceptions: runningAverageSequenceMisconceptions,
  equivalentMutants: [...sparseEquivalentMutants.runningAverageExtraColumn],
  helpers: [...LINEAR_ALGEBRA],
});
