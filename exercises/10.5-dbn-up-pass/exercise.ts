import { LINEAR_ALGEBRA, defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { upPassBothMisconceptions } from "../../reference/misconceptions/dbn";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import { rbmEquivalentMutants } from "../../reference/misconceptions/rbm";
import type { Mat } from "../../reference/numerics";
import { Rng } from "../../reference/random";
import { safeUpPassUniforms, upPassBoth } from "../../reference/dbn";
import { randomRbm, type RbmParams } from "../../reference/rbm";

type Args = [V: Mat, layers: RbmParams[], U: Mat[]];

function stack(rng: Rng, sizes: number[], std = 1): RbmParams[] {
  return sizes.slice(1).map((n, l) => randomRbm(rng, sizes[l], n, std));
}
function make(rng: Rng, name: Bilingual, V: Mat, layers: RbmParams[]): Case<Args> {
  return { name, args: [V, layers, safeUpPassUniforms(rng, V, layers)] };
}
function random(rng: Rng, name: Bilingual, B: number, sizes: number[], std = 1): Case<Args> {
  return make(rng, name, rng.binaryMat(B, sizes[0]), stack(rng, sizes, std));
}

export default defineExercise({
  title: { en: "Up-pass through a deep belief network", zh: "深度信念网络的向上传递" },
  points: 10,
  entry: "upPass",
  doc: `
    Layer l is an RBM: W n_{l−1} × n_l, a (n_{l−1}) visible bias, b (n_l) hidden bias.
    probs[l] = σ(b_l + probs[l−1] W_l); samples[l] = 1[U[l] < σ(b_l + samples[l−1] W_l)]; layer 0 of both is V (B × n_0). U[l] is B × n_l.
  `,
  reference: upPassBoth,
  output: { kind: "record", fields: { probs: { kind: "float" }, samples: { kind: "exact" } } },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "two layers of one unit", zh: "两层，每层一个单元" },
      args: [
        [[1, 0]],
        [
          { W: [[Math.log(3)], [0]], a: [0, 0], b: [0] },
          { W: [[4]], a: [0], b: [-1] },
        ],
        [[[0.7]], [[0.96]]],
      ],
    },
    random(
      new Rng("dbn-up-pass visible"),
      { en: "sizes 3 → 2 → 2, B = 2", zh: "层大小 3 → 2 → 2，B = 2" },
      2,
      [3, 2, 2],
    ),
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const fixed = new Rng("dbn-up-pass fixed");
    const cases: Case<Args>[] = [
      random(fixed, { en: "equal sizes 3 → 3 → 3, B = 6", zh: "各层等宽 3 → 3 → 3，B = 6" }, 6, [3, 3, 3]),
      random(fixed, { en: "sizes 5 → 4 → 2, B = 6", zh: "层大小 5 → 4 → 2，B = 6" }, 6, [5, 4, 2]),
      random(
        fixed,
        { en: "equal sizes 4 → 4 → 4 → 4, B = 5", zh: "各层等宽 4 → 4 → 4 → 4，B = 5" },
        5,
        [4, 4, 4, 4],
        2,
      ),
      random(
        fixed,
        { en: "weights of order 1000 (σ's input past ±709)", zh: "权重约为 1000 量级（σ 的输入超过 ±709）" },
        3,
        [4, 3, 2],
        1000,
      ),
    ];
    cases.push(random(rng, { en: "single sample (B = 1)", zh: "单个样本（B = 1）" }, 1, [4, 3, 2]));
    cases.push(random(rng, { en: "one layer", zh: "单层" }, 3, [5, 3]));
    cases.push(random(rng, { en: "widening 2 → 5 → 6", zh: "逐层变宽 2 → 5 → 6" }, 3, [2, 5, 6]));
    cases.push(
      make(
        rng,
        { en: "all-zero input", zh: "全零输入" },
        [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
        stack(rng, [4, 3, 3]),
      ),
    );
    cases.push(
      make(
        rng,
        { en: "all-one input", zh: "全一输入" },
        [
          [1, 1, 1, 1],
          [1, 1, 1, 1],
        ],
        stack(rng, [4, 3, 3]),
      ),
    );
    cases.push(random(rng, { en: "saturating weights (~ ±30)", zh: "饱和权重（~ ±30）" }, 3, [4, 3, 2], 30));
    for (let k = 0; k < 3; k++) {
      const L = rng.intRange(2, 4);
      const sizes = Array.from({ length: L + 1 }, () => rng.intRange(2, 6));
      cases.push(
        random(
          rng,
          {
            en: `random DBN ${k + 1} (sizes ${sizes.join(" → ")})`,
            zh: `随机 DBN ${k + 1}（层大小 ${sizes.join(" → ")}）`,
          },
          rng.intRange(2, 5),
          sizes,
        ),
      );
    }
    return cases;
  },
  misconceptions: upPassBothMisconceptions,
  equivalentMutants: [
    ...rbmEquivalentMutants.paramsGuard,
    ...rbmEquivalentMutants.paramsShapeUnused,
    ...numericsEquivalentMutants.zerosMatUnsized,
    ...numericsEquivalentMutants.matmulSkipsZeros,
    ...numericsEquivalentMutants.sigmoidBranch,
    ...numericsEquivalentMutants.bernoulliTie,
  ],
  helpers: [...LINEAR_ALGEBRA, "sigmoid", "sigmoidMat", "bernoulli", "sampleMat"],
});
