/**
 * Wrong variants of the Boltzmann-machine reference (reference/boltzmann.ts), each with the
 * signature of the function it corrupts. Hints name the idea, never the answer.
 */

import {
  type AnnealResult,
  type AnnealSchedule,
  type BmExact,
  anneal,
  bmExact,
  firingProbabilities,
  flipEnergyChange,
  gibbsSweep,
} from "../boltzmann";
import { hopfieldEnergy, hopfieldInput } from "../hopfield";
import { type Mat, type Vec, allBinary, logsumexp, sigmoid, sum, zeros, zerosMat } from "../numerics";
import { literalSigmoid } from "./helpers";
import { misconceptionsOf, naiveVariantsOf, type EquivalentMutant } from "./types";

// ---------------------------------------------------------------- stochastic unit

const THRESHOLD_SIGN_HINT = {
  en: "a threshold entering the input u_i with the wrong sign.",
  zh: "阈值以错误的符号进入了输入 u_i。",
};
const tempHint = {
  en: "the temperature T entering the wrong way: a higher temperature must make a unit MORE random (p closer to ½).",
  zh: "温度系数的用法不对：T 越大，单元应当越随机（p 越接近 ½）。",
};

/** The prompt: "for very small T the argument can be huge: make sure your sigmoid returns 0 or 1 there". */
export const firingProbabilitiesNaiveVariants = naiveVariantsOf(firingProbabilities, "bm.unit", [
  {
    id: "literal-sigmoid",
    what: "σ(u/T) = e^{u/T} / (1 + e^{u/T}), NaN once u/T > 709",
    fn: (W, b, x, T) => x.map((_, i) => literalSigmoid(hopfieldInput(W, b, x, i) / T)),
  },
]);

export const firingProbabilitiesMisconceptions = misconceptionsOf(firingProbabilities, "bm.unit", [
  {
    id: "temperature-multiplied",
    hint: tempHint,
    fn: (W, b, x, T) => x.map((_, i) => sigmoid(hopfieldInput(W, b, x, i) * T)),
  },
  {
    id: "temperature-ignored",
    hint: {
      en: "a probability computed without the temperature T.",
      zh: "计算概率时没有使用温度系数 T。",
    },
    fn: (W, b, x) => x.map((_, i) => sigmoid(hopfieldInput(W, b, x, i))),
  },
  {
    id: "probability-of-off",
    hint: {
      en: "the probability that the unit is OFF; a positive input should make x_i = 1 likely.",
      zh: "单元取 0 的概率；正的输入应使 x_i = 1 的概率变大。",
    },
    fn: (W, b, x, T) => x.map((_, i) => sigmoid(-hopfieldInput(W, b, x, i) / T)),
  },
  {
    id: "threshold-sign",
    hint: THRESHOLD_SIGN_HINT,
    fn: (W, b, x, T) => x.map((_, i) => sigmoid((hopfieldInput(W, b, x, i) + 2 * b[i]) / T)),
  },
]);

// ---------------------------------------------------------------- Gibbs sweep

function gibbsWith(
  W: Mat,
  b: Vec,
  x: Vec,
  order: number[],
  uniforms: Vec,
  prob: (s: Vec, i: number) => number,
  decide: (r: number, p: number, xi: number) => number,
): Vec {
  const s = x.slice();
  order.forEach((i, t) => {
    s[i] = decide(uniforms[t], prob(s, i), s[i]);
  });
  return s;
}
const rule = (r: number, p: number) => (r < p ? 1 : 0);

export const gibbsSweepMisconceptions = misconceptionsOf(gibbsSweep, "bm.gibbs", [
  {
    id: "temperature-multiplied",
    hint: tempHint,
    fn: (W, b, x, order, U, T) => gibbsWith(W, b, x, order, U, (s, i) => sigmoid(hopfieldInput(W, b, s, i) * T), rule),
  },
  {
    id: "comparison-reversed",
    hint: {
      en: "the comparison between the uniform and p read the wrong way round: a unit should switch on with probability p.",
      zh: "均匀随机数与 p 的比较方向反了：单元应以概率 p 取 1。",
    },
    fn: (W, b, x, order, U, T) =>
      gibbsWith(
        W,
        b,
        x,
        order,
        U,
        (s, i) => sigmoid(hopfieldInput(W, b, s, i) / T),
        (r, p) => (r < p ? 0 : 1),
      ),
  },
  {
    id: "keep-when-not-fired",
    hint: {
      en: "a unit kept at its old value when the draw fails; a Gibbs update resamples the unit whatever its old value was.",
      zh: "抽样未成功时保留了单元原来的值；Gibbs 更新是对单元重新采样，与它之前的取值无关。",
    },
    fn: (W, b, x, order, U, T) =>
      gibbsWith(
        W,
        b,
        x,
        order,
        U,
        (s, i) => sigmoid(hopfieldInput(W, b, s, i) / T),
        (r, p, xi) => (r < p ? 1 : xi),
      ),
  },
  {
    id: "synchronous",
    hint: {
      en: "probabilities computed from the old state: in a Gibbs sweep each unit sees the units already resampled in this sweep.",
      zh: "用旧状态计算概率：Gibbs 扫描中每个单元都应看到本轮已经重新采样过的单元。",
    },
    fn: (W, b, x, order, U, T) => {
      const old = x.slice();
      return gibbsWith(W, b, x, order, U, (_s, i) => sigmoid(hopfieldInput(W, b, old, i) / T), rule);
    },
  },
  {
    id: "threshold-sign",
    hint: THRESHOLD_SIGN_HINT,
    fn: (W, b, x, order, U, T) =>
      gibbsWith(W, b, x, order, U, (s, i) => sigmoid((hopfieldInput(W, b, s, i) + 2 * b[i]) / T), rule),
  },
]);

// ---------------------------------------------------------------- annealing

function annealWith(
  W: Mat,
  b: Vec,
  x0: Vec,
  sch: AnnealSchedule,
  order: number[],
  U: Vec,
  accept: (dE: number, T: number, r: number) => boolean,
  temperature: (k: number) => number = (k) => sch.T0 * Math.pow(sch.alpha, k),
): AnnealResult {
  const x = x0.slice();
  let t = 0;
  let accepted = 0;
  for (let k = 0; k < sch.steps; k++) {
    const T = temperature(k);
    for (let s = 0; s < sch.sweepsPerTemp; s++) {
      for (const i of order) {
        if (accept(flipEnergyChange(W, b, x, i), T, U[t++])) {
          x[i] = 1 - x[i];
          accepted++;
        }
      }
    }
  }
  return { state: x, energy: hopfieldEnergy(W, b, x), accepted };
}

// Not registered: Metropolis "without the ΔE ≤ 0 branch" (accept iff r < exp(−ΔE/T)). For ΔE ≤ 0, exp(−ΔE/T) ≥ 1 > r
// for every r ∈ [0, 1), so that variant equals the correct rule and no case can tell them apart.

export const annealMisconceptions = misconceptionsOf(anneal, "bm.anneal", [
  {
    id: "exp-plus",
    hint: {
      en: "an acceptance probability that grows with ΔE: the larger the energy increase, the less often the move should be accepted.",
      zh: "接受概率随 ΔE 增大而增大：能量上升越多的移动，被接受的概率应越小。",
    },
    fn: (W, b, x0, sch, order, U) => annealWith(W, b, x0, sch, order, U, (dE, T, r) => dE <= 0 || r < Math.exp(dE / T)),
  },
  {
    id: "temperature-multiplied",
    hint: {
      en: "the temperature T entering the acceptance probability the wrong way: at a high temperature uphill moves should be accepted more often.",
      zh: "温度系数在接受概率中的用法不对：温度越高，越应该接受能量上升的移动。",
    },
    fn: (W, b, x0, sch, order, U) =>
      annealWith(W, b, x0, sch, order, U, (dE, T, r) => dE <= 0 || r < Math.exp(-dE * T)),
  },
  {
    id: "greedy",
    hint: {
      en: "a greedy descent that never accepts a worse state; simulated annealing sometimes does, on purpose, to escape local minima.",
      zh: "只接受更好解的贪心下降；模拟退火会以一定的概率接受更差的解，以跳出局部最优解。",
    },
    fn: (W, b, x0, sch, order, U) => annealWith(W, b, x0, sch, order, U, (dE) => dE <= 0),
  },
  {
    id: "comparison-reversed",
    hint: {
      en: "the uniform compared the wrong way round with the acceptance probability.",
      zh: "均匀随机数与接受概率的比较方向反了。",
    },
    fn: (W, b, x0, sch, order, U) =>
      annealWith(W, b, x0, sch, order, U, (dE, T, r) => dE <= 0 || r >= Math.exp(-dE / T)),
  },
  {
    id: "schedule-off-by-one",
    hint: {
      en: "a schedule shifted by one step: the first temperature of T_k = T0·α^k is at k = 0.",
      zh: "退火进度表错开了一步：T_k = T0·α^k 的第一个温度对应 k = 0。",
    },
    fn: (W, b, x0, sch, order, U) =>
      annealWith(
        W,
        b,
        x0,
        sch,
        order,
        U,
        (dE, T, r) => dE <= 0 || r < Math.exp(-dE / T),
        (k) => sch.T0 * Math.pow(sch.alpha, k + 1),
      ),
  },
]);

// ---------------------------------------------------------------- exact gradient

interface Stats {
  logZ: number;
  Ex: Vec;
  Exx: Mat;
}

/** Model statistics under exp(−E'(x)) for a pluggable energy E'; `naive` sums e^{−E} directly for log Z. */
function modelStats(n: number, energy: (x: Vec) => number, naive = false): Stats {
  const states = allBinary(n);
  const negE = states.map((x) => -energy(x));
  const logZ = naive ? Math.log(sum(negE.map(Math.exp))) : logsumexp(negE);
  const Ex = zeros(n);
  const Exx = zerosMat(n, n);
  states.forEach((x, s) => {
    const p = Math.exp(negE[s] - logZ);
    for (let i = 0; i < n; i++) {
      Ex[i] += p * x[i];
      for (let j = 0; j < n; j++) Exx[i][j] += p * x[i] * x[j];
    }
  });
  return { logZ, Ex, Exx };
}

interface GradOptions {
  energy?: (W: Mat, b: Vec, x: Vec) => number;
  modelScale?: (K: number) => number;
  biasSign?: 1 | -1;
  diagonal?: boolean;
  average?: boolean;
  /** log Z = log Σ e^{−E} without the shift by the maximum. */
  naiveLogZ?: boolean;
}

function gradWith(W: Mat, b: Vec, X: Mat, o: GradOptions): BmExact {
  const n = b.length;
  const K = X.length;
  const { logZ, Ex, Exx } = modelStats(n, (x) => (o.energy ?? hopfieldEnergy)(W, b, x), o.naiveLogZ);
  const m = (o.modelScale ?? ((k: number) => k))(K);
  const sign = o.biasSign ?? -1;
  const div = o.average ? K : 1;
  const dW = zerosMat(n, n);
  const db = zeros(n);
  for (let i = 0; i < n; i++) {
    const data = X.reduce((s, x) => s + x[i], 0);
    db[i] = (sign * (data - m * Ex[i])) / div;
    for (let j = 0; j < n; j++) {
      if (i === j && !o.diagonal) continue;
      dW[i][j] = (X.reduce((s, x) => s + x[i] * x[j], 0) - m * Exx[i][j]) / div;
    }
  }
  return { logZ, dW, db };
}

/** The prompt: "compute ln Z with log-sum-exp: some tests have weights in the hundreds, where e^{−E} overflows". */
export const bmExactNaiveVariants = naiveVariantsOf(bmExact, "bm.gradient", [
  {
    id: "naive-log-z",
    what: "ln Z = ln Σ e^{−E} summed directly: Infinity once some −E passes 709",
    fn: (W, b, X) => gradWith(W, b, X, { naiveLogZ: true }),
  },
]);

export const bmExactMisconceptions = misconceptionsOf(bmExact, "bm.gradient", [
  {
    id: "bias-sign",
    hint: {
      en: "the threshold gradient with the opposite sign: b are thresholds (+bᵀx in the energy), and the slides flip this sign between two pages.",
      zh: "阈值梯度的符号反了：b 是阈值（能量函数中为 +bᵀx），课件在两页之间把这个符号写反了。",
    },
    fn: (W, b, X) => gradWith(W, b, X, { biasSign: 1 }),
  },
  {
    id: "model-term-not-times-K",
    hint: {
      en: "the model term counted once instead of once per training vector: ln Z appears in every ln P(x^k).",
      zh: "模型项只计算了一次：每个训练样本的 ln P(x^k) 中都含有一个 ln Z。",
    },
    fn: (W, b, X) => gradWith(W, b, X, { modelScale: () => 1 }),
  },
  {
    id: "nonzero-diagonal",
    hint: {
      en: "a gradient on the diagonal: w_ii is not a parameter, since units have no self-connections.",
      zh: "对角线上出现了梯度：单元没有自连接，w_ii 不是参数。",
    },
    fn: (W, b, X) => gradWith(W, b, X, { diagonal: true }),
  },
  {
    id: "averaged",
    hint: {
      en: "the gradient of the mean log-likelihood; the prompt asks for ln L, the sum over the training vectors.",
      zh: "平均对数似然的梯度；题目要求的是 ln L，即对所有训练样本求和。",
    },
    fn: (W, b, X) => gradWith(W, b, X, { average: true }),
  },
  {
    id: "slide-energy",
    hint: {
      en: "the energy with −bᵀx from one slide; the prompt's energy has the threshold term +bᵀx.",
      zh: "使用了课件某一页上带 −bᵀx 的能量函数；题目中的能量函数阈值项是 +bᵀx。",
    },
    fn: (W, b, X) =>
      gradWith(W, b, X, {
        energy: (W2, b2, x) => hopfieldEnergy(W2, b2, x) - 2 * x.reduce((s, v, i) => s + b2[i] * v, 0),
        biasSign: 1,
      }),
  },
  {
    id: "energy-missing-half",
    hint: {
      en: "an energy whose double sum counts each pair twice without the compensating factor, used when enumerating exp(−E).",
      zh: "枚举 exp(−E) 时使用的能量函数把每对单元计算了两次，却没有相应的系数来抵消。",
    },
    fn: (W, b, X) =>
      gradWith(W, b, X, {
        energy: (W2, b2, x) => 2 * hopfieldEnergy(W2, zeros(b2.length), x) + x.reduce((s, v, i) => s + b2[i] * v, 0),
      }),
  },
]);

/**
 * Mutants of reference/boltzmann.ts that no input of the 10.2 exercises can tell apart from it (issue 12 item 2,
 * exercises/mutation.ts), in groups; each exercise lists the groups its reference executes in `equivalentMutants`.
 */
export const boltzmannEquivalentMutants = {
  /** gibbsSweep's strict comparison r < p. */
  gibbsTie: [
    {
      at: "reference/boltzmann.ts:39:12",
      mutator: "EqualityOperator",
      replacement: "uniforms[t] <= unitProbability(hopfieldInput(W, b, s, i), T)",
      reason: {
        en: "differs only when r equals p, and case generators keep every uniform 1e-6 away from its probability (DOMAIN.md)",
        zh: "只在 r 等于 p 时不同，而用例生成器让每个均匀数与其概率相距至少 1e-6（DOMAIN.md）",
      },
    },
  ],
  /** flipEnergyChange's factor Δx_i = 1 − 2x_i. */
  flipSign: [
    {
      at: "reference/boltzmann.ts:46:10",
      mutator: "ArithmeticOperator",
      replacement: "-hopfieldInput(W, b, x, i) / (1 - 2 * x[i])",
      reason: {
        en: "for binary x_i the factor 1 − 2x_i is ±1, and dividing by ±1 is multiplying by it",
        zh: "二值 x_i 时因子 1 − 2x_i 为 ±1，除以 ±1 与乘以 ±1 相同",
      },
    },
  ],
  /** metropolisAccept: (ΔE ≤ 0) || r < exp(−ΔE/T). */
  metropolis: [
    {
      at: "reference/boltzmann.ts:51:10",
      mutator: "ConditionalExpression",
      replacement: "false",
      reason: {
        en: "for ΔE ≤ 0, exp(−ΔE/T) ≥ 1 > r, so the second test accepts every such move anyway",
        zh: "ΔE ≤ 0 时 exp(−ΔE/T) ≥ 1 > r，第二个条件同样接受这些变化",
      },
    },
    {
      at: "reference/boltzmann.ts:51:10",
      mutator: "EqualityOperator",
      replacement: "dE < 0",
      reason: {
        en: "at ΔE = 0, exp(0) = 1 > r, so the move is accepted either way",
        zh: "ΔE = 0 时 exp(0) = 1 > r，两种写法都接受",
      },
    },
    {
      at: "reference/boltzmann.ts:51:21",
      mutator: "EqualityOperator",
      replacement: "r <= Math.exp(-dE / T)",
      reason: {
        en: "differs only when r equals exp(−ΔE/T), and case generators keep every uniform 1e-6 away from it (DOMAIN.md)",
        zh: "只在 r 等于 exp(−ΔE/T) 时不同，而用例生成器让均匀数与它相距至少 1e-6（DOMAIN.md）",
      },
    },
  ],
  /** bmGradient's inner loop over j when accumulating E[x_i x_j]. */
  gradientExtraColumn: [
    {
      at: "reference/boltzmann.ts:180:23",
      mutator: "EqualityOperator",
      replacement: "j <= n",
      reason: {
        en: "the extra step writes Exx[i][n], an entry past the matrix that nothing reads",
        zh: "多出的一步写入 Exx[i][n]，那是矩阵之外、从不被读取的元素",
      },
    },
  ],
} satisfies Record<string, EquivalentMutant[]>;
