import { describe, expect, it } from "vitest";
import {
  aggregateRelativeError,
  maxRelativeError,
  numericalGradient,
  numericalGradientMat,
} from "../../reference/gradcheck";
import { Rng } from "../../reference/random";
import {
  averageActivation,
  klBernoulli,
  klBernoulliDerivative,
  runningAverage,
  runningAverageSequence,
  sparseAeCost,
  sparseAeCostGrad,
  sparseAeGradient,
  type SparseAEHyper,
  type SparseAEParams,
  sparseKl,
  sparsityPenalty,
} from "../../reference/sparse";
import {
  runningAverageSequenceMisconceptions,
  sparseAeCostGradMisconceptions,
  sparseKlMisconceptions,
} from "../../reference/misconceptions/sparse";
import { toleranceRatio } from "./tolerance";

describe("KL sparsity penalty", () => {
  it("golden values", () => {
    // KL(0.5 || 0.5) = 0; KL(0.1 || 0.2) = 0.1 log(0.1/0.2) + 0.9 log(0.9/0.8) = −0.0693147 + 0.1060052 = 0.0366905
    expect(klBernoulli(0.5, 0.5)).toBe(0);
    expect(klBernoulli(0.1, 0.2)).toBeCloseTo(0.1 * Math.log(0.5) + 0.9 * Math.log(1.125), 15);
    expect(klBernoulli(0.1, 0.2)).toBeCloseTo(0.0366905, 6);
    // d/dρ̂ at ρ = 0.1, ρ̂ = 0.2: −0.1/0.2 + 0.9/0.8 = −0.5 + 1.125 = 0.625
    expect(klBernoulliDerivative(0.1, 0.2)).toBeCloseTo(0.625, 15);
    // β Σ_j KL with β = 3, ρ̂ = (0.2, 0.1): 3·(0.0366905 + 0)
    expect(sparsityPenalty(0.1, [0.2, 0.1], 3)).toBeCloseTo(3 * klBernoulli(0.1, 0.2), 15);
  });

  it("the derivative matches central differences", () => {
    const rng = new Rng("kl-fd");
    for (let t = 0; t < 50; t++) {
      const rho = rng.range(0.01, 0.99);
      const r = rng.range(0.01, 0.99);
      const num = numericalGradient(([x]) => klBernoulli(rho, x), [r])[0];
      expect(aggregateRelativeError([klBernoulliDerivative(rho, r)], [num])).toBeLessThan(1e-7);
    }
  });

  it("ρ̂ is the batch mean of the activations; the running average weights the previous value by λ_avg", () => {
    expect(
      averageActivation([
        [0.2, 1],
        [0.4, 0],
      ]),
    ).toEqual([0.30000000000000004, 0.5]);
    // λ_avg = 0.9: 0.9·0.05 + 0.1·0.3 = 0.045 + 0.03 = 0.075
    expect(runningAverage([0.05], [0.3], 0.9)[0]).toBeCloseTo(0.075, 15);
    // two batches chained: ρ̂1 = 0.9·0.05 + 0.1·0.3 = 0.075; ρ̂2 = 0.9·0.075 + 0.1·0.5 = 0.1175
    const seq = runningAverageSequence([0.05], [[[0.2], [0.4]], [[0.5]]], 0.9);
    expect(seq[0][0]).toBeCloseTo(0.075, 15);
    expect(seq[1][0]).toBeCloseTo(0.1175, 15);
  });
});

describe("sparse autoencoder cost and gradient (UFLDL)", () => {
  it("golden value of the cost on a 1-1-1 network", () => {
    // W1 = 0, b1 = 0 → a = 0.5 = ρ̂, so KL(ρ=0.5||0.5) = 0. W2 = [[2]], b2 = [−1] → x̂ = σ(0) = 0.5.
    // x = 1: ½(0.5 − 1)² = 0.125; decay (λ/2)(0 + 4) = 0.1·2 = 0.2 with λ = 0.1 → J = 0.325
    const p: SparseAEParams = { W1: [[0]], b1: [0], W2: [[2]], b2: [-1] };
    expect(sparseAeCost([[1]], p, { lambda: 0.1, beta: 3, rho: 0.5 })).toBeCloseTo(0.325, 15);
  });

  it("every gradient matches central differences", () => {
    const rng = new Rng("sparse-fd");
    let agg = 0;
    let elem = 0;
    for (let trial = 0; trial < 12; trial++) {
      const [N, n, m] = [rng.intRange(1, 5), rng.intRange(1, 5), rng.intRange(1, 4)];
      const X = rng.uniformMat(N, n);
      const p: SparseAEParams = {
        W1: rng.gaussianMat(m, n, 0.7),
        b1: rng.gaussianVec(m, 0.3),
        W2: rng.gaussianMat(n, m, 0.7),
        b2: rng.gaussianVec(n, 0.3),
      };
      const h: SparseAEHyper = { lambda: rng.range(0, 0.01), beta: rng.range(0.5, 3), rho: rng.range(0.02, 0.2) };
      const g = sparseAeGradient(X, p, h);
      const checks: [number[][] | number[], number[][] | number[]][] = [
        [g.dW1, numericalGradientMat((W1) => sparseAeCost(X, { ...p, W1 }, h), p.W1)],
        [g.dW2, numericalGradientMat((W2) => sparseAeCost(X, { ...p, W2 }, h), p.W2)],
        [g.db1, numericalGradient((b1) => sparseAeCost(X, { ...p, b1 }, h), p.b1)],
        [g.db2, numericalGradient((b2) => sparseAeCost(X, { ...p, b2 }, h), p.b2)],
      ];
      for (const [a, b] of checks) {
        const e = aggregateRelativeError(a, b);
        const m1 = maxRelativeError(a, b);
        expect(e).toBeLessThan(1e-7);
        expect(m1).toBeLessThan(1e-5);
        agg = Math.max(agg, e);
        elem = Math.max(elem, m1);
      }
    }
    console.log(
      `sparse AE FD: largest aggregate relative error ${agg.toExponential(2)}, largest elementwise ${elem.toExponential(2)}`,
    );
  });
});

describe("sparse autoencoder misconceptions differ from the reference by more than the grading tolerance", () => {
  const rng = new Rng("sparse-misconceptions");
  const acts = (N: number, m: number) =>
    Array.from({ length: N }, () => Array.from({ length: m }, () => rng.range(0.01, 0.99)));

  it("KL penalty (random activations)", () => {
    const inputs = Array.from({ length: 5 }, (): Parameters<typeof sparseKl> => [
      acts(4, 3),
      rng.range(0.01, 0.3),
      rng.range(0.5, 5),
    ]);
    for (const m of sparseKlMisconceptions) {
      const worst = Math.max(...inputs.map((a) => toleranceRatio(m.fn(...a), sparseKl(...a))));
      expect(worst, m.id).toBeGreaterThan(1);
    }
  });

  it("cost and gradient (random networks)", () => {
    const inputs = Array.from({ length: 5 }, (): Parameters<typeof sparseAeCostGrad> => [
      rng.uniformMat(4, 4),
      rng.gaussianMat(3, 4, 0.7),
      rng.gaussianVec(3, 0.3),
      rng.gaussianMat(4, 3, 0.7),
      rng.gaussianVec(4, 0.3),
      rng.range(0.001, 0.01),
      rng.range(0.5, 5),
      rng.range(0.01, 0.3),
    ]);
    for (const m of sparseAeCostGradMisconceptions) {
      const worst = Math.max(...inputs.map((a) => toleranceRatio(m.fn(...a), sparseAeCostGrad(...a))));
      expect(worst, m.id).toBeGreaterThan(1);
    }
  });

  it("running average (random batches)", () => {
    const inputs = Array.from({ length: 5 }, (): Parameters<typeof runningAverageSequence> => [
      rng.uniformVec(3),
      Array.from({ length: 3 }, () => rng.uniformMat(rng.intRange(2, 4), 3)),
      rng.range(0.6, 0.99),
    ]);
    for (const m of runningAverageSequenceMisconceptions) {
      const worst = Math.max(...inputs.map((a) => toleranceRatio(m.fn(...a), runningAverageSequence(...a))));
      expect(worst, m.id).toBeGreaterThan(1);
    }
  });
});
