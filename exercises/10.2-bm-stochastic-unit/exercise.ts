import { LINEAR_ALGEBRA, defineExercise, type Case } from "../../grader/spec";
import { firingProbabilities } from "../../reference/boltzmann";
import { randomSymmetricWeights } from "../../reference/hopfield";
import {
  firingProbabilitiesMisconceptions,
  firingProbabilitiesNaiveVariants,
} from "../../reference/misconceptions/boltzmann";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import type { Rng } from "../../reference/random";

type Args = Parameters<typeof firingProbabilities>;

export default defineExercise({
  title: { en: "Stochastic unit at temperature T", zh: "温度 T 下的随机单元" },
  points: 10,
  entry: "firingProbabilities",
  doc: "p_i = p(x_i = 1 | u_i) = σ(u_i / T), u_i = Σ_j w_ij x_j − b_i, for every unit i of state x. Returns length n.",
  reference: firingProbabilities,
  output: { kind: "float" },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "two units at T = 2", zh: "两个单元，T = 2" },
      args: [
        [
          [0, 1],
          [1, 0],
        ],
        [0.5, -1],
        [1, 1],
        2,
      ],
    },
    {
      name: { en: "three units at T = 1", zh: "三个单元，T = 1" },
      args: [
        [
          [0, 2, -1],
          [2, 0, 0.5],
          [-1, 0.5, 0],
        ],
        [1, 0, -0.5],
        [1, 0, 1],
        1,
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      // T = 10⁻³: u / T = ±1000, where e^{u/T} overflows; the probabilities are 1, 0 and σ(0.5) (u = 5·10⁻⁴).
      {
        name: { en: "a very small temperature", zh: "极低温度" },
        args: [
          [
            [0, 1, 0],
            [1, 0, 0],
            [0, 0, 0],
          ],
          [0, 2, -0.0005],
          [1, 1, 0],
          1e-3,
        ],
      },
      // Fixed: T ≠ 1, nonzero inputs and thresholds, so every known mistake changes p.
      {
        name: { en: "two units at T = 0.5", zh: "两个单元，T = 0.5" },
        args: [
          [
            [0, 1],
            [1, 0],
          ],
          [0.5, -1],
          [1, 1],
          0.5,
        ],
      },
      { name: { en: "single unit", zh: "单个单元" }, args: [[[0]], [0.3], [1], 3] },
      {
        name: { en: "low temperature: saturated probabilities", zh: "低温：概率饱和" },
        args: [
          [
            [0, 5, -5],
            [5, 0, 1],
            [-5, 1, 0],
          ],
          [0, -1, 2],
          [1, 1, 1],
          0.01,
        ],
      },
      {
        name: { en: "very high temperature: p near one half", zh: "极高温：p 接近 1/2" },
        args: [
          [
            [0, 3],
            [3, 0],
          ],
          [1, -2],
          [1, 0],
          1000,
        ],
      },
      {
        name: { en: "inputs near zero", zh: "输入接近 0" },
        args: [
          [
            [0, 1e-9, -2e-9],
            [1e-9, 0, 3e-9],
            [-2e-9, 3e-9, 0],
          ],
          [1e-9, -1e-9, 0],
          [1, 1, 0],
          0.7,
        ],
      },
    ];
    const n0 = rng.intRange(4, 8);
    cases.push({
      name: { en: "all-zero state", zh: "全零状态" },
      args: [randomSymmetricWeights(rng, n0), rng.gaussianVec(n0), new Array<number>(n0).fill(0), rng.range(0.3, 4)],
    });
    const n1 = rng.intRange(4, 8);
    cases.push({
      name: { en: "all-one state", zh: "全一状态" },
      args: [randomSymmetricWeights(rng, n1), rng.gaussianVec(n1), new Array<number>(n1).fill(1), rng.range(0.3, 4)],
    });
    for (let k = 0; k < 5; k++) {
      const n = rng.intRange(3, 12);
      const T = rng.pick([0.25, 0.5, 2, 5, rng.range(0.2, 6)]);
      cases.push({
        name: { en: `random network ${k + 1} (n = ${n})`, zh: `随机网络 ${k + 1}（n = ${n}）` },
        args: [randomSymmetricWeights(rng, n, 2), rng.gaussianVec(n), rng.binaryVec(n), T],
      });
    }
    return cases;
  },
  misconceptions: firingProbabilitiesMisconceptions,
  equivalentMutants: [...numericsEquivalentMutants.sigmoidBranch],
  naiveVariants: firingProbabilitiesNaiveVariants,
  helpers: [...LINEAR_ALGEBRA, "sigmoid", "sigmoidVec"],
});
