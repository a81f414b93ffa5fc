import { LINEAR_ALGEBRA, defineExercise, type Case } from "../../grader/spec";
import {
  hebbianWeights,
  hopfieldEnergy,
  randomSymmetricIntWeights,
  randomSymmetricWeights,
} from "../../reference/hopfield";
import { hopfieldEnergyMisconceptions, hopfieldEquivalentMutants } from "../../reference/misconceptions/hopfield";
import type { Rng } from "../../reference/random";

type Args = Parameters<typeof hopfieldEnergy>;

export default defineExercise({
  title: { en: "Energy of a Hopfield network", zh: "Hopfield 网络的能量函数" },
  points: 10,
  entry: "hopfieldEnergy",
  doc: "E(x) = −½ Σ_i Σ_j w_ij x_i x_j + Σ_i b_i x_i. W: n × n symmetric, zero diagonal; b: thresholds (n); x ∈ {0,1}^n.",
  reference: hopfieldEnergy,
  output: { kind: "float" },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "two units, both on", zh: "两个单元，均取 1" },
      args: [
        [
          [0, 2],
          [2, 0],
        ],
        [1, -1],
        [1, 1],
      ],
    },
    {
      name: { en: "three units, one off", zh: "三个单元，一个取 0" },
      args: [
        [
          [0, 1, -1],
          [1, 0, 2],
          [-1, 2, 0],
        ],
        [0.5, 0, -1],
        [1, 0, 1],
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      // Fixed: quadratic term 4 and threshold term 1.5 are both nonzero, so every known mistake changes E.
      {
        name: { en: "all units on, integer weights", zh: "所有单元取 1，整数权重" },
        args: [
          [
            [0, 1, -2],
            [1, 0, 3],
            [-2, 3, 0],
          ],
          [0.5, -1, 2],
          [1, 1, 1],
        ],
      },
      { name: { en: "single unit", zh: "单个单元" }, args: [[[0]], [0.7], [1]] },
    ];
    const n0 = rng.intRange(4, 8);
    cases.push({
      name: { en: "all-zero state", zh: "全零状态" },
      args: [randomSymmetricWeights(rng, n0), rng.gaussianVec(n0), new Array<number>(n0).fill(0)],
    });
    const n1 = rng.intRange(4, 8);
    cases.push({
      name: { en: "all-one state", zh: "全一状态" },
      args: [randomSymmetricWeights(rng, n1), rng.gaussianVec(n1), new Array<number>(n1).fill(1)],
    });
    const X = rng.binaryMat(3, 10);
    cases.push({
      name: { en: "Hebbian weights, stored pattern", zh: "Hebb 规则权重，已存储的模式" },
      args: [hebbianWeights(X), new Array<number>(10).fill(0), X[0].slice()],
    });
    cases.push({
      name: { en: "large weights", zh: "大权重" },
      args: [randomSymmetricWeights(rng, 6, 1e4), rng.gaussianVec(6, 1e4), rng.binaryVec(6)],
    });
    for (let k = 0; k < 6; k++) {
      const n = rng.intRange(3, 12);
      const W = k % 2 ? randomSymmetricIntWeights(rng, n, 3) : randomSymmetricWeights(rng, n);
      const x = rng.binaryVec(n);
      x[rng.int(n)] = 1;
      cases.push({
        name: { en: `random network ${k + 1} (n = ${n})`, zh: `随机网络 ${k + 1}（n = ${n}）` },
        args: [W, rng.gaussianVec(n), x],
      });
    }
    return cases;
  },
  misconceptions: hopfieldEnergyMisconceptions,
  equivalentMutants: [
    ...hopfieldEquivalentMutants.energyVisitsZeroRows,
    ...hopfieldEquivalentMutants.energyDividesByState,
  ],
  helpers: [...LINEAR_ALGEBRA],
});
