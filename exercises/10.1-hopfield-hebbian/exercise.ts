import { defineExercise, type Case } from "../../grader/spec";
import { hebbianWeights } from "../../reference/hopfield";
import { hebbianMisconceptions } from "../../reference/misconceptions/hopfield";
import type { Mat } from "../../reference/numerics";
import type { Rng } from "../../reference/random";

type Args = [X: Mat];

export default defineExercise<Args, Mat>({
  slug: "hopfield-hebbian",
  section: "10.1",
  title: { en: "Hebbian storage of patterns", zh: "Hebb 规则存储模式" },
  points: 10,
  entry: "hebbianWeights",
  declaration: `/** W (n × n) storing the P binary patterns X (P × n): w_ij = Σ_p s_i^p s_j^p with s = 2x − 1 for i ≠ j, w_ii = 0. */
export declare function hebbianWeights(X: number[][]): number[][];`,
  reference: hebbianWeights,
  output: { kind: "float" },
  visibleCases: (): Case<Args>[] => [
    { name: "one pattern, three units", args: [[[1, 0, 1]]] },
    { name: "two patterns, three units", args: [[[1, 0, 1], [1, 1, 0]]] },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      // Fixed: two different patterns, so the diagonal, the 0/1 form and an average over P all change W.
      { name: "two patterns, four units", args: [[[1, 0, 0, 1], [1, 1, 0, 0]]] },
      { name: "single unit", args: [[[1], [0]]] },
      { name: "all-zero pattern", args: [[new Array(5).fill(0)]] },
      { name: "all-one and all-zero patterns", args: [[new Array(4).fill(1), new Array(4).fill(0), [1, 0, 1, 0]]] },
    ];
    const x = rng.binaryVec(6);
    cases.push({ name: "same pattern stored twice", args: [[x, x.slice(), rng.binaryVec(6)]] });
    cases.push({ name: "more patterns than units", args: [rng.binaryMat(7, 4)] });
    cases.push({ name: "one pattern, many units", args: [rng.binaryMat(1, 12)] });
    for (let k = 0; k < 4; k++) {
      const n = rng.intRange(5, 16);
      cases.push({ name: `random patterns ${k + 1} (P = ${k + 2}, n = ${n})`, args: [rng.binaryMat(k + 2, n)] });
    }
    return cases;
  },
  misconceptions: hebbianMisconceptions,
  helpers: ["lab"],
});
