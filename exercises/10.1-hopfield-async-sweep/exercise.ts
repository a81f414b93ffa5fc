import { LINEAR_ALGEBRA, defineExercise, type Case } from "../../grader/spec";
import {
  hebbianWeights,
  hopfieldAsyncSweep,
  randomSymmetricIntWeights,
  randomSymmetricWeights,
} from "../../reference/hopfield";
import { hopfieldAsyncSweepMisconceptions } from "../../reference/misconceptions/hopfield";
import type { Mat, Vec } from "../../reference/numerics";
import type { Rng } from "../../reference/random";

type Args = [W: Mat, b: Vec, x: Vec, order: number[]];

const zerosMat = (n: number): Mat => Array.from({ length: n }, () => new Array<number>(n).fill(0));
/** Units 0 … n−1 in a line, neighbours joined by weight 1. */
const chain = (n: number): Mat =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (Math.abs(i - j) === 1 ? 1 : 0)));

/** Random integer thresholds in {−1, 0, 1}: with integer weights, inputs u_i = 0 happen often. */
const intThresholds = (rng: Rng, n: number): Vec => Array.from({ length: n }, () => rng.intRange(-1, 1));

export default defineExercise({
  title: { en: "Asynchronous update sweep", zh: "异步更新扫描" },
  points: 10,
  entry: "asyncSweep",
  doc: `
    One asynchronous sweep: for each i in order (in sequence), u_i = Σ_j w_ij x_j − b_i from the LATEST state,
    then x_i ← 1 if u_i > 0, 0 if u_i < 0, unchanged if u_i = 0. Returns the new state.
  `,
  reference: hopfieldAsyncSweep,
  output: { kind: "exact" },
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
      ],
    },
    {
      name: { en: "input exactly zero keeps the state", zh: "输入恰为 0 时保持原状态" },
      args: [
        [
          [0, 2],
          [2, 0],
        ],
        [2, 2],
        [1, 1],
        [0, 1],
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      // Fixed cases, one per known mistake: ties with x_i = 0 and x_i = 1, latest vs old state, threshold sign, visiting order.
      {
        name: { en: "tie on a unit that is off", zh: "输入恰为 0，单元原为 0" },
        args: [
          [
            [0, 2],
            [2, 0],
          ],
          [2, 2],
          [0, 1],
          [0, 1],
        ],
      },
      {
        name: { en: "ties on units that are on", zh: "输入恰为 0，单元原为 1" },
        args: [
          [
            [0, 2, 0],
            [2, 0, 1],
            [0, 1, 0],
          ],
          [2, 3, 1],
          [1, 1, 1],
          [2, 1, 0],
        ],
      },
      {
        name: { en: "competing units, reversed order", zh: "相互竞争的单元，逆序更新" },
        args: [
          [
            [0, -1],
            [-1, 0],
          ],
          [-0.5, -0.5],
          [0, 0],
          [1, 0],
        ],
      },
      { name: { en: "single unit", zh: "单个单元" }, args: [[[0]], [-1], [0], [0]] },
      // Enough differing states that a hint cannot match by chance (grader/feedback.ts MIN_EXACT_EVIDENCE):
      // every input is 0, so each tie rule changes four units.
      {
        name: { en: "no connections: every input is zero", zh: "没有连接：所有输入都为 0" },
        args: [zerosMat(8), new Array<number>(8).fill(0), [0, 1, 0, 1, 0, 1, 0, 1], [7, 6, 5, 4, 3, 2, 1, 0]],
      },
      // A chain switched on from one end: each unit turns on only after its neighbour did, in this sweep.
      {
        name: { en: "a chain that switches on unit by unit", zh: "逐个被点亮的链" },
        args: [chain(8), new Array<number>(8).fill(0.5), [1, 0, 0, 0, 0, 0, 0, 0], [1, 2, 3, 4, 5, 6, 7, 0]],
      },
    ];
    const n0 = rng.intRange(5, 9);
    cases.push({
      name: { en: "all-zero state", zh: "全零状态" },
      args: [
        randomSymmetricIntWeights(rng, n0),
        intThresholds(rng, n0),
        new Array<number>(n0).fill(0),
        rng.permutation(n0),
      ],
    });
    const n1 = rng.intRange(5, 9);
    cases.push({
      name: { en: "all-one state", zh: "全一状态" },
      args: [
        randomSymmetricIntWeights(rng, n1),
        intThresholds(rng, n1),
        new Array<number>(n1).fill(1),
        rng.permutation(n1),
      ],
    });
    const n2 = 6;
    cases.push({
      name: { en: "order visits some units twice and skips others", zh: "更新顺序中部分单元重复、部分被跳过" },
      args: [randomSymmetricIntWeights(rng, n2), intThresholds(rng, n2), rng.binaryVec(n2), [3, 1, 3, 0, 5, 1, 0]],
    });
    const X = rng.binaryMat(3, 16);
    const probe = X[0].map((v, i) => (i < 4 ? 1 - v : v));
    cases.push({
      name: { en: "Hebbian network, noisy probe", zh: "Hebb 规则网络，含噪声的输入模式" },
      args: [hebbianWeights(X), new Array<number>(16).fill(0), probe, rng.permutation(16)],
    });
    for (let k = 0; k < 4; k++) {
      const n = rng.intRange(4, 14);
      const ints = k % 2 === 0;
      cases.push({
        name: {
          en: `random network ${k + 1} (n = ${n}${ints ? ", integer weights" : ""})`,
          zh: `随机网络 ${k + 1}（n = ${n}${ints ? "，整数权重" : ""}）`,
        },
        args: [
          ints ? randomSymmetricIntWeights(rng, n) : randomSymmetricWeights(rng, n),
          ints ? intThresholds(rng, n) : rng.gaussianVec(n),
          rng.binaryVec(n),
          rng.permutation(n),
        ],
      });
    }
    return cases;
  },
  misconceptions: hopfieldAsyncSweepMisconceptions,
  helpers: [...LINEAR_ALGEBRA],
});
