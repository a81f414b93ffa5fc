import { defineExercise, type Case } from "../../grader/spec";
import { runningAverageMisconceptions } from "../../reference/misconceptions/sparse";
import type { Mat, Vec } from "../../reference/numerics";
import type { Rng } from "../../reference/random";
import { runningAverageSequence } from "../../reference/sparse";

type Args = [rho0: Vec, batches: Mat[], lambdaAvg: number];

function batches(rng: Rng, T: number, m: number, maxN = 4): Mat[] {
  return Array.from({ length: T }, () => rng.uniformMat(rng.intRange(1, maxN), m));
}

export default defineExercise<Args, Mat>({
  slug: "sparse-running-average",
  section: "10.7",
  title: { en: "Running average of the hidden activations", zh: "中间层平均激活度的滑动平均" },
  points: 5,
  entry: "runningRhoHat",
  declaration: `type Mat = number[][];
type Vec = number[];
/**
 * ρ̂^(t) = λ_avg ρ̂^(t−1) + (1 − λ_avg) ρ̂_batch(t), ρ̂_batch = mean over the rows of batches[t−1] (N_t × m).
 * rho0 = ρ̂^(0) (length m). Returns [ρ̂^(1), …, ρ̂^(T)] (T × m).
 */
export declare function runningRhoHat(rho0: Vec, batches: Mat[], lambdaAvg: number): Mat;`,
  reference: runningAverageSequence,
  output: { kind: "float" },
  visibleCases: (): Case<Args>[] => [
    { name: "worked example: one unit, two batches", args: [[0.05], [[[0.2], [0.4]], [[0.5]]], 0.9] },
    { name: "two units, one batch", args: [[0.1, 0.1], [[[0.3, 0.1], [0.5, 0.3]]], 0.5] },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => [
    // Fixed: λ_avg = 0.9 (≠ 0.5), two batches of 2 and 3 samples: every wrong variant changes the output.
    { name: "two units, two batches", args: [[0.05, 0.1], [[[0.2, 0.4], [0.6, 0.1]], [[0.3, 0.3], [0.9, 0.2], [0.1, 0.5]]], 0.9] },
    { name: "single batch, single sample", args: [rng.uniformVec(3), [rng.uniformMat(1, 3)], 0.95] },
    { name: "λ_avg = 0 (only the current batch)", args: [rng.uniformVec(3), batches(rng, 3, 3), 0] },
    { name: "λ_avg = 1 (frozen average)", args: [rng.uniformVec(3), batches(rng, 3, 3), 1] },
    { name: "λ_avg = 0.999, many batches", args: [rng.uniformVec(2), batches(rng, 20, 2), 0.999] },
    { name: "all-zero activations", args: [[0.3, 0.2], [[[0, 0], [0, 0]], [[0, 0]]], 0.8] },
    { name: "all-one activations", args: [[0.3, 0.2], [[[1, 1], [1, 1]], [[1, 1]]], 0.8] },
    { name: "batches of different sizes", args: [rng.uniformVec(4), [rng.uniformMat(1, 4), rng.uniformMat(5, 4), rng.uniformMat(2, 4)], 0.7] },
    { name: "one unit, many batches", args: [[0.05], batches(rng, 10, 1, 6), 0.9] },
    { name: "random 1", args: [rng.uniformVec(3), batches(rng, rng.intRange(2, 6), 3), rng.range(0.5, 0.99)] },
    { name: "random 2", args: [rng.uniformVec(5), batches(rng, rng.intRange(2, 6), 5), rng.range(0.5, 0.99)] },
  ],
  misconceptions: runningAverageMisconceptions,
  helpers: ["lab"],
});
