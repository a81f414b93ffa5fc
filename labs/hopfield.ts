/**
 * 10.1 lab: a Hopfield network on 14 × 14 binary digits, with the student's Hebbian rule,
 * asynchronous sweep, energy and recall. Recall from a noisy digit (sweep by sweep, with the
 * energy trace), the lecture's "1"/"4" crosstalk, and the capacity curve on random patterns.
 */

import { bi } from "../grader/messages";
import { matrix, number, record, vector } from "./student";
import { param, type Experiment, type LabContext } from "./context";
import { digitBinary, digitsOf, type Digits } from "./digits";
import { unitImage } from "./images";

const SIDE = 14;
const N = SIDE * SIDE;
const MAX_SWEEPS = 20;
const CROSSTALK_TRIALS = 20;

/** Fraction of units on which two states agree. */
function agreement(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === y[i]) same++;
  return same / x.length;
}

function hamming(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) d++;
  return d;
}

/** Flips each unit with probability `noise`. */
function corrupt(ctx: LabContext, x: number[], noise: number): number[] {
  return x.map((v) => (ctx.rng.uniform() < noise ? 1 - v : v));
}

/**
 * Thresholds b_i = ½ Σ_j w_ij: with x = (s + 1)/2, u_i = Σ_j w_ij x_j − b_i = ½ Σ_j w_ij s_j, so the
 * 0/1 network makes the moves of the ±1 network of the Hebbian analysis, where the 0.14·n capacity holds.
 */
function balancedThresholds(W: number[][]): number[] {
  return W.map((row) => 0.5 * row.reduce((s, w) => s + w, 0));
}

/** For each label, the digit among its first 30 that overlaps least with the digits already chosen. */
function pickDigits(d: Digits, labels: number[]): number[][] {
  const chosen: number[][] = [];
  for (const label of labels) {
    let best: number[] | undefined;
    let bestScore = Infinity;
    for (const k of digitsOf(d, label, 30)) {
      const x = digitBinary(d, k, true);
      const score = Math.max(0, ...chosen.map((y) => agreement(x, y)));
      if (score < bestScore) [best, bestScore] = [x, score];
    }
    chosen.push(best!);
  }
  return chosen;
}

export type Thresholds = "zero" | "balanced";

/** The student's Hebbian weights for X, with thresholds b = 0 (the lecture's 0/1 network) or balanced. */
function store(ctx: LabContext, X: number[][], thresholds: Thresholds, what: { en: string; zh: string }) {
  const W = ctx.code.call<number[][]>("hebbianWeights", [X.map((x) => x.slice())], what, matrix(N, N));
  return { W, b: thresholds === "zero" ? new Array<number>(N).fill(0) : balancedThresholds(W) };
}

export const hopfieldLab: Experiment = async (ctx, params) => {
  const noise = param(params, "noise", 0.1, 0, 0.5);
  const labels = Array.isArray(params.labels) ? (params.labels as number[]).filter((l) => l >= 0 && l <= 9) : [0, 1];
  const probe = param(params, "probe", 0, 0, Math.max(0, labels.length - 1));
  const thresholds: Thresholds = params.thresholds === "zero" ? "zero" : "balanced";
  const d = await ctx.digits();
  const total = 2 + 25;

  // ---- recall of a stored digit from a noisy copy, sweep by sweep
  await ctx.progress(0, total, bi("storing the digits", "存储数字"));
  const X = pickDigits(d, labels);
  const { W, b } = store(
    ctx,
    X,
    thresholds,
    bi(`the ${X.length} digits ${labels.join(", ")}`, `${X.length} 个数字 ${labels.join("、")}`),
  );
  const target = X[probe];
  let x = corrupt(ctx, target, noise);
  const noisy = x.slice();
  const energy = (s: number[], where: { en: string; zh: string }) =>
    ctx.code.call<number>("hopfieldEnergy", [W, b, s.slice()], where, number());
  const energies = [energy(x, bi("the noisy digit", "带噪声的数字"))];
  const frames = [unitImage(x, SIDE)];
  ctx.update({ stored: X.map((p) => unitImage(p, SIDE)), labels, noisy: unitImage(noisy, SIDE), frames, energies });
  let rose = false;
  for (let sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
    const where = bi(
      `sweep ${sweep} from the noisy "${labels[probe]}"`,
      `从带噪声的 "${labels[probe]}" 开始的第 ${sweep} 次扫描`,
    );
    const next = ctx.code.call<number[]>(
      "asyncSweep",
      [W, b, x.slice(), ctx.rng.permutation(N)],
      where,
      vector(N, true),
    );
    const e = energy(next, where);
    if (e > energies[energies.length - 1] + 1e-9 * Math.max(1, Math.abs(e)) && !rose) {
      rose = true;
      ctx.warn(
        bi(
          `The energy rose at sweep ${sweep} (from ${energies[energies.length - 1]} to ${e}). An asynchronous sweep never raises E: check asyncSweep and hopfieldEnergy.`,
          `第 ${sweep} 次扫描时能量上升了（从 ${energies[energies.length - 1]} 到 ${e}）。异步更新不会使 E 增大：请检查 asyncSweep 和 hopfieldEnergy。`,
        ),
      );
    }
    const changed = hamming(next, x) > 0;
    x = next;
    energies.push(e);
    frames.push(unitImage(x, SIDE));
    ctx.update({ frames, energies });
    if (!changed) break;
  }
  const distances = X.map((p) => hamming(x, p));
  ctx.update({ outcome: { distances, recalled: distances[probe] === 0, probe, energyRose: rose } });

  // ---- crosstalk: a "1" whose strokes lie inside a "4", both stored, recalled from noisy copies
  await ctx.progress(1, total, bi("crosstalk between 1 and 4", "1 与 4 之间的串扰"));
  const [one, four] = crosstalkPair(d);
  const crosstalk: Record<string, unknown> = { one: unitImage(one, SIDE), four: unitImage(four, SIDE) };
  for (const mode of ["zero", "balanced"] as const) {
    const pair = store(ctx, [one, four], mode, bi('the pair "1" and "4"', '"1" 与 "4" 这一对'));
    const counts = { one: 0, four: 0, other: 0 };
    let example: number[] | undefined;
    for (let t = 0; t < CROSSTALK_TRIALS; t++) {
      const start = corrupt(ctx, one, noise);
      const res = ctx.code.call<{ state: number[]; sweeps: number }>(
        "recall",
        [pair.W, pair.b, start.slice(), ctx.rng.permutation(N), MAX_SWEEPS],
        bi(`noisy "1" number ${t + 1} with "1" and "4" stored`, `存储 "1" 与 "4" 后第 ${t + 1} 个带噪声的 "1"`),
        record({ state: vector(N, true), sweeps: number() }),
      );
      const end = hamming(res.state, one) === 0 ? "one" : hamming(res.state, four) <= 0.02 * N ? "four" : "other";
      counts[end]++;
      if (!example || end === "four") example = res.state;
    }
    crosstalk[mode] = { ...counts, example: unitImage(example!, SIDE) };
  }
  ctx.update({ crosstalk: { ...crosstalk, trials: CROSSTALK_TRIALS } });

  // ---- capacity on random patterns: the share of stored patterns that recall keeps (≤ 1 % of units wrong)
  const P = Array.from({ length: 25 }, (_, i) => 2 * (i + 1));
  const rate: number[] = [];
  for (const [i, p] of P.entries()) {
    await ctx.progress(2 + i, total, bi(`capacity: ${p} patterns`, `容量：${p} 个模式`));
    const patterns = Array.from({ length: p }, () => ctx.rng.binaryVec(N));
    const net = store(ctx, patterns, "balanced", bi(`${p} random patterns`, `${p} 个随机模式`));
    const trials = Math.min(p, 8);
    let ok = 0;
    for (let t = 0; t < trials; t++) {
      const r = ctx.code.call<{ state: number[]; sweeps: number }>(
        "recall",
        [net.W, net.b, patterns[t].slice(), ctx.rng.permutation(N), MAX_SWEEPS],
        bi(`stored pattern ${t + 1} of ${p} random patterns`, `${p} 个随机模式中的第 ${t + 1} 个`),
        record({ state: vector(N, true), sweeps: number() }),
      );
      if (hamming(r.state, patterns[t]) <= 0.01 * N) ok++;
    }
    rate.push(ok / trials);
    ctx.update({ capacity: { n: N, P: P.slice(0, rate.length), rate } });
  }
  await ctx.progress(total, total, bi("done", "完成"));
};

/** The "1" and "4" (among the first 60 of each) where the largest share of the 1's ink lies inside the 4's. */
function crosstalkPair(d: Digits): [number[], number[]] {
  const ones = digitsOf(d, 1, 60).map((k) => digitBinary(d, k, true));
  const fours = digitsOf(d, 4, 60).map((k) => digitBinary(d, k, true));
  let best: [number[], number[]] = [ones[0], fours[0]];
  let bestShare = -1;
  for (const o of ones) {
    const ink = o.reduce((s, v) => s + v, 0);
    for (const f of fours) {
      let inside = 0;
      for (let i = 0; i < N; i++) if (o[i] && f[i]) inside++;
      if (inside / ink > bestShare) [best, bestShare] = [[o, f], inside / ink];
    }
  }
  return best;
}
