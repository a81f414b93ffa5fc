import { LINEAR_ALGEBRA, defineExercise, type Case } from "../../grader/spec";
import { hebbianWeights, hopfieldRecall, randomSymmetricIntWeights } from "../../reference/hopfield";
import { hopfieldEquivalentMutants, hopfieldRecallMisconceptions } from "../../reference/misconceptions/hopfield";
import type { Mat, Vec } from "../../reference/numerics";
import type { Rng } from "../../reference/random";

type Args = [W: Mat, b: Vec, x0: Vec, order: number[], maxSweeps: number];

/** A chain 0–1–…–(n−1) with w_{i,i+1} = 1 and thresholds 0.5: a 1 at unit 0 spreads one unit per sweep when visited backwards. */
function chain(n: number): [Mat, Vec] {
  const W = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (Math.abs(i - j) === 1 ? 1 : 0)));
  return [W, new Array<number>(n).fill(0.5)];
}

/** Flip `k` distinct random bits of x. */
function noisy(rng: Rng, x: Vec, k: number): Vec {
  const y = x.slice();
  for (const i of rng.permutation(x.length).slice(0, k)) y[i] = 1 - y[i];
  return y;
}

export default defineExercise({
  title: { en: "Recall to a fixed point", zh: "联想回忆：迭代到稳定状态" },
  points: 10,
  entry: "recall",
  doc: `
    Repeat asynchronous sweeps in \`order\` from x0 until a full sweep changes nothing or maxSweeps sweeps were done.
    sweeps = number of sweeps performed, including the final sweep that changed nothing.
  `,
  reference: hopfieldRecall,
  output: { kind: "record", fields: { state: { kind: "exact" }, sweeps: { kind: "exact" } } },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "two competing units", zh: "两个相互竞争的单元" },
      args: [
        [
          [0, -1],
          [-1, 0],
        ],
        [-0.5, -0.5],
        [0, 0],
        [0, 1],
        10,
      ],
    },
    {
      name: { en: "activity spreads along a chain", zh: "激活沿链式网络传播" },
      args: [...chain(4), [1, 0, 0, 0], [3, 2, 1, 0], 10],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      // Fixed cases, one per known mistake.
      {
        name: { en: "already a fixed point", zh: "初始即为稳定状态" },
        args: [
          [
            [0, 1],
            [1, 0],
          ],
          [0.5, 0.5],
          [1, 1],
          [0, 1],
          5,
        ],
      },
      {
        name: { en: "competing units from all-zero", zh: "相互竞争的单元，从全零状态出发" },
        args: [
          [
            [0, -1],
            [-1, 0],
          ],
          [-0.5, -0.5],
          [0, 0],
          [1, 0],
          6,
        ],
      },
      {
        name: { en: "input exactly zero", zh: "输入恰为 0" },
        args: [
          [
            [0, 2],
            [2, 0],
          ],
          [2, 2],
          [0, 1],
          [0, 1],
          5,
        ],
      },
      // A tie (u = 0) on a unit that is on: it must stay on (the case above ties only units that are off).
      {
        name: { en: "input exactly zero, units on", zh: "输入恰为 0，单元取 1" },
        args: [
          [
            [0, 2],
            [2, 0],
          ],
          [2, 2],
          [1, 1],
          [0, 1],
          5,
        ],
      },
      {
        name: { en: "sweep limit reached", zh: "达到扫描次数上限" },
        args: [...chain(5), [1, 0, 0, 0, 0], [4, 3, 2, 1, 0], 2],
      },
      {
        name: { en: "chain, limit of one sweep", zh: "链式网络，最多扫描一次" },
        args: [...chain(3), [1, 0, 0], [2, 1, 0], 1],
      },
      { name: { en: "single unit", zh: "单个单元" }, args: [[[0]], [-1], [0], [0], 3] },
    ];
    const n = 24;
    const X = rng.binaryMat(2, n);
    const W = hebbianWeights(X);
    cases.push({
      name: { en: "Hebbian network, stored pattern", zh: "Hebb 规则网络，已存储的模式" },
      args: [W, new Array<number>(n).fill(0), X[1].slice(), rng.permutation(n), 20],
    });
    cases.push({
      name: { en: "Hebbian network, noisy probe", zh: "Hebb 规则网络，含噪声的输入模式" },
      args: [W, new Array<number>(n).fill(0), noisy(rng, X[0], 3), rng.permutation(n), 20],
    });
    cases.push({
      name: { en: "Hebbian network, all-one probe", zh: "Hebb 规则网络，全一输入" },
      args: [W, new Array<number>(n).fill(0), new Array<number>(n).fill(1), rng.permutation(n), 20],
    });
    cases.push({
      name: { en: "Hebbian network, all-zero probe", zh: "Hebb 规则网络，全零输入" },
      args: [W, new Array<number>(n).fill(0), new Array<number>(n).fill(0), rng.permutation(n), 20],
    });
    for (let k = 0; k < 3; k++) {
      const m = rng.intRange(5, 12);
      const b = Array.from({ length: m }, () => rng.intRange(-1, 1));
      cases.push({
        name: { en: `random integer network ${k + 1} (n = ${m})`, zh: `随机整数权重网络 ${k + 1}（n = ${m}）` },
        args: [randomSymmetricIntWeights(rng, m), b, rng.binaryVec(m), rng.permutation(m), 30],
      });
    }
    return cases;
  },
  misconceptions: hopfieldRecallMisconceptions,
  equivalentMutants: [...hopfieldEquivalentMutants.recallSharesStart],
  helpers: [...LINEAR_ALGEBRA],
});
