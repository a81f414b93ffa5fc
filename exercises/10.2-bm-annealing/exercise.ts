import { LINEAR_ALGEBRA, defineExercise, type Case } from "../../grader/spec";
import { type AnnealSchedule, anneal, flipEnergyChange, geometricSchedule } from "../../reference/boltzmann";
import { randomSymmetricWeights } from "../../reference/hopfield";
import { annealMisconceptions, boltzmannEquivalentMutants } from "../../reference/misconceptions/boltzmann";
import { hopfieldEquivalentMutants } from "../../reference/misconceptions/hopfield";
import type { Mat, Vec } from "../../reference/numerics";
import { type Rng, uniformAwayFrom } from "../../reference/random";

type Args = [W: Mat, b: Vec, x0: Vec, schedule: AnnealSchedule, order: number[], uniforms: Vec];

/**
 * A case whose uniforms follow the reference run: for an uphill proposal (ΔE > 0) the uniform is drawn at
 * least 1e-6 away from exp(−ΔE/T), so round-off can never flip an acceptance (DOMAIN.md "Binary states").
 */
function chainCase(rng: Rng, W: Mat, b: Vec, x0: Vec, schedule: AnnealSchedule, order: number[]): Args {
  const x = x0.slice();
  const uniforms: Vec = [];
  for (const T of geometricSchedule(schedule.T0, schedule.alpha, schedule.steps)) {
    for (let s = 0; s < schedule.sweepsPerTemp; s++) {
      for (const i of order) {
        const dE = flipEnergyChange(W, b, x, i);
        const threshold = dE <= 0 ? 1 : Math.exp(-dE / T);
        const r = uniformAwayFrom(rng, threshold);
        uniforms.push(r);
        if (dE <= 0 || r < threshold) x[i] = 1 - x[i];
      }
    }
  }
  return [W, b, x0, schedule, order, uniforms];
}

function randomCase(rng: Rng, n: number, x0: Vec, schedule: AnnealSchedule): Args {
  return chainCase(rng, randomSymmetricWeights(rng, n), rng.gaussianVec(n), x0, schedule, rng.permutation(n));
}

export default defineExercise({
  title: { en: "Simulated annealing with Metropolis moves", zh: "模拟退火与 Metropolis 接受准则" },
  points: 10,
  entry: "anneal",
  doc: `
    For k = 0 … steps−1 at T_k = T0·alpha^k, do sweepsPerTemp sweeps over \`order\`; each visit proposes flipping x_i,
    ΔE = −u_i (1 − 2x_i), accepted iff ΔE ≤ 0 or r < exp(−ΔE / T_k), r = the next entry of \`uniforms\`.
    Returns the final state, its energy E(x) = −½ xᵀWx + bᵀx, and the number of accepted flips.
  `,
  reference: anneal,
  output: {
    kind: "record",
    fields: { state: { kind: "exact" }, energy: { kind: "float" }, accepted: { kind: "exact" } },
  },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "one unit, two temperatures", zh: "单个单元，两个温度" },
      args: [[[0]], [1], [0], { T0: 2, alpha: 0.5, steps: 2, sweepsPerTemp: 1 }, [0], [0.5, 0.9]],
    },
    {
      name: { en: "two coupled units", zh: "两个相互连接的单元" },
      args: [
        [
          [0, 1],
          [1, 0],
        ],
        [0, 0],
        [0, 0],
        { T0: 1, alpha: 0.5, steps: 2, sweepsPerTemp: 1 },
        [0, 1],
        [0.9, 0.9, 0.2, 0.1],
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      // Fixed cases. E(x) = x for one unit with threshold 1, so switching on is uphill (ΔE = +1).
      // T0 = 2: accept iff 0.5 < e^{−1/2} ≈ 0.607 (yes); then T = 1: switching off is downhill (always).
      {
        name: { en: "uphill move accepted at the first temperature", zh: "第一个温度下接受能量升高的变化" },
        args: [[[0]], [1], [0], { T0: 2, alpha: 0.5, steps: 2, sweepsPerTemp: 1 }, [0], [0.5, 0.9]],
      },
      // T0 = 1: accept iff 0.9 < e^{−1} ≈ 0.368 (no).
      {
        name: { en: "uphill move rejected", zh: "拒绝能量升高的变化" },
        args: [[[0]], [1], [0], { T0: 1, alpha: 0.5, steps: 1, sweepsPerTemp: 1 }, [0], [0.9]],
      },
      // Four free units with threshold 1: at T0 = 2 each uphill move is accepted (0.5 < e^{−1/2}), at T = 1 none
      // would be (0.5 > e^{−1}): a schedule that starts one step late ends in another state and energy.
      {
        name: { en: "four uphill moves at the first temperature", zh: "第一个温度下的四次能量升高的变化" },
        args: [
          Array.from({ length: 4 }, () => [0, 0, 0, 0]),
          [1, 1, 1, 1],
          [0, 0, 0, 0],
          { T0: 2, alpha: 0.5, steps: 1, sweepsPerTemp: 1 },
          [0, 1, 2, 3],
          [0.5, 0.5, 0.5, 0.5],
        ],
      },
    ];
    const sched = (): AnnealSchedule => ({
      T0: rng.range(1, 5),
      alpha: rng.range(0.6, 0.95),
      steps: rng.intRange(2, 6),
      sweepsPerTemp: rng.intRange(1, 3),
    });
    const n0 = rng.intRange(4, 7);
    cases.push({
      name: { en: "all-zero start", zh: "从全零状态开始" },
      args: randomCase(rng, n0, new Array<number>(n0).fill(0), sched()),
    });
    const n1 = rng.intRange(4, 7);
    cases.push({
      name: { en: "all-one start", zh: "从全一状态开始" },
      args: randomCase(rng, n1, new Array<number>(n1).fill(1), sched()),
    });
    const n2 = 5;
    cases.push({
      name: { en: "very cold schedule", zh: "极低温退火计划" },
      args: randomCase(rng, n2, rng.binaryVec(n2), { T0: 0.01, alpha: 0.5, steps: 3, sweepsPerTemp: 2 }),
    });
    const n3 = 5;
    cases.push({
      name: { en: "very hot schedule", zh: "极高温退火计划" },
      args: randomCase(rng, n3, rng.binaryVec(n3), { T0: 100, alpha: 0.9, steps: 3, sweepsPerTemp: 1 }),
    });
    const n4 = 6;
    cases.push({
      name: { en: "one temperature, many sweeps", zh: "单一温度，多次扫描" },
      args: randomCase(rng, n4, rng.binaryVec(n4), { T0: 1.5, alpha: 0.8, steps: 1, sweepsPerTemp: 6 }),
    });
    for (let k = 0; k < 4; k++) {
      const n = rng.intRange(3, 10);
      cases.push({
        name: { en: `random machine ${k + 1} (n = ${n})`, zh: `随机玻尔兹曼机 ${k + 1}（n = ${n}）` },
        args: randomCase(rng, n, rng.binaryVec(n), sched()),
      });
    }
    return cases;
  },
  misconceptions: annealMisconceptions,
  equivalentMutants: [
    ...boltzmannEquivalentMutants.flipSign,
    ...boltzmannEquivalentMutants.metropolis,
    ...hopfieldEquivalentMutants.energyVisitsZeroRows,
    ...hopfieldEquivalentMutants.energyDividesByState,
  ],
  helpers: [...LINEAR_ALGEBRA],
});
