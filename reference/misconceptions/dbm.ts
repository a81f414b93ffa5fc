/**
 * Wrong variants of the DBM reference (reference/dbm.ts), each with the signature of the
 * function it corrupts. Hints name the idea, never the answer.
 */

import { type MeanFieldOptions, type MeanFieldResult, dbmEnergy, dbmMeanField } from "../dbm";
import { type Mat, type Vec, sigmoid, zeros, zerosMat } from "../numerics";
import { at } from "./helpers";
import { misconceptionsOf, naiveVariantsOf } from "./types";

/** Entry (i, j) of M, or NaN when it does not exist (a shape mistake gives NaN, as it would in student code). */

interface Layers {
  /** Input to unit j of h1 for sample k, given the previous μ1, μ2. */
  in1: (k: number, j: number, mu1: Mat, mu2: Mat) => number;
  /** Input to unit l of h2 for sample k, given the current μ1 and the previous μ1. */
  in2: (k: number, l: number, mu1New: Mat, mu1Old: Mat) => number;
  /** Update μ2 before μ1 (μ1 then sees the new μ2). */
  topFirst?: boolean;
  /** Measure the change δ on μ1 only (a stopping rule on a subset of the variables). */
  changeOfMu1Only?: boolean;
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
    if (!L.changeOfMu1Only)
      n2.forEach((row, k) => row.forEach((v, l) => (delta = Math.max(delta, Math.abs(v - mu2[k][l])))));
    mu1 = n1;
    mu2 = n2;
    if (!(delta >= o.tol) || t >= o.maxIter) return { mu1, mu2, iterations: t };
  }
}

const bottomUp = (V: Mat, W1: Mat, k: number, j: number) => V[k].reduce((s, v, i) => s + v * at(W1, i, j), 0);
const topDown = (mu2: Mat, W2: Mat, k: number, j: number) => mu2[k].reduce((s, m, l) => s + m * at(W2, j, l), 0);
const up2 = (mu1: Mat, W2: Mat, k: number, l: number) => mu1[k].reduce((s, m, j) => s + m * at(W2, j, l), 0);
/** The reference's inputs to both layers (variants that differ elsewhere: order, stopping rule). */
const rightInputs = (V: Mat, W1: Mat, W2: Mat, b1: Vec, b2: Vec): Pick<Layers, "in1" | "in2"> => ({
  in1: (k, j, _m1, m2) => bottomUp(V, W1, k, j) + topDown(m2, W2, k, j) + b1[j],
  in2: (k, l, m1) => up2(m1, W2, k, l) + b2[l],
});

/** The prompt: δ is the largest change of any entry of μ1 OR μ2. */
export const dbmMeanFieldNaiveVariants = naiveVariantsOf(dbmMeanField, "dbm.mean-field", [
  {
    id: "stops-on-mu1",
    what: "a convergence test on μ1 alone, which can stop while μ2 is still moving",
    fn: (V, W1, W2, b1, b2, o) =>
      meanFieldWith(V, b1, b2, o, { ...rightInputs(V, W1, W2, b1, b2), changeOfMu1Only: true }),
  },
]);

export const dbmMeanFieldMisconceptions = misconceptionsOf(dbmMeanField, "dbm.mean-field", [
  {
    id: "no-top-down",
    hint: {
      en: "a first hidden layer that listens only to v; in a DBM it also receives input from the layer above.",
      zh: "第一隐藏层只接收来自 v 的输入；在深度玻尔兹曼机中它还接收来自上一层的输入。",
    },
    fn: (V, W1, W2, b1, b2, o) =>
      meanFieldWith(V, b1, b2, o, {
        in1: (k, j) => bottomUp(V, W1, k, j) + b1[j],
        in2: (k, l, m1) => up2(m1, W2, k, l) + b2[l],
      }),
  },
  {
    id: "jacobi",
    hint: {
      en: "both layers updated from the previous iteration's values; the updates are sequential, and μ2 uses the μ1 of the same iteration.",
      zh: "两层都用上一次迭代的值更新；更新应当顺序进行，μ2 要用同一次迭代中刚算出的 μ1。",
    },
    fn: (V, W1, W2, b1, b2, o) =>
      meanFieldWith(V, b1, b2, o, {
        in1: (k, j, _m1, m2) => bottomUp(V, W1, k, j) + topDown(m2, W2, k, j) + b1[j],
        in2: (k, l, _new, old) => up2(old, W2, k, l) + b2[l],
      }),
  },
  {
    id: "top-layer-first",
    hint: {
      en: "the layers updated in the other order; follow the order given in the prompt.",
      zh: "两层的更新顺序颠倒了；请按照题目给出的顺序更新。",
    },
    fn: (V, W1, W2, b1, b2, o) => meanFieldWith(V, b1, b2, o, { ...rightInputs(V, W1, W2, b1, b2), topFirst: true }),
  },
  {
    id: "w2-transposed",
    hint: {
      en: "the weight matrix W2 used with its orientation swapped; W2 is n1 × n2, so check which side it multiplies on for each message.",
      zh: "权重矩阵 W2 的方向用反了；W2 的形状是 n1 × n2，请检查每个方向的信息应如何与它相乘。",
    },
    fn: (V, W1, W2, b1, b2, o) =>
      meanFieldWith(V, b1, b2, o, {
        in1: (k, j, _m1, m2) => bottomUp(V, W1, k, j) + m2[k].reduce((s, m, l) => s + m * at(W2, l, j), 0) + b1[j],
        in2: (k, l, m1) => m1[k].reduce((s, m, j) => s + m * at(W2, l, j), 0) + b2[l],
      }),
  },
  {
    id: "hidden-bias-left-out",
    hint: {
      en: "hidden biases left out of the sigmoid.",
      zh: "sigmoid 内部漏掉了隐藏层的偏置。",
    },
    fn: (V, W1, W2, b1, b2, o) =>
      meanFieldWith(V, b1, b2, o, {
        in1: (k, j, _m1, m2) => bottomUp(V, W1, k, j) + topDown(m2, W2, k, j),
        in2: (k, l, m1) => up2(m1, W2, k, l),
      }),
  },
]);

// ---------------------------------------------------------------- energy

export const dbmEnergyMisconceptions = misconceptionsOf(dbmEnergy, "dbm.energy", [
  {
    id: "half-factor",
    hint: {
      en: "a Hopfield-style ½ on the interaction terms; between two different layers each connection appears only once.",
      zh: "在相互作用项上用了 Hopfield 能量中的 ½；在两个不同层之间，每条连接只出现一次。",
    },
    fn: (V, H1, H2, W1, W2, a, b1, b2) => {
      const full = dbmEnergy(V, H1, H2, W1, W2, a, b1, b2);
      const bias = dbmEnergy(V, H1, H2, zerosLike(W1), zerosLike(W2), a, b1, b2);
      return full.map((e, k) => bias[k] + 0.5 * (e - bias[k]));
    },
  },
  {
    id: "bias-sign",
    hint: {
      en: "biases treated as thresholds: a, b1 and b2 are added to a unit's input, so check their sign in the energy.",
      zh: "把偏置当成了阈值：a、b1、b2 是加到单元输入上的，请检查它们在能量函数中的符号。",
    },
    fn: (V, H1, H2, W1, W2, a, b1, b2) => dbmEnergy(V, H1, H2, W1, W2, neg(a), neg(b1), neg(b2)),
  },
  {
    id: "missing-h1-h2-term",
    hint: {
      en: "an energy without the interaction between the two hidden layers, as in a single RBM.",
      zh: "能量函数缺少两个隐藏层之间的相互作用项，就像单个受限玻尔兹曼机一样。",
    },
    fn: (V, H1, H2, W1, W2, a, b1, b2) => dbmEnergy(V, H1, H2, W1, zerosLike(W2), a, b1, b2),
  },
  {
    id: "missing-visible-bias",
    hint: {
      en: "an energy without the visible layer's bias term.",
      zh: "能量函数缺少可见层的偏置项。",
    },
    fn: (V, H1, H2, W1, W2, a, b1, b2) => dbmEnergy(V, H1, H2, W1, W2, zeros(a.length), b1, b2),
  },
  {
    id: "w1-transposed",
    hint: {
      en: "the weight matrix W1 indexed the other way round; W1 is n_v × n1, and its row index belongs to v.",
      zh: "权重矩阵 W1 的下标用反了；W1 的形状是 n_v × n1，行下标对应 v。",
    },
    fn: (V, H1, H2, W1, W2, a, b1, b2) =>
      V.map((v, k) => {
        let e = 0;
        for (let i = 0; i < v.length; i++) for (let j = 0; j < H1[k].length; j++) e -= v[i] * at(W1, j, i) * H1[k][j];
        return e + dbmEnergy([v], [H1[k]], [H2[k]], zerosLike(W1), W2, a, b1, b2)[0];
      }),
  },
]);

function neg(x: Vec): Vec {
  return x.map((v) => -v);
}
function zerosLike(M: Mat): Mat {
  return M.map((row) => row.map(() => 0));
}
