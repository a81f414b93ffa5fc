/**
 * Wrong variants of the Hopfield reference (reference/hopfield.ts), each with the signature of the
 * function it corrupts. Hints name the idea, never the answer.
 */

import type { Mat, Vec } from "../numerics";
import {
  hebbianWeights,
  hopfieldAsyncSweep,
  hopfieldEnergy,
  hopfieldInput,
  hopfieldRecall,
  type RecallResult,
} from "../hopfield";
import { misconceptionsOf, type EquivalentMutant } from "./types";

function quadratic(W: Mat, x: Vec): number {
  let q = 0;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < x.length; j++) q += W[i][j] * x[i] * x[j];
  return q;
}
function linear(b: Vec, x: Vec): number {
  return x.reduce((s, v, i) => s + b[i] * v, 0);
}

// ---------------------------------------------------------------- energy

export const hopfieldEnergyMisconceptions = misconceptionsOf(hopfieldEnergy, "hopfield.energy", [
  {
    id: "missing-half",
    hint: {
      en: "a double sum over i and j that counts every pair of units twice, with nothing to compensate for it.",
      zh: "对 i 和 j 的双重求和把每一对单元计算了两次，却没有相应的系数来抵消。",
    },
    fn: (W, b, x) => -quadratic(W, x) + linear(b, x),
  },
  {
    id: "threshold-sign",
    hint: {
      en: "thresholds b treated as biases: check the sign of the threshold term in the energy.",
      zh: "把 b 当成了偏置而不是阈值：请检查能量函数中阈值项的符号。",
    },
    fn: (W, b, x) => -0.5 * quadratic(W, x) - linear(b, x),
  },
  {
    id: "half-of-pairs",
    hint: {
      en: "the ½ applied on top of a sum that already counts each pair only once; the ½ only compensates for the double counting of the full double sum.",
      zh: "系数 ½ 用在了已经只计每对一次的求和上；½ 只用来抵消完整双重求和中的重复计数。",
    },
    fn: (W, b, x) => -0.25 * quadratic(W, x) + linear(b, x),
  },
]);

// ---------------------------------------------------------------- Hebbian storage

export const hebbianWeightsMisconceptions = misconceptionsOf(hebbianWeights, "hopfield.hebbian", [
  {
    id: "diagonal-not-zeroed",
    hint: {
      en: "self-connections left in W: a Hopfield unit has no connection to itself.",
      zh: "W 中保留了自连接：Hopfield 网络的单元没有到自身的连接。",
    },
    fn: (X) => {
      const n = X[0].length;
      return Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => X.reduce((s, x) => s + (2 * x[i] - 1) * (2 * x[j] - 1), 0)),
      );
    },
  },
  {
    id: "unipolar",
    hint: {
      en: "the Hebbian rule applied to the 0/1 values of the patterns instead of their bipolar image.",
      zh: "把 Hebb 规则直接作用于模式的 0/1 取值，而不是它的双极形式。",
    },
    fn: (X) => {
      const n = X[0].length;
      return Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => (i === j ? 0 : X.reduce((s, x) => s + x[i] * x[j], 0))),
      );
    },
  },
  {
    id: "averaged",
    hint: {
      en: "a normalised (averaged) sum; the prompt's storage rule is a plain sum over the patterns.",
      zh: "对模式做了归一化（取平均）；题目中的存储规则是直接求和。",
    },
    fn: (X) => {
      const n = X[0].length;
      const P = X.length;
      return Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) =>
          i === j ? 0 : X.reduce((s, x) => s + (2 * x[i] - 1) * (2 * x[j] - 1), 0) / P,
        ),
      );
    },
  },
]);

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

export const hopfieldAsyncSweepMisconceptions = misconceptionsOf(hopfieldAsyncSweep, "hopfield.sweep", [
  {
    id: "synchronous",
    hint: {
      en: "a synchronous update: in an asynchronous sweep each unit sees the latest state, including changes made earlier in the same sweep.",
      zh: "同步更新：异步扫描中每个单元都应使用最新状态，包括本轮中先前单元已经做出的改变。",
    },
    fn: (W, b, x, order) => {
      const old = x.slice();
      return sweepWith(
        W,
        b,
        x,
        order,
        (_s, i) => hopfieldInput(W, b, old, i),
        (xi) => xi,
      );
    },
  },
  {
    id: "tie-to-one",
    hint: {
      en: "an input of exactly zero treated as 'switch on'; re-read the rule for u_i = 0.",
      zh: "把输入恰好为 0 的情况当成了“取 1”；请重新阅读 u_i = 0 时的规则。",
    },
    fn: (W, b, x, order) =>
      sweepWith(
        W,
        b,
        x,
        order,
        (s, i) => hopfieldInput(W, b, s, i),
        () => 1,
      ),
  },
  {
    id: "tie-to-zero",
    hint: {
      en: "an input of exactly zero treated as 'switch off'; re-read the rule for u_i = 0.",
      zh: "把输入恰好为 0 的情况当成了“取 0”；请重新阅读 u_i = 0 时的规则。",
    },
    fn: (W, b, x, order) =>
      sweepWith(
        W,
        b,
        x,
        order,
        (s, i) => hopfieldInput(W, b, s, i),
        () => 0,
      ),
  },
  {
    id: "threshold-sign",
    hint: {
      en: "a threshold entering the input u_i with the wrong sign.",
      zh: "阈值以错误的符号进入了输入 u_i。",
    },
    fn: (W, b, x, order) =>
      sweepWith(
        W,
        b,
        x,
        order,
        (s, i) => hopfieldInput(W, b, s, i) + 2 * b[i],
        (xi) => xi,
      ),
  },
  {
    id: "ignores-order",
    hint: {
      en: "units visited in index order rather than in the order given by the caller.",
      zh: "按下标顺序而不是按调用者给出的顺序访问了各单元。",
    },
    fn: (W, b, x, order) =>
      hopfieldAsyncSweep(
        W,
        b,
        x,
        order.map((_, t) => t % x.length),
      ),
  },
]);

// ---------------------------------------------------------------- recall

/** A wrong sweep of the table above, reused inside recall. */
const wrongSweep = (id: string) => hopfieldAsyncSweepMisconceptions.find((m) => m.id === `hopfield.sweep.${id}`)!;

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

export const hopfieldRecallMisconceptions = misconceptionsOf(hopfieldRecall, "hopfield.recall", [
  {
    id: "final-sweep-not-counted",
    hint: {
      en: "a sweep count that leaves out the final sweep, the one that found nothing to change.",
      zh: "轮数中漏掉了最后那一轮没有任何改变的扫描。",
    },
    fn: (W, b, x0, order, maxSweeps) => recallWith((s) => hopfieldAsyncSweep(W, b, s, order), x0, maxSweeps, false),
  },
  {
    id: "synchronous",
    hint: {
      en: "synchronous updates inside recall: each unit should see the latest state, and updating all units at once can oscillate.",
      zh: "回忆过程中用了同步更新：每个单元应使用最新状态，而同时更新所有单元可能会振荡。",
    },
    fn: (W, b, x0, order, maxSweeps) => recallWith((s) => wrongSweep("synchronous").fn(W, b, s, order), x0, maxSweeps),
  },
  {
    id: "tie-to-one",
    hint: wrongSweep("tie-to-one").hint,
    fn: (W, b, x0, order, maxSweeps) => recallWith((s) => wrongSweep("tie-to-one").fn(W, b, s, order), x0, maxSweeps),
  },
  {
    id: "threshold-sign",
    hint: wrongSweep("threshold-sign").hint,
    fn: (W, b, x0, order, maxSweeps) =>
      recallWith((s) => wrongSweep("threshold-sign").fn(W, b, s, order), x0, maxSweeps),
  },
]);

/**
 * Mutants of reference/hopfield.ts that no input of the 10.1 exercises can tell apart from it (issue 12 item 2,
 * exercises/mutation.ts); the exercises list the ones their reference executes in `equivalentMutants`.
 */
export const hopfieldEquivalentMutants = {
  energyVisitsZeroRows: [
    {
      at: "reference/hopfield.ts:18:9",
      mutator: "ConditionalExpression",
      replacement: "true",
      reason: {
        en: "skipping rows with x_i = 0 only saves work: with finite weights their terms are 0 anyway",
        zh: "跳过 x_i = 0 的行只是省计算：权重有限时这些项本来就是 0",
      },
    },
  ],
  energyDividesByState: [
    {
      at: "reference/hopfield.ts:18:57",
      mutator: "ArithmeticOperator",
      replacement: "W[i][j] / x[i]",
      reason: {
        en: "inside `if (x[i] !== 0)` a binary x_i is 1, and dividing by 1 is multiplying by 1",
        zh: "在 `if (x[i] !== 0)` 内二值的 x_i 等于 1，除以 1 与乘以 1 相同",
      },
    },
  ],
  hebbianDividesBipolar: [
    {
      at: "reference/hopfield.ts:66:85",
      mutator: "ArithmeticOperator",
      replacement: "s[i] / s[j]",
      reason: {
        en: "bipolar s_j is ±1, so s_i / s_j equals s_i · s_j exactly",
        zh: "双极值 s_j 为 ±1，因此 s_i / s_j 与 s_i · s_j 完全相等",
      },
    },
  ],
  recallSharesStart: [
    {
      at: "reference/hopfield.ts:87:15",
      mutator: "MethodExpression",
      replacement: "x0",
      reason: {
        en: "the copy of x0 is never written: each sweep returns a new state, so sharing x0 changes nothing",
        zh: "x0 的副本从不被写入：每轮扫描都返回新状态，共用 x0 不改变结果",
      },
    },
  ],
} satisfies Record<string, EquivalentMutant[]>;
