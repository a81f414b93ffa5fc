import { describe, expect, it } from "vitest";
import {
  aggregateRelativeError,
  checkGradient,
  checkLogisticGradient,
  logisticLoss,
  logisticLossGradient,
  maxRelativeError,
  numericalGradient,
  numericalGradientMat,
  relativeError,
} from "../../reference/gradcheck";
import { Rng } from "../../reference/random";
import { toleranceRatio } from "./tolerance";
import { checkLogisticGradientMisconceptions } from "../../reference/misconceptions/gradcheck";

describe("gradient check utility", () => {
  it("central differences are exact for a quadratic (no O(ε²) term)", () => {
    // f(θ) = θ0² + 3θ0θ1 − 2θ1 at θ = (1, 2): ∂f/∂θ0 = 2·1 + 3·2 = 8, ∂f/∂θ1 = 3·1 − 2 = 1.
    const f = (t: number[]) => t[0] * t[0] + 3 * t[0] * t[1] - 2 * t[1];
    const g = numericalGradient(f, [1, 2]);
    expect(g[0]).toBeCloseTo(8, 9);
    expect(g[1]).toBeCloseTo(1, 9);
  });

  it("matrix form agrees with the vector form and does not mutate its argument", () => {
    // f(W) = Σ_ij sin(W_ij)·(i+1)(j+2): ∂f/∂W_ij = cos(W_ij)(i+1)(j+2).
    const W = [
      [0.3, -0.7, 1.1],
      [2.0, 0.1, -0.4],
    ];
    const copy = W.map((r) => r.slice());
    const f = (M: number[][]) =>
      M.reduce((s, r, i) => s + r.reduce((t, v, j) => t + Math.sin(v) * (i + 1) * (j + 2), 0), 0);
    const G = numericalGradientMat(f, W);
    expect(W).toEqual(copy);
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++)
        expect(relativeError(Math.cos(W[i][j]) * (i + 1) * (j + 2), G[i][j])).toBeLessThan(1e-9);
  });

  it("relative error: golden values and the 1e-8 guard", () => {
    expect(relativeError(1, 3)).toBe(0.5); // |1−3| / (1+3) = 2/4
    expect(relativeError(0, 0)).toBe(0); // 0 / max(1e-8, 0), no NaN
    expect(relativeError(1e-10, 3e-10)).toBeCloseTo(0.02, 15); // 2e-10 / max(1e-8, 4e-10) = 2e-10 / 1e-8
    expect(maxRelativeError([1, 2, 0], [1, 2.2, 0])).toBeCloseTo(0.2 / 4.2, 15);
    // aggregate: ‖(0, 0.2)‖ / (‖(1,2)‖ + ‖(1,2.2)‖) = 0.2 / (√5 + √5.84)
    expect(aggregateRelativeError([1, 2], [1, 2.2])).toBeCloseTo(0.2 / (Math.sqrt(5) + Math.sqrt(5.84)), 15);
  });

  it("checks the logistic model's analytic gradient (relative error < 1e-7)", () => {
    const rng = new Rng("gradcheck-logistic");
    let worst = 0;
    for (let trial = 0; trial < 20; trial++) {
      const N = rng.intRange(1, 6);
      const d = rng.intRange(1, 4);
      const X = rng.gaussianMat(N, d);
      const y = rng.uniformVec(N);
      const theta = rng.gaussianVec(d + 1);
      const r = checkGradient((t) => logisticLoss(X, y, t), logisticLossGradient(X, y, theta), theta);
      expect(r.aggregateRelError).toBeLessThan(1e-7);
      worst = Math.max(worst, r.aggregateRelError);
    }
    console.log(`gradcheck logistic: largest aggregate relative error ${worst.toExponential(2)}`);
  });

  it("checkLogisticGradient reports tiny errors for the right gradient and large ones for a wrong one", () => {
    const X = [
      [1, 0],
      [-2, 0],
      [0.5, 0],
    ];
    const y = [1, 0, 1];
    const theta = [0.3, 0.9, -0.1];
    const a = logisticLossGradient(X, y, theta);
    const ok = checkLogisticGradient(X, y, theta, a, 1e-5);
    expect(ok.numerical[1]).toBe(0); // column 1 of X is zero: the loss does not depend on θ1 at all
    expect(ok.maxRelError).toBeLessThan(1e-8);
    const bad = checkLogisticGradient(
      X,
      y,
      theta,
      a.map((v) => 2 * v),
      1e-5,
    );
    expect(bad.relErrors[0]).toBeCloseTo(1 / 3, 6); // |2g − g| / (|2g| + |g|)
  });
});

describe("gradient-check misconceptions differ from the reference by more than the grading tolerance", () => {
  it("random logistic problems with wrong analytic gradients; the missing guard on a parameter the loss ignores", () => {
    const rng = new Rng("gradcheck-misconceptions");
    const inputs = Array.from({ length: 5 }, (): Parameters<typeof checkLogisticGradient> => {
      const X = rng.gaussianMat(4, 3);
      const y = rng.binaryVec(4);
      const theta = rng.gaussianVec(4);
      return [X, y, theta, logisticLossGradient(X, y, theta).map((v) => 2 * v), 1e-3];
    });
    // column 1 of X is zero, so ĝ_1 = 0 exactly; a_1 = 3e-10: guarded 0.03, unguarded 1
    const Xz = [
      [1, 0],
      [-2, 0],
      [0.5, 0],
    ];
    const guard: Parameters<typeof checkLogisticGradient> = [Xz, [1, 0, 1], [0.3, 0.9, -0.1], [0.1, 3e-10, 0.2], 1e-5];
    for (const m of checkLogisticGradientMisconceptions) {
      const pool = m.id === "gradcheck.no-guard" ? [guard] : inputs;
      const worst = Math.max(...pool.map((a) => toleranceRatio(m.fn(...a), checkLogisticGradient(...a))));
      expect(worst, m.id).toBeGreaterThan(1);
    }
  });
});
