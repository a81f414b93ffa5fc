import { defineExercise, type Case } from "../../grader/spec";
import { sparseKlMisconceptions } from "../../reference/misconceptions/sparse";
import type { Mat, Vec } from "../../reference/numerics";
import type { Rng } from "../../reference/random";
import { sparseKl } from "../../reference/sparse";

type Args = [A: Mat, rho: number, beta: number];
type Out = { rhoHat: Vec; penalty: number; dPenalty: Vec };

/** Activations strictly inside (0,1). */
function acts(rng: Rng, N: number, m: number, lo = 0.01, hi = 0.99): Mat {
  return Array.from({ length: N }, () => Array.from({ length: m }, () => rng.range(lo, hi)));
}

export default defineExercise<Args, Out>({
  slug: "sparse-kl",
  section: "10.7",
  title: { en: "KL sparsity penalty and its derivative", zh: "稀疏性 KL 惩罚项及其导数" },
  points: 10,
  entry: "sparseKl",
  declaration: `type Mat = number[][];
type Vec = number[];
/**
 * A: N × m hidden activations in (0,1). ρ̂_j = (1/N) Σ_n A_nj; penalty = β Σ_j KL(ρ||ρ̂_j),
 * KL(ρ||ρ̂) = ρ log(ρ/ρ̂) + (1−ρ) log((1−ρ)/(1−ρ̂)); dPenalty_j = ∂penalty/∂ρ̂_j.
 */
export declare function sparseKl(A: Mat, rho: number, beta: number): { rhoHat: Vec; penalty: number; dPenalty: Vec };`,
  reference: sparseKl,
  output: { kind: "record", fields: { rhoHat: { kind: "float" }, penalty: { kind: "float" }, dPenalty: { kind: "float" } } },
  visibleCases: (): Case<Args>[] => [
    { name: "worked example: two samples, one unit", args: [[[0.1], [0.3]], 0.1, 3] },
    { name: "three samples, two units", args: [[[0.5, 0.05], [0.3, 0.1], [0.1, 0.15]], 0.05, 1] },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => [
    // Fixed: N = 2, unequal activations, ρ ≠ 0.5, β ≠ 1: every wrong variant changes an output.
    { name: "two samples, two units", args: [[[0.1, 0.6], [0.3, 0.2]], 0.05, 3] },
    { name: "single sample", args: [acts(rng, 1, 4), 0.1, 2] },
    { name: "ρ̂ equal to ρ (zero penalty)", args: [[[0.05, 0.05]], 0.05, 3] },
    { name: "nearly silent units (ρ̂ ≈ 1e-4)", args: [acts(rng, 3, 3, 5e-5, 2e-4), 0.05, 3] },
    { name: "nearly saturated units (ρ̂ ≈ 0.9999)", args: [acts(rng, 3, 3, 0.9998, 0.99995), 0.05, 3] },
    { name: "many samples, one unit", args: [acts(rng, 12, 1), 0.2, 0.5] },
    { name: "one sample, many units", args: [acts(rng, 1, 10), 0.01, 5] },
    { name: "β = 0", args: [acts(rng, 3, 3), 0.1, 0] },
    { name: "ρ close to ρ̂ (near the minimum)", args: [[[0.1000001, 0.2], [0.1, 0.2000002]], 0.1, 3] },
    { name: "random 1", args: [acts(rng, rng.intRange(2, 6), rng.intRange(2, 6)), rng.range(0.01, 0.3), rng.range(0.5, 5)] },
    { name: "random 2", args: [acts(rng, rng.intRange(2, 6), rng.intRange(2, 6)), rng.range(0.01, 0.3), rng.range(0.5, 5)] },
  ],
  misconceptions: sparseKlMisconceptions,
  helpers: ["lab"],
});
