import { describe, expect, it } from "vitest";
import {
  hebbianWeights,
  hopfieldAsyncSweep,
  hopfieldCapacity,
  hopfieldEnergy,
  hopfieldInput,
  hopfieldRecall,
  hopfieldSyncStep,
  randomSymmetricIntWeights,
  randomSymmetricWeights,
} from "@/reference/hopfield";
import * as M from "@/reference/misconceptions/hopfield";
import { Rng } from "@/reference/random";
import { toleranceRatio } from "./tolerance";

describe("Hopfield golden values", () => {
  // W = [[0, 2], [2, 0]], b = [1, −1], x = [1, 1]:
  // E = −½ (w12 x1 x2 + w21 x2 x1) + b1 x1 + b2 x2 = −½ (2 + 2) + 1 − 1 = −2.
  const W = [
    [0, 2],
    [2, 0],
  ];
  it("energy", () => {
    expect(hopfieldEnergy(W, [1, -1], [1, 1])).toBe(-2);
    // x = [1, 0]: quadratic term 0, E = b1 = 1.
    expect(hopfieldEnergy(W, [1, -1], [1, 0])).toBe(1);
  });
  it("input and update, including the u = 0 'keep' rule", () => {
    // u_1 = w11 x1 + w12 x2 − b1 = 0 + 2·1 − 1 = 1; u_2 = 2·1 − (−1) = 3.
    expect(hopfieldInput(W, [1, -1], [1, 1], 0)).toBe(1);
    expect(hopfieldInput(W, [1, -1], [1, 1], 1)).toBe(3);
    // b = [2, 2], x = [0, 1]: u_1 = 2·1 − 2 = 0 → x_1 keeps 0; then u_2 = 2·0 − 2 = −2 → x_2 = 0.
    expect(hopfieldAsyncSweep(W, [2, 2], [0, 1], [0, 1])).toEqual([0, 0]);
    // Same with x = [1, 1]: u_1 = 0 keeps 1; u_2 = 2·1 − 2 = 0 keeps 1.
    expect(hopfieldAsyncSweep(W, [2, 2], [1, 1], [0, 1])).toEqual([1, 1]);
  });
  it("Hebbian storage through s = 2x − 1", () => {
    // x = [1, 0, 1] → s = [1, −1, 1]; w_ij = s_i s_j off the diagonal.
    // x = [1, 1, 0] → s = [1, 1, −1]; sum: w12 = −1 + 1 = 0, w13 = 1 − 1 = 0, w23 = −1 − 1 = −2.
    expect(
      hebbianWeights([
        [1, 0, 1],
        [1, 1, 0],
      ]),
    ).toEqual([
      [0, 0, 0],
      [0, 0, -2],
      [0, -2, 0],
    ]);
  });
  it("synchronous step oscillates where asynchronous updating settles", () => {
    // Two units that want to disagree: w12 = −1, b = [−0.5, −0.5]. From [0, 0]: u = [0.5, 0.5].
    const Wn = [
      [0, -1],
      [-1, 0],
    ];
    const b = [-0.5, -0.5];
    // Synchronous: both switch on, then both off (u = [−0.5, −0.5]), period 2.
    expect(hopfieldSyncStep(Wn, b, [0, 0])).toEqual([1, 1]);
    expect(hopfieldSyncStep(Wn, b, [1, 1])).toEqual([0, 0]);
    // Asynchronous: x1 → 1, then u_2 = −1 + 0.5 = −0.5 keeps x2 = 0; a fixed point after 2 sweeps.
    expect(hopfieldRecall(Wn, b, [0, 0], [0, 1], 10)).toEqual({ state: [1, 0], sweeps: 2 });
  });
});

describe("Hopfield properties", () => {
  it("an asynchronous sweep never raises the energy (random symmetric W, 300 networks)", () => {
    const rng = new Rng("hopfield-energy-descent");
    for (let trial = 0; trial < 300; trial++) {
      const n = rng.intRange(2, 12);
      const W = trial % 2 ? randomSymmetricWeights(rng, n) : randomSymmetricIntWeights(rng, n);
      const b = trial % 2 ? rng.gaussianVec(n) : rng.binaryVec(n).map((v) => v - 1);
      let x = rng.binaryVec(n);
      for (let s = 0; s < 5; s++) {
        // Check every single-unit step: ΔE_k = −u_k Δx_k ≤ 0.
        for (const i of rng.permutation(n)) {
          const next = hopfieldAsyncSweep(W, b, x, [i]);
          expect(hopfieldEnergy(W, b, next)).toBeLessThanOrEqual(hopfieldEnergy(W, b, x) + 1e-12);
          x = next;
        }
      }
    }
  });

  it("stored patterns are fixed points and noisy probes recall them", () => {
    const rng = new Rng("hopfield-recall");
    const n = 64;
    for (let trial = 0; trial < 10; trial++) {
      const X = Array.from({ length: 3 }, () => rng.binaryVec(n));
      const W = hebbianWeights(X);
      const b = new Array<number>(n).fill(0);
      // b = 0 as in DOMAIN.md: with 3 patterns in 64 units the signal term (about n/2) dominates the crosstalk.
      for (const x of X) {
        expect(hopfieldRecall(W, b, x, rng.permutation(n), 10)).toEqual({ state: x, sweeps: 1 });
        const probe = x.slice();
        for (const i of rng.permutation(n).slice(0, 4)) probe[i] = 1 - probe[i];
        const { state, sweeps } = hopfieldRecall(W, b, probe, rng.permutation(n), 20);
        expect(state).toEqual(x);
        expect(sweeps).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it("recall stops at the sweep limit and counts it", () => {
    // A synchronous-style oscillation cannot happen asynchronously; use a limit of 1 on a state that changes.
    const W = [
      [0, 1],
      [1, 0],
    ];
    expect(hopfieldRecall(W, [-1, -1], [0, 0], [0, 1], 1)).toEqual({ state: [1, 1], sweeps: 1 });
    expect(hopfieldRecall(W, [-1, -1], [0, 0], [0, 1], 5)).toEqual({ state: [1, 1], sweeps: 2 });
  });

  it("the capacity curve falls near 0.14·n (n = 100)", () => {
    const n = 100;
    const counts = [5, 10, 14, 20, 30];
    const curve = hopfieldCapacity(n, counts, new Rng("hopfield-capacity"), { trials: 6 });
    const rate = (P: number) => curve.find((c) => c.patterns === P)!.recallRate;
    console.log("capacity n=100:", curve.map((c) => `P=${c.patterns} rate=${c.recallRate.toFixed(3)}`).join(", "));
    // Stated bounds: almost perfect well below capacity, collapsed well above it, falling through 0.14·n.
    expect(rate(5)).toBeGreaterThanOrEqual(0.95);
    expect(rate(10)).toBeGreaterThanOrEqual(0.85);
    expect(rate(14)).toBeLessThan(rate(5));
    expect(rate(14)).toBeGreaterThan(0.4);
    expect(rate(20)).toBeLessThan(0.7);
    expect(rate(30)).toBeLessThan(0.25);
  });
});

describe("Hopfield misconceptions differ from the reference beyond the grading tolerance", () => {
  const rng = new Rng("hopfield-misconceptions");
  const draws = Array.from({ length: 20 }, () => {
    const n = rng.intRange(4, 8);
    const X = rng.binaryMat(rng.intRange(2, 4), n);
    const W = hebbianWeights(X);
    return {
      n,
      X,
      W,
      b: rng.binaryVec(n).map((v, i) => (i % 2 ? v : -v)),
      x: rng.binaryVec(n),
      order: rng.permutation(n),
    };
  });
  const check = (name: string, ratios: number[]) => {
    const worst = Math.max(...ratios);
    expect(worst, name).toBeGreaterThan(1);
  };
  it("energy variants", () => {
    for (const m of M.hopfieldEnergyMisconceptions) {
      check(
        m.id,
        draws.map((d) => toleranceRatio(m.fn(d.W, d.b, d.x), hopfieldEnergy(d.W, d.b, d.x))),
      );
    }
  });
  it("Hebbian variants", () => {
    for (const m of M.hebbianWeightsMisconceptions)
      check(
        m.id,
        draws.map((d) => toleranceRatio(m.fn(d.X), hebbianWeights(d.X))),
      );
  });
  it("sweep variants", () => {
    for (const m of M.hopfieldAsyncSweepMisconceptions) {
      check(
        m.id,
        draws.map((d) => toleranceRatio(m.fn(d.W, d.b, d.x, d.order), hopfieldAsyncSweep(d.W, d.b, d.x, d.order))),
      );
    }
  });
  it("recall variants", () => {
    for (const m of M.hopfieldRecallMisconceptions) {
      check(
        m.id,
        draws.map((d) => toleranceRatio(m.fn(d.W, d.b, d.x, d.order, 20), hopfieldRecall(d.W, d.b, d.x, d.order, 20))),
      );
    }
  });
});
