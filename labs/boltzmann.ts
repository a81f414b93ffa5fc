/**
 * 10.2 lab: a Boltzmann machine small enough to enumerate. Simulated annealing with the
 * student's Metropolis `anneal` escapes a local minimum that a quench stays in; the
 * student's `gibbsSweep` samples the states, compared with the exact Boltzmann
 * distribution P_T(x) = exp(−E(x)/T) / Z_T, where log Z_T comes from the student's `bmExact`
 * on W/T and b/T (exp(−E/T) is the T = 1 distribution of the scaled machine).
 */

import { bi } from "../grader/messages";
import { allBinary, dot, matvec, type Mat, type Vec } from "../reference/numerics";
import { Rng } from "../reference/random";
import { param, type Experiment } from "./context";
import { matrix, number, record, vector } from "./student";

/** E(x) = −½ xᵀWx + bᵀx (b are thresholds). */
const energyOf = (W: Mat, b: Vec, x: Vec) => -0.5 * dot(x, matvec(W, x)) + dot(b, x);

/** A fixed random symmetric machine (zero diagonal). */
function machine(n: number, seed: string, std: number): { W: Mat; b: Vec } {
  const rng = new Rng(seed);
  const W: Mat = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) W[i][j] = W[j][i] = std * rng.gaussian();
  return { W, b: rng.gaussianVec(n, 0.5 * std) };
}

/** allBinary's index of a state: bit i is x_i. */
const indexOf = (x: Vec) => x.reduce((s, v, i) => s + (v ? 1 << i : 0), 0);

/** The landscape: every state's energy, the global minimum and the deepest other single-flip local minimum. */
function landscape(W: Mat, b: Vec) {
  const states = allBinary(b.length);
  const E = states.map((x) => energyOf(W, b, x));
  const isLocalMin = (s: number) =>
    states[s].every((_, i) => {
      const y = states[s].slice();
      y[i] = 1 - y[i];
      return E[indexOf(y)] >= E[s];
    });
  let global = 0;
  for (let s = 1; s < E.length; s++) if (E[s] < E[global]) global = s;
  let local = -1;
  for (let s = 0; s < E.length; s++) if (s !== global && isLocalMin(s) && (local < 0 || E[s] < E[local])) local = s;
  return { states, E, global, local };
}

const LANDSCAPE_UNITS = 10;
const SAMPLE_UNITS = 4;
const TEMPERATURES = [4, 1, 0.5];
const SAMPLE_SWEEPS = 4000;
const BURN_IN = 100;

export const boltzmannLab: Experiment = async (ctx, params) => {
  const T0 = param(params, "T0", 5, 0.01, 100);
  const alpha = param(params, "alpha", 0.9, 0.5, 0.999);
  const steps = Math.round(param(params, "steps", 60, 1, 200));
  const sweepsPerTemp = Math.round(param(params, "sweepsPerTemp", 2, 1, 20));
  const runs = Math.round(param(params, "runs", 40, 1, 200));
  const n = LANDSCAPE_UNITS;
  const { W, b } = machine(n, "gibbs lab landscape", 1);
  const L = landscape(W, b);
  const total = 2 * runs + TEMPERATURES.length;
  const start = L.local >= 0 ? L.states[L.local] : L.states[0];
  ctx.update({ landscape: { global: L.E[L.global], local: L.local >= 0 ? L.E[L.local] : null, n } });

  // ---- annealing from the local minimum, one call of the student's anneal per temperature
  const order = Array.from({ length: n }, (_, i) => i);
  const traces: number[][] = [];
  const temps = Array.from({ length: steps }, (_, k) => T0 * Math.pow(alpha, k));
  const success = { annealed: 0, quenched: 0 };
  for (const [mode, t0] of [
    ["annealed", T0],
    ["quenched", 1e-3],
  ] as const) {
    for (let r = 0; r < runs; r++) {
      await ctx.progress(
        (mode === "annealed" ? 0 : runs) + r,
        total,
        bi(
          `${mode === "annealed" ? "annealing" : "quench"} run ${r + 1}`,
          `${mode === "annealed" ? "退火" : "骤冷"}第 ${r + 1} 次`,
        ),
      );
      let x = start.slice();
      const trace: number[] = [energyOf(W, b, x)];
      for (let k = 0; k < steps; k++) {
        const T = mode === "annealed" ? temps[k] : t0;
        const out = ctx.code.call<{ state: number[]; energy: number; accepted: number }>(
          "anneal",
          [W, b, x.slice(), { T0: T, alpha: 1, steps: 1, sweepsPerTemp }, order, ctx.rng.uniformVec(n * sweepsPerTemp)],
          bi(`temperature ${T.toPrecision(3)} of run ${r + 1}`, `第 ${r + 1} 次运行、温度 ${T.toPrecision(3)}`),
          record({ state: vector(n, true), energy: number(), accepted: number() }),
        );
        x = out.state;
        trace.push(out.energy);
      }
      if (indexOf(x) === L.global) success[mode]++;
      if (mode === "annealed" && r < 6) traces.push(trace);
    }
    ctx.update({ annealing: { temps, traces, success: { ...success }, runs } });
  }

  // ---- sampled against exact distributions on a 4-unit machine
  const m = machine(SAMPLE_UNITS, "gibbs lab sampling", 1.2);
  const states = allBinary(SAMPLE_UNITS);
  const dist: { T: number; sampled: number[]; exact: number[]; tv: number }[] = [];
  for (const [i, T] of TEMPERATURES.entries()) {
    await ctx.progress(2 * runs + i, total, bi(`sampling at T = ${T}`, `在 T = ${T} 时采样`));
    const exact = ctx.code.call<{ logZ: number }>(
      "bmExact",
      [m.W.map((row) => row.map((w) => w / T)), m.b.map((v) => v / T), []],
      bi(`the machine scaled by 1/T at T = ${T} (no data)`, `按 1/T 缩放的机器，T = ${T}（无数据）`),
      record({ logZ: number(), dW: matrix(SAMPLE_UNITS, SAMPLE_UNITS), db: vector(SAMPLE_UNITS) }),
    );
    const P = states.map((x) => Math.exp(-energyOf(m.W, m.b, x) / T - exact.logZ));
    const counts = new Array<number>(states.length).fill(0);
    let x = new Array<number>(SAMPLE_UNITS).fill(0);
    const ord = Array.from({ length: SAMPLE_UNITS }, (_, k) => k);
    for (let s = 0; s < BURN_IN + SAMPLE_SWEEPS; s++) {
      x = ctx.code.call<number[]>(
        "gibbsSweep",
        [m.W, m.b, x, ord, ctx.rng.uniformVec(SAMPLE_UNITS), T],
        bi(`sweep ${s + 1} at T = ${T}`, `T = ${T} 时第 ${s + 1} 次扫描`),
        vector(SAMPLE_UNITS, true),
      );
      if (s >= BURN_IN) counts[indexOf(x)]++;
      if (s % 500 === 0)
        await ctx.progress(
          2 * runs + i + s / (BURN_IN + SAMPLE_SWEEPS),
          total,
          bi(`sampling at T = ${T}`, `在 T = ${T} 时采样`),
        );
    }
    const sampled = counts.map((c) => c / SAMPLE_SWEEPS);
    const tv = 0.5 * sampled.reduce((s, q, k) => s + Math.abs(q - P[k]), 0);
    dist.push({ T, sampled, exact: P, tv });
    ctx.update({ distribution: { states: states.map((x) => x.join("")), byT: dist } });
  }
  await ctx.progress(total, total, bi("done", "完成"));
};
