import { describe, expect, it } from "vitest";
import {
  aggregateRelativeError,
  maxRelativeError,
  numericalGradient,
  numericalGradientMat,
} from "../../reference/gradcheck";
import { Rng } from "../../reference/random";
import {
  greedyLayerInputs,
  softmaxCrossEntropy,
  stackedCodes,
  type StackedNet,
  stackedSoftmaxGradient,
  stackedSoftmaxLoss,
  twoLayerStackedGradient,
} from "../../reference/stacked";
import { twoLayerStackedGradientMisconceptions } from "../../reference/misconceptions/stacked";
import { toleranceRatio } from "./tolerance";

function randomNet(rng: Rng, sizes: number[], K: number): StackedNet {
  const layers = sizes.slice(1).map((m, k) => ({ W: rng.gaussianMat(m, sizes[k], 0.8), b: rng.gaussianVec(m, 0.3) }));
  return { layers, Ws: rng.gaussianMat(K, sizes[sizes.length - 1], 0.8), bs: rng.gaussianVec(K, 0.3) };
}

describe("stacked autoencoder + softmax", () => {
  it("golden values of the softmax cross-entropy", () => {
    // scores (0, 0) → P = (½, ½): L = log 2. scores (log 3, 0), label 0 → P0 = 3/4: L = log(4/3).
    expect(softmaxCrossEntropy([[0, 0]], [1])).toBeCloseTo(Math.LN2, 15);
    // the mean over the batch: (log 2 + log(4/3)) / 2
    expect(
      softmaxCrossEntropy(
        [
          [0, 0],
          [Math.log(3), 0],
        ],
        [1, 0],
      ),
    ).toBeCloseTo((Math.LN2 + Math.log(4 / 3)) / 2, 15);
    // huge scores stay finite (logsumexp): (1000, 0), label 1 → L = 1000
    expect(softmaxCrossEntropy([[1000, 0]], [1])).toBeCloseTo(1000, 9);
    expect(() => softmaxCrossEntropy([[0, 0]], [2])).toThrow(/0\.\.1/);
  });

  it("greedy pretraining feeds layer k+1 with the code of layer k computed from the clean input", () => {
    const rng = new Rng("greedy-flow");
    const net = randomNet(rng, [4, 3, 2], 2);
    const X = rng.uniformMat(3, 4);
    const inputs = greedyLayerInputs(X, net.layers);
    expect(inputs).toHaveLength(2);
    expect(inputs[0]).toBe(X);
    expect(inputs[1]).toEqual(stackedCodes(X, net.layers)[1]);
  });

  it("the gradient through every layer matches central differences", () => {
    const rng = new Rng("stacked-fd");
    let agg = 0;
    let elem = 0;
    for (let trial = 0; trial < 10; trial++) {
      const depth = rng.intRange(1, 3);
      const sizes = Array.from({ length: depth + 1 }, () => rng.intRange(1, 4));
      const K = rng.intRange(2, 4);
      const N = rng.intRange(1, 4);
      const net = randomNet(rng, sizes, K);
      const X = rng.uniformMat(N, sizes[0]);
      const labels = Array.from({ length: N }, () => rng.int(K));
      const g = stackedSoftmaxGradient(X, labels, net);
      expect(g.loss).toBeCloseTo(stackedSoftmaxLoss(X, labels, net), 13);
      const pairs: [number[][] | number[], number[][] | number[]][] = [
        [g.dWs, numericalGradientMat((Ws) => stackedSoftmaxLoss(X, labels, { ...net, Ws }), net.Ws)],
        [g.dbs, numericalGradient((bs) => stackedSoftmaxLoss(X, labels, { ...net, bs }), net.bs)],
      ];
      net.layers.forEach((layer, k) => {
        const withLayer = (l: typeof layer) => ({ ...net, layers: net.layers.map((x, i) => (i === k ? l : x)) });
        pairs.push([
          g.layers[k].dW,
          numericalGradientMat((W) => stackedSoftmaxLoss(X, labels, withLayer({ ...layer, W })), layer.W),
        ]);
        pairs.push([
          g.layers[k].db,
          numericalGradient((b) => stackedSoftmaxLoss(X, labels, withLayer({ ...layer, b })), layer.b),
        ]);
      });
      for (const [a, b] of pairs) {
        const e = aggregateRelativeError(a, b);
        const m1 = maxRelativeError(a, b);
        expect(e).toBeLessThan(1e-7);
        expect(m1).toBeLessThan(1e-5);
        agg = Math.max(agg, e);
        elem = Math.max(elem, m1);
      }
    }
    console.log(
      `stacked FD: largest aggregate relative error ${agg.toExponential(2)}, largest elementwise ${elem.toExponential(2)}`,
    );
  });
});

describe("stacked misconceptions differ from the reference by more than the grading tolerance", () => {
  it("random two-layer stacks", () => {
    const rng = new Rng("stacked-misconceptions");
    const inputs = Array.from({ length: 5 }, (): Parameters<typeof twoLayerStackedGradient> => [
      rng.uniformMat(3, 4),
      Array.from({ length: 3 }, () => rng.int(3)),
      rng.gaussianMat(3, 4),
      rng.gaussianVec(3, 0.3),
      rng.gaussianMat(2, 3),
      rng.gaussianVec(2, 0.3),
      rng.gaussianMat(3, 2),
      rng.gaussianVec(3, 0.3),
    ]);
    // twoLayerStackedGradient equals the general stack gradient
    const a = inputs[0];
    const g = stackedSoftmaxGradient(a[0], a[1], {
      layers: [
        { W: a[2], b: a[3] },
        { W: a[4], b: a[5] },
      ],
      Ws: a[6],
      bs: a[7],
    });
    expect(twoLayerStackedGradient(...a).dW1).toEqual(g.layers[0].dW);
    for (const m of twoLayerStackedGradientMisconceptions) {
      const worst = Math.max(...inputs.map((x) => toleranceRatio(m.fn(...x), twoLayerStackedGradient(...x))));
      expect(worst, m.id).toBeGreaterThan(1);
    }
  });
});
