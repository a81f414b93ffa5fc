import { LINEAR_ALGEBRA, defineExercise, type Case } from "../../grader/spec";
import { dbmEnergy } from "../../reference/dbm";
import { dbmEnergyMisconceptions } from "../../reference/misconceptions/dbm";
import type { Mat, Vec } from "../../reference/numerics";
import type { Rng } from "../../reference/random";

type Args = Parameters<typeof dbmEnergy>;

/** A random DBM nv – n1 – n2 with a batch of B binary configurations (v, h1, h2). */
function randomCase(rng: Rng, B: number, nv: number, n1: number, n2: number, std = 1): Args {
  return [
    rng.binaryMat(B, nv),
    rng.binaryMat(B, n1),
    rng.binaryMat(B, n2),
    rng.gaussianMat(nv, n1, std),
    rng.gaussianMat(n1, n2, std),
    rng.gaussianVec(nv, std),
    rng.gaussianVec(n1, std),
    rng.gaussianVec(n2, std),
  ];
}

export default defineExercise({
  title: { en: "Energy of a deep Boltzmann machine", zh: "深度玻尔兹曼机的能量函数" },
  points: 10,
  entry: "dbmEnergy",
  doc: `
    E(v, h1, h2) = −vᵀW1h1 − h1ᵀW2h2 − aᵀv − b1ᵀh1 − b2ᵀh2 for each row of the batch.
    V: B × nv, H1: B × n1, H2: B × n2, W1: nv × n1, W2: n1 × n2, a: nv, b1: n1, b2: n2 (biases). Returns B energies.
  `,
  reference: dbmEnergy,
  output: { kind: "float" },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "one configuration, one unit on top", zh: "一个状态配置，顶层一个单元" },
      args: [[[1, 0]], [[1]], [[1]], [[2], [3]], [[-1]], [0.5, 7], [1], [4]],
    },
    {
      name: { en: "two configurations", zh: "两个状态配置" },
      args: [
        [
          [1, 1],
          [0, 1],
        ],
        [
          [1, 0],
          [1, 1],
        ],
        [[0], [1]],
        [
          [1, -1],
          [0.5, 2],
        ],
        [[1], [-2]],
        [0, 1],
        [0.5, -0.5],
        [1],
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      // Fixed: square, non-symmetric W1 and v ≠ h1, every term nonzero, so each known mistake changes E.
      {
        name: { en: "square W1, every term active", zh: "W1 为方阵，各项均非零" },
        args: [
          [[1, 1, 0]],
          [[0, 1, 1]],
          [[1, 1]],
          [
            [1, 2, -1],
            [0.5, -1, 3],
            [2, 0, 1],
          ],
          [
            [1, -2],
            [0.5, 1],
            [2, 1.5],
          ],
          [0.3, -0.7, 1],
          [0.2, 0.4, -0.6],
          [-1, 0.8],
        ],
      },
      {
        name: { en: "one unit per layer", zh: "每层一个单元" },
        args: [[[1]], [[1]], [[1]], [[1.5]], [[-2]], [0.25], [-0.5], [0.75]],
      },
    ];
    cases.push({
      name: { en: "single configuration, non-square layers", zh: "单个状态配置，各层大小不同" },
      args: randomCase(rng, 1, 6, 3, 2),
    });
    const zeros = randomCase(rng, 2, 4, 3, 2);
    for (const k of [0, 1, 2]) zeros[k] = (zeros[k] as Mat).map((r) => r.map(() => 0));
    cases.push({ name: { en: "all units off", zh: "所有单元取 0" }, args: zeros });
    const ones = randomCase(rng, 2, 3, 4, 3);
    for (const k of [0, 1, 2]) ones[k] = (ones[k] as Mat).map((r) => r.map(() => 1));
    cases.push({ name: { en: "all units on", zh: "所有单元取 1" }, args: ones });
    cases.push({ name: { en: "large weights", zh: "大权重" }, args: randomCase(rng, 3, 5, 4, 3, 1e3) });
    cases.push({ name: { en: "batch of eight", zh: "批次大小为 8" }, args: randomCase(rng, 8, 5, 4, 3) });
    for (let k = 0; k < 4; k++) {
      cases.push({
        name: { en: `random DBM ${k + 1}`, zh: `随机 DBM ${k + 1}` },
        args: randomCase(rng, rng.intRange(1, 4), rng.intRange(2, 8), rng.intRange(2, 6), rng.intRange(1, 5)),
      });
    }
    return cases;
  },
  misconceptions: dbmEnergyMisconceptions,
  helpers: [...LINEAR_ALGEBRA],
});
