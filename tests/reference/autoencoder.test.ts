import { describe, expect, it, vi } from "vitest";
import {
  aeForward,
  aeForwardLosses,
  aeGradient,
  aeLoss,
  type AEParams,
  CE_EPS,
  crossEntropy,
  daeCorruptLoss,
  daeGradient,
  daeLoss,
  gaussianCorrupt,
  maskingCorrupt,
  type Noise,
  type ReconstructionLoss,
  squaredError,
  tiedAeBackprop,
  tiedAeGradient,
  tiedAeLoss,
  type TiedAEParams,
} from "../../reference/autoencoder";
import {
  aggregateRelativeError,
  maxRelativeError,
  numericalGradient,
  numericalGradientMat,
} from "../../reference/gradcheck";
import { Rng } from "../../reference/random";
import {
  daeCorruptLossMisconceptions,
  aeForwardLossesMisconceptions,
  tiedAeBackpropMisconceptions,
} from "../../reference/misconceptions/autoencoder";
import { randomAeParams } from "./aeParams";
import { toleranceRatio } from "./tolerance";

const LOSSES: ReconstructionLoss[] = ["squared", "cross-entropy"];
const worst = { agg: 0, elem: 0 };
function record(agg: number, elem: number) {
  expect(agg).toBeLessThan(1e-7); // the aggregate (norm) measure: the bound
  expect(elem).toBeLessThan(1e-5); // elementwise: tiny entries are dominated by round-off / (2ε)
  worst.agg = Math.max(worst.agg, agg);
  worst.elem = Math.max(worst.elem, elem);
}

describe("autoencoder forward and losses", () => {
  it("golden values: a 1-input, 1-hidden autoencoder", () => {
    // W = [[0]], b = [0] → y = σ(0) = 0.5; W̃ = [[2]], b̃ = [−1] → x̂ = σ(2·0.5 − 1) = σ(0) = 0.5.
    const p: AEParams = { W: [[0]], b: [0], Wd: [[2]], bd: [-1] };
    const { Y, Xhat } = aeForward([[1], [0]], p);
    expect(Y).toEqual([[0.5], [0.5]]);
    expect(Xhat).toEqual([[0.5], [0.5]]);
    // E = (1 − 0.5)² + (0 − 0.5)² = 0.5 (a sum, no ½)
    expect(squaredError([[1], [0]], Xhat)).toBe(0.5);
    // CE = −log 0.5 − log(1 − 0.5) = 2 log 2
    expect(crossEntropy([[1], [0]], Xhat)).toBeCloseTo(2 * Math.LN2, 15);
  });

  it("cross-entropy stays finite when x̂ saturates to exactly 0 or 1", () => {
    const Xhat = [[1, 0, 1, 0]];
    const X = [[0, 1, 1, 0]];
    const ce = crossEntropy(X, Xhat);
    expect(Number.isFinite(ce)).toBe(true);
    // x̂ = 1 is clamped to c = 1 − 1e-12 (in float64, 1 − c = 1.00009e-12), x̂ = 0 to 1e-12:
    // (x=0, x̂=1): −log(1 − c); (x=1, x̂=0): −log 1e-12; (x=1, x̂=1) and (x=0, x̂=0): −log(1 − 1e-12) ≈ 1e-12
    const c = 1 - CE_EPS;
    expect(ce).toBeCloseTo(-Math.log(1 - c) - Math.log(CE_EPS) - 2 * Math.log(c), 12);
    expect(ce).toBeCloseTo(55.262, 3); // ≈ 2·27.631
    // and through the network: weights of ±800 drive σ to exactly 0 and 1
    const p: AEParams = { W: [[1]], b: [0], Wd: [[0], [0]], bd: [800, -800] };
    const { Xhat: H } = aeForward([[0.5]], p);
    expect(H[0]).toEqual([1, 0]);
    expect(Number.isFinite(aeLoss([[0.5]], { ...p, Wd: [[0]], bd: [800] }, "cross-entropy"))).toBe(true);
  });
});

describe("cross-entropy never takes log(0)", () => {
  it("every argument Math.log receives is ≥ 1e-12, even for saturated reconstructions and targets in [0,1]", () => {
    const args: number[] = [];
    const log = Math.log;
    const spy = vi.spyOn(Math, "log").mockImplementation((x: number) => {
      args.push(x);
      return log(x);
    });
    try {
      // x̂ exactly 0 and 1 (and a subnormal) against binary and fractional targets, directly and through ±800 pre-activations
      crossEntropy([[0, 1, 1, 0, 0.3, 0.7]], [[1, 0, 1, 0, 5e-324, 1]]);
      aeForwardLosses([[1, 0, 0.5]], [[1, 1, 1]], [0], [[800], [-800], [0]], [0, 0, 0]);
    } finally {
      spy.mockRestore();
    }
    expect(args).toHaveLength(2 * 6 + 2 * 3); // two logs per entry: the spy saw every call
    expect(Math.min(...args)).toBeGreaterThanOrEqual(CE_EPS * (1 - 1e-4)); // 1 − (1 − 1e-12) ≈ 1.00009e-12 in float64
  });
});

describe("autoencoder gradients against central differences", () => {
  it("untied, both losses", () => {
    const rng = new Rng("ae-untied-fd");
    for (let trial = 0; trial < 12; trial++) {
      const [N, n, m] = [rng.intRange(1, 4), rng.intRange(1, 5), rng.intRange(1, 4)];
      const X = rng.uniformMat(N, n);
      const p = randomAeParams(rng, n, m);
      const loss = LOSSES[trial % 2];
      const g = aeGradient(X, p, loss);
      expect(g.loss).toBeCloseTo(aeLoss(X, p, loss), 12);
      const nW = numericalGradientMat((W) => aeLoss(X, { ...p, W }, loss), p.W);
      const nWd = numericalGradientMat((Wd) => aeLoss(X, { ...p, Wd }, loss), p.Wd);
      const nb = numericalGradient((b) => aeLoss(X, { ...p, b }, loss), p.b);
      const nbd = numericalGradient((bd) => aeLoss(X, { ...p, bd }, loss), p.bd);
      record(aggregateRelativeError(g.dW, nW), maxRelativeError(g.dW, nW));
      record(aggregateRelativeError(g.dWd, nWd), maxRelativeError(g.dWd, nWd));
      record(aggregateRelativeError(g.db, nb), maxRelativeError(g.db, nb));
      record(aggregateRelativeError(g.dbd, nbd), maxRelativeError(g.dbd, nbd));
    }
  });

  it("tied (W̃ = Wᵀ), both losses: the gradient sums both uses of W", () => {
    const rng = new Rng("ae-tied-fd");
    for (let trial = 0; trial < 12; trial++) {
      const [N, n, m] = [rng.intRange(1, 4), rng.intRange(1, 5), rng.intRange(1, 4)];
      const X = rng.uniformMat(N, n);
      const p: TiedAEParams = {
        W: rng.gaussianMat(m, n, 0.7),
        b: rng.gaussianVec(m, 0.3),
        bd: rng.gaussianVec(n, 0.3),
      };
      const loss = LOSSES[trial % 2];
      const g = tiedAeGradient(X, p, loss);
      const nW = numericalGradientMat((W) => tiedAeLoss(X, { ...p, W }, loss), p.W);
      const nb = numericalGradient((b) => tiedAeLoss(X, { ...p, b }, loss), p.b);
      const nbd = numericalGradient((bd) => tiedAeLoss(X, { ...p, bd }, loss), p.bd);
      record(aggregateRelativeError(g.dW, nW), maxRelativeError(g.dW, nW));
      record(aggregateRelativeError(g.db, nb), maxRelativeError(g.db, nb));
      record(aggregateRelativeError(g.dbd, nbd), maxRelativeError(g.dbd, nbd));
    }
  });

  it("denoising (Gaussian and masking noise): loss against the clean input", () => {
    const rng = new Rng("dae-fd");
    for (let trial = 0; trial < 12; trial++) {
      const [N, n, m] = [rng.intRange(1, 4), rng.intRange(2, 5), rng.intRange(1, 4)];
      const X = rng.uniformMat(N, n);
      const Xt =
        trial % 2 ? gaussianCorrupt(X, rng.gaussianMat(N, n, 0.2)) : maskingCorrupt(X, rng.uniformMat(N, n), 0.3);
      const p = randomAeParams(rng, n, m);
      const loss = LOSSES[(trial >> 1) % 2];
      const g = daeGradient(X, Xt, p, loss);
      expect(g.loss).toBeCloseTo(daeLoss(X, Xt, p, loss), 12);
      const nW = numericalGradientMat((W) => daeLoss(X, Xt, { ...p, W }, loss), p.W);
      const nWd = numericalGradientMat((Wd) => daeLoss(X, Xt, { ...p, Wd }, loss), p.Wd);
      const nb = numericalGradient((b) => daeLoss(X, Xt, { ...p, b }, loss), p.b);
      const nbd = numericalGradient((bd) => daeLoss(X, Xt, { ...p, bd }, loss), p.bd);
      record(aggregateRelativeError(g.dW, nW), maxRelativeError(g.dW, nW));
      record(aggregateRelativeError(g.dWd, nWd), maxRelativeError(g.dWd, nWd));
      record(aggregateRelativeError(g.db, nb), maxRelativeError(g.db, nb));
      record(aggregateRelativeError(g.dbd, nbd), maxRelativeError(g.dbd, nbd));
    }
    console.log(
      `autoencoder FD: largest aggregate relative error ${worst.agg.toExponential(2)}, largest elementwise ${worst.elem.toExponential(2)}`,
    );
  });

  it("corruption: golden values", () => {
    // masking zeroes where u < level: u = (0.1, 0.5, 0.29) with level 0.3 → entries 0 and 2 are zeroed
    expect(maskingCorrupt([[1, 2, 3]], [[0.1, 0.5, 0.29]], 0.3)).toEqual([[0, 2, 0]]);
    expect(gaussianCorrupt([[1, 2]], [[0.5, -0.25]])).toEqual([[1.5, 1.75]]);
  });
});

describe("autoencoder misconceptions differ from the reference by more than the grading tolerance", () => {
  const rng = new Rng("ae-misconceptions");
  const params = (n: number, m: number) =>
    [rng.gaussianMat(m, n), rng.gaussianVec(m, 0.5), rng.gaussianMat(n, m), rng.gaussianVec(n, 0.5)] as const;

  it("forward pass and losses (random inputs; the unclamped cross-entropy on a reconstruction below the clamp)", () => {
    const inputs: Parameters<typeof aeForwardLosses>[] = Array.from({ length: 5 }, () => [
      rng.uniformMat(3, 4),
      ...params(4, 3),
    ]);
    // b̃_0 = −30: x̂_0 ≈ 1e-13 < 1e-12 with x_0 = 1, the only place where the clamp changes a finite value
    const belowClamp: Parameters<typeof aeForwardLosses> = [
      [[1, 0.5]],
      [[0.5, -0.5]],
      [0.1],
      [[0.2], [0.3]],
      [-30, 0.4],
    ];
    for (const m of aeForwardLossesMisconceptions) {
      const pool = m.id === "ae.ce.unclamped" ? [belowClamp] : inputs;
      const worst = Math.max(...pool.map((a) => toleranceRatio(m.fn(...a), aeForwardLosses(...a))));
      expect(worst, m.id).toBeGreaterThan(1);
    }
  });

  it("tied backprop (random inputs, both losses)", () => {
    const inputs = (["squared", "cross-entropy"] as const).flatMap((loss) =>
      Array.from({ length: 3 }, (): Parameters<typeof tiedAeBackprop> => [
        rng.uniformMat(3, 4),
        rng.gaussianMat(3, 4),
        rng.gaussianVec(3, 0.5),
        rng.gaussianVec(4, 0.5),
        loss,
      ]),
    );
    for (const m of tiedAeBackpropMisconceptions) {
      const worst = Math.max(...inputs.map((a) => toleranceRatio(m.fn(...a), tiedAeBackprop(...a))));
      expect(worst, m.id).toBeGreaterThan(1);
    }
  });

  it("denoising (random inputs, masking and Gaussian noise)", () => {
    const inputs = Array.from({ length: 6 }, (_, t): Parameters<typeof daeCorruptLoss> => {
      const X = rng.uniformMat(3, 4);
      const noise: Noise =
        t % 2
          ? { kind: "gaussian", eps: rng.gaussianMat(3, 4, 0.3) }
          : { kind: "masking", U: rng.uniformMat(3, 4), level: 0.3 };
      return [X, ...params(4, 3), noise];
    });
    for (const m of daeCorruptLossMisconceptions) {
      const worst = Math.max(...inputs.map((a) => toleranceRatio(m.fn(...a), daeCorruptLoss(...a))));
      expect(worst, m.id).toBeGreaterThan(1);
    }
  });
});
