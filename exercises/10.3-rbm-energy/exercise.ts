import { LINEAR_ALGEBRA, defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { energyBatchMisconceptions, rbmEquivalentMutants } from "../../reference/misconceptions/rbm";
import type { Mat } from "../../reference/numerics";
import { Rng } from "../../reference/random";
import { energyBatch, randomRbm } from "../../reference/rbm";

type Args = Parameters<typeof energyBatch>;

const ones = (r: number, c: number): Mat => Array.from({ length: r }, () => new Array<number>(c).fill(1));
const zeros = (r: number, c: number): Mat => Array.from({ length: r }, () => new Array<number>(c).fill(0));

function random(rng: Rng, name: Bilingual, B: number, nv: number, nh: number, std = 1): Case<Args> {
  const { W, a, b } = randomRbm(rng, nv, nh, std);
  return { name, args: [rng.binaryMat(B, nv), rng.binaryMat(B, nh), W, a, b] };
}

export default defineExercise({
  title: { en: "Energy function of an RBM", zh: "受限玻尔兹曼机的能量函数" },
  points: 10,
  entry: "rbmEnergy",
  doc: "E(v,h) = −aᵀv − bᵀh − vᵀWh for every row: V B × n_v, H B × n_h, W n_v × n_h, a (n_v), b (n_h). Returns length B.",
  reference: energyBatch,
  output: { kind: "float" },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "n_v = 2, n_h = 1", zh: "n_v = 2, n_h = 1" },
      args: [
        [
          [1, 1],
          [1, 0],
        ],
        [[1], [0]],
        [[1], [2]],
        [0.5, -1],
        [-0.5],
      ],
    },
    {
      name: { en: "n_v = 3, n_h = 2", zh: "n_v = 3, n_h = 2" },
      args: [
        [[1, 0, 1]],
        [[0, 1]],
        [
          [1, -1],
          [2, 0],
          [0, 3],
        ],
        [0, 1, -1],
        [0.5, -2],
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    // Fixed cases: every term nonzero; a non-square W and a square, asymmetric W.
    const cases: Case<Args>[] = [
      {
        name: { en: "non-square, every term active", zh: "非方阵，各项均非零" },
        args: [
          [
            [1, 1, 1],
            [1, 0, 1],
          ],
          [
            [1, 1],
            [0, 1],
          ],
          [
            [1, -2],
            [3, 0.5],
            [-1, 2],
          ],
          [0.5, -1, 2],
          [1.5, -0.25],
        ],
      },
      {
        name: { en: "square, asymmetric W", zh: "方阵，W 非对称" },
        args: [
          [
            [1, 0],
            [0, 1],
          ],
          [
            [1, 1],
            [1, 0],
          ],
          [
            [1, 4],
            [-2, 3],
          ],
          [0.3, 0.7],
          [-1, 2],
        ],
      },
    ];
    const fixed = new Rng("rbm-energy fixed");
    cases.push(random(fixed, { en: "single sample (B = 1)", zh: "单个样本（B = 1）" }, 1, 5, 3));
    const m = randomRbm(rng, 4, 6);
    cases.push({ name: { en: "all-zero states", zh: "全零状态" }, args: [zeros(2, 4), zeros(2, 6), m.W, m.a, m.b] });
    cases.push({ name: { en: "all-one states", zh: "全一状态" }, args: [ones(2, 4), ones(2, 6), m.W, m.a, m.b] });
    cases.push(random(rng, { en: "large weights", zh: "大权重" }, 3, 6, 4, 1e3));
    cases.push(random(rng, { en: "n_h > n_v", zh: "隐藏单元多于可见单元（n_h > n_v）" }, 4, 2, 7));
    for (let k = 0; k < 5; k++) {
      const nv = rng.intRange(2, 9);
      const nh = rng.intRange(2, 9);
      cases.push(
        random(
          rng,
          { en: `random RBM ${k + 1} (n_v = ${nv}, n_h = ${nh})`, zh: `随机 RBM ${k + 1}（n_v = ${nv}, n_h = ${nh}）` },
          rng.intRange(2, 6),
          nv,
          nh,
        ),
      );
    }
    return cases;
  },
  misconceptions: energyBatchMisconceptions,
  equivalentMutants: [...rbmEquivalentMutants.paramsGuard, ...rbmEquivalentMutants.paramsShapeUnused],
  helpers: [...LINEAR_ALGEBRA],
});
