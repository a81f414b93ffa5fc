/**
 * Wrong variants of the Hopfield reference (reference/hopfield.ts), each with the signature of the
 * function it corrupts. Hints name the idea, never the answer.
 */

import type { Mat, Vec } from "../numerics";
import { hopfieldAsyncSweep, hopfieldInput, type RecallResult } from "../hopfield";
import { misconception } from "./types";

type Energy = [W: Mat, b: Vec, x: Vec];
type Sweep = [W: Mat, b: Vec, x: Vec, order: number[]];
type Recall = [W: Mat, b: Vec, x0: Vec, order: number[], maxSweeps: number];

function quadratic(W: Mat, x: Vec): number {
  let q = 0;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < x.length; j++) q += W[i][j] * x[i] * x[j];
  return q;
}
function linear(b: Vec, x: Vec): number {
  return x.reduce((s, v, i) => s + b[i] * v, 0);
}

// ---------------------------------------------------------------- energy

export const energyMissingHalf = misconception<Energy, number>({
  id: "hopfield.energy.missing-half",
  hint: {
    en: "The double sum over i and j counts every pair of units twice; check the factor in front of it.",
    zh: "对 i 和 j 的双重求和把每一对单元计算了两次，请检查它前面的系数。",
  },
  fn: (W, b, x) => -quadratic(W, x) + linear(b, x),
});

export const energyThresholdSign = misconception<Energy, number>({
  id: "hopfield.energy.threshold-sign",
  hint: {
    en: "b are thresholds, not biases: check the sign of the threshold term in the energy.",
    zh: "b 是阈值而不是偏置：请检查能量函数中阈值项的符号。",
  },
  fn: (W, b, x) => -0.5 * quadratic(W, x) - linear(b, x),
});

export const energyHalfOfPairs = misconception<Energy, number>({
  id: "hopfield.energy.half-of-pairs",
  hint: {
    en: "The ½ compensates for counting each pair twice in the full double sum; it should not be applied to a sum over pairs i < j as well.",
    zh: "系数 ½ 是为了抵消完整双重求和中每对单元被计算两次；对 i < j 的单边求和不应再乘 ½。",
  },
  fn: (W, b, x) => -0.25 * quadratic(W, x) + linear(b, x),
});

export const energyMisconceptions = [energyMissingHalf, energyThresholdSign, energyHalfOfPairs];

// ---------------------------------------------------------------- Hebbian storage

export const hebbianDiagonal = misconception<[X: Mat], Mat>({
  id: "hopfield.hebbian.diagonal-not-zeroed",
  hint: {
    en: "A Hopfield unit has no connection to itself: look at the diagonal of W.",
    zh: "Hopfield 网络的单元没有到自身的连接：请检查 W 的对角线。",
  },
  fn: (X) => {
    const n = X[0].length;
    return Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => X.reduce((s, x) => s + (2 * x[i] - 1) * (2 * x[j] - 1), 0)),
    );
  },
});

export const hebbianUnipolar = misconception<[X: Mat], Mat>({
  id: "hopfield.hebbian.unipolar",
  hint: {
    en: "The Hebbian rule is applied to the bipolar image of each pattern, not to its 0/1 values.",
    zh: "Hebb 规则作用于每个模式的双极形式，而不是它的 0/1 取值。",
  },
  fn: (X) => {
    const n = X[0].length;
    return Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 0 : X.reduce((s, x) => s + x[i] * x[j], 0))),
    );
  },
});

export const hebbianAveraged = misconception<[X: Mat], Mat>({
  id: "hopfield.hebbian.averaged",
  hint: {
    en: "The prompt's storage rule is a plain sum over the patterns, without normalisation.",
    zh: "题目中的存储规则是对所有模式直接求和，不做归一化。",
  },
  fn: (X) => {
    const n = X[0].length;
    const P = X.length;
    return Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 0 : X.reduce((s, x) => s + (2 * x[i] - 1) * (2 * x[j] - 1), 0) / P)),
    );
  },
});

export const hebbianMisconceptions = [hebbianDiagonal, hebbianUnipolar, hebbianAveraged];

// ---------------------------------------------------------------- asynchronous sweep

/** An asynchronous-looking sweep with a pluggable input and tie rule. */
function sweepWith(
  W: Mat,
  b: Vec,
  x: Vec,
  order: number[],
  input: (s: Vec, i: number) => number,
  onTie: (xi: number) => number,
): Vec {
  const s = x.slice();
  for (const i of order) {
    const u = input(s, i);
    s[i] = u > 0 ? 1 : u < 0 ? 0 : onTie(s[i]);
  }
  return s;
}

export const sweepSynchronous = misconception<Sweep, Vec>({
  id: "hopfield.sweep.synchronous",
  hint: {
    en: "In an asynchronous update each unit sees the latest state, including changes made earlier in the same sweep.",
    zh: "异步更新时，每个单元都使用最新的状态，包括本轮中先前单元已经做出的改变。",
  },
  fn: (W, b, x, order) => {
    const old = x.slice();
    return sweepWith(W, b, x, order, (_s, i) => hopfieldInput(W, b, old, i), (xi) => xi);
  },
});

export const sweepTieToOne = misconception<Sweep, Vec>({
  id: "hopfield.sweep.tie-to-one",
  hint: {
    en: "Look at what the update rule does when the input is exactly zero.",
    zh: "请检查输入恰好为 0 时更新规则的处理。",
  },
  fn: (W, b, x, order) => sweepWith(W, b, x, order, (s, i) => hopfieldInput(W, b, s, i), () => 1),
});

export const sweepTieToZero = misconception<Sweep, Vec>({
  id: "hopfield.sweep.tie-to-zero",
  hint: {
    en: "Look at what the update rule does when the input is exactly zero: it is neither the 'on' nor the 'off' branch.",
    zh: "请检查输入恰好为 0 时的更新规则：它既不属于取 1 的分支，也不属于取 0 的分支。",
  },
  fn: (W, b, x, order) => sweepWith(W, b, x, order, (s, i) => hopfieldInput(W, b, s, i), () => 0),
});

export const sweepThresholdSign = misconception<Sweep, Vec>({
  id: "hopfield.sweep.threshold-sign",
  hint: {
    en: "b are thresholds: check the sign with which they enter the input u_i.",
    zh: "b 是阈值：请检查它进入输入 u_i 时的符号。",
  },
  fn: (W, b, x, order) => sweepWith(W, b, x, order, (s, i) => hopfieldInput(W, b, s, i) + 2 * b[i], (xi) => xi),
});

export const sweepIgnoresOrder = misconception<Sweep, Vec>({
  id: "hopfield.sweep.ignores-order",
  hint: {
    en: "The units must be visited in the order given by the caller, not in index order.",
    zh: "必须按照调用者给出的顺序访问各单元，而不是按下标顺序。",
  },
  fn: (W, b, x, order) => hopfieldAsyncSweep(W, b, x, order.map((_, t) => t % x.length)),
});

export const sweepMisconceptions = [sweepSynchronous, sweepTieToOne, sweepTieToZero, sweepThresholdSign, sweepIgnoresOrder];

// ---------------------------------------------------------------- recall

/** Recall driven by a pluggable sweep, with the reference's counting. */
function recallWith(step: (s: Vec) => Vec, x0: Vec, maxSweeps: number, countFinal = true): RecallResult {
  let state = x0.slice();
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    const next = step(state);
    const changed = next.some((v, i) => v !== state[i]);
    state = next;
    if (!changed) return { state, sweeps: countFinal ? sweep : sweep - 1 };
  }
  return { state, sweeps: maxSweeps };
}

export const recallUncountedFinalSweep = misconception<Recall, RecallResult>({
  id: "hopfield.recall.final-sweep-not-counted",
  hint: {
    en: "The sweep that finds nothing to change is still a sweep: re-read how the count is defined.",
    zh: "没有改变任何单元的那一轮也是一轮完整的扫描：请重新阅读轮数的定义。",
  },
  fn: (W, b, x0, order, maxSweeps) => recallWith((s) => hopfieldAsyncSweep(W, b, s, order), x0, maxSweeps, false),
});

export const recallSynchronous = misconception<Recall, RecallResult>({
  id: "hopfield.recall.synchronous",
  hint: {
    en: "Recall repeats asynchronous sweeps: each unit sees the latest state. Updating all units at once can oscillate.",
    zh: "回忆过程重复的是异步扫描：每个单元使用最新状态。同时更新所有单元可能会振荡。",
  },
  fn: (W, b, x0, order, maxSweeps) => recallWith((s) => sweepSynchronous.fn(W, b, s, order), x0, maxSweeps),
});

export const recallTieToOne = misconception<Recall, RecallResult>({
  id: "hopfield.recall.tie-to-one",
  hint: sweepTieToOne.hint,
  fn: (W, b, x0, order, maxSweeps) => recallWith((s) => sweepTieToOne.fn(W, b, s, order), x0, maxSweeps),
});

export const recallThresholdSign = misconception<Recall, RecallResult>({
  id: "hopfield.recall.threshold-sign",
  hint: sweepThresholdSign.hint,
  fn: (W, b, x0, order, maxSweeps) => recallWith((s) => sweepThresholdSign.fn(W, b, s, order), x0, maxSweeps),
});

export const recallMisconceptions = [recallUncountedFinalSweep, recallSynchronous, recallTieToOne, recallThresholdSign];
