import { describe, expect, it } from "vitest";
import {
  greedyPretrain,
  greedyPretrainWith,
  upPass,
  upPassBoth,
  upPassSample,
  type Cd1Uniforms,
} from "@/reference/dbn";
import * as MD from "@/reference/misconceptions/dbn";
import { type Mat } from "@/reference/numerics";
import { Rng } from "@/reference/random";
import { cd1, hiddenProbsBatch, meanLogLikelihood, type RbmParams } from "@/reference/rbm";
import { toleranceRatio } from "./tolerance";

function randomStack(rng: Rng, sizes: number[], std = 1): RbmParams[] {
  return sizes.slice(1).map((nh, l) => ({
    W: rng.gaussianMat(sizes[l], nh, std),
    a: rng.gaussianVec(sizes[l], std),
    b: rng.gaussianVec(nh, std),
  }));
}
function pretrainUniforms(rng: Rng, B: number, sizes: number[], epochs: number): Cd1Uniforms[][] {
  return sizes
    .slice(1)
    .map((nh, l) =>
      Array.from({ length: epochs }, () => ({ Uh0: rng.uniformMat(B, nh), Uv1: rng.uniformMat(B, sizes[l]) })),
    );
}

describe("DBN up-pass", () => {
  it("golden values by hand", () => {
    // Layer 1: W = [[ln 3], [0]], b = [0]; v = [1, 0] → σ(ln 3) = 3/4.
    // Layer 2: W = [[4]], b = [−1]; input 3/4 → σ(−1 + 3) = σ(2).
    const layers: RbmParams[] = [
      { W: [[Math.log(3)], [0]], a: [0, 0], b: [0] },
      { W: [[4]], a: [0], b: [-1] },
    ];
    const [h1, h2] = upPass([[1, 0]], layers);
    expect(h1[0][0]).toBeCloseTo(0.75, 15);
    expect(h2[0][0]).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
    // Sampled: u = 0.7 < 3/4 → h1 = 1; then σ(−1 + 4) = σ(3) ≈ 0.9526 and u = 0.96 → h2 = 0.
    const [s1, s2] = upPassSample([[1, 0]], layers, [[[0.7]], [[0.96]]]);
    expect(s1).toEqual([[1]]);
    expect(s2).toEqual([[0]]);
  });

  it("composes the RBM conditionals layer by layer", () => {
    const rng = new Rng("dbn-up");
    const sizes = [5, 4, 3, 2];
    const layers = randomStack(rng, sizes);
    const V = rng.binaryMat(3, 5);
    const out = upPass(V, layers);
    let X: Mat = V;
    out.forEach((H, l) => {
      X = hiddenProbsBatch(X, layers[l].W, layers[l].b);
      expect(H).toEqual(X);
    });
    const U = sizes.slice(1).map((n) => rng.uniformMat(3, n));
    const both = upPassBoth(V, layers, U);
    expect(both.probs).toEqual(out);
    expect(both.samples.flat(2).every((x) => x === 0 || x === 1)).toBe(true);
  });

  it("rejects a layer whose input size does not match", () => {
    const rng = new Rng(2);
    expect(() => upPass(rng.binaryMat(2, 4), randomStack(rng, [5, 3]))).toThrow(/expects 5 inputs/);
  });
});

describe("DBN greedy pretraining", () => {
  it("the explicit form equals CD-1 layer by layer with propagation by the trained layer's probabilities", () => {
    const rng = new Rng("dbn-greedy");
    const sizes = [4, 3, 2];
    const init = randomStack(rng, sizes, 0.5);
    const data = rng.binaryMat(5, 4);
    const U = pretrainUniforms(rng, 5, sizes, 3);
    const out = greedyPretrainWith(data, init, 3, 0.1, U);
    let X = data;
    init.forEach((p, l) => {
      let q: RbmParams = p;
      for (let e = 0; e < 3; e++) {
        const r = cd1(X, q.W, q.a, q.b, 0.1, U[l][e].Uh0, U[l][e].Uv1);
        q = { W: r.W, a: r.a, b: r.b };
      }
      expect(out[l]).toEqual(q);
      X = hiddenProbsBatch(X, q.W, q.b);
    });
  });

  it("is deterministic given the seed, and learns: the first RBM's exact log-likelihood rises", () => {
    // Four repeated patterns on 6 visible units; 300 epochs of full-batch CD-1 with η = 0.5.
    const patterns = [
      [1, 1, 1, 0, 0, 0],
      [0, 0, 0, 1, 1, 1],
      [1, 0, 1, 0, 1, 0],
      [0, 1, 0, 1, 0, 1],
    ];
    const data = Array.from({ length: 16 }, (_, r) => patterns[r % 4].slice());
    const opts = { sizes: [6, 4, 3], epochs: 300, eta: 0.5 };
    const one = greedyPretrain(data, { ...opts, rng: new Rng(11) });
    const two = greedyPretrain(data, { ...opts, rng: new Rng(11) });
    expect(one).toEqual(two);
    const before = greedyPretrain(data, { ...opts, epochs: 0, rng: new Rng(11) });
    const llBefore = meanLogLikelihood(data, before[0].W, before[0].a, before[0].b);
    const llAfter = meanLogLikelihood(data, one[0].W, one[0].a, one[0].b);
    // Uniform model: log P = −6 log 2 ≈ −4.16; the four patterns alone would give log(1/4) ≈ −1.39.
    expect(llBefore).toBeLessThan(-4);
    expect(llAfter).toBeGreaterThan(llBefore + 1.5);
    expect(one.map((p) => [p.W.length, p.b.length])).toEqual([
      [6, 4],
      [4, 3],
    ]);
    const sampled = greedyPretrain(data, { ...opts, epochs: 5, rng: new Rng(11), propagate: "samples" });
    expect(sampled).not.toEqual(greedyPretrain(data, { ...opts, epochs: 5, rng: new Rng(11) }));
  });

  it("rejects sizes that do not match the data", () => {
    expect(() => greedyPretrain([[1, 0, 1]], { sizes: [4, 2], epochs: 1, eta: 0.1, rng: new Rng(1) })).toThrow(
      /sizes\[0\] = 4/,
    );
  });
});

describe("DBN misconceptions differ from the reference by more than the grading tolerance", () => {
  const rng = new Rng("dbn-misconceptions");

  it("up-pass (equal-size and non-square stacks)", () => {
    for (const m of MD.upPassBothMisconceptions) {
      let worst = 0;
      for (const sizes of [
        [3, 3, 3],
        [5, 4, 2],
        [3, 3, 3],
        [6, 5, 4],
      ]) {
        const layers = randomStack(rng, sizes);
        const V = rng.binaryMat(6, sizes[0]);
        const U = sizes.slice(1).map((n) => rng.uniformMat(6, n));
        worst = Math.max(worst, toleranceRatio(m.fn(V, layers, U), upPassBoth(V, layers, U)));
      }
      expect(worst, m.id).toBeGreaterThan(1);
    }
  });

  it("greedy pretraining", () => {
    for (const m of MD.greedyPretrainWithMisconceptions) {
      const sizes = [4, 3, 2];
      const init = randomStack(rng, sizes, 0.5);
      const data: Mat = rng.binaryMat(5, 4);
      const U = pretrainUniforms(rng, 5, sizes, 3);
      const expected = greedyPretrainWith(data, init, 3, 0.5, U);
      expect(toleranceRatio(m.fn(data, init, 3, 0.5, U), expected), m.id).toBeGreaterThan(1);
      expect(m.hint.zh.length).toBeGreaterThan(5);
    }
  });
});
