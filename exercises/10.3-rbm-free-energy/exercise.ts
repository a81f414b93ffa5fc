import { defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { freeEnergyBatchMisconceptions, rbmEquivalentMutants } from "../../reference/misconceptions/rbm";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import { Rng } from "../../reference/random";
import { freeEnergyBatch, randomRbm } from "../../reference/rbm";

type Args = Parameters<typeof freeEnergyBatch>;

function random(rng: Rng, name: Bilingual, B: number, nv: number, nh: number, std = 1): Case<Args> {
  const { W, a, b } = randomRbm(rng, nv, nh, std);
  return { name, args: [rng.binaryMat(B, nv), W, a, b] };
}

export default defineExercise({
  title: { en: "Free energy of an RBM, computed stably", zh: "受限玻尔兹曼机的自由能（数值稳定）" },
  points: 10,
  entry: "freeEnergy",
  doc: "F(v) = −aᵀv − Σ_j softplus(b_j + (vᵀW)_j) for every row of V (B × n_v); W n_v × n_h, a (n_v), b (n_h). Returns length B.",
  reference: freeEnergyBatch,
  output: { kind: "float" },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "n_v = 2, n_h = 1", zh: "n_v = 2, n_h = 1" },
      args: [
        [
          [1, 0],
          [1, 1],
        ],
        [[1], [2]],
        [0.5, -1],
        [-0.5],
      ],
    },
    {
      name: { en: "zero weights", zh: "零权重" },
      args: [
        [[0, 1, 1]],
        [
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        [1, 2, 3],
        [0, 0],
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      // Weights ±400: a hidden input of +800 makes e^z overflow; F must stay finite.
      {
        name: { en: "saturating: hidden inputs up to 800", zh: "饱和：隐藏单元输入高达 800" },
        args: [
          [
            [1, 1, 0],
            [0, 1, 1],
          ],
          [
            [400, -400],
            [400, 300],
            [-400, 100],
          ],
          [0.5, -1, 2],
          [0.5, -0.25],
        ],
      },
      // v = (0..n)·100 with weights ±50 (DOMAIN.md stability case)
      {
        name: { en: "v = (0..n)·100, weights ±50", zh: "v = (0..n)·100，权重 ±50" },
        args: [
          [Array.from({ length: 6 }, (_, i) => 100 * i)],
          Array.from({ length: 6 }, (_, i) => [50, -50, i % 2 ? 50 : -50]),
          [1, -1, 0.5, 0, 2, -2],
          [0.5, -0.5, 0],
        ],
      },
      {
        name: { en: "hidden inputs near 0", zh: "隐藏单元输入接近 0" },
        args: [
          [[1, 0]],
          [
            [1e-9, -2e-9],
            [3, 1],
          ],
          [0.25, 0],
          [-1e-9, 0],
        ],
      },
    ];
    const fixed = new Rng("rbm-free-energy fixed");
    cases.push(random(fixed, { en: "single sample (B = 1)", zh: "单个样本（B = 1）" }, 1, 5, 3));
    cases.push(random(fixed, { en: "random 4 × 6", zh: "随机 4 × 6" }, 3, 4, 6));
    const m = randomRbm(rng, 5, 3);
    cases.push({ name: { en: "all-zero visible", zh: "可见层全零" }, args: [[[0, 0, 0, 0, 0]], m.W, m.a, m.b] });
    cases.push({ name: { en: "all-one visible", zh: "可见层全一" }, args: [[[1, 1, 1, 1, 1]], m.W, m.a, m.b] });
    cases.push(random(rng, { en: "large negative hidden inputs", zh: "隐藏单元输入为很大的负值" }, 2, 4, 3, 300));
    for (let k = 0; k < 4; k++) {
      const nv = rng.intRange(2, 9);
      const nh = rng.intRange(2, 9);
      cases.push(
        random(
          rng,
          { en: `random RBM ${k + 1} (n_v = ${nv}, n_h = ${nh})`, zh: `随机 RBM ${k + 1}（n_v = ${nv}, n_h = ${nh}）` },
          rng.intRange(1, 5),
          nv,
          nh,
        ),
      );
    }
    return cases;
  },
  misconceptions: freeEnergyBatchMisconceptions,
  equivalentMutants: [
    ...rbmEquivalentMutants.paramsGuard,
    ...rbmEquivalentMutants.paramsShapeUnused,
    ...numericsEquivalentMutants.vecmatSkipsZeros,
  ],
});
