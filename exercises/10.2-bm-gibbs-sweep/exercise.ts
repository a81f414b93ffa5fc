import { LINEAR_ALGEBRA, defineExercise, type Case } from "../../grader/spec";
import { gibbsSweep, unitProbability } from "../../reference/boltzmann";
import { hopfieldInput, randomSymmetricWeights } from "../../reference/hopfield";
import { boltzmannEquivalentMutants, gibbsSweepMisconceptions } from "../../reference/misconceptions/boltzmann";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import type { Mat, Vec } from "../../reference/numerics";
import { type Rng, uniformAwayFrom } from "../../reference/random";

type Args = [W: Mat, b: Vec, x: Vec, order: number[], uniforms: Vec, T: number];

/**
 * A case whose uniforms follow the reference chain: each uniform is drawn at least 1e-6 away from the
 * probability it is compared with (DOMAIN.md "Binary states"), so round-off can never flip a unit.
 */
function chainCase(rng: Rng, W: Mat, b: Vec, x: Vec, order: number[], T: number): Args {
  const s = x.slice();
  const uniforms = order.map((i) => {
    const p = unitProbability(hopfieldInput(W, b, s, i), T);
    const r = uniformAwayFrom(rng, p);
    s[i] = r < p ? 1 : 0;
    return r;
  });
  return [W, b, x, order, uniforms, T];
}

export default defineExercise({
  title: { en: "Gibbs sweep of a Boltzmann machine", zh: "玻尔兹曼机的 Gibbs 采样扫描" },
  points: 10,
  entry: "gibbsSweep",
  doc: `
    One Gibbs sweep at temperature T: for the t-th visit, i = order[t], p = σ(u_i / T) with u_i = Σ_j w_ij x_j − b_i
    from the LATEST state, then x_i ← 1 if uniforms[t] < p, else 0. Returns the new state.
  `,
  reference: gibbsSweep,
  output: { kind: "exact" },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "two units, second sees the first", zh: "两个单元，第二个用到第一个的新状态" },
      args: [
        [
          [0, 4],
          [4, 0],
        ],
        [2, 2],
        [0, 0],
        [0, 1],
        [0.1, 0.5],
        1,
      ],
    },
    {
      name: { en: "two units at T = 2", zh: "两个单元，T = 2" },
      args: [
        [
          [0, 4],
          [4, 0],
        ],
        [2, 2],
        [1, 0],
        [0, 1],
        [0.5, 0.5],
        2,
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      // A chain of units switched on from one end (w = 4, b = 2, every uniform 0.5): from the latest state each unit
      // sees p = σ(2) and turns on; from the old state all but one see σ(−2) and stay off.
      {
        name: { en: "a chain that switches on unit by unit", zh: "逐个被点亮的链" },
        args: [
          Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => (Math.abs(i - j) === 1 ? 4 : 0))),
          new Array<number>(8).fill(2),
          [1, 0, 0, 0, 0, 0, 0, 0],
          [1, 2, 3, 4, 5, 6, 7, 0],
          new Array<number>(8).fill(0.5),
          1,
        ],
      },
      // Fixed cases (uniforms chosen by hand, all far from their probabilities), one per known mistake.
      // p_0 = σ(−2) ≈ 0.119 > 0.1 → on; then p_1 = σ(4 − 2) ≈ 0.881 > 0.5 → on (from the old state it would be σ(−2)).
      {
        name: { en: "latest state matters", zh: "须使用最新状态" },
        args: [
          [
            [0, 4],
            [4, 0],
          ],
          [2, 2],
          [0, 0],
          [0, 1],
          [0.1, 0.5],
          1,
        ],
      },
      // p_0 = σ(−1) ≈ 0.269 ≤ 0.5 → the unit that was on becomes 0; p_1 = σ(−1) → 0.
      {
        name: { en: "a unit that was on is resampled to 0", zh: "原为 1 的单元重新采样为 0" },
        args: [
          [
            [0, 4],
            [4, 0],
          ],
          [2, 2],
          [1, 0],
          [0, 1],
          [0.5, 0.5],
          2,
        ],
      },
      // T = 4: p_0 = σ(2/4) ≈ 0.622 ≤ 0.8 → 0; p_1 = σ(0) = 0.5 > 0.3 → 1.
      {
        name: { en: "temperature 4", zh: "温度为 4" },
        args: [
          [
            [0, 1],
            [1, 0],
          ],
          [-2, 0],
          [0, 0],
          [0, 1],
          [0.8, 0.3],
          4,
        ],
      },
      // p = σ(−1) ≈ 0.269 ≤ 0.5 → 0.
      {
        name: { en: "single unit with a positive threshold", zh: "单个单元，阈值为正" },
        args: [[[0]], [1], [0], [0], [0.5], 1],
      },
    ];
    const n0 = rng.intRange(4, 8);
    cases.push({
      name: { en: "all-zero start", zh: "从全零状态开始" },
      args: chainCase(
        rng,
        randomSymmetricWeights(rng, n0),
        rng.gaussianVec(n0),
        new Array<number>(n0).fill(0),
        rng.permutation(n0),
        1,
      ),
    });
    const n1 = rng.intRange(4, 8);
    cases.push({
      name: { en: "all-one start", zh: "从全一状态开始" },
      args: chainCase(
        rng,
        randomSymmetricWeights(rng, n1),
        rng.gaussianVec(n1),
        new Array<number>(n1).fill(1),
        rng.permutation(n1),
        1.5,
      ),
    });
    const n2 = 6;
    cases.push({
      name: { en: "low temperature: saturated probabilities", zh: "低温：概率饱和" },
      args: chainCase(
        rng,
        randomSymmetricWeights(rng, n2, 5),
        rng.gaussianVec(n2, 5),
        rng.binaryVec(n2),
        rng.permutation(n2),
        0.01,
      ),
    });
    const n3 = 5;
    cases.push({
      name: { en: "high temperature", zh: "高温" },
      args: chainCase(
        rng,
        randomSymmetricWeights(rng, n3),
        rng.gaussianVec(n3),
        rng.binaryVec(n3),
        rng.permutation(n3),
        50,
      ),
    });
    const n4 = 5;
    const longOrder = [...rng.permutation(n4), ...rng.permutation(n4), ...rng.permutation(n4)];
    cases.push({
      name: { en: "three sweeps' worth of visits", zh: "访问次数相当于三次扫描" },
      args: chainCase(rng, randomSymmetricWeights(rng, n4, 2), rng.gaussianVec(n4), rng.binaryVec(n4), longOrder, 1),
    });
    for (let k = 0; k < 4; k++) {
      const n = rng.intRange(3, 12);
      const T = rng.pick([0.5, 1, 2, rng.range(0.3, 3)]);
      cases.push({
        name: { en: `random network ${k + 1} (n = ${n})`, zh: `随机网络 ${k + 1}（n = ${n}）` },
        args: chainCase(
          rng,
          randomSymmetricWeights(rng, n, 1.5),
          rng.gaussianVec(n),
          rng.binaryVec(n),
          rng.permutation(n),
          T,
        ),
      });
    }
    return cases;
  },
  misconceptions: gibbsSweepMisconceptions,
  equivalentMutants: [...boltzmannEquivalentMutants.gibbsTie, ...numericsEquivalentMutants.sigmoidBranch],
  helpers: [...LINEAR_ALGEBRA, "sigmoid"],
});
