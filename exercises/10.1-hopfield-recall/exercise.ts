import { defineExercise, type Case } from "../../grader/spec";
import { hebbianWeights, hopfieldRecall, randomSymmetricIntWeights, type RecallResult } from "../../reference/hopfield";
import { recallMisconceptions } from "../../reference/misconceptions/hopfield";
import type { Mat, Vec } from "../../reference/numerics";
import type { Rng } from "../../reference/random";

type Args = [W: Mat, b: Vec, x0: Vec, order: number[], maxSweeps: number];

/** A chain 0–1–…–(n−1) with w_{i,i+1} = 1 and thresholds 0.5: a 1 at unit 0 spreads one unit per sweep when visited backwards. */
function chain(n: number): [Mat, Vec] {
  const W = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (Math.abs(i - j) === 1 ? 1 : 0)));
  return [W, new Array(n).fill(0.5)];
}

/** Flip `k` distinct random bits of x. */
function noisy(rng: Rng, x: Vec, k: number): Vec {
  const y = x.slice();
  for (const i of rng.permutation(x.length).slice(0, k)) y[i] = 1 - y[i];
  return y;
}

export default defineExercise<Args, RecallResult>({
  slug: "hopfield-recall",
  section: "10.1",
  title: { en: "Recall to a fixed point", zh: "联想回忆：迭代到稳定状态" },
  points: 10,
  entry: "recall",
  declaration: `/**
 * Repeat asynchronous sweeps in \`order\` from x0 until a full sweep changes nothing or maxSweeps sweeps were done.
 * sweeps = number of sweeps performed, including the final sweep that changed nothing.
 */
export declare function recall(
  W: number[][],
  b: number[],
  x0: number[],
  order: number[],
  maxSweeps: number,
): { state: number[]; sweeps: number };`,
  reference: hopfieldRecall,
  output: { kind: "record", fields: { state: { kind: "exact" }, sweeps: { kind: "exact" } } },
  visibleCases: (): Case<Args>[] => [
    { name: "two competing units", args: [[[0, -1], [-1, 0]], [-0.5, -0.5], [0, 0], [0, 1], 10] },
    { name: "activity spreads along a chain", args: [...chain(4), [1, 0, 0, 0], [3, 2, 1, 0], 10] },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      // Fixed cases, one per known mistake.
      { name: "already a fixed point", args: [[[0, 1], [1, 0]], [0.5, 0.5], [1, 1], [0, 1], 5] },
      { name: "competing units from all-zero", args: [[[0, -1], [-1, 0]], [-0.5, -0.5], [0, 0], [1, 0], 6] },
      { name: "input exactly zero", args: [[[0, 2], [2, 0]], [2, 2], [0, 1], [0, 1], 5] },
      { name: "sweep limit reached", args: [...chain(5), [1, 0, 0, 0, 0], [4, 3, 2, 1, 0], 2] },
      { name: "chain, limit of one sweep", args: [...chain(3), [1, 0, 0], [2, 1, 0], 1] },
      { name: "single unit", args: [[[0]], [-1], [0], [0], 3] },
    ];
    const n = 24;
    const X = rng.binaryMat(2, n);
    const W = hebbianWeights(X);
    cases.push({ name: "Hebbian network, stored pattern", args: [W, new Array(n).fill(0), X[1].slice(), rng.permutation(n), 20] });
    cases.push({ name: "Hebbian network, noisy probe", args: [W, new Array(n).fill(0), noisy(rng, X[0], 3), rng.permutation(n), 20] });
    cases.push({ name: "Hebbian network, all-one probe", args: [W, new Array(n).fill(0), new Array(n).fill(1), rng.permutation(n), 20] });
    cases.push({ name: "Hebbian network, all-zero probe", args: [W, new Array(n).fill(0), new Array(n).fill(0), rng.permutation(n), 20] });
    for (let k = 0; k < 3; k++) {
      const m = rng.intRange(5, 12);
      const b = Array.from({ length: m }, () => rng.intRange(-1, 1));
      cases.push({ name: `random integer network ${k + 1} (n = ${m})`, args: [randomSymmetricIntWeights(rng, m), b, rng.binaryVec(m), rng.permutation(m), 30] });
    }
    return cases;
  },
  misconceptions: recallMisconceptions,
  helpers: ["lab"],
});
