import { LINEAR_ALGEBRA, defineExercise, type Case } from "../../grader/spec";
import { sparseKlMisconceptions } from "../../reference/misconceptions/sparse";
import type { Mat } from "../../reference/numerics";
import type { Rng } from "../../reference/random";
import { sparseKl } from "../../reference/sparse";

type Args = Parameters<typeof sparseKl>;

/** Activations strictly inside (0,1). */
function acts(rng: Rng, N: number, m: number, lo = 0.01, hi = 0.99): Mat {
  return Array.from({ length: N }, () => Array.from({ length: m }, () => rng.range(lo, hi)));
}

export default defineExercise({
  title: { en: "KL sparsity penalty and its derivative", zh: "稀疏性 KL 惩罚项及其导数" },
  points: 10,
  entry: "sparseKl",
  doc: `
    A: N × m hidden activations in (0,1). ρ̂_j = (1/N) Σ_n A_nj; penalty = β Σ_j KL(ρ||ρ̂_j),
    KL(ρ||ρ̂) = ρ log(ρ/ρ̂) + (1−ρ) log((1−ρ)/(1−ρ̂)); dPenalty_j = ∂penalty/∂ρ̂_j.
  `,
  reference: sparseKl,
  output: {
    kind: "record",
    fields: { rhoHat: { kind: "float" }, penalty: { kind: "float" }, dPenalty: { kind: "float" } },
  },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "worked example: two samples, one unit", zh: "示例：两个样本，一个单元" },
      args: [[[0.1], [0.3]], 0.1, 3],
    },
    {
      name: { en: "three samples, two units", zh: "三个样本，两个单元" },
      args: [
        [
          [0.5, 0.05],
          [0.3, 0.1],
          [0.1, 0.15],
        ],
        0.05,
        1,
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => [
    // Fixed: N = 2, unequal activations, ρ ≠ 0.5, β ≠ 1: every wrong variant changes an output.
    {
      name: { en: "two samples, two units", zh: "两个样本，两个单元" },
      args: [
        [
          [0.1, 0.6],
          [0.3, 0.2],
        ],
        0.05,
        3,
      ],
    },
    { name: { en: "single sample", zh: "单个样本" }, args: [acts(rng, 1, 4), 0.1, 2] },
    { name: { en: "ρ̂ equal to ρ (zero penalty)", zh: "ρ̂ 等于 ρ（惩罚为零）" }, args: [[[0.05, 0.05]], 0.05, 3] },
    {
      name: { en: "nearly silent units (ρ̂ ≈ 1e-4)", zh: "单元几乎不激活（ρ̂ ≈ 1e-4）" },
      args: [acts(rng, 3, 3, 5e-5, 2e-4), 0.05, 3],
    },
    {
      name: { en: "nearly saturated units (ρ̂ ≈ 0.9999)", zh: "单元接近饱和（ρ̂ ≈ 0.9999）" },
      args: [acts(rng, 3, 3, 0.9998, 0.99995), 0.05, 3],
    },
    { name: { en: "many samples, one unit", zh: "多个样本，一个单元" }, args: [acts(rng, 12, 1), 0.2, 0.5] },
    { name: { en: "one sample, many units", zh: "一个样本，多个单元" }, args: [acts(rng, 1, 10), 0.01, 5] },
    { name: { en: "β = 0", zh: "β = 0" }, args: [acts(rng, 3, 3), 0.1, 0] },
    {
      name: { en: "ρ close to ρ̂ (near the minimum)", zh: "ρ 接近 ρ̂（接近极小值）" },
      args: [
        [
          [0.1000001, 0.2],
          [0.1, 0.2000002],
        ],
        0.1,
        3,
      ],
    },
    {
      name: { en: "random 1", zh: "随机情形 1" },
      args: [acts(rng, rng.intRange(2, 6), rng.intRange(2, 6)), rng.range(0.01, 0.3), rng.range(0.5, 5)],
    },
    {
      name: { en: "random 2", zh: "随机情形 2" },
      args: [acts(rng, rng.intRange(2, 6), rng.intRange(2, 6)), rng.range(0.01, 0.3), rng.range(0.5, 5)],
    },
  ],
  misconceptions: sparseKlMisconceptions,
  helpers: [...LINEAR_ALGEBRA],
});
