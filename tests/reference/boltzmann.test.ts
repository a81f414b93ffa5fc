import { describe, expect, it } from "vitest";
import {
  anneal,
  annealWithRng,
  bmDistribution,
  bmExact,
  bmGradient,
  bmLogLikelihood,
  bmLogPartition,
  bmProbability,
  firingProbabilities,
  flipEnergyChange,
  geometricSchedule,
  gibbsSweep,
  metropolisAccept,
  unitProbability,
} from "@/reference/boltzmann";
import { maxRelativeError, numericalGradient } from "@/reference/gradcheck";
import { hopfieldEnergy, randomSymmetricWeights } from "@/reference/hopfield";
import * as M from "@/reference/misconceptions/boltzmann";
import { type Mat, type Vec, allBinary, sum } from "@/reference/numerics";
import { Rng } from "@/reference/random";
import { toleranceRatio } from "./tolerance";

describe("Boltzmann machine golden values", () => {
  it("unit probability σ(u/T)", () => {
    // u = 2, T = 2: σ(1) = 1 / (1 + e^{−1}) = 0.7310585786300049.
    expect(unitProbability(2, 2)).toBeCloseTo(0.7310585786300049, 15);
    // u = 0 at any T: ½.
    expect(unitProbability(0, 0.1)).toBe(0.5);
    // W = [[0, 1], [1, 0]], b = [0.5, 0], x = [0, 1], T = 1: u_1 = 1 − 0.5 = 0.5, u_2 = 0 − 0 = 0.
    expect(
      firingProbabilities(
        [
          [0, 1],
          [1, 0],
        ],
        [0.5, 0],
        [0, 1],
        1,
      ),
    ).toEqual([1 / (1 + Math.exp(-0.5)), 0.5]);
    expect(() => unitProbability(1, 0)).toThrow(/temperature/);
  });
  it("Gibbs sweep uses the latest state and x ← 1 iff r < p", () => {
    // W = [[0, 4], [4, 0]], b = [2, 2], x = [0, 0], order [0, 1], T = 1.
    // Visit 0: u = 0 − 2 = −2, p = σ(−2) = 0.1192; r = 0.1 < p → x_0 = 1.
    // Visit 1: u = 4·1 − 2 = 2, p = σ(2) = 0.8808; r = 0.9 ≥ p → x_1 = 0.
    expect(
      gibbsSweep(
        [
          [0, 4],
          [4, 0],
        ],
        [2, 2],
        [0, 0],
        [0, 1],
        [0.1, 0.9],
        1,
      ),
    ).toEqual([1, 0]);
    // Visit 1 with r = 0.8 < 0.8808 → 1 (it saw x_0 = 1; from the old state p would be σ(−2)).
    expect(
      gibbsSweep(
        [
          [0, 4],
          [4, 0],
        ],
        [2, 2],
        [0, 0],
        [0, 1],
        [0.1, 0.8],
        1,
      ),
    ).toEqual([1, 1]);
  });
  it("Metropolis and the geometric schedule", () => {
    // ΔE = 1, T = 1: accept iff r < e^{−1} = 0.36788.
    expect(metropolisAccept(1, 1, 0.36)).toBe(true);
    expect(metropolisAccept(1, 1, 0.37)).toBe(false);
    expect(metropolisAccept(-3, 0.01, 0.999)).toBe(true);
    expect(metropolisAccept(0, 1, 0.999)).toBe(true);
    // T0 = 8, α = 0.5, K = 4: 8, 4, 2, 1.
    expect(geometricSchedule(8, 0.5, 4)).toEqual([8, 4, 2, 1]);
  });
  it("exact log Z of a two-unit machine", () => {
    // W = [[0, 1], [1, 0]], b = [0, 0]: E(00) = E(10) = E(01) = 0, E(11) = −1.
    // Z = 1 + 1 + 1 + e = 5.718281828459045, log Z = 1.7436683806...
    expect(
      bmLogPartition(
        [
          [0, 1],
          [1, 0],
        ],
        [0, 0],
      ),
    ).toBeCloseTo(Math.log(3 + Math.E), 14);
    expect(
      bmProbability(
        [
          [0, 1],
          [1, 0],
        ],
        [0, 0],
        [1, 1],
      ),
    ).toBeCloseTo(Math.E / (3 + Math.E), 14);
    // Gradient for X = [[1, 1]] (K = 1): ∂/∂w_12 = 1 − P(11) = 3/(3+e); ∂/∂b_i = −(1 − E[x_i]) = −(1 − (1+e)/(3+e)).
    const g = bmGradient(
      [
        [0, 1],
        [1, 0],
      ],
      [0, 0],
      [[1, 1]],
    );
    expect(g.dW[0][1]).toBeCloseTo(3 / (3 + Math.E), 14);
    expect(g.dW[1][0]).toBeCloseTo(3 / (3 + Math.E), 14);
    expect(g.dW[0][0]).toBe(0);
    expect(g.db[0]).toBeCloseTo(-(1 - (1 + Math.E) / (3 + Math.E)), 14);
  });
});

describe("Boltzmann machine exact distribution", () => {
  it("Σ_x P(x) = 1 and P(x) ∝ exp(−E(x)), also for large weights", () => {
    const rng = new Rng("bm-distribution");
    let worst = 0;
    for (let t = 0; t < 20; t++) {
      const n = rng.intRange(1, 10);
      const std = t < 15 ? 1 : 300; // the last ones overflow a naive exp
      const W = randomSymmetricWeights(rng, n, std);
      const b = rng.gaussianVec(n, std);
      const P = bmDistribution(W, b);
      worst = Math.max(worst, Math.abs(sum(P) - 1));
      expect(Number.isFinite(bmLogPartition(W, b))).toBe(true);
      const states = allBinary(n);
      const [x0, x1] = [states[0], states[states.length - 1]];
      if (std === 1)
        expect(Math.log(P[0] / P[states.length - 1])).toBeCloseTo(
          hopfieldEnergy(W, b, x1) - hopfieldEnergy(W, b, x0),
          10,
        );
    }
    console.log("BM |ΣP − 1| max:", worst);
    expect(worst).toBeLessThan(1e-12);
  });

  it("the log-likelihood gradient matches central differences of the exact ln L (rel. err. < 1e-7)", () => {
    const rng = new Rng("bm-gradcheck");
    let worst = 0;
    for (let t = 0; t < 12; t++) {
      const n = rng.intRange(2, 6);
      const W = randomSymmetricWeights(rng, n, 0.7);
      const b = rng.gaussianVec(n, 0.7);
      const X = rng.binaryMat(rng.intRange(1, 5), n);
      // θ = (w_ij for i < j, then b): w_ij = w_ji is one parameter.
      const pairs: [number, number][] = [];
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
      const unpack = (theta: Vec): [Mat, Vec] => {
        const Wt = W.map((r) => r.map(() => 0));
        pairs.forEach(([i, j], p) => (Wt[i][j] = Wt[j][i] = theta[p]));
        return [Wt, theta.slice(pairs.length)];
      };
      const theta = [...pairs.map(([i, j]) => W[i][j]), ...b];
      const num = numericalGradient((th) => bmLogLikelihood(...unpack(th), X), theta);
      const g = bmGradient(W, b, X);
      const ana = [...pairs.map(([i, j]) => g.dW[i][j]), ...g.db];
      worst = Math.max(worst, maxRelativeError(ana, num));
      for (let i = 0; i < n; i++) {
        expect(g.dW[i][i]).toBe(0);
        for (let j = 0; j < n; j++) expect(g.dW[i][j]).toBe(g.dW[j][i]);
      }
    }
    console.log("BM gradient vs central difference, max relative error:", worst);
    expect(worst).toBeLessThan(1e-7);
  });
});

describe("simulated annealing", () => {
  it("finds the ground state of small machines known by enumeration", () => {
    const rng = new Rng("bm-anneal");
    let found = 0;
    const runs = 20;
    for (let t = 0; t < runs; t++) {
      const n = 8;
      const W = randomSymmetricWeights(rng, n);
      const b = rng.gaussianVec(n);
      const energies = allBinary(n).map((x) => hopfieldEnergy(W, b, x));
      const ground = Math.min(...energies);
      const res = annealWithRng(
        W,
        b,
        rng.binaryVec(n),
        { T0: 4, alpha: 0.9, steps: 60, sweepsPerTemp: 10 },
        rng.permutation(n),
        rng,
      );
      expect(res.energy).toBeCloseTo(hopfieldEnergy(W, b, res.state), 12);
      if (Math.abs(res.energy - ground) < 1e-9) found++;
    }
    console.log(`annealing found the enumerated ground state in ${found}/${runs} runs`);
    expect(found).toBeGreaterThanOrEqual(18);
  });
  it("consumes one uniform per visit and rejects a wrong count", () => {
    const W = [
      [0, 1],
      [1, 0],
    ];
    const sch = { T0: 1, alpha: 0.5, steps: 2, sweepsPerTemp: 1 };
    expect(() => anneal(W, [0, 0], [0, 0], sch, [0, 1], [0.5])).toThrow(/4 uniforms/);
    // T = 1: visit 0, ΔE = −u·(1) = −(0·1 − 0) = 0 → accept (x = [1, 0]); visit 1, u = 1, ΔE = −1 → accept ([1, 1]).
    // T = 0.5: visit 0, u = 1, ΔE = +1, accept iff r < e^{−2} = 0.1353: r = 0.2 rejects; visit 1 likewise (ΔE = +1) with r = 0.1 accepts → [1, 0], E = 0.
    expect(anneal(W, [0, 0], [0, 0], sch, [0, 1], [0.9, 0.9, 0.2, 0.1])).toEqual({
      state: [1, 0],
      energy: 0,
      accepted: 3,
    });
  });
});

describe("Boltzmann misconceptions differ from the reference beyond the grading tolerance", () => {
  const rng = new Rng("bm-misconceptions");
  const draws = Array.from({ length: 20 }, () => {
    const n = rng.intRange(3, 6);
    return {
      n,
      W: randomSymmetricWeights(rng, n),
      b: rng.gaussianVec(n),
      x: rng.binaryVec(n),
      order: rng.permutation(n),
      X: rng.binaryMat(3, n),
    };
  });
  const worst = (xs: number[]) => Math.max(...xs);
  it("stochastic unit, Gibbs, annealing and exact-gradient variants", () => {
    for (const m of M.firingProbabilitiesMisconceptions) {
      expect(
        worst(draws.map((d) => toleranceRatio(m.fn(d.W, d.b, d.x, 2), firingProbabilities(d.W, d.b, d.x, 2)))),
        m.id,
      ).toBeGreaterThan(1);
    }
    for (const m of M.gibbsSweepMisconceptions) {
      const r = draws.map((d) => {
        const U = rng.uniformVec(d.n);
        return toleranceRatio(m.fn(d.W, d.b, d.x, d.order, U, 2), gibbsSweep(d.W, d.b, d.x, d.order, U, 2));
      });
      expect(worst(r), m.id).toBeGreaterThan(1);
    }
    const sch = { T0: 3, alpha: 0.7, steps: 4, sweepsPerTemp: 2 };
    for (const m of M.annealMisconceptions) {
      const r = draws.map((d) => {
        const U = rng.uniformVec(8 * d.n);
        return toleranceRatio(m.fn(d.W, d.b, d.x, sch, d.order, U), anneal(d.W, d.b, d.x, sch, d.order, U));
      });
      expect(worst(r), m.id).toBeGreaterThan(1);
    }
    for (const m of M.bmExactMisconceptions) {
      expect(
        worst(draws.map((d) => toleranceRatio(m.fn(d.W, d.b, d.X), bmExact(d.W, d.b, d.X)))),
        m.id,
      ).toBeGreaterThan(1);
    }
  });
});

describe("graded Gibbs and annealing cases never sit on a threshold", () => {
  // DOMAIN.md "Binary states": along the reference chain, every uniform is ≥ 1e-6 from the probability it meets.
  it("bm-gibbs-sweep and bm-annealing, 50 seeds each", async () => {
    const gibbs = (await import("@/exercises/10.2-bm-gibbs-sweep/exercise")).default;
    const annealing = (await import("@/exercises/10.2-bm-annealing/exercise")).default;
    let closest = Infinity;
    for (let seed = 0; seed < 50; seed++) {
      for (const c of [...gibbs.visibleCases(new Rng(seed)), ...gibbs.hiddenCases(new Rng(seed))]) {
        const [W, b, x, order, U, T] = c.args;
        const s = x.slice();
        order.forEach((i, t) => {
          const p = firingProbabilities(W, b, s, T)[i];
          closest = Math.min(closest, Math.abs(U[t] - p));
          s[i] = U[t] < p ? 1 : 0;
        });
      }
      for (const c of [...annealing.visibleCases(new Rng(seed)), ...annealing.hiddenCases(new Rng(seed))]) {
        const [W, b, x0, sch, order, U] = c.args;
        const x = x0.slice();
        let t = 0;
        for (const T of geometricSchedule(sch.T0, sch.alpha, sch.steps)) {
          for (let k = 0; k < sch.sweepsPerTemp; k++) {
            for (const i of order) {
              const dE = flipEnergyChange(W, b, x, i);
              const r = U[t++];
              if (dE > 0) closest = Math.min(closest, Math.abs(r - Math.exp(-dE / T)));
              if (metropolisAccept(dE, T, r)) x[i] = 1 - x[i];
            }
          }
        }
      }
    }
    console.log("graded Gibbs/annealing cases: closest uniform to its threshold", closest);
    expect(closest).toBeGreaterThanOrEqual(1e-6);
  });
});

describe("Gibbs sweeps and Metropolis moves sample the Boltzmann distribution", () => {
  /**
   * Runs a chain of S sweeps (one `step` per sweep), and compares the visit frequency of each of the 2^n states with
   * the exact P(x) at temperature T, computed by enumeration as bmDistribution(W/T, b/T) (E is linear in W and b).
   * Monte-Carlo bound: the S sweeps are cut into R batches; |frequency − P| < 5 · (standard error of the R batch
   * frequencies) + 2e-3 for every state. Returns the worst |frequency − P| / bound.
   */
  function chainVsExact(W: Mat, b: Vec, T: number, step: (x: Vec) => Vec, rng: Rng): number {
    const n = b.length;
    const exact = bmDistribution(
      W.map((r) => r.map((w) => w / T)),
      b.map((v) => v / T),
    );
    const R = 40;
    const perBatch = 1000;
    const counts = Array.from({ length: R }, () => new Array<number>(1 << n).fill(0));
    let x = rng.binaryVec(n);
    for (let s = 0; s < 200; s++) x = step(x); // burn-in
    for (let r = 0; r < R; r++) {
      for (let s = 0; s < perBatch; s++) {
        x = step(x);
        counts[r][x.reduce((k, v, i) => k + (v << i), 0)]++;
      }
    }
    let worstRatio = 0;
    exact.forEach((p, state) => {
      const f = counts.map((c) => c[state] / perBatch);
      const mean = sum(f) / R;
      const se = Math.sqrt(sum(f.map((v) => (v - mean) ** 2)) / (R - 1) / R);
      worstRatio = Math.max(worstRatio, Math.abs(mean - p) / (5 * se + 2e-3));
    });
    return worstRatio;
  }

  it("Gibbs sweeps at T = 1 and T = 2.5 (x_i ← 1 iff r < σ(u_i / T), latest state)", () => {
    const rng = new Rng("bm-gibbs-stationary");
    let worst = 0;
    for (const T of [1, 2.5]) {
      const n = 3;
      const W = randomSymmetricWeights(rng, n, 1.2);
      const b = rng.gaussianVec(n);
      const order = rng.permutation(n);
      worst = Math.max(
        worst,
        chainVsExact(W, b, T, (x) => gibbsSweep(W, b, x, order, rng.uniformVec(n), T), rng),
      );
    }
    console.log("Gibbs chain vs exact P(x): worst deviation / Monte-Carlo bound", worst);
    expect(worst).toBeLessThan(1);
  });

  it("Metropolis single-flip sweeps at a constant temperature (α = 1)", () => {
    const rng = new Rng("bm-metropolis-stationary");
    let worst = 0;
    for (const T of [1, 2]) {
      const n = 3;
      const W = randomSymmetricWeights(rng, n, 1.2);
      const b = rng.gaussianVec(n);
      const order = rng.permutation(n);
      const sch = { T0: T, alpha: 1, steps: 1, sweepsPerTemp: 1 };
      worst = Math.max(
        worst,
        chainVsExact(W, b, T, (x) => anneal(W, b, x, sch, order, rng.uniformVec(n)).state, rng),
      );
    }
    console.log("Metropolis chain vs exact P(x): worst deviation / Monte-Carlo bound", worst);
    expect(worst).toBeLessThan(1);
  });
});
