import { LINEAR_ALGEBRA, defineExercise, type Case } from "../../grader/spec";
import { dbmMeanField } from "../../reference/dbm";
import { dbmMeanFieldMisconceptions, dbmMeanFieldNaiveVariants } from "../../reference/misconceptions/dbm";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import type { Rng } from "../../reference/random";

type Options = { tol: number; maxIter: number };
type Args = Parameters<typeof dbmMeanField>;

/** A random DBM with layer sizes nv – n1 – n2 and a batch of B binary visible vectors. */
function randomDbm(rng: Rng, B: number, nv: number, n1: number, n2: number, std: number, options: Options): Args {
  return [
    rng.binaryMat(B, nv),
    rng.gaussianMat(nv, n1, std),
    rng.gaussianMat(n1, n2, std),
    rng.gaussianVec(n1, std),
    rng.gaussianVec(n2, std),
    options,
  ];
}

const W1fixed = [
  [1, -1],
  [0.5, 2],
  [-1, 0.5],
];
const W2fixed = [
  [1.5, -1],
  [0.5, 2],
]; // square and not symmetric
const b1fixed = [0.2, -0.3];
const b2fixed = [-0.5, 0.4];

export default defineExercise({
  title: { en: "Mean-field inference in a deep Boltzmann machine", zh: "深度玻尔兹曼机的平均场推断" },
  points: 10,
  entry: "meanField",
  doc: `
    Mean-field inference for a DBM v – h1 – h2 on a batch V (B × nv). Start μ1 = 0, μ2 = 0. Iteration t = 1, 2, …:
      μ1 ← σ(V W1 + μ2 W2ᵀ + b1)   (with the previous μ2), then
      μ2 ← σ(μ1 W2 + b2)           (with the new μ1);
    δ = largest |change| of any entry of μ1 or μ2 in this iteration. Stop when δ < tol or t = maxIter.
    W1: nv × n1, W2: n1 × n2, b1: n1, b2: n2 (biases). Returns μ1 (B × n1), μ2 (B × n2) and the iteration count t.
  `,
  reference: dbmMeanField,
  output: { kind: "record", fields: { mu1: { kind: "float" }, mu2: { kind: "float" }, iterations: { kind: "exact" } } },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "one unit per layer, one iteration", zh: "每层一个单元，迭代一次" },
      args: [[[1]], [[2]], [[1]], [-1], [0], { tol: 1e-12, maxIter: 1 }],
    },
    {
      name: { en: "one unit per layer, to convergence", zh: "每层一个单元，迭代至收敛" },
      args: [[[1]], [[2]], [[1]], [-1], [0], { tol: 1e-6, maxIter: 100 }],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      // Fixed cases: after one iteration the update order matters; at convergence the top-down term and W2's orientation do.
      {
        name: { en: "one iteration, two samples", zh: "迭代一次，两个样本" },
        args: [
          [
            [1, 0, 1],
            [0, 1, 1],
          ],
          W1fixed,
          W2fixed,
          b1fixed,
          b2fixed,
          { tol: 1e-12, maxIter: 1 },
        ],
      },
      {
        name: { en: "two iterations", zh: "迭代两次" },
        args: [[[1, 1, 0]], W1fixed, W2fixed, b1fixed, b2fixed, { tol: 1e-12, maxIter: 2 }],
      },
      {
        name: { en: "converged, single sample", zh: "迭代至收敛，单个样本" },
        args: [[[1, 0, 1]], W1fixed, W2fixed, b1fixed, b2fixed, { tol: 1e-10, maxIter: 500 }],
      },
      // μ1 settles (change < tol) one iteration before μ2 does: δ must cover both layers.
      {
        name: { en: "the top layer still moves after the first has settled", zh: "第一隐藏层已收敛而顶层仍在变化" },
        args: [[[1]], [[5]], [[10]], [0], [-10], { tol: 1e-8, maxIter: 500 }],
      },
      {
        name: { en: "tolerance 0 runs to maxIter", zh: "容差为 0，迭代到 maxIter" },
        args: [[[0, 1, 0]], W1fixed, W2fixed, b1fixed, b2fixed, { tol: 0, maxIter: 7 }],
      },
      // W2 = 0: both layers are fixed after one iteration, so δ_2 = 0 exactly, and 0 < tol = 0 is false.
      {
        name: { en: "exact fixed point, tolerance 0", zh: "精确不动点，容差为 0" },
        args: [
          [[1, 0]],
          [
            [1, -1],
            [2, 0.5],
          ],
          [[0], [0]],
          [0.1, -0.2],
          [0.3],
          { tol: 0, maxIter: 6 },
        ],
      },
      // Inputs of σ near ±1000: e^z overflows unless σ is evaluated in a stable form.
      {
        name: { en: "weights in the hundreds", zh: "权重达数百" },
        args: [[[1]], [[1000]], [[-900]], [0], [0], { tol: 1e-10, maxIter: 50 }],
      },
    ];
    cases.push({
      name: { en: "single-sample batch, non-square layers", zh: "单样本批次，各层大小不同" },
      args: randomDbm(rng, 1, 6, 4, 2, 1, { tol: 1e-8, maxIter: 200 }),
    });
    const zeroV = randomDbm(rng, 2, 5, 3, 3, 1, { tol: 1e-8, maxIter: 200 });
    zeroV[0] = zeroV[0].map((row) => row.map(() => 0));
    cases.push({ name: { en: "all-zero visible vectors", zh: "全零可见向量" }, args: zeroV });
    const oneV = randomDbm(rng, 2, 4, 5, 2, 1, { tol: 1e-8, maxIter: 200 });
    oneV[0] = oneV[0].map((row) => row.map(() => 1));
    cases.push({ name: { en: "all-one visible vectors", zh: "全一可见向量" }, args: oneV });
    cases.push({
      name: { en: "saturating inputs", zh: "输入饱和" },
      args: randomDbm(rng, 3, 5, 4, 3, 40, { tol: 1e-10, maxIter: 100 }),
    });
    cases.push({
      name: { en: "loose tolerance", zh: "宽松容差" },
      args: randomDbm(rng, 2, 4, 3, 2, 1, { tol: 1e-2, maxIter: 100 }),
    });
    for (let k = 0; k < 3; k++) {
      const [nv, n1, n2] = [rng.intRange(2, 8), rng.intRange(2, 6), rng.intRange(1, 5)];
      cases.push({
        name: { en: `random DBM ${k + 1} (${nv}–${n1}–${n2})`, zh: `随机 DBM ${k + 1}（${nv}–${n1}–${n2}）` },
        args: randomDbm(rng, rng.intRange(1, 4), nv, n1, n2, 0.8, { tol: 1e-9, maxIter: 300 }),
      });
    }
    return cases;
  },
  misconceptions: dbmMeanFieldMisconceptions,
  equivalentMutants: [
    ...numericsEquivalentMutants.zerosMatUnsized,
    ...numericsEquivalentMutants.matmulSkipsZeros,
    ...numericsEquivalentMutants.sigmoidBranch,
  ],
  naiveVariants: dbmMeanFieldNaiveVariants,
  helpers: [...LINEAR_ALGEBRA, "sigmoid", "sigmoidMat"],
});
