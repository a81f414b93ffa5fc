import { defineExercise, type Case } from "../../grader/spec";
import { conditionalsMisconceptions } from "../../reference/misconceptions/rbm";
import type { Mat, Vec } from "../../reference/numerics";
import { Rng } from "../../reference/random";
import { conditionals, randomRbm } from "../../reference/rbm";

type Args = [V: Mat, H: Mat, W: Mat, a: Vec, b: Vec];
type Out = { Ph: Mat; Pv: Mat };

function random(rng: Rng, name: string, B: number, nv: number, nh: number, std = 1): Case<Args> {
  const { W, a, b } = randomRbm(rng, nv, nh, std);
  return { name, args: [rng.binaryMat(B, nv), rng.binaryMat(B, nh), W, a, b] };
}

export default defineExercise<Args, Out>({
  slug: "rbm-conditionals",
  section: "10.3",
  title: { en: "RBM conditionals P(h|v) and P(v|h)", zh: "受限玻尔兹曼机的条件概率 P(h|v) 与 P(v|h)" },
  points: 10,
  entry: "rbmConditionals",
  declaration: `type Mat = number[][];
type Vec = number[];
/** Ph = σ(b + V W) (B × n_h) and Pv = σ(a + H Wᵀ) (B × n_v); V B × n_v, H B × n_h, W n_v × n_h, a (n_v), b (n_h). */
export declare function rbmConditionals(V: Mat, H: Mat, W: Mat, a: Vec, b: Vec): { Ph: Mat; Pv: Mat };`,
  reference: conditionals,
  output: { kind: "record", fields: { Ph: { kind: "float" }, Pv: { kind: "float" } } },
  visibleCases: (): Case<Args>[] => [
    { name: "n_v = 2, n_h = 1", args: [[[1, 1]], [[1]], [[1], [2]], [0.5, -1], [-0.5]] },
    { name: "n_v = 3, n_h = 2", args: [[[1, 0, 1], [0, 0, 0]], [[0, 1], [1, 1]], [[1, -1], [2, 0], [0, 3]], [0, 1, -1], [0.5, -2]] },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      { name: "non-square, asymmetric weights", args: [[[1, 1, 0], [0, 1, 1]], [[1, 0], [1, 1]], [[1, -2], [3, 0.5], [-1, 2]], [0.5, -1, 2], [1.5, -0.25]] },
      { name: "square, asymmetric W, distinct biases", args: [[[1, 0], [1, 1]], [[0, 1], [1, 1]], [[1, 4], [-2, 3]], [0.3, 0.7], [-1, 2]] },
      // pre-activations exactly 0 → probability ½ (the sigmoid's midpoint)
      { name: "inputs at the midpoint (z = 0)", args: [[[1, 1]], [[1, 1]], [[1, -1], [-1, 1]], [0, 0], [0, 0]] },
      { name: "near the midpoint (z = ±1e-9)", args: [[[1, 0]], [[0, 1]], [[1e-9, -1e-9], [2, 2]], [0, -1e-9], [0, 0]] },
    ];
    const fixed = new Rng("rbm-conditionals fixed");
    cases.push(random(fixed, "single sample (B = 1)", 1, 5, 3));
    cases.push(random(fixed, "random 6 × 4", 3, 6, 4));
    const m = randomRbm(rng, 4, 5);
    cases.push({ name: "all-zero states (biases only)", args: [[[0, 0, 0, 0]], [[0, 0, 0, 0, 0]], m.W, m.a, m.b] });
    cases.push({ name: "all-one states", args: [[[1, 1, 1, 1]], [[1, 1, 1, 1, 1]], m.W, m.a, m.b] });
    cases.push(random(rng, "saturating inputs (weights ~ ±50)", 3, 5, 3, 50));
    for (let k = 0; k < 4; k++) {
      const nv = rng.intRange(2, 8);
      const nh = rng.intRange(2, 8);
      cases.push(random(rng, `random RBM ${k + 1} (n_v = ${nv}, n_h = ${nh})`, rng.intRange(1, 5), nv, nh));
    }
    return cases;
  },
  misconceptions: conditionalsMisconceptions,
  helpers: ["lab"],
});
