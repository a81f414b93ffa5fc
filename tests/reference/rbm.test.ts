import { describe, expect, it } from "vitest";
import { maxRelativeError, numericalGradient, numericalGradientMat } from "@/reference/gradcheck";
import * as MC from "@/reference/misconceptions/rbm";
import type { Misconception } from "@/reference/misconceptions/types";
import { allBinary, logsumexp, softplus, sum, type Mat, type Vec } from "@/reference/numerics";
import { Rng } from "@/reference/random";
import {
  aisLogZ,
  cd1,
  cdk,
  cdkProbabilities,
  conditionals,
  energy,
  energyBatch,
  freeEnergy,
  freeEnergyBatch,
  hiddenProbs,
  hiddenProbsBatch,
  likelihoodGradient,
  likelihoodGradientBatch,
  logProb,
  logZ,
  meanLogLikelihood,
  pcdStep,
  pseudoLikelihood,
  pseudoLikelihoodBatch,
  randomRbm,
  reconstructionError,
  safeCdUniforms,
  safePcdUniforms,
  sampleHidden,
  visibleProbs,
  visibleProbsBatch,
  type CdUniforms,
} from "@/reference/rbm";
import { toleranceRatio } from "./tolerance";

interface Model {
  W: Mat;
  a: Vec;
  b: Vec;
}
function randomModel(rng: Rng, nv: number, nh: number, std = 1): Model {
  return { W: rng.gaussianMat(nv, nh, std), a: rng.gaussianVec(nv, std), b: rng.gaussianVec(nh, std) };
}
function cdUniforms(rng: Rng, B: number, nv: number, nh: number, k: number): CdUniforms {
  return {
    Uh0: rng.uniformMat(B, nh),
    Uv: Array.from({ length: k }, () => rng.uniformMat(B, nv)),
    Uh: Array.from({ length: k - 1 }, () => rng.uniformMat(B, nh)),
  };
}
/** log Σ_{v,h} e^{−E(v,h)} by brute force over both layers. */
function bruteLogZ({ W, a, b }: Model): number {
  const terms: number[] = [];
  for (const v of allBinary(a.length)) for (const h of allBinary(b.length)) terms.push(-energy(v, h, W, a, b));
  return logsumexp(terms);
}

/** Largest relative errors seen, printed at the end for the closing note. */
const observed: Record<string, number> = {};
function record(name: string, err: number): void {
  observed[name] = Math.max(observed[name] ?? 0, err);
}

describe("RBM golden values (by hand)", () => {
  // n_v = 2, n_h = 1: W = [[1], [2]], a = [0.5, −1], b = [−0.5].
  const W = [[1], [2]];
  const a = [0.5, -1];
  const b = [-0.5];

  it("energy", () => {
    // v = [1,1], h = [1]: −aᵀv = −(0.5 − 1) = 0.5; −bᵀh = 0.5; −vᵀWh = −(1 + 2) = −3; E = −2.
    expect(energy([1, 1], [1], W, a, b)).toBe(-2);
    // v = [1,0], h = [0]: only −a_1 = −0.5.
    expect(
      energyBatch(
        [
          [1, 0],
          [0, 0],
        ],
        [[0], [1]],
        W,
        a,
        b,
      ),
    ).toEqual([-0.5, 0.5]);
  });

  it("conditionals", () => {
    // P(h=1 | v=[1,1]) = σ(−0.5 + 1 + 2) = σ(2.5); P(v | h=[1]) = [σ(0.5 + 1), σ(−1 + 2)] = [σ(1.5), σ(1)].
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    expect(hiddenProbs([1, 1], W, b)[0]).toBeCloseTo(s(2.5), 15);
    expect(visibleProbs([1], W, a)).toEqual([s(1.5), s(1)].map((x): unknown => expect.closeTo(x, 15)));
  });

  it("free energy and log Z", () => {
    // F([1,0]) = −0.5 − log(1 + e^{−0.5 + 1}) = −0.5 − log(1 + e^{0.5}).
    expect(freeEnergy([1, 0], W, a, b)).toBeCloseTo(-0.5 - Math.log(1 + Math.exp(0.5)), 14);
    // Z = Σ_h e^{bᵀh} Π_i (1 + e^{a_i + (Wh)_i}) = (1 + e^{0.5})(1 + e^{−1}) + e^{−0.5}(1 + e^{1.5})(1 + e^{1}).
    const Z = (1 + Math.exp(0.5)) * (1 + Math.exp(-1)) + Math.exp(-0.5) * (1 + Math.exp(1.5)) * (1 + Math.exp(1));
    expect(logZ(W, a, b)).toBeCloseTo(Math.log(Z), 14);
  });

  it("CD-1 step", () => {
    // W = 0, a = b = 0, V0 = [[1, 0]], η = 0.1: Ph0 = 0.5; Uh0 = 0.3 < 0.5 → H0 = 1.
    // Pv1 = σ(0) = [0.5, 0.5]; Uv1 = [0.7, 0.2] → V1 = [0, 1]; Ph1 = 0.5.
    // ΔW = η (V0ᵀPh0 − V1ᵀPh1) = 0.1 ([[0.5],[0]] − [[0],[0.5]]) = [[0.05],[−0.05]];
    // Δa = 0.1 ([1,0] − [0,1]) = [0.1, −0.1]; Δb = 0.1 (0.5 − 0.5) = 0.
    const r = cd1([[1, 0]], [[0], [0]], [0, 0], [0], 0.1, [[0.3]], [[0.7, 0.2]]);
    expect(r.Vk).toEqual([[0, 1]]);
    expect(r.W[0][0]).toBeCloseTo(0.05, 15);
    expect(r.W[1][0]).toBeCloseTo(-0.05, 15);
    expect(r.a).toEqual([0.1, -0.1].map((x): unknown => expect.closeTo(x, 15)));
    expect(r.b).toEqual([0]);
  });

  it("pseudo-likelihood", () => {
    // W = 0 ⇒ F(v) = −aᵀv − Σ_j softplus(b_j), so F(ṽ) − F(v) = −a_i (ṽ_i − v_i).
    // a = [log 3, 0], v = [0, 1], flip bit 0: F(ṽ) − F(v) = −log 3; σ(−log 3) = 1/4; n_v = 2 ⇒ 2 log(1/4).
    expect(pseudoLikelihood([0, 1], [[0], [0]], [Math.log(3), 0], [0.2], 0)).toBeCloseTo(2 * Math.log(0.25), 14);
  });
});

describe("RBM exact enumeration", () => {
  const rng = new Rng("rbm-enumeration");
  const shapes: [number, number][] = [
    [3, 2],
    [2, 5],
    [4, 4],
    [6, 3],
  ];

  it("log Z is the same enumerating v, h, or both layers", () => {
    for (const [nv, nh] of shapes) {
      const m = randomModel(rng, nv, nh, 1.5);
      const lv = logZ(m.W, m.a, m.b, "visible");
      const lh = logZ(m.W, m.a, m.b, "hidden");
      const brute = bruteLogZ(m);
      record("logZ visible vs hidden", Math.abs(lv - lh) / Math.abs(lh));
      record("logZ vs brute force", Math.abs(lv - brute) / Math.abs(brute));
      expect(Math.abs(lv - lh)).toBeLessThan(1e-12 * Math.max(1, Math.abs(lh)));
      expect(Math.abs(lv - brute)).toBeLessThan(1e-12 * Math.max(1, Math.abs(brute)));
    }
  });

  it("Σ_v P(v) = 1", () => {
    for (const [nv, nh] of shapes) {
      const m = randomModel(rng, nv, nh, 2);
      const total = sum(allBinary(nv).map((v) => Math.exp(logProb(v, m.W, m.a, m.b))));
      record("Σ P(v) − 1", Math.abs(total - 1));
      expect(Math.abs(total - 1)).toBeLessThan(1e-13);
    }
  });

  it("each conditional equals the ratio of joint probabilities", () => {
    for (const [nv, nh] of shapes) {
      const m = randomModel(rng, nv, nh, 1.5);
      const joint = (v: Vec, h: Vec) => Math.exp(-energy(v, h, m.W, m.a, m.b));
      for (const v of allBinary(nv)) {
        const ph = hiddenProbs(v, m.W, m.b);
        for (let j = 0; j < nh; j++) {
          // P(h_j = 1 | v) = Σ_{h: h_j=1} P(v,h) / Σ_h P(v,h)
          let on = 0;
          let all = 0;
          for (const h of allBinary(nh)) {
            const p = joint(v, h);
            all += p;
            if (h[j] === 1) on += p;
          }
          const err = Math.abs(ph[j] - on / all) / (on / all);
          record("P(h|v) vs joint ratio", err);
          expect(err).toBeLessThan(1e-12);
        }
      }
      for (const h of allBinary(nh)) {
        const pv = visibleProbs(h, m.W, m.a);
        for (let i = 0; i < nv; i++) {
          let on = 0;
          let all = 0;
          for (const v of allBinary(nv)) {
            const p = joint(v, h);
            all += p;
            if (v[i] === 1) on += p;
          }
          const err = Math.abs(pv[i] - on / all) / (on / all);
          record("P(v|h) vs joint ratio", err);
          expect(err).toBeLessThan(1e-12);
        }
      }
    }
  });

  it("batch conditionals agree with the vector ones", () => {
    const m = randomModel(rng, 4, 3);
    const V = rng.binaryMat(5, 4);
    const H = rng.binaryMat(5, 3);
    const c = conditionals(V, H, m.W, m.a, m.b);
    expect(c.Ph).toEqual(V.map((v) => hiddenProbs(v, m.W, m.b)));
    expect(c.Pv).toEqual(H.map((h) => visibleProbs(h, m.W, m.a)));
  });

  it("F(v) = −log Σ_h exp(−E(v,h))", () => {
    for (const [nv, nh] of shapes) {
      const m = randomModel(rng, nv, nh, 2);
      for (const v of allBinary(nv)) {
        const direct = -logsumexp(allBinary(nh).map((h) => -energy(v, h, m.W, m.a, m.b)));
        const err = Math.abs(freeEnergy(v, m.W, m.a, m.b) - direct) / Math.max(1, Math.abs(direct));
        record("F(v) vs −log Σ_h e^{−E}", err);
        expect(err).toBeLessThan(1e-13);
      }
    }
  });
});

describe("RBM likelihood gradient", () => {
  it("matches central differences of the exact log-likelihood (relative error < 1e-7)", () => {
    const rng = new Rng("rbm-gradient");
    for (const [nv, nh, B] of [
      [3, 2, 1],
      [2, 4, 3],
      [5, 3, 4],
    ]) {
      const m = randomModel(rng, nv, nh, 0.8);
      const V = rng.binaryMat(B, nv);
      const g = B === 1 ? likelihoodGradient(V[0], m.W, m.a, m.b) : likelihoodGradientBatch(V, m.W, m.a, m.b);
      const gW = numericalGradientMat((W) => meanLogLikelihood(V, W, m.a, m.b), m.W);
      const ga = numericalGradient((a) => meanLogLikelihood(V, m.W, a, m.b), m.a);
      const gb = numericalGradient((b) => meanLogLikelihood(V, m.W, m.a, b), m.b);
      const errs = [maxRelativeError(g.W, gW), maxRelativeError(g.a, ga), maxRelativeError(g.b, gb)];
      record("likelihood gradient vs central differences", Math.max(...errs));
      for (const e of errs) expect(e).toBeLessThan(1e-7);
    }
  });

  it("CD-k with large k, averaged over many uniform draws, approaches the exact gradient", () => {
    // Tiny, fast-mixing model; each batch row is an independent chain started at the same v.
    // k = 25 steps; R = 40 repetitions of a batch of B = 250 rows = 10 000 chains.
    // Bound: |mean − exact| < 5 · (standard error from the spread of the R batch means) + 1e-3 (residual k-bias).
    const rng = new Rng("rbm-cdk-mc");
    const m = randomModel(rng, 3, 2, 0.5);
    const v = [1, 0, 1];
    const exact = likelihoodGradient(v, m.W, m.a, m.b);
    const k = 25;
    const B = 250;
    const R = 40;
    const eta = 1;
    const flat = (p: Model) => [...p.W.flat(), ...p.a, ...p.b];
    const exactFlat = flat(exact);
    const reps: Vec[] = [];
    const V0 = Array.from({ length: B }, () => v.slice());
    for (let r = 0; r < R; r++) {
      const out = cdk(V0, m.W, m.a, m.b, eta, k, cdUniforms(rng, B, 3, 2, k));
      // with η = 1 the update minus the old parameters is the CD statistic
      reps.push(flat(out).map((x, i) => x - flat(m)[i]));
    }
    let worst = 0;
    exactFlat.forEach((e, i) => {
      const xs = reps.map((x) => x[i]);
      const mean = sum(xs) / R;
      const sd = Math.sqrt(sum(xs.map((x) => (x - mean) ** 2)) / (R - 1));
      const se = sd / Math.sqrt(R);
      worst = Math.max(worst, Math.abs(mean - e) / (5 * se + 1e-3));
    });
    record("CD-25 Monte-Carlo deviation / bound", worst);
    expect(worst).toBeLessThan(1);
  });
});

describe("RBM contrastive divergence", () => {
  it("CD-k follows the canonical chain step by step", () => {
    const rng = new Rng("rbm-cdk-steps");
    const m = randomModel(rng, 4, 3);
    const V0 = rng.binaryMat(2, 4);
    const k = 3;
    const U = cdUniforms(rng, 2, 4, 3, k);
    const out = cdk(V0, m.W, m.a, m.b, 0.05, k, U);
    // replay by hand with the sampling helpers
    const Ph0 = hiddenProbsBatch(V0, m.W, m.b);
    let H = sampleHidden(V0, m.W, m.b, U.Uh0);
    let V = V0;
    for (let t = 1; t <= k; t++) {
      const Pv = visibleProbsBatch(H, m.W, m.a);
      V = Pv.map((row, r) => row.map((p, i) => (U.Uv[t - 1][r][i] < p ? 1 : 0)));
      if (t < k) H = sampleHidden(V, m.W, m.b, U.Uh[t - 1]);
    }
    const Phk = hiddenProbsBatch(V, m.W, m.b);
    expect(out.Vk).toEqual(V);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 3; j++) {
        const pos = (V0[0][i] * Ph0[0][j] + V0[1][i] * Ph0[1][j]) / 2;
        const neg = (V[0][i] * Phk[0][j] + V[1][i] * Phk[1][j]) / 2;
        expect(out.W[i][j]).toBeCloseTo(m.W[i][j] + 0.05 * (pos - neg), 14);
      }
    }
    expect(cd1(V0, m.W, m.a, m.b, 0.05, U.Uh0, U.Uv[0])).toEqual(
      cdk(V0, m.W, m.a, m.b, 0.05, 1, { Uh0: U.Uh0, Uv: [U.Uv[0]], Uh: [] }),
    );
  });

  it("probability variant reconstructs with Pv and uses no visible uniforms", () => {
    const rng = new Rng("rbm-cd-prob");
    const m = randomModel(rng, 3, 2);
    const V0 = rng.binaryMat(3, 3);
    const U = cdUniforms(rng, 3, 3, 2, 1);
    const out = cdkProbabilities(V0, m.W, m.a, m.b, 0.1, 1, { Uh0: U.Uh0, Uh: [] });
    const H0 = sampleHidden(V0, m.W, m.b, U.Uh0);
    expect(out.Vk).toEqual(visibleProbsBatch(H0, m.W, m.a));
  });

  it("probability variant with k = 2: replayed step by step, including the update", () => {
    // H0 = 1[Uh0 < Ph0]; V1 = Pv1 = σ(a + H0 Wᵀ); Ph1 = σ(b + V1 W); H1 = 1[Uh[0] < Ph1]; V2 = Pv2 = σ(a + H1 Wᵀ); Ph2 = σ(b + V2 W);
    // ΔW = η/B (V0ᵀPh0 − V2ᵀPh2), Δa = η/B Σ(V0 − V2), Δb = η/B Σ(Ph0 − Ph2).
    const rng = new Rng("rbm-cd-prob-k2");
    const m = randomModel(rng, 4, 3);
    const V0 = rng.binaryMat(3, 4);
    const Uh0 = rng.uniformMat(3, 3);
    const Uh1 = rng.uniformMat(3, 3);
    const eta = 0.2;
    const out = cdkProbabilities(V0, m.W, m.a, m.b, eta, 2, { Uh0, Uh: [Uh1] });
    const Ph0 = hiddenProbsBatch(V0, m.W, m.b);
    const V1 = visibleProbsBatch(sampleHidden(V0, m.W, m.b, Uh0), m.W, m.a);
    const V2 = visibleProbsBatch(sampleHidden(V1, m.W, m.b, Uh1), m.W, m.a);
    const Ph2 = hiddenProbsBatch(V2, m.W, m.b);
    expect(out.Vk).toEqual(V2);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 3; j++) {
        const pos = V0.reduce((s, v, r) => s + v[i] * Ph0[r][j], 0) / 3;
        const neg = V2.reduce((s, v, r) => s + v[i] * Ph2[r][j], 0) / 3;
        expect(out.W[i][j]).toBeCloseTo(m.W[i][j] + eta * (pos - neg), 14);
      }
      expect(out.a[i]).toBeCloseTo(m.a[i] + (eta / 3) * V0.reduce((s, v, r) => s + v[i] - V2[r][i], 0), 14);
    }
    for (let j = 0; j < 3; j++)
      expect(out.b[j]).toBeCloseTo(m.b[j] + (eta / 3) * Ph0.reduce((s, p, r) => s + p[j] - Ph2[r][j], 0), 14);
    // the visible reconstruction is never binarised
    expect(out.Vk.flat().some((x) => x !== 0 && x !== 1)).toBe(true);
  });

  it("rejects malformed uniforms with a clear message", () => {
    const m = randomModel(new Rng(1), 3, 2);
    expect(() =>
      cdk([[1, 0, 1]], m.W, m.a, m.b, 0.1, 2, { Uh0: [[0.5, 0.5]], Uv: [[[0.1, 0.2, 0.3]]], Uh: [] }),
    ).toThrow(/Uv must hold k = 2/);
    expect(() => cd1([[1, 0, 1]], m.W, m.a, [0], 0.1, [[0.5]], [[0.1, 0.2, 0.3]])).toThrow(/b has length 1/);
  });

  it("PCD continues the persistent chain, not the data", () => {
    const rng = new Rng("rbm-pcd");
    const m = randomModel(rng, 4, 3);
    const V0 = rng.binaryMat(3, 4);
    const chain = rng.binaryMat(3, 4);
    const U = { Uh: [rng.uniformMat(3, 3)], Uv: [rng.uniformMat(3, 4)] };
    const out = pcdStep(V0, m.W, m.a, m.b, 0.1, chain, U);
    const H = sampleHidden(chain, m.W, m.b, U.Uh[0]);
    const C = visibleProbsBatch(H, m.W, m.a).map((row, r) => row.map((p, i) => (U.Uv[0][r][i] < p ? 1 : 0)));
    expect(out.chain).toEqual(C);
    // with the chain equal to the data and the same uniforms (M = B), one PCD-1 step is exactly one CD-1 step:
    const same = pcdStep(V0, m.W, m.a, m.b, 0.1, V0, U);
    expect(same.chain).toEqual(cd1(V0, m.W, m.a, m.b, 0.1, U.Uh[0], U.Uv[0]).Vk);
    expect(same.W).toEqual(cd1(V0, m.W, m.a, m.b, 0.1, U.Uh[0], U.Uv[0]).W);
  });

  it("reconstruction error is Σ (V0 − Pv1)²", () => {
    // W = 0, a = [0, ln 3], b = [0]: Pv1 = [0.5, 0.75] whatever H0; V0 = [[1, 1]] → 0.25 + 0.0625.
    expect(reconstructionError([[1, 1]], [[0], [0]], [0, Math.log(3)], [0], [[0.5]])).toBeCloseTo(0.3125, 14);
  });
});

describe("RBM uniforms for graded cases", () => {
  it("keep every uniform ≥ 1e-6 from its threshold along the reference chain", () => {
    const rng = new Rng("rbm-safe-uniforms");
    // saturating weights put many probabilities at exactly 0 or 1, where the margin matters most
    for (const std of [1, 30]) {
      const m = randomRbm(rng, 5, 4, std);
      const V0 = rng.binaryMat(4, 5);
      const k = 3;
      const U = safeCdUniforms(rng, V0, m.W, m.a, m.b, k);
      const Ph0 = hiddenProbsBatch(V0, m.W, m.b);
      const gaps: number[] = Ph0.flatMap((row, r) => row.map((p, j) => Math.abs(U.Uh0[r][j] - p)));
      let H = sampleHidden(V0, m.W, m.b, U.Uh0);
      for (let t = 1; t <= k; t++) {
        const Pv = visibleProbsBatch(H, m.W, m.a);
        Pv.forEach((row, r) => row.forEach((p, i) => gaps.push(Math.abs(U.Uv[t - 1][r][i] - p))));
        const V = Pv.map((row, r) => row.map((p, i) => (U.Uv[t - 1][r][i] < p ? 1 : 0)));
        if (t < k) {
          const Ph = hiddenProbsBatch(V, m.W, m.b);
          Ph.forEach((row, r) => row.forEach((p, j) => gaps.push(Math.abs(U.Uh[t - 1][r][j] - p))));
          H = sampleHidden(V, m.W, m.b, U.Uh[t - 1]);
        }
      }
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1e-6);
      expect(U.Uv).toHaveLength(k);
      expect(U.Uh).toHaveLength(k - 1);
      const P = safePcdUniforms(rng, V0, m.W, m.a, m.b, 2);
      expect(P.Uh).toHaveLength(2);
      expect(P.Uv[1]).toHaveLength(4);
    }
  });
});

describe("RBM AIS", () => {
  it("agrees with exact log Z within 3 standard errors on tiny RBMs", () => {
    const rng = new Rng("rbm-ais");
    for (const [nv, nh] of [
      [6, 4],
      [5, 5],
      [8, 3],
    ]) {
      const m = randomModel(rng, nv, nh, 1);
      const exact = logZ(m.W, m.a, m.b);
      const est = aisLogZ(m.W, m.a, m.b, { rng: rng.fork(), runs: 100, betas: 500 });
      record("AIS |log Ẑ − log Z| / stdErr", Math.abs(est.logZ - exact) / est.stdErr);
      expect(est.stdErr).toBeGreaterThan(0);
      expect(Math.abs(est.logZ - exact)).toBeLessThan(3 * est.stdErr);
    }
  });

  it("is exact with zero weights (every importance weight is 1)", () => {
    const a = [0.3, -1, 2];
    const b = [0.5, -0.2];
    const W = [
      [0, 0],
      [0, 0],
      [0, 0],
    ];
    const est = aisLogZ(W, a, b, { rng: new Rng(3), runs: 10, betas: 20, baseVisibleBias: a });
    // W = 0: Z = Π_i (1 + e^{a_i}) Π_j (1 + e^{b_j}). Every intermediate f_β differs from the base only through
    // Σ_j softplus(β b_j), which does not depend on v, so every run has the same weight and the estimate is exact.
    const exact = a.reduce((s, x) => s + softplus(x), 0) + b.reduce((s, x) => s + softplus(x), 0);
    expect(Math.abs(est.logZ - exact)).toBeLessThan(1e-12);
    expect(logZ(W, a, b)).toBeCloseTo(exact, 13);
    expect(est.stdErr).toBeLessThan(1e-12);
  });

  it("agrees with exact log Z within 3 standard errors with other base-rate visible biases", () => {
    const rng = new Rng("rbm-ais-base");
    for (const [nv, nh] of [
      [6, 4],
      [4, 7],
    ]) {
      const m = randomModel(rng, nv, nh, 1);
      const exact = logZ(m.W, m.a, m.b);
      for (const base of [m.a.map(() => 0), m.a.map((x) => -x)]) {
        const est = aisLogZ(m.W, m.a, m.b, { rng: rng.fork(), runs: 100, betas: 500, baseVisibleBias: base });
        record("AIS |log Ẑ − log Z| / stdErr", Math.abs(est.logZ - exact) / est.stdErr);
        expect(Math.abs(est.logZ - exact)).toBeLessThan(3 * est.stdErr);
      }
    }
  });

  it("is deterministic for a given seed", () => {
    const m = randomModel(new Rng(9), 4, 3);
    const one = aisLogZ(m.W, m.a, m.b, { rng: new Rng(5), runs: 5, betas: 10 });
    const two = aisLogZ(m.W, m.a, m.b, { rng: new Rng(5), runs: 5, betas: 10 });
    expect(one).toEqual(two);
  });
});

describe("RBM stability", () => {
  const n = 8;
  const v = Array.from({ length: n + 1 }, (_, i) => i * 100); // v = (0..n)·100
  const W = Array.from({ length: n + 1 }, (_, i) => [50, -50, i % 2 ? 50 : -50]);
  const a = Array.from({ length: n + 1 }, () => 1);
  const b = [0.5, -0.5, 0];

  it("free energy and softplus stay finite for v = (0..n)·100 and weights ±50", () => {
    const F = freeEnergy(v, W, a, b);
    expect(Number.isFinite(F)).toBe(true);
    // Σ_i v_i = 100·(0 + 1 + … + 8) = 3600, so −aᵀv = −3600 and
    // z_1 = 0.5 + 50·3600 = 180000.5 → softplus = 180000.5 (exactly, e^{−180000.5} underflows);
    // z_2 = −0.5 − 180000 → softplus = 0;
    // z_3 = 50·100·(1 + 3 + 5 + 7) − 50·100·(0 + 2 + 4 + 6 + 8) = 80000 − 100000 = −20000 → softplus = 0.
    // F = −3600 − 180000.5 = −183600.5.
    expect(F).toBe(-183600.5);
    // z_1 = 0.5 + 50·Σv = 0.5 + 50·3600 > 0 ⇒ softplus = z; z_2 = −z_1 + 1 ⇒ softplus ≈ 0.
    const z1 = 0.5 + 50 * 3600;
    expect(softplus(z1)).toBe(z1);
    expect(softplus(-z1)).toBe(0);
    expect(Number.isFinite(softplus(1e308))).toBe(true);
    expect(Number.isFinite(freeEnergyBatch([v, v.map(() => 0)], W, a, b)[0])).toBe(true);
  });

  it("exact log Z and pseudo-likelihood stay finite with weights ±50", () => {
    const rng = new Rng("rbm-stable");
    const Wbig = rng.gaussianMat(6, 4).map((r) => r.map((x) => (x > 0 ? 50 : -50)));
    const lz = logZ(Wbig, [1, 1, 1, 1, 1, 1], [1, 1, 1, 1]);
    expect(Number.isFinite(lz)).toBe(true);
    expect(logZ(Wbig, [1, 1, 1, 1, 1, 1], [1, 1, 1, 1], "visible")).toBeCloseTo(lz, 9);
    const pl = pseudoLikelihoodBatch([[1, 0, 1, 1, 0, 1]], Wbig, [0, 0, 0, 0, 0, 0], [0, 0, 0, 0], [2]);
    expect(Number.isFinite(pl)).toBe(true);
  });
});

describe("RBM misconceptions differ from the reference by more than the grading tolerance", () => {
  const rng = new Rng("rbm-misconceptions");
  const nv = 4;
  const nh = 3;
  /** Inputs at a normal scale and at a saturating scale (large weights), so overflow-only mistakes show. */
  const scales = [1, 1000];

  function expectAllDiffer<A extends unknown[], O>(
    name: string,
    ref: (...args: A) => O,
    ms: Misconception<A, O>[],
    gen: (scale: number) => unknown[],
  ): void {
    const inputs = scales.flatMap((s) => [gen(s), gen(s)]) as A[];
    const expected = inputs.map((args) => ref(...args));
    for (const m of ms) {
      const worst = Math.max(...inputs.map((args, i) => toleranceRatio(m.fn(...args), expected[i])));
      expect(worst, `${name}: ${m.id}`).toBeGreaterThan(1);
      expect(m.hint.en.length).toBeGreaterThan(10);
      expect(m.hint.zh.length).toBeGreaterThan(5);
    }
  }

  it("energy", () => {
    expectAllDiffer("energy", energyBatch, MC.energyBatchMisconceptions, (s) => {
      const m = randomModel(rng, nv, nh, s);
      return [rng.binaryMat(3, nv), rng.binaryMat(3, nh), m.W, m.a, m.b];
    });
  });
  it("conditionals", () => {
    expectAllDiffer("conditionals", conditionals, MC.conditionalsMisconceptions, (s) => {
      const m = randomModel(rng, nv, nh, s);
      return [rng.binaryMat(3, nv), rng.binaryMat(3, nh), m.W, m.a, m.b];
    });
  });
  it("free energy", () => {
    expectAllDiffer("free energy", freeEnergyBatch, MC.freeEnergyBatchMisconceptions, (s) => {
      const m = randomModel(rng, nv, nh, s);
      return [rng.binaryMat(3, nv), m.W, m.a, m.b];
    });
  });
  it("exact log Z", () => {
    expectAllDiffer(
      "log Z",
      (W: Mat, a: Vec, b: Vec) => logZ(W, a, b),
      MC.logZMisconceptions,
      (s) => {
        const m = randomModel(rng, nv, nh, s);
        return [m.W, m.a, m.b];
      },
    );
  });
  it("CD-1", () => {
    expectAllDiffer("cd1", cd1, MC.cd1Misconceptions, (s) => {
      const m = randomModel(rng, nv, nh, Math.min(s, 1));
      return [rng.binaryMat(3, nv), m.W, m.a, m.b, 0.1, rng.uniformMat(3, nh), rng.uniformMat(3, nv)];
    });
  });
  it("CD-k", () => {
    expectAllDiffer("cdk", cdk, MC.cdkMisconceptions, (s) => {
      const m = randomModel(rng, nv, nh, Math.min(s, 1));
      return [rng.binaryMat(3, nv), m.W, m.a, m.b, 0.1, 3, cdUniforms(rng, 3, nv, nh, 3)];
    });
  });
  it("PCD", () => {
    expectAllDiffer("pcd", pcdStep, MC.pcdStepMisconceptions, (s) => {
      const m = randomModel(rng, nv, nh, Math.min(s, 1));
      return [
        rng.binaryMat(3, nv),
        m.W,
        m.a,
        m.b,
        0.1,
        rng.binaryMat(3, nv),
        { Uh: [rng.uniformMat(3, nh)], Uv: [rng.uniformMat(3, nv)] },
      ];
    });
  });
  it("pseudo-likelihood", () => {
    expectAllDiffer("pseudo-likelihood", pseudoLikelihoodBatch, MC.pseudoLikelihoodBatchMisconceptions, (s) => {
      const m = randomModel(rng, nv, nh, Math.min(s, 1));
      return [rng.binaryMat(3, nv), m.W, m.a, m.b, [0, 1, 2, 3].slice(0, 3).map(() => rng.int(nv))];
    });
  });

  it("reports the largest relative errors seen", () => {
    console.log("RBM largest relative errors:", JSON.stringify(observed, null, 1));
    expect(Object.keys(observed).length).toBeGreaterThan(5);
  });
});
