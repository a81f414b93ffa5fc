import { defineExercise, type Case } from "../../grader/spec";
import { daeCorruptLoss, type Noise } from "../../reference/autoencoder";
import { daeMisconceptions } from "../../reference/misconceptions/autoencoder";
import type { Mat, Vec } from "../../reference/numerics";
import { uniformAwayFrom, type Rng } from "../../reference/random";

type Args = [X: Mat, W: Mat, b: Vec, Wd: Mat, bd: Vec, noise: Noise];
type Out = { Xtilde: Mat; Xhat: Mat; loss: number };

function params(rng: Rng, n: number, m: number, std = 1): [Mat, Vec, Mat, Vec] {
  return [rng.gaussianMat(m, n, std), rng.gaussianVec(m, 0.5), rng.gaussianMat(n, m, std), rng.gaussianVec(n, 0.5)];
}
/** Masking noise whose uniforms keep ≥ 1e-6 away from the level. */
function masking(rng: Rng, N: number, n: number, level: number): Noise {
  return { kind: "masking", level, U: Array.from({ length: N }, () => Array.from({ length: n }, () => uniformAwayFrom(rng, level))) };
}
function randomMasking(rng: Rng, name: string, X: Mat, m: number, level: number, std = 1): Case<Args> {
  return { name, args: [X, ...params(rng, X[0].length, m, std), masking(rng, X.length, X[0].length, level)] };
}
function randomGaussian(rng: Rng, name: string, X: Mat, m: number, sigma = 0.3): Case<Args> {
  return { name, args: [X, ...params(rng, X[0].length, m), { kind: "gaussian", eps: rng.gaussianMat(X.length, X[0].length, sigma) }] };
}

const W0: Mat = [[0.8, -0.6, 0.3], [-0.5, 0.4, 0.9]];
const P0: [Mat, Vec, Mat, Vec] = [W0, [0.3, -0.7], [[0.6, -1.1], [-0.9, 0.7], [1.2, 0.4]], [0.25, -0.35, 0.15]];

export default defineExercise<Args, Out>({
  slug: "dae-corrupt-loss",
  section: "10.7",
  title: { en: "Denoising autoencoder: corruption and loss", zh: "降噪自编码器：加噪与误差" },
  points: 10,
  entry: "daeLoss",
  declaration: `type Mat = number[][];
type Vec = number[];
type Noise = { kind: "gaussian"; eps: Mat } | { kind: "masking"; U: Mat; level: number };
/**
 * X̃ = X + eps (Gaussian) or X̃_nk = 0 where U_nk < level, else X_nk (masking).
 * X̂ = σ(σ(X̃ Wᵀ + b) W̃ᵀ + b̃); loss = Σ_n ||x_n − x̂_n||² against the CLEAN X (no ½).
 * X: N × n, W: m × n, b: m, Wd = W̃: n × m, bd = b̃: n; eps and U: N × n.
 */
export declare function daeLoss(X: Mat, W: Mat, b: Vec, Wd: Mat, bd: Vec, noise: Noise): { Xtilde: Mat; Xhat: Mat; loss: number };`,
  reference: daeCorruptLoss,
  output: { kind: "record", fields: { Xtilde: { kind: "float" }, Xhat: { kind: "float" }, loss: { kind: "float" } } },
  visibleCases: (): Case<Args>[] => [
    { name: "worked example: masking, one sample", args: [[[1, 0.5]], [[1, 1]], [0], [[1], [-1]], [0, 0], { kind: "masking", U: [[0.1, 0.8]], level: 0.3 }] },
    { name: "Gaussian noise, two samples", args: [[[1, 0], [0, 1]], [[1, -1]], [0.5], [[0.5], [-0.5]], [0, 0.1], { kind: "gaussian", eps: [[0.1, -0.2], [0.05, 0.3]] }] },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => [
    // Fixed: some entries masked (u < 0.3), some kept, all inputs nonzero: every wrong variant changes an output.
    { name: "masking, level 0.3", args: [[[0.2, 0.9, 0.5], [0.7, 0.1, 0.4]], ...P0, { kind: "masking", level: 0.3, U: [[0.05, 0.6, 0.25], [0.9, 0.12, 0.5]] }] },
    { name: "Gaussian noise", args: [[[0.2, 0.9, 0.5], [0.7, 0.1, 0.4]], ...P0, { kind: "gaussian", eps: [[0.3, -0.2, 0.1], [-0.4, 0.25, 0.05]] }] },
    randomMasking(rng, "single sample, masking", rng.uniformMat(1, 5), 3, 0.25),
    randomGaussian(rng, "single sample, Gaussian", rng.uniformMat(1, 4), 2),
    randomMasking(rng, "non-square: n = 6, m = 2", rng.binaryMat(4, 6), 2, 0.5),
    randomGaussian(rng, "non-square: n = 2, m = 5", rng.uniformMat(3, 2), 5),
    randomMasking(rng, "all-zero input", [[0, 0, 0], [0, 0, 0]], 3, 0.4),
    randomMasking(rng, "all-one input", [[1, 1, 1, 1], [1, 1, 1, 1]], 3, 0.4),
    randomMasking(rng, "level 0: nothing masked", rng.uniformMat(2, 4), 3, 0),
    randomMasking(rng, "level 1: everything masked", rng.uniformMat(2, 4), 3, 1),
    // Masking is binary sampling: its uniforms stay well away from the level (never a near-threshold case).
    {
      name: "uniforms on both sides of the level",
      args: [rng.uniformMat(2, 4), ...params(rng, 4, 3), { kind: "masking", level: 0.5, U: [[0.45, 0.55, 0.48, 0.52], [0.58, 0.42, 0.53, 0.47]] }],
    },
    randomMasking(rng, "large weights (saturating units)", rng.uniformMat(3, 4), 3, 0.3, 12),
    randomGaussian(rng, "random, Gaussian", rng.uniformMat(rng.intRange(2, 5), 5), rng.intRange(1, 5), 0.5),
  ],
  misconceptions: daeMisconceptions,
  helpers: ["lab"],
});
