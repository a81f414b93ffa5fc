import { describe, expect, it } from "vitest";
import { dbmEnergy, dbmMeanField } from "@/reference/dbm";
import * as M from "@/reference/misconceptions/dbm";
import { type Mat, type Vec, allBinary, logsumexp, sigmoid } from "@/reference/numerics";
import { Rng } from "@/reference/random";
import { toleranceRatio } from "./tolerance";

describe("DBM golden values", () => {
  it("energy of one configuration", () => {
    // v = [1, 0], h1 = [1], h2 = [1]; W1 = [[2], [3]], W2 = [[−1]], a = [0.5, 7], b1 = [1], b2 = [4]:
    // −vᵀW1h1 = −2, −h1ᵀW2h2 = +1, −aᵀv = −0.5, −b1ᵀh1 = −1, −b2ᵀh2 = −4  →  E = −6.5.
    expect(dbmEnergy([[1, 0]], [[1]], [[1]], [[2], [3]], [[-1]], [0.5, 7], [1], [4])).toEqual([-6.5]);
  });
  it("one mean-field iteration by hand", () => {
    // v = [1], W1 = [[2]], W2 = [[1]], b1 = [−1], b2 = [0], maxIter = 1.
    // μ1 = σ(1·2 + 0·1 − 1) = σ(1) = 0.7310585786300049; μ2 = σ(μ1·1 + 0) = σ(0.7310585786300049) = 0.6750375273768237.
    const r = dbmMeanField([[1]], [[2]], [[1]], [-1], [0], { tol: 1e-12, maxIter: 1 });
    expect(r.iterations).toBe(1);
    expect(r.mu1[0][0]).toBeCloseTo(0.7310585786300049, 15);
    expect(r.mu2[0][0]).toBeCloseTo(0.6750375273768237, 15);
    // Second iteration: μ1 = σ(2 + 0.6750375273768237 − 1) = σ(1.6750375273768237).
    const r2 = dbmMeanField([[1]], [[2]], [[1]], [-1], [0], { tol: 1e-12, maxIter: 2 });
    expect(r2.mu1[0][0]).toBeCloseTo(sigmoid(1.6750375273768237), 15);
    expect(r2.mu2[0][0]).toBeCloseTo(sigmoid(sigmoid(1.6750375273768237)), 15);
  });
});

/** Exact p(h1_j = 1 | v) and p(h2_l = 1 | v) of a tiny DBM by enumerating (h1, h2). */
function exactMarginals(v: Vec, W1: Mat, W2: Mat, b1: Vec, b2: Vec): { m1: Vec; m2: Vec } {
  const H1 = allBinary(b1.length);
  const H2 = allBinary(b2.length);
  const terms: { h1: Vec; h2: Vec; le: number }[] = [];
  for (const h1 of H1)
    for (const h2 of H2)
      terms.push({
        h1,
        h2,
        le: -dbmEnergy(
          [v],
          [h1],
          [h2],
          W1,
          W2,
          v.map(() => 0),
          b1,
          b2,
        )[0],
      });
  const lz = logsumexp(terms.map((t) => t.le));
  const m1 = b1.map(() => 0);
  const m2 = b2.map(() => 0);
  for (const t of terms) {
    const p = Math.exp(t.le - lz);
    t.h1.forEach((h, j) => (m1[j] += p * h));
    t.h2.forEach((h, l) => (m2[l] += p * h));
  }
  return { m1, m2 };
}

describe("DBM mean-field", () => {
  it("converges to a fixed point of both equations, and stops by tolerance", () => {
    const rng = new Rng("dbm-fixed-point");
    for (let t = 0; t < 20; t++) {
      const [nv, n1, n2, B] = [rng.intRange(2, 6), rng.intRange(2, 5), rng.intRange(1, 4), rng.intRange(1, 3)];
      const W1 = rng.gaussianMat(nv, n1, 0.5);
      const W2 = rng.gaussianMat(n1, n2, 0.5);
      const b1 = rng.gaussianVec(n1, 0.5);
      const b2 = rng.gaussianVec(n2, 0.5);
      const V = rng.binaryMat(B, nv);
      const r = dbmMeanField(V, W1, W2, b1, b2, { tol: 1e-12, maxIter: 500 });
      expect(r.iterations).toBeLessThan(500);
      // Fixed point: μ1 = σ(vW1 + μ2W2ᵀ + b1), μ2 = σ(μ1W2 + b2), to about the tolerance.
      V.forEach((v, k) => {
        b1.forEach((_, j) => {
          const u =
            v.reduce((s, vi, i) => s + vi * W1[i][j], 0) + r.mu2[k].reduce((s, m, l) => s + m * W2[j][l], 0) + b1[j];
          expect(Math.abs(r.mu1[k][j] - sigmoid(u))).toBeLessThan(1e-10);
        });
        b2.forEach((_, l) => {
          const u = r.mu1[k].reduce((s, m, j) => s + m * W2[j][l], 0) + b2[l];
          expect(Math.abs(r.mu2[k][l] - sigmoid(u))).toBeLessThan(1e-10);
        });
      });
    }
  });

  it("with weak couplings mean-field approaches the exact marginals (enumeration)", () => {
    const rng = new Rng("dbm-exact");
    let worst = 0;
    for (let t = 0; t < 10; t++) {
      const [nv, n1, n2] = [4, 3, 3];
      const W1 = rng.gaussianMat(nv, n1, 0.05);
      const W2 = rng.gaussianMat(n1, n2, 0.05);
      const b1 = rng.gaussianVec(n1);
      const b2 = rng.gaussianVec(n2);
      const v = rng.binaryVec(nv);
      const r = dbmMeanField([v], W1, W2, b1, b2, { tol: 1e-14, maxIter: 200 });
      const { m1, m2 } = exactMarginals(v, W1, W2, b1, b2);
      worst = Math.max(
        worst,
        ...m1.map((m, j) => Math.abs(m - r.mu1[0][j])),
        ...m2.map((m, l) => Math.abs(m - r.mu2[0][l])),
      );
    }
    console.log("DBM mean-field vs exact marginals (couplings std 0.05), max |difference|:", worst);
    // Mean-field is exact when W2 = 0 and its error is second order in the couplings.
    expect(worst).toBeLessThan(1e-3);
  });

  it("is exact when the layers decouple (W2 = 0) and honours mu2Init and maxIter", () => {
    const rng = new Rng("dbm-decoupled");
    const W1 = rng.gaussianMat(3, 2);
    const W2 = [
      [0, 0],
      [0, 0],
    ];
    const b1 = [0.3, -0.2];
    const b2 = [1, -1];
    const v = [1, 0, 1];
    const r = dbmMeanField([v], W1, W2, b1, b2, { tol: 0, maxIter: 5 });
    const { m1, m2 } = exactMarginals(v, W1, W2, b1, b2);
    r.mu1[0].forEach((m, j) => expect(m).toBeCloseTo(m1[j], 14));
    r.mu2[0].forEach((m, l) => expect(m).toBeCloseTo(m2[l], 14));
    expect(r.iterations).toBe(5); // tol = 0 is never beaten: runs to maxIter
    // With W2 = 0 the second iteration changes nothing: δ_2 = 0 < 1e-9, so it stops after 2 iterations.
    expect(dbmMeanField([v], W1, W2, b1, b2, { tol: 1e-9, maxIter: 50 }).iterations).toBe(2);
    // A given start μ2 enters the first μ1 update through μ2 W2ᵀ.
    const Wc = [[2]];
    const a = dbmMeanField([[0]], [[0]], Wc, [0], [0], { tol: 0, maxIter: 1, mu2Init: [[1]] });
    expect(a.mu1[0][0]).toBeCloseTo(sigmoid(2), 15);
  });
});

describe("DBM misconceptions differ from the reference beyond the grading tolerance", () => {
  const rng = new Rng("dbm-misconceptions");
  const draws = Array.from({ length: 20 }, () => {
    const nv = rng.intRange(2, 5);
    const n = rng.intRange(2, 4); // square W2 so the transposed variant is defined
    return {
      V: rng.binaryMat(2, nv),
      H1: rng.binaryMat(2, n),
      H2: rng.binaryMat(2, n),
      W1: rng.gaussianMat(nv, n),
      W2: rng.gaussianMat(n, n),
      a: rng.gaussianVec(nv),
      b1: rng.gaussianVec(n),
      b2: rng.gaussianVec(n),
    };
  });
  const opts = { tol: 1e-10, maxIter: 30 };
  it("mean-field variants", () => {
    for (const m of M.dbmMeanFieldMisconceptions) {
      const worst = Math.max(
        ...draws.map((d) =>
          toleranceRatio(m.fn(d.V, d.W1, d.W2, d.b1, d.b2, opts), dbmMeanField(d.V, d.W1, d.W2, d.b1, d.b2, opts)),
        ),
      );
      expect(worst, m.id).toBeGreaterThan(1);
    }
  });
  it("energy variants (square W1 for the transposed one)", () => {
    for (const m of M.dbmEnergyMisconceptions) {
      const worst = Math.max(
        ...draws.map((d) => {
          const W1 = m.id === "dbm.energy.w1-transposed" ? d.W2 : d.W1;
          const V = m.id === "dbm.energy.w1-transposed" ? d.H2.map((r) => r.map((x) => 1 - x)) : d.V; // v ≠ h1, else vᵀW1h1 is a symmetric form
          const a = m.id === "dbm.energy.w1-transposed" ? d.b1 : d.a;
          return toleranceRatio(
            m.fn(V, d.H1, d.H2, W1, d.W2, a, d.b1, d.b2),
            dbmEnergy(V, d.H1, d.H2, W1, d.W2, a, d.b1, d.b2),
          );
        }),
      );
      expect(worst, m.id).toBeGreaterThan(1);
    }
  });
});
