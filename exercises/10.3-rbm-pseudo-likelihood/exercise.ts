import { LINEAR_ALGEBRA, defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import {
  pseudoLikelihoodBatchMisconceptions,
  pseudoLikelihoodNaiveVariants,
  rbmEquivalentMutants,
} from "../../reference/misconceptions/rbm";
import type { Mat, Vec } from "../../reference/numerics";
import { Rng } from "../../reference/random";
import { pseudoLikelihoodBatch, randomRbm } from "../../reference/rbm";

type Args = [V: Mat, W: Mat, a: Vec, b: Vec, flip: number[]];

function random(rng: Rng, name: Bilingual, B: number, nv: number, nh: number, std = 1): Case<Args> {
  const { W, a, b } = randomRbm(rng, nv, nh, std);
  return { name, args: [rng.binaryMat(B, nv), W, a, b, Array.from({ length: B }, () => rng.int(nv))] };
}

export default defineExercise({
  title: { en: "Pseudo-likelihood of an RBM", zh: "受限玻尔兹曼机的伪似然" },
  points: 10,
  entry: "pseudoLikelihood",
  doc: "(1/B) Σ_r n_v · log σ(F(ṽ_r) − F(v_r)), ṽ_r = row r of V with bit flip[r] flipped; V B × n_v, W n_v × n_h, a (n_v), b (n_h).",
  reference: pseudoLikelihoodBatch,
  output: { kind: "float" },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "zero weights, one row", zh: "零权重，一行" },
      args: [[[0, 1]], [[0], [0]], [Math.log(3), 0], [0.2], [0]],
    },
    {
      name: { en: "n_v = 2, n_h = 1, two rows", zh: "n_v = 2, n_h = 1，两行" },
      args: [
        [
          [1, 0],
          [1, 1],
        ],
        [[1], [2]],
        [0.5, -1],
        [-0.5],
        [1, 0],
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      {
        name: { en: "flipping 0 → 1 and 1 → 0", zh: "翻转 0 → 1 与 1 → 0" },
        args: [
          [
            [1, 0, 1],
            [0, 1, 0],
          ],
          [
            [1, -2],
            [3, 0.5],
            [-1, 2],
          ],
          [0.5, -1, 2],
          [1.5, -0.25],
          [0, 0],
        ],
      },
    ];
    const fixed = new Rng("rbm-pseudo-likelihood fixed");
    cases.push(random(fixed, { en: "random 5 × 3, B = 4", zh: "随机 5 × 3，B = 4" }, 4, 5, 3));
    cases.push(
      random(
        fixed,
        { en: "weights in the hundreds (|F(ṽ) − F(v)| past 709)", zh: "权重达数百（|F(ṽ) − F(v)| 超过 709）" },
        6,
        5,
        4,
        600,
      ),
    );
    cases.push(random(rng, { en: "single sample (B = 1)", zh: "单个样本（B = 1）" }, 1, 4, 3));
    cases.push(random(rng, { en: "n_h > n_v", zh: "隐藏单元多于可见单元（n_h > n_v）" }, 3, 3, 7));
    const m = randomRbm(rng, 4, 3);
    cases.push({
      name: { en: "all-zero rows", zh: "全零行" },
      args: [
        [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
        m.W,
        m.a,
        m.b,
        [1, 3],
      ],
    });
    cases.push({
      name: { en: "all-one rows", zh: "全一行" },
      args: [
        [
          [1, 1, 1, 1],
          [1, 1, 1, 1],
        ],
        m.W,
        m.a,
        m.b,
        [0, 2],
      ],
    });
    cases.push(random(rng, { en: "saturating weights (~ ±50)", zh: "饱和权重（~ ±50）" }, 3, 5, 3, 50));
    cases.push({
      name: { en: "equal free energies (difference 0)", zh: "自由能相等（差为 0）" },
      args: [[[1, 0]], [[0], [0]], [0, 0], [0.3], [0]],
    });
    for (let k = 0; k < 4; k++) {
      const nv = rng.intRange(2, 9);
      const nh = rng.intRange(2, 9);
      cases.push(
        random(
          rng,
          { en: `random RBM ${k + 1} (n_v = ${nv}, n_h = ${nh})`, zh: `随机 RBM ${k + 1}（n_v = ${nv}, n_h = ${nh}）` },
          rng.intRange(2, 6),
          nv,
          nh,
        ),
      );
    }
    return cases;
  },
  misconceptions: pseudoLikelihoodBatchMisconceptions,
  naiveVariants: pseudoLikelihoodNaiveVariants,
  equivalentMutants: [
    ...rbmEquivalentMutants.paramsGuard,
    ...rbmEquivalentMutants.paramsShapeUnused,
    ...numericsEquivalentMutants.vecmatSkipsZeros,
  ],
  helpers: [...LINEAR_ALGEBRA, "sigmoid", "softplus", "logSigmoid"],
});
