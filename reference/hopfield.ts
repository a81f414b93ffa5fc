/**
 * Hopfield network (lecture 10.1; DOMAIN.md "10.1 Hopfield network").
 *
 * States are binary, x ∈ {0,1}^n. W is n × n, symmetric, zero diagonal. b (length n) are
 * THRESHOLDS: they are subtracted from the weighted input and added in the energy.
 * Functions never mutate their arguments.
 */

import { type Mat, type Vec, zerosMat } from "./numerics";
import type { Rng } from "./random";

/** Energy E(x) = −½ Σ_i Σ_j w_ij x_i x_j + Σ_i b_i x_i. W `n × n`, b and x length n. */
export function hopfieldEnergy(W: Mat, b: Vec, x: Vec): number {
  const n = x.length;
  let quad = 0;
  let lin = 0;
  for (let i = 0; i < n; i++) {
    if (x[i] !== 0) for (let j = 0; j < n; j++) quad += W[i][j] * x[i] * x[j];
    lin += b[i] * x[i];
  }
  return -0.5 * quad + lin;
}

/** Input to unit i: u_i = Σ_j w_ij x_j − b_i. W `n × n`, b and x length n. */
export function hopfieldInput(W: Mat, b: Vec, x: Vec, i: number): number {
  const Wi = W[i];
  let s = 0;
  for (let j = 0; j < x.length; j++) s += Wi[j] * x[j];
  return s - b[i];
}

/** Deterministic update of one unit from its input: 1 if u > 0, 0 if u < 0, keep `xi` if u = 0. */
export function thresholdUpdate(u: number, xi: number): number {
  return u > 0 ? 1 : u < 0 ? 0 : xi;
}

/**
 * One asynchronous sweep: for each index i in `order` (in that order, repeats allowed),
 * x_i ← thresholdUpdate(u_i, x_i) with u_i computed from the LATEST state.
 * W `n × n`, b and x length n, order: indices in {0..n−1}. Returns the new state.
 */
export function hopfieldAsyncSweep(W: Mat, b: Vec, x: Vec, order: number[]): Vec {
  const s = x.slice();
  for (const i of order) s[i] = thresholdUpdate(hopfieldInput(W, b, s, i), s[i]);
  return s;
}

/**
 * One synchronous step: every unit is updated from the OLD state,
 * x_i' = thresholdUpdate(u_i(x), x_i). It can oscillate with period 2.
 */
export function hopfieldSyncStep(W: Mat, b: Vec, x: Vec): Vec {
  return x.map((xi, i) => thresholdUpdate(hopfieldInput(W, b, x, i), xi));
}

/**
 * Hebbian storage of P patterns X (`P × n`, binary) through the bipolar image s = 2x − 1:
 * w_ij = Σ_p s_i^p s_j^p for i ≠ j, w_ii = 0. Returns W `n × n` (thresholds are b = 0).
 */
export function hebbianWeights(X: Mat): Mat {
  if (X.length === 0) throw new RangeError("hebbianWeights: need at least one pattern");
  const n = X[0].length;
  const W = zerosMat(n, n);
  for (const x of X) {
    const s = x.map((v) => 2 * v - 1);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) W[i][j] += s[i] * s[j];
  }
  return W;
}

export interface RecallResult {
  /** The final state. */
  state: Vec;
  /** Number of full asynchronous sweeps performed, including the final sweep that changed nothing. */
  sweeps: number;
}

/**
 * Recall: starting from x0, repeat asynchronous sweeps in `order` until a full sweep changes
 * nothing (a fixed point) or `maxSweeps` sweeps have been performed.
 * `sweeps` counts every sweep performed, including the final no-change sweep; so a state that
 * is already a fixed point returns sweeps = 1, and a run that hits the limit returns sweeps = maxSweeps
 * (its state is then the state after the last sweep, not necessarily a fixed point). maxSweeps ≥ 1.
 */
export function hopfieldRecall(W: Mat, b: Vec, x0: Vec, order: number[], maxSweeps: number): RecallResult {
  if (!(maxSweeps >= 1)) throw new RangeError("hopfieldRecall: maxSweeps must be at least 1");
  let state = x0.slice();
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    const next = hopfieldAsyncSweep(W, b, state, order);
    const changed = next.some((v, i) => v !== state[i]);
    state = next;
    if (!changed) return { state, sweeps: sweep };
  }
  return { state, sweeps: maxSweeps };
}

export interface CapacityPoint {
  /** Number of stored patterns P. */
  patterns: number;
  /** P / n. */
  load: number;
  /** Fraction of probes whose recall ends exactly on the stored pattern. */
  recallRate: number;
}

export interface CapacityOptions {
  /** Independent networks per pattern count (default 5). */
  trials?: number;
  /** Units flipped in each probe (default 0: each stored pattern is its own probe). */
  flips?: number;
  /** Sweep limit of each recall (default 50). */
  maxSweeps?: number;
}

/**
 * Capacity experiment in the bipolar convention of the 0.14·n result (DOMAIN.md "Capacity").
 * For each P in `patternCounts` and each trial: draw P random patterns x ∈ {0,1}^n (each bit 1 with
 * probability ½) from `rng`, store them with `hebbianWeights`, and use thresholds b_i = ½ Σ_j w_ij.
 * With these thresholds the 0/1 network makes exactly the moves of the ±1 network s = 2x − 1 with
 * zero thresholds (u_i = ½ Σ_j w_ij s_j), which is the network the 0.14·n figure refers to; with b = 0
 * a 0/1 network has about half that capacity. Each stored pattern, with `flips` distinct random bits
 * flipped, is a probe; it is recalled in a fresh random order from `rng` (one order per probe, reused
 * every sweep). recallRate = fraction of probes that end exactly on their pattern.
 */
export function hopfieldCapacity(
  n: number,
  patternCounts: number[],
  rng: Rng,
  options: CapacityOptions = {},
): CapacityPoint[] {
  const { trials = 5, flips = 0, maxSweeps = 50 } = options;
  return patternCounts.map((P) => {
    let ok = 0;
    let total = 0;
    for (let t = 0; t < trials; t++) {
      const X = Array.from({ length: P }, () => rng.binaryVec(n));
      const W = hebbianWeights(X);
      const b = W.map((row) => 0.5 * row.reduce((a, v) => a + v, 0));
      for (const x of X) {
        const probe = x.slice();
        for (const i of rng.permutation(n).slice(0, flips)) probe[i] = 1 - probe[i];
        const { state } = hopfieldRecall(W, b, probe, rng.permutation(n), maxSweeps);
        if (state.every((v, i) => v === x[i])) ok++;
        total++;
      }
    }
    return { patterns: P, load: P / n, recallRate: ok / total };
  });
}

/** A random n × n symmetric weight matrix with zero diagonal, entries N(0, std²) (for experiments and case generation). */
export function randomSymmetricWeights(rng: Rng, n: number, std = 1): Mat {
  const W = zerosMat(n, n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) W[i][j] = W[j][i] = std * rng.gaussian();
  return W;
}

/** A random n × n symmetric INTEGER weight matrix with zero diagonal, entries in {−max … max}: inputs u_i = 0 occur often. */
export function randomSymmetricIntWeights(rng: Rng, n: number, max = 2): Mat {
  const W = zerosMat(n, n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) W[i][j] = W[j][i] = rng.intRange(-max, max);
  return W;
}
