/**
 * Boltzmann machine (lecture 10.2; DOMAIN.md "10.2 Boltzmann machine").
 *
 * Same units, input and energy as the Hopfield network (reference/hopfield.ts): x ∈ {0,1}^n,
 * W `n × n` symmetric with zero diagonal, b thresholds, u_i = Σ_j w_ij x_j − b_i,
 * E(x) = −½ xᵀWx + bᵀx. Every random draw is an explicit uniform r ∈ [0,1); nothing here
 * calls Math.random. Functions never mutate their arguments.
 */

import { hopfieldEnergy, hopfieldInput } from "./hopfield";
import { type Mat, type Vec, allBinary, logsumexp, sigmoid, zeros, zerosMat } from "./numerics";
import type { Rng } from "./random";

/**
 * Firing probability of a stochastic unit at temperature T > 0: p(x_i = 1 | u_i) = σ(u_i / T).
 * (†) The slide writes x_i·u_i in the exponent; the argument is u_i.
 */
export function unitProbability(u: number, T: number): number {
  if (!(T > 0)) throw new RangeError(`unitProbability: temperature must be positive, got ${T}`);
  return sigmoid(u / T);
}

/** Firing probabilities of all units from state x at temperature T: p_i = σ(u_i / T), u_i = Σ_j w_ij x_j − b_i. Returns length n. */
export function firingProbabilities(W: Mat, b: Vec, x: Vec, T: number): Vec {
  return x.map((_, i) => unitProbability(hopfieldInput(W, b, x, i), T));
}

/**
 * One Gibbs sweep at temperature T: for the t-th visit, i = order[t], p = σ(u_i / T) from the
 * LATEST state, then x_i ← 1 if uniforms[t] < p, else 0. W `n × n`, b and x length n,
 * uniforms.length = order.length. Returns the new state.
 */
export function gibbsSweep(W: Mat, b: Vec, x: Vec, order: number[], uniforms: Vec, T: number): Vec {
  if (uniforms.length !== order.length) {
    throw new RangeError(`gibbsSweep: need one uniform per visit (${order.length}), got ${uniforms.length}`);
  }
  const s = x.slice();
  order.forEach((i, t) => {
    s[i] = uniforms[t] < unitProbability(hopfieldInput(W, b, s, i), T) ? 1 : 0;
  });
  return s;
}

/** Energy change of flipping unit i (x_i → 1 − x_i): ΔE = −u_i · Δx_i with Δx_i = 1 − 2x_i. */
export function flipEnergyChange(W: Mat, b: Vec, x: Vec, i: number): number {
  return -hopfieldInput(W, b, x, i) * (1 - 2 * x[i]);
}

/** Metropolis acceptance of a move with energy change ΔE at temperature T, uniform r ∈ [0,1): (ΔE ≤ 0) || (r < exp(−ΔE / T)). */
export function metropolisAccept(dE: number, T: number, r: number): boolean {
  return dE <= 0 || r < Math.exp(-dE / T);
}

/** Geometric annealing schedule: T_k = T0 · α^k for k = 0 … K−1 (K temperatures). */
export function geometricSchedule(T0: number, alpha: number, K: number): Vec {
  return Array.from({ length: K }, (_, k) => T0 * Math.pow(alpha, k));
}

export interface AnnealSchedule {
  /** Initial temperature T0 > 0. */
  T0: number;
  /** Cooling factor α ∈ (0, 1). */
  alpha: number;
  /** Number of temperatures K (T_0 … T_{K−1}). */
  steps: number;
  /** Sweeps performed at each temperature. */
  sweepsPerTemp: number;
}

export interface AnnealResult {
  /** Final state. */
  state: Vec;
  /** E(final state). */
  energy: number;
  /** Number of accepted flips over the whole run. */
  accepted: number;
}

/**
 * Simulated annealing with single-flip Metropolis moves. For each temperature T_k of
 * geometricSchedule(T0, α, K), perform `sweepsPerTemp` sweeps; a sweep visits the units in `order`,
 * and at each visit of unit i proposes the flip x_i → 1 − x_i, computes ΔE = −u_i (1 − 2x_i) from the
 * latest state, and applies it when metropolisAccept(ΔE, T_k, r) with the next uniform r.
 * uniforms is consumed in sequence, one per visit: length K · sweepsPerTemp · order.length.
 */
export function anneal(
  W: Mat,
  b: Vec,
  x0: Vec,
  schedule: AnnealSchedule,
  order: number[],
  uniforms: Vec,
): AnnealResult {
  const temps = geometricSchedule(schedule.T0, schedule.alpha, schedule.steps);
  const need = temps.length * schedule.sweepsPerTemp * order.length;
  if (uniforms.length !== need) throw new RangeError(`anneal: need ${need} uniforms, got ${uniforms.length}`);
  const x = x0.slice();
  let t = 0;
  let accepted = 0;
  for (const T of temps) {
    for (let s = 0; s < schedule.sweepsPerTemp; s++) {
      for (const i of order) {
        if (metropolisAccept(flipEnergyChange(W, b, x, i), T, uniforms[t++])) {
          x[i] = 1 - x[i];
          accepted++;
        }
      }
    }
  }
  return { state: x, energy: hopfieldEnergy(W, b, x), accepted };
}

/** `anneal` with its uniforms drawn from `rng` (for experiments; exercises pass uniforms explicitly). */
export function annealWithRng(
  W: Mat,
  b: Vec,
  x0: Vec,
  schedule: AnnealSchedule,
  order: number[],
  rng: Rng,
): AnnealResult {
  return anneal(W, b, x0, schedule, order, rng.uniformVec(schedule.steps * schedule.sweepsPerTemp * order.length));
}

function checkEnumerable(n: number, who: string): void {
  if (n > 16) throw new RangeError(`${who}: n = ${n} is too large to enumerate (n ≤ 16)`);
}

/** Exact log Z = log Σ_x exp(−E(x)) over all 2^n states, at T = 1, by log-sum-exp. n ≤ 16. */
export function bmLogPartition(W: Mat, b: Vec): number {
  checkEnumerable(b.length, "bmLogPartition");
  return logsumexp(allBinary(b.length).map((x) => -hopfieldEnergy(W, b, x)));
}

/** P(x) = exp(−E(x) − log Z), at T = 1. */
export function bmProbability(W: Mat, b: Vec, x: Vec): number {
  return Math.exp(-hopfieldEnergy(W, b, x) - bmLogPartition(W, b));
}

/** The whole distribution: P(x) for every x of allBinary(n), in that (counting) order. */
export function bmDistribution(W: Mat, b: Vec): Vec {
  checkEnumerable(b.length, "bmDistribution");
  const states = allBinary(b.length);
  const negE = states.map((x) => -hopfieldEnergy(W, b, x));
  const logZ = logsumexp(negE);
  return negE.map((e) => Math.exp(e - logZ));
}

/** Log-likelihood of K training vectors X (`K × n`): ln L = Σ_k −E(x^k) − K log Z. */
export function bmLogLikelihood(W: Mat, b: Vec, X: Mat): number {
  return X.reduce((acc, x) => acc - hopfieldEnergy(W, b, x), 0) - X.length * bmLogPartition(W, b);
}

export interface BmGradient {
  /** ∂ ln L / ∂w_ij, `n × n`, symmetric, zero diagonal. */
  dW: Mat;
  /** ∂ ln L / ∂b_i, length n. */
  db: Vec;
}

/**
 * Exact log-likelihood gradient for K training vectors X (`K × n`), by enumeration (n ≤ 16):
 *   ∂ ln L / ∂w_ij = Σ_k x_i^k x_j^k − K · E_model[x_i x_j]   for i ≠ j (w_ij = w_ji is one parameter); 0 on the diagonal;
 *   ∂ ln L / ∂b_i  = −(Σ_k x_i^k − K · E_model[x_i])           (b are thresholds).
 * (†) The slide flips the sign of the bias term between two pages; this is the consistent form.
 */
export function bmGradient(W: Mat, b: Vec, X: Mat): BmGradient {
  const n = b.length;
  checkEnumerable(n, "bmGradient");
  const K = X.length;
  const states = allBinary(n);
  const P = bmDistribution(W, b);
  const Exx = zerosMat(n, n);
  const Ex = zeros(n);
  states.forEach((x, s) => {
    const p = P[s];
    for (let i = 0; i < n; i++) {
      if (x[i] === 0) continue;
      Ex[i] += p;
      for (let j = 0; j < n; j++) if (x[j] !== 0) Exx[i][j] += p;
    }
  });
  const dW = zerosMat(n, n);
  const db = zeros(n);
  for (const x of X)
    for (let i = 0; i < n; i++) {
      db[i] -= x[i];
      for (let j = 0; j < n; j++) if (i !== j) dW[i][j] += x[i] * x[j];
    }
  for (let i = 0; i < n; i++) {
    db[i] += K * Ex[i];
    for (let j = 0; j < n; j++) if (i !== j) dW[i][j] -= K * Exx[i][j];
  }
  return { dW, db };
}

export interface BmExact extends BmGradient {
  /** log Z at T = 1. */
  logZ: number;
}

/** log Z together with the exact log-likelihood gradient of X (`K × n`): the small-BM exercise's output. */
export function bmExact(W: Mat, b: Vec, X: Mat): BmExact {
  return { logZ: bmLogPartition(W, b), ...bmGradient(W, b, X) };
}
