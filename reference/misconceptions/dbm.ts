/**
 * Wrong variants of the DBM reference (reference/dbm.ts), each with the signature of the
 * function it corrupts. Hints name the idea, never the answer.
 */

import { type MeanFieldOptions, type MeanFieldResult, dbmEnergy } from "../dbm";
import { type Mat, type Vec, sigmoid, zeros, zerosMat } from "../numerics";
import { misconception } from "./types";

type MeanField = [V: Mat, W1: Mat, W2: Mat, b1: Vec, b2: Vec, options: MeanFieldOptions];
type Energy = [V: Mat, H1: Mat, H2: Mat, W1: Mat, W2: Mat, a: Vec, b1: Vec, b2: Vec];

/** Entry (i, j) of M, or NaN when it does not exist (a shape mistake gives NaN, as it would in student code). */
const at = (M: Mat, i: number, j: number): number => M[i]?.[j] ?? NaN;

interface Layers {
  /** Input to unit j of h1 for sample k, given the previous μ1, μ2. */
  in1: (k: number, j: number, mu1: Mat, mu2: Mat) => number;
  /** Input to unit l of h2 for sample k, given the current μ1 and the previous μ1. */
  in2: (k: number, l: number, mu1New: Mat, mu1Old: Mat) => number;
  /** Update μ2 before μ1 (μ1 then sees the new μ2). */
  topFirst?: boolean;
}

/** Mean-field loop with the reference's start values, change measure and counting, and pluggable inputs. */
function meanFieldWith(V: Mat, b1: Vec, b2: Vec, o: MeanFieldOptions, L: Layers): MeanFieldResult {
  const B = V.length;
  let mu1 = zerosMat(B, b1.length);
  let mu2 = o.mu2Init ? o.mu2Init.map((r) => r.slice()) : zerosMat(B, b2.length);
  for (let t = 1; ; t++) {
    let n1: Mat;
    let n2: Mat;
    if (L.topFirst) {
      n2 = mu2.map((row, k) => row.map((_, l) => sigmoid(L.in2(k, l, mu1, mu1))));
      n1 = mu1.map((row, k) => row.map((_, j) => L.in1(k, j, mu1, n2))).map((row) => row.map(sigmoid));
    } else {
      n1 = mu1.map((row, k) => row.map((_, j) => sigmoid(L.in1(k, j, mu1, mu2))));
      const old1 = mu1;
      n2 = mu2.map((row, k) => row.map((_, l) => sigmoid(L.in2(k, l, n1, old1))));
    }
    let delta = 0;
    n1.forEach((row, k) => row.forEach((v, j) => (delta = Math.max(delta, Math.abs(v - mu1[k][j])))));
    n2.forEach((row, k) => row.forEach((v, l) => (delta = Math.max(delta, Math.abs(v - mu2[k][l])))));
    mu1 = n1;
    mu2 = n2;
    if (!(delta >= o.tol) || t >= o.maxIter) return { mu1, mu2, iterations: t };
  }
}

const bottomUp = (V: Mat, W1: Mat, k: number, j: number) => V[k].reduce((s, v, i) => s + v * at(W1, i, j), 0);
const topDown = (mu2: Mat, W2: Mat, k: number, j: number) => mu2[k].reduce((s, m, l) => s + m * at(W2, j, l), 0);
const up2 = (mu1: Mat, W2: Mat, k: number, l: number) => mu1[k].reduce((s, m, j) => s + m * at(W2, j, l), 0);

export const meanFieldNoTopDown = misconception<MeanField, MeanFieldResult>({
  id: "dbm.mean-field.no-top-down",
  hint: {
    en: "In a DBM the first hidden layer also receives input from the layer ABOVE it, not only from v.",
    zh: "在深度玻尔兹曼机中，第一隐藏层还接收来自上一层的输入，而不仅仅是来自 v 的输入。",
  },
  fn: (V, W1, W2, b1, b2, o) =>
    meanFieldWith(V, b1, b2, o, {
      in1: (k, j) => bottomUp(V, W1, k, j) + b1[j],
      in2: (k, l, m1) => up2(m1, W2, k, l) + b2[l],
    }),
});

export const meanFieldJacobi = misconception<MeanField, MeanFieldResult>({
  id: "dbm.mean-field.jacobi",
  hint: {
    en: "The updates are sequential: μ2 is computed from the μ1 of the SAME iteration.",
    zh: "更新是顺序进行的：μ2 要用同一次迭代中刚算出的 μ1 来计算。",
  },
  fn: (V, W1, W2, b1, b2, o) =>
    meanFieldWith(V, b1, b2, o, {
      in1: (k, j, _m1, m2) => bottomUp(V, W1, k, j) + topDown(m2, W2, k, j) + b1[j],
      in2: (k, l, _new, old) => up2(old, W2, k, l) + b2[l],
    }),
});

export const meanFieldTopFirst = misconception<MeanField, MeanFieldResult>({
  id: "dbm.mean-field.top-layer-first",
  hint: {
    en: "Follow the order given in the prompt: which layer is updated first within an iteration?",
    zh: "请按照题目给出的顺序：每次迭代中先更新哪一层？",
  },
  fn: (V, W1, W2, b1, b2, o) =>
    meanFieldWith(V, b1, b2, o, {
      topFirst: true,
      in1: (k, j, _m1, m2) => bottomUp(V, W1, k, j) + topDown(m2, W2, k, j) + b1[j],
      in2: (k, l, m1) => up2(m1, W2, k, l) + b2[l],
    }),
});

export const meanFieldW2Transposed = misconception<MeanField, MeanFieldResult>({
  id: "dbm.mean-field.w2-transposed",
  hint: {
    en: "W2 is n1 × n2: check which side it multiplies on for the top-down and the bottom-up message.",
    zh: "W2 的形状是 n1 × n2：请检查自顶向下和自底向上的信息分别应如何与它相乘。",
  },
  fn: (V, W1, W2, b1, b2, o) =>
    meanFieldWith(V, b1, b2, o, {
      in1: (k, j, _m1, m2) => bottomUp(V, W1, k, j) + m2[k].reduce((s, m, l) => s + m * at(W2, l, j), 0) + b1[j],
      in2: (k, l, m1) => m1[k].reduce((s, m, j) => s + m * at(W2, l, j), 0) + b2[l],
    }),
});

export const meanFieldNoBias = misconception<MeanField, MeanFieldResult>({
  id: "dbm.mean-field.hidden-bias-left-out",
  hint: {
    en: "Each hidden unit's bias belongs inside the sigmoid.",
    zh: "每个隐藏单元的偏置都应放在 sigmoid 函数内部。",
  },
  fn: (V, W1, W2, b1, b2, o) =>
    meanFieldWith(V, b1, b2, o, {
      in1: (k, j, _m1, m2) => bottomUp(V, W1, k, j) + topDown(m2, W2, k, j),
      in2: (k, l, m1) => up2(m1, W2, k, l),
    }),
});

export const meanFieldMisconceptions = [meanFieldNoTopDown, meanFieldJacobi, meanFieldTopFirst, meanFieldW2Transposed, meanFieldNoBias];

// ---------------------------------------------------------------- energy

export const energyHalfFactor = misconception<Energy, Vec>({
  id: "dbm.energy.half-factor",
  hint: {
    en: "Between two different layers every connection appears once in vᵀW1h1 and h1ᵀW2h2; the Hopfield ½ does not apply.",
    zh: "在两个不同层之间，每条连接在 vᵀW1h1 和 h1ᵀW2h2 中只出现一次；这里不需要 Hopfield 能量中的 ½。",
  },
  fn: (V, H1, H2, W1, W2, a, b1, b2) => {
    const full = dbmEnergy(V, H1, H2, W1, W2, a, b1, b2);
    const bias = dbmEnergy(V, H1, H2, zerosLike(W1), zerosLike(W2), a, b1, b2);
    return full.map((e, k) => bias[k] + 0.5 * (e - bias[k]));
  },
});

export const energyBiasSign = misconception<Energy, Vec>({
  id: "dbm.energy.bias-sign",
  hint: {
    en: "a, b1 and b2 are biases (added to a unit's input), not thresholds: check their sign in the energy.",
    zh: "a、b1、b2 是偏置（加到单元的输入上），而不是阈值：请检查它们在能量函数中的符号。",
  },
  fn: (V, H1, H2, W1, W2, a, b1, b2) => dbmEnergy(V, H1, H2, W1, W2, neg(a), neg(b1), neg(b2)),
});

export const energyNoTopCoupling = misconception<Energy, Vec>({
  id: "dbm.energy.missing-h1-h2-term",
  hint: {
    en: "A two-hidden-layer DBM has an interaction term for each pair of adjacent layers.",
    zh: "有两个隐藏层的深度玻尔兹曼机，每一对相邻层之间都有一个相互作用项。",
  },
  fn: (V, H1, H2, W1, W2, a, b1, b2) => dbmEnergy(V, H1, H2, W1, zerosLike(W2), a, b1, b2),
});

export const energyNoVisibleBias = misconception<Energy, Vec>({
  id: "dbm.energy.missing-visible-bias",
  hint: {
    en: "Every layer, including the visible one, has its own bias term in the energy.",
    zh: "能量函数中每一层（包括可见层）都有自己的偏置项。",
  },
  fn: (V, H1, H2, W1, W2, a, b1, b2) => dbmEnergy(V, H1, H2, W1, W2, zeros(a.length), b1, b2),
});

export const energyW1Transposed = misconception<Energy, Vec>({
  id: "dbm.energy.w1-transposed",
  hint: {
    en: "W1 is n_v × n1: its row index belongs to v and its column index to h1.",
    zh: "W1 的形状是 n_v × n1：行下标对应 v，列下标对应 h1。",
  },
  fn: (V, H1, H2, W1, W2, a, b1, b2) =>
    V.map((v, k) => {
      let e = 0;
      for (let i = 0; i < v.length; i++) for (let j = 0; j < H1[k].length; j++) e -= v[i] * at(W1, j, i) * H1[k][j];
      return e + dbmEnergy([v], [H1[k]], [H2[k]], zerosLike(W1), W2, a, b1, b2)[0];
    }),
});

export const energyMisconceptions = [energyHalfFactor, energyBiasSign, energyNoTopCoupling, energyNoVisibleBias, energyW1Transposed];

function neg(x: Vec): Vec {
  return x.map((v) => -v);
}
function zerosLike(M: Mat): Mat {
  return M.map((row) => row.map(() => 0));
}
