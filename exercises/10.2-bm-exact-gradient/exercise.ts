import { LINEAR_ALGEBRA, defineExercise, type Case } from "../../grader/spec";
import { bmExact } from "../../reference/boltzmann";
import { randomSymmetricWeights } from "../../reference/hopfield";
import {
  bmExactMisconceptions,
  bmExactNaiveVariants,
  boltzmannEquivalentMutants,
} from "../../reference/misconceptions/boltzmann";
import { hopfieldEquivalentMutants } from "../../reference/misconceptions/hopfield";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import { Rng } from "../../reference/random";

type Args = Parameters<typeof bmExact>;

export default defineExercise({
  title: {
    en: "Exact distribution and likelihood gradient of a small Boltzmann machine",
    zh: "小型玻尔兹曼机的精确分布与似然梯度",
  },
  points: 10,
  entry: "bmExact",
  doc: `
    For E(x) = −½ xᵀWx + bᵀx at T = 1 and K training vectors X (K × n), by enumerating all 2^n states (n ≤ 12):
    logZ = log Σ_x exp(−E(x));
    dW[i][j] = Σ_k x_i x_j − K·E_model[x_i x_j] for i ≠ j, dW[i][i] = 0;
    db[i] = −(Σ_k x_i − K·E_model[x_i]).
  `,
  reference: bmExact,
  output: { kind: "record", fields: { logZ: { kind: "float" }, dW: { kind: "float" }, db: { kind: "float" } } },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "two units, one training vector", zh: "两个单元，一个训练向量" },
      args: [
        [
          [0, 1],
          [1, 0],
        ],
        [0, 0],
        [[1, 1]],
      ],
    },
    {
      name: { en: "two units, three training vectors", zh: "两个单元，三个训练向量" },
      args: [
        [
          [0, -1],
          [-1, 0],
        ],
        [0.5, -0.5],
        [
          [1, 0],
          [0, 1],
          [1, 1],
        ],
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      // Fixed: nonzero weights and thresholds, K = 3 ≠ 1, so every known mistake changes logZ, dW or db.
      {
        name: { en: "three units, three vectors", zh: "三个单元，三个向量" },
        args: [
          [
            [0, 1, -0.5],
            [1, 0, 2],
            [-0.5, 2, 0],
          ],
          [0.3, -0.2, 0.1],
          [
            [1, 0, 1],
            [1, 1, 0],
            [0, 1, 1],
          ],
        ],
      },
      { name: { en: "single unit", zh: "单个单元" }, args: [[[0]], [0.7], [[1], [0], [1]]] },
    ];
    const n0 = rng.intRange(3, 5);
    cases.push({
      name: { en: "single training vector", zh: "单个训练向量" },
      args: [randomSymmetricWeights(rng, n0), rng.gaussianVec(n0), rng.binaryMat(1, n0)],
    });
    const n1 = rng.intRange(3, 5);
    cases.push({
      name: { en: "all-zero training vectors", zh: "全零训练向量" },
      args: [
        randomSymmetricWeights(rng, n1),
        rng.gaussianVec(n1),
        Array.from({ length: 2 }, () => new Array<number>(n1).fill(0)),
      ],
    });
    const n2 = rng.intRange(3, 5);
    cases.push({
      name: { en: "all-one training vectors", zh: "全一训练向量" },
      args: [
        randomSymmetricWeights(rng, n2),
        rng.gaussianVec(n2),
        Array.from({ length: 3 }, () => new Array<number>(n2).fill(1)),
      ],
    });
    const n3 = 5;
    cases.push({
      name: {
        en: "large weights: exp(−E) overflows without log-sum-exp",
        zh: "大权重：不用 log-sum-exp 时 exp(−E) 会溢出",
      },
      args: [randomSymmetricWeights(rng, n3, 300), rng.gaussianVec(n3, 300), rng.binaryMat(4, n3)],
    });
    // Biases of both signs in the hundreds: some state has −E above 1000 under either sign convention.
    cases.push({
      name: { en: "biases in the hundreds (−E past 1000)", zh: "偏置达数百（−E 超过 1000）" },
      args: [
        randomSymmetricWeights(new Rng("bm-exact-gradient hundreds"), 5),
        [400, -350, 380, -420, 390],
        [
          [1, 0, 1, 0, 1],
          [0, 1, 0, 1, 0],
          [1, 1, 0, 0, 1],
        ],
      ],
    });
    const n4 = 4;
    cases.push({
      name: { en: "zero weights and thresholds", zh: "权重与阈值均为零" },
      args: [randomSymmetricWeights(rng, n4, 0), new Array<number>(n4).fill(0), rng.binaryMat(5, n4)],
    });
    cases.push({
      name: { en: "more vectors than units", zh: "向量数多于单元数" },
      args: [randomSymmetricWeights(rng, 3), rng.gaussianVec(3), rng.binaryMat(9, 3)],
    });
    for (let k = 0; k < 4; k++) {
      const n = rng.intRange(2, 8);
      cases.push({
        name: { en: `random machine ${k + 1} (n = ${n})`, zh: `随机玻尔兹曼机 ${k + 1}（n = ${n}）` },
        args: [randomSymmetricWeights(rng, n, 0.8), rng.gaussianVec(n, 0.8), rng.binaryMat(rng.intRange(2, 6), n)],
      });
    }
    return cases;
  },
  misconceptions: bmExactMisconceptions,
  naiveVariants: bmExactNaiveVariants,
  equivalentMutants: [
    ...boltzmannEquivalentMutants.gradientExtraColumn,
    ...hopfieldEquivalentMutants.energyVisitsZeroRows,
    ...hopfieldEquivalentMutants.energyDividesByState,
    ...numericsEquivalentMutants.zerosMatUnsized,
    ...numericsEquivalentMutants.logsumexpEdges,
    ...numericsEquivalentMutants.allBinaryUnsized,
  ],
  helpers: [...LINEAR_ALGEBRA, "allBinary", "logsumexp"],
});
