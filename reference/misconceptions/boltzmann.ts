/**
 * Wrong variants of the Boltzmann-machine reference (reference/boltzmann.ts), each with the
 * signature of the function it corrupts. Hints name the idea, never the answer.
 */

import { type AnnealResult, type AnnealSchedule, type BmExact, flipEnergyChange } from "../boltzmann";
import { hopfieldEnergy, hopfieldInput } from "../hopfield";
import { type Mat, type Vec, allBinary, logsumexp, sigmoid, zeros, zerosMat } from "../numerics";
import { misconception } from "./types";

type Firing = [W: Mat, b: Vec, x: Vec, T: number];
type Gibbs = [W: Mat, b: Vec, x: Vec, order: number[], uniforms: Vec, T: number];
type Anneal = [W: Mat, b: Vec, x0: Vec, schedule: AnnealSchedule, order: number[], uniforms: Vec];
type Exact = [W: Mat, b: Vec, X: Mat];

// ---------------------------------------------------------------- stochastic unit

const tempHint = {
  en: "The temperature rescales the input: a higher T must make the unit MORE random (p closer to ½).",
  zh: "温度系数对输入进行缩放：T 越大，单元应当越随机（p 越接近 ½）。",
};

export const firingTempMultiplied = misconception<Firing, Vec>({
  id: "bm.unit.temperature-multiplied",
  hint: tempHint,
  fn: (W, b, x, T) => x.map((_, i) => sigmoid(hopfieldInput(W, b, x, i) * T)),
});

export const firingTempIgnored = misconception<Firing, Vec>({
  id: "bm.unit.temperature-ignored",
  hint: {
    en: "The firing probability depends on the temperature T as well as on the input.",
    zh: "激活概率不仅取决于输入，还取决于温度系数 T。",
  },
  fn: (W, b, x) => x.map((_, i) => sigmoid(hopfieldInput(W, b, x, i))),
});

export const firingProbabilityOfZero = misconception<Firing, Vec>({
  id: "bm.unit.probability-of-off",
  hint: {
    en: "This looks like the probability that the unit is OFF; a positive input should make x_i = 1 likely.",
    zh: "这看起来像是单元取 0 的概率；正的输入应使 x_i = 1 的概率变大。",
  },
  fn: (W, b, x, T) => x.map((_, i) => sigmoid(-hopfieldInput(W, b, x, i) / T)),
});

export const firingThresholdSign = misconception<Firing, Vec>({
  id: "bm.unit.threshold-sign",
  hint: {
    en: "b are thresholds: check the sign with which they enter the input u_i.",
    zh: "b 是阈值：请检查它进入输入 u_i 时的符号。",
  },
  fn: (W, b, x, T) => x.map((_, i) => sigmoid((hopfieldInput(W, b, x, i) + 2 * b[i]) / T)),
});

export const firingMisconceptions = [firingTempMultiplied, firingTempIgnored, firingProbabilityOfZero, firingThresholdSign];

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

export const gibbsTempMultiplied = misconception<Gibbs, Vec>({
  id: "bm.gibbs.temperature-multiplied",
  hint: tempHint,
  fn: (W, b, x, order, U, T) => gibbsWith(W, b, x, order, U, (s, i) => sigmoid(hopfieldInput(W, b, s, i) * T), rule),
});

export const gibbsComparisonReversed = misconception<Gibbs, Vec>({
  id: "bm.gibbs.comparison-reversed",
  hint: {
    en: "A unit should switch on with probability p: check which side of the comparison between the uniform and p means 'on'.",
    zh: "单元应以概率 p 取 1：请检查均匀随机数与 p 比较时哪一边表示取 1。",
  },
  fn: (W, b, x, order, U, T) => gibbsWith(W, b, x, order, U, (s, i) => sigmoid(hopfieldInput(W, b, s, i) / T), (r, p) => (r < p ? 0 : 1)),
});

export const gibbsKeepsOnReject = misconception<Gibbs, Vec>({
  id: "bm.gibbs.keep-when-not-fired",
  hint: {
    en: "A Gibbs update resamples the unit: when the uniform does not fall below p the unit becomes 0, whatever it was before.",
    zh: "Gibbs 更新是对单元重新采样：当随机数不小于 p 时，单元取 0，与它之前的取值无关。",
  },
  fn: (W, b, x, order, U, T) =>
    gibbsWith(W, b, x, order, U, (s, i) => sigmoid(hopfieldInput(W, b, s, i) / T), (r, p, xi) => (r < p ? 1 : xi)),
});

export const gibbsSynchronous = misconception<Gibbs, Vec>({
  id: "bm.gibbs.synchronous",
  hint: {
    en: "In a Gibbs sweep each unit's probability is computed from the latest state, including the units already resampled in this sweep.",
    zh: "Gibbs 扫描中每个单元的概率都要用最新状态计算，包括本轮已经重新采样过的单元。",
  },
  fn: (W, b, x, order, U, T) => {
    const old = x.slice();
    return gibbsWith(W, b, x, order, U, (_s, i) => sigmoid(hopfieldInput(W, b, old, i) / T), rule);
  },
});

export const gibbsThresholdSign = misconception<Gibbs, Vec>({
  id: "bm.gibbs.threshold-sign",
  hint: firingThresholdSign.hint,
  fn: (W, b, x, order, U, T) =>
    gibbsWith(W, b, x, order, U, (s, i) => sigmoid((hopfieldInput(W, b, s, i) + 2 * b[i]) / T), rule),
});

export const gibbsMisconceptions = [gibbsTempMultiplied, gibbsComparisonReversed, gibbsKeepsOnReject, gibbsSynchronous, gibbsThresholdSign];

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

export const annealExpPlus = misconception<Anneal, AnnealResult>({
  id: "bm.anneal.exp-plus",
  hint: {
    en: "An uphill move (ΔE > 0) must be accepted with a probability below 1 that shrinks as ΔE grows.",
    zh: "能量上升的移动（ΔE > 0）应以小于 1 的概率被接受，且 ΔE 越大概率越小。",
  },
  fn: (W, b, x0, sch, order, U) => annealWith(W, b, x0, sch, order, U, (dE, T, r) => dE <= 0 || r < Math.exp(dE / T)),
});

export const annealTempMultiplied = misconception<Anneal, AnnealResult>({
  id: "bm.anneal.temperature-multiplied",
  hint: {
    en: "At a high temperature uphill moves should be accepted MORE often; check how T enters the acceptance probability.",
    zh: "温度越高，越应该接受能量上升的移动；请检查 T 在接受概率中出现的方式。",
  },
  fn: (W, b, x0, sch, order, U) => annealWith(W, b, x0, sch, order, U, (dE, T, r) => dE <= 0 || r < Math.exp(-dE * T)),
});

export const annealGreedy = misconception<Anneal, AnnealResult>({
  id: "bm.anneal.greedy",
  hint: {
    en: "Simulated annealing sometimes accepts a worse state on purpose; that is how it escapes local minima.",
    zh: "模拟退火会以一定的概率接受更差的解，这正是它跳出局部最优解的方式。",
  },
  fn: (W, b, x0, sch, order, U) => annealWith(W, b, x0, sch, order, U, (dE) => dE <= 0),
});

export const annealComparisonReversed = misconception<Anneal, AnnealResult>({
  id: "bm.anneal.comparison-reversed",
  hint: {
    en: "The uniform must fall BELOW the acceptance probability for the move to be accepted.",
    zh: "只有当均匀随机数小于接受概率时，移动才被接受。",
  },
  fn: (W, b, x0, sch, order, U) => annealWith(W, b, x0, sch, order, U, (dE, T, r) => dE <= 0 || r >= Math.exp(-dE / T)),
});

export const annealScheduleOffByOne = misconception<Anneal, AnnealResult>({
  id: "bm.anneal.schedule-off-by-one",
  hint: {
    en: "The first temperature of the schedule is T0 itself (k starts at 0).",
    zh: "退火进度表的第一个温度就是 T0 本身（k 从 0 开始）。",
  },
  fn: (W, b, x0, sch, order, U) =>
    annealWith(W, b, x0, sch, order, U, (dE, T, r) => dE <= 0 || r < Math.exp(-dE / T), (k) => sch.T0 * Math.pow(sch.alpha, k + 1)),
});

export const annealMisconceptions = [annealExpPlus, annealTempMultiplied, annealGreedy, annealComparisonReversed, annealScheduleOffByOne];

// ---------------------------------------------------------------- exact gradient

interface Stats {
  logZ: number;
  Ex: Vec;
  Exx: Mat;
}

/** Model statistics under exp(−E'(x)) for a pluggable energy E'. */
function modelStats(n: number, energy: (x: Vec) => number): Stats {
  const states = allBinary(n);
  const negE = states.map((x) => -energy(x));
  const logZ = logsumexp(negE);
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
}

function gradWith(W: Mat, b: Vec, X: Mat, o: GradOptions): BmExact {
  const n = b.length;
  const K = X.length;
  const { logZ, Ex, Exx } = modelStats(n, (x) => (o.energy ?? hopfieldEnergy)(W, b, x));
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

export const exactBiasSign = misconception<Exact, BmExact>({
  id: "bm.gradient.bias-sign",
  hint: {
    en: "b are thresholds (+bᵀx in the energy): differentiate −E with respect to b_i carefully. The slides flip this sign between two pages.",
    zh: "b 是阈值（能量函数中为 +bᵀx）：请仔细对 −E 关于 b_i 求导。课件在两页之间把这个符号写反了。",
  },
  fn: (W, b, X) => gradWith(W, b, X, { biasSign: 1 }),
});

export const exactNoK = misconception<Exact, BmExact>({
  id: "bm.gradient.model-term-not-times-K",
  hint: {
    en: "ln L sums over all K training vectors, and ln Z appears once for each of them.",
    zh: "ln L 是对全部 K 个训练样本求和，每个样本都贡献一次 ln Z。",
  },
  fn: (W, b, X) => gradWith(W, b, X, { modelScale: () => 1 }),
});

export const exactDiagonal = misconception<Exact, BmExact>({
  id: "bm.gradient.nonzero-diagonal",
  hint: {
    en: "There are no self-connections, so w_ii is not a parameter and has no gradient.",
    zh: "单元没有自连接，w_ii 不是参数，也就没有梯度。",
  },
  fn: (W, b, X) => gradWith(W, b, X, { diagonal: true }),
});

export const exactAveraged = misconception<Exact, BmExact>({
  id: "bm.gradient.averaged",
  hint: {
    en: "The prompt asks for the gradient of ln L, the SUM of the log-probabilities, not their mean.",
    zh: "题目要求的是 ln L（对数概率之和）的梯度，而不是其平均值的梯度。",
  },
  fn: (W, b, X) => gradWith(W, b, X, { average: true }),
});

export const exactSlideEnergy = misconception<Exact, BmExact>({
  id: "bm.gradient.slide-energy",
  hint: {
    en: "This uses the energy with −bᵀx from one slide; the prompt's energy has the threshold term +bᵀx.",
    zh: "这里使用了课件某一页上带 −bᵀx 的能量函数；题目中的能量函数阈值项是 +bᵀx。",
  },
  fn: (W, b, X) =>
    gradWith(W, b, X, {
      energy: (W2, b2, x) => hopfieldEnergy(W2, b2, x) - 2 * x.reduce((s, v, i) => s + b2[i] * v, 0),
      biasSign: 1,
    }),
});

export const exactMissingHalf = misconception<Exact, BmExact>({
  id: "bm.gradient.energy-missing-half",
  hint: {
    en: "The energy's double sum counts each pair twice; check its factor when you enumerate exp(−E).",
    zh: "能量函数的双重求和把每对单元计算了两次；枚举 exp(−E) 时请检查它的系数。",
  },
  fn: (W, b, X) => gradWith(W, b, X, { energy: (W2, b2, x) => 2 * hopfieldEnergy(W2, zeros(b2.length), x) + x.reduce((s, v, i) => s + b2[i] * v, 0) }),
});

export const exactMisconceptions = [exactBiasSign, exactNoK, exactDiagonal, exactAveraged, exactSlideEnergy, exactMissingHalf];
