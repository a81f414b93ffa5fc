import { describe, expect, it } from "vitest";
import * as N from "@/reference/numerics";
import { Rng, seedFromString, uniformAwayFrom } from "@/reference/random";

describe("stable scalars", () => {
  it("sigmoid is finite, monotone and symmetric across the whole float range", () => {
    for (const z of [-1000, -745, -50, -1, 0, 1, 50, 745, 1000]) {
      const s = N.sigmoid(z);
      expect(Number.isFinite(s)).toBe(true);
      expect(s + N.sigmoid(-z)).toBeCloseTo(1, 15);
    }
    expect(N.sigmoid(0)).toBe(0.5);
    // σ(−40) = e^{−40}/(1+e^{−40}) ≈ 4.248354255291589e-18: the naive 1/(1+e^{40}) form loses nothing here either,
    // but σ(−800) must be a positive subnormal-free 0 rather than NaN.
    expect(N.sigmoid(-40)).toBeCloseTo(4.248354255291589e-18, 30);
    expect(N.sigmoid(-800)).toBe(0);
  });
  it("softplus(z) = log(1 + e^z) without overflow", () => {
    expect(N.softplus(0)).toBeCloseTo(Math.LN2, 15);
    expect(N.softplus(1000)).toBe(1000);
    expect(N.softplus(-1000)).toBe(0);
    for (const z of [-30, -2, 0.5, 3, 30]) expect(N.softplus(z)).toBeCloseTo(Math.log(1 + Math.exp(z)), 12);
    expect(N.logSigmoid(3)).toBeCloseTo(Math.log(N.sigmoid(3)), 14);
  });
  it("logsumexp shifts by the maximum", () => {
    expect(N.logsumexp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
    expect(N.logsumexp([-1000, -1000])).toBeCloseTo(-1000 + Math.LN2, 12);
    expect(N.logsumexp([])).toBe(-Infinity);
    expect(N.logsumexp([0, Math.log(3)])).toBeCloseTo(Math.log(4), 14);
  });
  it("softmax sums to 1 and survives large logits", () => {
    const p = N.softmax([1000, 1001, 1002]);
    expect(N.sum(p)).toBeCloseTo(1, 14);
    expect(p[2] / p[1]).toBeCloseTo(Math.E, 12);
  });
});

describe("matrices", () => {
  const A = [
    [1, 2, 3],
    [4, 5, 6],
  ];
  it("matmul, transpose, matvec and vecmat agree with the hand-computed values", () => {
    // [1 2 3; 4 5 6] · [1 0; 0 1; 1 1] = [1+3, 2+3; 4+6, 5+6] = [4 5; 10 11]
    expect(
      N.matmul(A, [
        [1, 0],
        [0, 1],
        [1, 1],
      ]),
    ).toEqual([
      [4, 5],
      [10, 11],
    ]);
    expect(N.transpose(A)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(N.matvec(A, [1, 1, 1])).toEqual([6, 15]);
    expect(N.vecmat([1, -1], A)).toEqual([-3, -3, -3]);
    expect(N.outer([1, 2], [3, 4])).toEqual([
      [3, 4],
      [6, 8],
    ]);
    expect(N.sumRows(A)).toEqual([5, 7, 9]);
    expect(N.sumSquares(A)).toBe(91);
    expect(N.shape(A)).toEqual([2, 3]);
  });
  it("never mutates its inputs", () => {
    const before = JSON.stringify(A);
    N.addRow(A, [1, 1, 1]);
    N.scaleMat(A, 2);
    N.transpose(A);
    expect(JSON.stringify(A)).toBe(before);
  });
  it("allBinary enumerates 2^n states in counting order", () => {
    const xs = N.allBinary(3);
    expect(xs).toHaveLength(8);
    expect(xs[5]).toEqual([1, 0, 1]);
    expect(new Set(xs.map((x) => x.join(""))).size).toBe(8);
  });
});

describe("Rng", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = new Rng(42).uniformVec(5);
    expect(new Rng(42).uniformVec(5)).toEqual(a);
    expect(new Rng(43).uniformVec(5)).not.toEqual(a);
    expect(new Rng("rbm-cd1").uniform()).toBe(new Rng(seedFromString("rbm-cd1")).uniform());
  });
  it("uniforms lie in [0,1) with mean ½ and variance 1/12", () => {
    const r = new Rng(7);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      s += u;
      s2 += u * u;
    }
    // standard error of the mean is sqrt(1/12/n) ≈ 6.5e-4; allow 5 of them.
    expect(Math.abs(s / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - (s / n) ** 2 - 1 / 12)).toBeLessThan(2e-3);
  });
  it("gaussians have mean 0 and variance 1", () => {
    const r = new Rng(11);
    const xs = r.gaussianVec(100_000);
    const mean = N.sum(xs) / xs.length;
    const v = N.sum(xs.map((x) => (x - mean) ** 2)) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(xs.length));
    expect(Math.abs(v - 1)).toBeLessThan(0.02);
  });
  it("permutation is a permutation and int stays in range", () => {
    const r = new Rng(3);
    expect([...r.permutation(20)].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    for (let i = 0; i < 1000; i++) {
      const k = r.intRange(2, 5);
      expect(k >= 2 && k <= 5 && Number.isInteger(k)).toBe(true);
    }
  });
  it("uniformAwayFrom keeps the margin from the threshold", () => {
    const r = new Rng(5);
    for (let i = 0; i < 1000; i++) expect(Math.abs(uniformAwayFrom(r, 0.3, 0.01) - 0.3)).toBeGreaterThanOrEqual(0.01);
  });
});
