/**
 * Wrong variants of the DBN reference (reference/dbn.ts), each with the signature of the function it corrupts.
 * Variants that assume equal layer sizes read out-of-range entries as NaN instead of throwing.
 */

import { addRow, matmul, sampleMat, sigmoidMat, type Mat, type Vec } from "../numerics";
import { cd1, type RbmParams } from "../rbm";
import { greedyPretrainWith, upPass, upPassBoth, type Cd1Uniforms } from "../dbn";
import { affine, at, range } from "./helpers";
import { misconceptionsOf } from "./types";

type Up = { probs: Mat[]; samples: Mat[] };

/** One layer of an up-pass with a configurable pre-activation: σ(c + X M), M read through `get` (`X-cols × c.length`). */
const layerWith = (X: Mat, c: Vec, get: (i: number, j: number) => number): Mat => sigmoidMat(affine(X, c, get));

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

/** Wrong variants of upPassBoth(V, layers, U). */
export const upPassBothMisconceptions = misconceptionsOf(upPassBoth, "dbn.up-pass", [
  {
    id: "probabilities-sampled",
    hint: {
      en: "a probabilistic up-pass made of binary samples; check what each layer hands to the next one in that pass.",
      zh: "按概率的向上传递中出现了二值样本；请检查在这种传递方式中每一层交给上一层的是什么。",
    },
    fn: (V, layers, U) => {
      const samples = both(V, layers.length, U, (X, l) =>
        sigmoidMat(addRow(matmul(X, layers[l].W), layers[l].b)),
      ).samples;
      return { probs: samples, samples };
    },
  },
  {
    id: "samples-from-probabilities",
    hint: {
      en: "a sampled up-pass in which each layer is driven by the probabilities of the layer below rather than by its samples.",
      zh: "按采样的向上传递中，每一层由下一层的概率驱动，而不是由下一层的采样状态驱动。",
    },
    fn: (V, layers, U) => {
      const probs = upPass(V, layers);
      return { probs, samples: probs.map((P, l) => sampleMat(P, U[l])) };
    },
  },
  {
    id: "hidden-bias-missing",
    hint: {
      en: "layers computed without their hidden biases; check everything that belongs inside the sigmoid.",
      zh: "计算各层时漏掉了该层的隐藏层偏置；请检查 sigmoid 内部应有的所有项。",
    },
    fn: (V, layers, U) =>
      both(V, layers.length, U, (X, l) =>
        layerWith(
          X,
          layers[l].b.map(() => 0),
          (i, j) => layers[l].W[i][j],
        ),
      ),
  },
  {
    id: "visible-bias-used",
    hint: {
      en: "the visible bias a used on the way up; check which of an RBM's two biases goes with which direction.",
      zh: "向上传递时用了可见层偏置 a；请检查 RBM 的两个偏置分别用于哪个方向的传递。",
    },
    fn: (V, layers, U) =>
      both(V, layers.length, U, (X, l) =>
        layerWith(
          X,
          layers[l].b.map((_, j) => layers[l].a[j] ?? NaN),
          (i, j) => layers[l].W[i][j],
        ),
      ),
  },
  {
    id: "wrong-layer-weights",
    hint: {
      en: "layers paired with the wrong RBMs of the stack; check the order in which the stack is counted.",
      zh: "各层与栈中的 RBM 对应错了；请检查栈中 RBM 的计数顺序。",
    },
    fn: (V, layers, U) => {
      const L = layers.length;
      return both(V, L, U, (X, l) => layerWith(X, layers[l].b, (i, j) => at(layers[L - 1 - l].W, i, j)));
    },
  },
  {
    id: "reconstruction-instead-of-hidden",
    hint: {
      en: "a pass that goes back down, through Wᵀ and the visible bias, and yields a reconstruction instead of the hidden layer above.",
      zh: "这是一次向下的传递（乘以 Wᵀ、加上可见层偏置），得到的是重构，而不是上一层的隐藏单元。",
    },
    fn: (V, layers, U) =>
      both(V, layers.length, U, (X, l) =>
        layerWith(
          X,
          layers[l].b.map((_, j) => layers[l].a[j] ?? NaN),
          (i, j) => at(layers[l].W, j, i),
        ),
      ),
  },
]);

// ---------------------------------------------------------------- greedy pretraining

function trainLayer(X: Mat, p: RbmParams, epochs: number[], eta: number, U: Cd1Uniforms[]): RbmParams {
  let q = p;
  for (const e of epochs) {
    const r = cd1(X, q.W, q.a, q.b, eta, U[e].Uh0, U[e].Uv1);
    q = { W: r.W, a: r.a, b: r.b };
  }
  return q;
}
const up = (X: Mat, p: RbmParams, withBias = true) =>
  sigmoidMat(addRow(matmul(X, p.W), withBias ? p.b : p.b.map(() => 0)));

/** Wrong variants of greedyPretrainWith(data, init, epochs, eta, U). */
export const greedyPretrainWithMisconceptions = misconceptionsOf(greedyPretrainWith, "dbn.pretrain", [
  {
    id: "propagate-untrained",
    hint: {
      en: "the next RBM's data computed with the layer's initial parameters, from before that layer was trained.",
      zh: "下一个 RBM 的训练数据是用这一层训练之前的初始参数计算的。",
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
    id: "not-greedy",
    hint: {
      en: "layers trained in alternation, one epoch at a time, which is not greedy layer-wise pretraining; check when the next layer's training starts.",
      zh: "各层按轮次交替训练，这并不是逐层贪婪预训练；请检查下一层应当在什么时候开始训练。",
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
    id: "propagate-without-bias",
    hint: {
      en: "a representation passed up without the hidden bias; check everything inside the sigmoid of P(h|v).",
      zh: "向上传递的表示漏掉了隐藏层偏置；请检查 P(h|v) 的 sigmoid 内部应有的所有项。",
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
]);
