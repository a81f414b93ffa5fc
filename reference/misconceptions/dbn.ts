/**
 * Wrong variants of the DBN reference (reference/dbn.ts), each with the signature of the function it corrupts.
 * Variants that assume equal layer sizes read out-of-range entries as NaN instead of throwing.
 */

import { addRow, matmul, sampleMat, sigmoid, sigmoidMat, type Mat, type Vec } from "../numerics";
import { cd1, type RbmParams } from "../rbm";
import { upPass, type Cd1Uniforms } from "../dbn";
import { misconception, type Misconception } from "./types";

type UpArgs = [V: Mat, layers: RbmParams[], U: Mat[]];
type Up = { probs: Mat[]; samples: Mat[] };
type PretrainArgs = [data: Mat, init: RbmParams[], epochs: number, eta: number, U: Cd1Uniforms[][]];

const at = (W: Mat, i: number, j: number): number => W[i]?.[j] ?? NaN;

/** One layer of an up-pass with a configurable pre-activation: σ(c + X M), M read through `get` (`X-cols × c.length`). */
function layerWith(X: Mat, c: Vec, get: (i: number, j: number) => number): Mat {
  return X.map((x) => c.map((cj, j) => sigmoid(x.reduce((s, xi, i) => s + xi * get(i, j), cj))));
}

/** Probabilistic and sampled passes, each layer computed by `step(X, l)`. */
function both(V: Mat, L: number, U: Mat[], step: (X: Mat, l: number) => Mat): Up {
  const probs: Mat[] = [];
  const samples: Mat[] = [];
  let P = V;
  let S = V;
  for (let l = 0; l < L; l++) {
    P = step(P, l);
    probs.push(P);
    S = sampleMat(step(S, l), U[l]);
    samples.push(S);
  }
  return { probs, samples };
}

const UP_VARIANTS: { slug: string; hint: { en: string; zh: string }; fn: (...args: UpArgs) => Up }[] = [
  {
    slug: "probabilities-sampled",
    hint: {
      en: "The probabilistic up-pass propagates P(h|v) itself to the next layer; it never draws binary states.",
      zh: "按概率的向上传递把 P(h|v) 本身传给下一层，不抽取二值状态。",
    },
    fn: (V, layers, U) => {
      const samples = both(V, layers.length, U, (X, l) => sigmoidMat(addRow(matmul(X, layers[l].W), layers[l].b))).samples;
      return { probs: samples, samples };
    },
  },
  {
    slug: "samples-from-probabilities",
    hint: {
      en: "In the sampled up-pass each layer is driven by the SAMPLED states of the layer below, not by the probabilities.",
      zh: "按采样的向上传递中，每一层由下一层的采样状态驱动，而不是由概率驱动。",
    },
    fn: (V, layers, U) => {
      const probs = upPass(V, layers);
      return { probs, samples: probs.map((P, l) => sampleMat(P, U[l])) };
    },
  },
  {
    slug: "hidden-bias-missing",
    hint: { en: "Each layer's input includes that layer's hidden bias inside the sigmoid.", zh: "每一层在 sigmoid 内部都要加上该层的隐藏偏置。" },
    fn: (V, layers, U) => both(V, layers.length, U, (X, l) => layerWith(X, layers[l].b.map(() => 0), (i, j) => layers[l].W[i][j])),
  },
  {
    slug: "visible-bias-used",
    hint: {
      en: "Going up uses each RBM's hidden bias b; its visible bias a is only for going down.",
      zh: "向上传递使用每个 RBM 的隐藏偏置 b；可见偏置 a 只在向下传递时使用。",
    },
    fn: (V, layers, U) => both(V, layers.length, U, (X, l) => layerWith(X, layers[l].b.map((_, j) => layers[l].a[j] ?? NaN), (i, j) => layers[l].W[i][j])),
  },
  {
    slug: "wrong-layer-weights",
    hint: {
      en: "Layer l is computed with the l-th RBM of the stack (counting from the data upwards).",
      zh: "第 l 层要用栈中第 l 个 RBM（从数据层往上数）来计算。",
    },
    fn: (V, layers, U) => {
      const L = layers.length;
      return both(V, L, U, (X, l) => layerWith(X, layers[l].b, (i, j) => at(layers[L - 1 - l].W, i, j)));
    },
  },
  {
    slug: "reconstruction-instead-of-hidden",
    hint: {
      en: "The up-pass computes hidden units from the layer below (multiply by W); multiplying by Wᵀ goes back down to a reconstruction.",
      zh: "向上传递由下一层计算隐藏单元（乘以 W）；乘以 Wᵀ 是往下走，得到的是重构。",
    },
    fn: (V, layers, U) => both(V, layers.length, U, (X, l) => layerWith(X, layers[l].b.map((_, j) => layers[l].a[j] ?? NaN), (i, j) => at(layers[l].W, j, i))),
  },
];

/** Wrong variants of upPassBoth(V, layers, U). */
export const upPassMisconceptions: Misconception<UpArgs, Up>[] = UP_VARIANTS.map((v) =>
  misconception<UpArgs, Up>({ id: `dbn.up-pass.${v.slug}`, hint: v.hint, fn: v.fn }),
);

// ---------------------------------------------------------------- greedy pretraining

function trainLayer(X: Mat, p: RbmParams, epochs: number[], eta: number, U: Cd1Uniforms[]): RbmParams {
  let q = p;
  for (const e of epochs) {
    const r = cd1(X, q.W, q.a, q.b, eta, U[e].Uh0, U[e].Uv1);
    q = { W: r.W, a: r.a, b: r.b };
  }
  return q;
}
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const up = (X: Mat, p: RbmParams, withBias = true) => sigmoidMat(addRow(matmul(X, p.W), withBias ? p.b : p.b.map(() => 0)));

const PRETRAIN_VARIANTS: { slug: string; hint: { en: string; zh: string }; fn: (...args: PretrainArgs) => RbmParams[] }[] = [
  {
    slug: "propagate-untrained",
    hint: {
      en: "The next RBM's data is computed with the layer AFTER it has been trained, not with its initial weights.",
      zh: "下一个 RBM 的训练数据要用训练完成之后的这一层来计算，而不是用它的初始权重。",
    },
    fn: (data, init, epochs, eta, U) => {
      let X = data;
      return init.map((p, l) => {
        const q = trainLayer(X, p, range(epochs), eta, U[l]);
        X = up(X, p);
        return q;
      });
    },
  },
  {
    slug: "not-greedy",
    hint: {
      en: "Greedy pretraining finishes all epochs of one layer before the next layer starts; layers are not trained in alternation.",
      zh: "逐层贪婪预训练要先把一层的所有轮次训练完，再开始训练下一层；各层不是交替训练的。",
    },
    fn: (data, init, epochs, eta, U) => {
      const cur = init.map((p) => ({ ...p }));
      for (let e = 0; e < epochs; e++) {
        let X = data;
        cur.forEach((p, l) => {
          cur[l] = trainLayer(X, p, [e], eta, U[l]);
          X = up(X, cur[l]);
        });
      }
      return cur;
    },
  },
  {
    slug: "propagate-without-bias",
    hint: {
      en: "The representation passed up is P(h|v) = σ(b + vW), hidden bias included.",
      zh: "向上传递的表示是 P(h|v) = σ(b + vW)，其中包含隐藏层偏置。",
    },
    fn: (data, init, epochs, eta, U) => {
      let X = data;
      return init.map((p, l) => {
        const q = trainLayer(X, p, range(epochs), eta, U[l]);
        X = up(X, q, false);
        return q;
      });
    },
  },
];

/** Wrong variants of greedyPretrainWith(data, init, epochs, eta, U). */
export const pretrainMisconceptions: Misconception<PretrainArgs, RbmParams[]>[] = PRETRAIN_VARIANTS.map((v) =>
  misconception<PretrainArgs, RbmParams[]>({ id: `dbn.pretrain.${v.slug}`, hint: v.hint, fn: v.fn }),
);
