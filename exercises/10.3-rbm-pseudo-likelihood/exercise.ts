import { defineExercise, type Case } from "../../grader/spec";
import { pseudoLikelihoodMisconceptions } from "../../reference/misconceptions/rbm";
import type { Mat, Vec } from "../../reference/numerics";
import { Rng } from "../../reference/random";
import { pseudoLikelihoodBatch, randomRbm } from "../../reference/rbm";

type Args = [V: Mat, W: Mat, a: Vec, b: Vec, flip: number[]];

function random(rng: Rng, name: string, B: number, nv: number, nh: number, std = 1): Case<Args> {
  const { W, a, b } = randomRbm(rng, nv, nh, std);
  return { name, args: [rng.binaryMat(B, nv), W, a, b, Array.from({ length: B }, () => rng.int(nv))] };
}

export default defineExercise<Args, number>({
  slug: "rbm-pseudo-likelihood",
  section: "10.3",
  title: { en: "Pseudo-likelihood of an RBM", zh: "受限玻尔兹曼机的伪似然" },
  points: 10,
  entry: "pseudoLikelihood",
  declaration: `type Mat = number[][];
type Vec = number[];
/** (1/B) Σ_r n_v · log σ(F(ṽ_r) − F(v_r)), ṽ_r = row r of V with bit flip[r] flipped; V B × n_v, W n_v × n_h, a (n_v), b (n_h). */
export declare function pseudoLikelihood(V: Mat, W: Mat, a: Vec, b: Vec, flip: number[]): number;`,
  reference: pseudoLikelihoodBatch,
  output: { kind: "float" },
  visibleCases: (): Case<Args>[] => [
    { name: "zero weights, one row", args: [[[0, 1]], [[0], [0]], [Math.log(3), 0], [0.2], [0]] },
    { name: "n_v = 2, n_h = 1, two rows", args: [[[1, 0], [1, 1]], [[1], [2]], [0.5, -1], [-0.5], [1, 0]] },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      { name: "flipping 0 → 1 and 1 → 0", args: [[[1, 0, 1], [0, 1, 0]], [[1, -2], [3, 0.5], [-1, 2]], [0.5, -1, 2], [1.5, -0.25], [0, 0]] },
    ];
    const fixed = new Rng("rbm-pseudo-likelihood fixed");
    cases.push(random(fixed, "random 5 × 3, B = 4", 4, 5, 3));
    cases.push(random(rng, "single sample (B = 1)", 1, 4, 3));
    cases.push(random(rng, "n_h > n_v", 3, 3, 7));
    const m = randomRbm(rng, 4, 3);
    cases.push({ name: "all-zero rows", args: [[[0, 0, 0, 0], [0, 0, 0, 0]], m.W, m.a, m.b, [1, 3]] });
    cases.push({ name: "all-one rows", args: [[[1, 1, 1, 1], [1, 1, 1, 1]], m.W, m.a, m.b, [0, 2]] });
    cases.push(random(rng, "saturating weights (~ ±50)", 3, 5, 3, 50));
    cases.push({ name: "equal free energies (difference 0)", args: [[[1, 0]], [[0], [0]], [0, 0], [0.3], [0]] });
    for (let k = 0; k < 4; k++) {
      const nv = rng.intRange(2, 9);
      const nh = rng.intRange(2, 9);
      cases.push(random(rng, `random RBM ${k + 1} (n_v = ${nv}, n_h = ${nh})`, rng.intRange(2, 6), nv, nh));
    }
    return cases;
  },
  misconceptions: pseudoLikelihoodMisconceptions,
  helpers: ["lab"],
});
