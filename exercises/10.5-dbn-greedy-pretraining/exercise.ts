import { rbmEquivalentMutants } from "../../reference/misconceptions/rbm";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import { LINEAR_ALGEBRA, defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { greedyPretrainWithMisconceptions } from "../../reference/misconceptions/dbn";
import type { Mat } from "../../reference/numerics";
import { Rng } from "../../reference/random";
import { greedyPretrainWith, safePretrainUniforms, type Cd1Uniforms } from "../../reference/dbn";
import { randomRbm, type RbmParams } from "../../reference/rbm";

type Args = [data: Mat, init: RbmParams[], epochs: number, eta: number, U: Cd1Uniforms[][]];

function make(
  rng: Rng,
  name: Bilingual,
  data: Mat,
  sizes: number[],
  epochs: number,
  eta: number,
  std = 0.5,
): Case<Args> {
  const init = sizes.slice(1).map((n, l) => randomRbm(rng, sizes[l], n, std));
  return { name, args: [data, init, epochs, eta, safePretrainUniforms(rng, data, init, epochs, eta)] };
}
function random(
  rng: Rng,
  name: Bilingual,
  B: number,
  sizes: number[],
  epochs: number,
  eta = 0.5,
  std = 0.5,
): Case<Args> {
  return make(rng, name, rng.binaryMat(B, sizes[0]), sizes, epochs, eta, std);
}

export default defineExercise({
  title: { en: "Greedy layer-wise pretraining of a DBN", zh: "深度信念网络的逐层贪婪预训练" },
  points: 10,
  entry: "pretrain",
  doc: `Trains init[0], init[1], … in turn, each for \`epochs\` full-batch CD-1 updates on the layer's whole input (epoch e of layer l uses U[l][e]); returns the trained RBMs.`,
  reference: greedyPretrainWith,
  output: { kind: "float" },
  visibleCases: (): Case<Args>[] => {
    const v = new Rng("dbn-greedy-pretraining visible");
    const worked: Case<Args> = {
      name: {
        en: "worked example: zero weights, sizes 2 → 1 → 1, 1 epoch",
        zh: "示例：零权重，层大小 2 → 1 → 1，训练 1 轮",
      },
      args: [
        [[1, 0]],
        [
          { W: [[0], [0]], a: [0, 0], b: [0] },
          { W: [[0]], a: [0], b: [0] },
        ],
        1,
        0.1,
        [[{ Uh0: [[0.3]], Uv1: [[0.7, 0.2]] }], [{ Uh0: [[0.4]], Uv1: [[0.6]] }]],
      ],
    };
    return [
      worked,
      random(v, { en: "sizes 3 → 2 → 1, 2 epochs, B = 2", zh: "层大小 3 → 2 → 1，训练 2 轮，B = 2" }, 2, [3, 2, 1], 2),
      random(v, { en: "one layer, 1 epoch", zh: "单层，训练 1 轮" }, 2, [2, 2], 1),
    ];
  },
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const fixed = new Rng("dbn-greedy-pretraining fixed");
    const cases: Case<Args>[] = [
      random(
        fixed,
        { en: "sizes 4 → 3 → 2, 3 epochs, B = 5", zh: "层大小 4 → 3 → 2，训练 3 轮，B = 5" },
        5,
        [4, 3, 2],
        3,
      ),
      random(
        fixed,
        { en: "sizes 3 → 3 → 3, 2 epochs, B = 4", zh: "层大小 3 → 3 → 3，训练 2 轮，B = 4" },
        4,
        [3, 3, 3],
        2,
        1,
      ),
      random(
        fixed,
        { en: "weights in the hundreds (σ's input past ±709)", zh: "权重达数百（σ 的输入超过 ±709）" },
        3,
        [4, 3, 2],
        2,
        0.1,
        300,
      ),
    ];
    cases.push(random(rng, { en: "single sample (B = 1)", zh: "单个样本（B = 1）" }, 1, [4, 3, 2], 2));
    cases.push(random(rng, { en: "three layers 5 → 4 → 3 → 2", zh: "三层 5 → 4 → 3 → 2" }, 4, [5, 4, 3, 2], 2));
    cases.push(random(rng, { en: "widening 2 → 4 → 5", zh: "逐层变宽 2 → 4 → 5" }, 3, [2, 4, 5], 2));
    cases.push(random(rng, { en: "zero epochs (returns init)", zh: "训练 0 轮（返回初始参数）" }, 3, [4, 3, 2], 0));
    cases.push(
      make(
        rng,
        { en: "all-zero data", zh: "全零数据" },
        [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
        [4, 3, 2],
        2,
        0.5,
      ),
    );
    cases.push(
      make(
        rng,
        { en: "all-one data", zh: "全一数据" },
        [
          [1, 1, 1, 1],
          [1, 1, 1, 1],
        ],
        [4, 3, 2],
        2,
        0.5,
      ),
    );
    cases.push(random(rng, { en: "large learning rate", zh: "大学习率" }, 4, [4, 3, 2], 3, 2));
    for (let k = 0; k < 2; k++) {
      const sizes = Array.from({ length: rng.intRange(2, 3) + 1 }, () => rng.intRange(2, 5));
      cases.push(
        random(
          rng,
          {
            en: `random DBN ${k + 1} (sizes ${sizes.join(" → ")})`,
            zh: `随机 DBN ${k + 1}（层大小 ${sizes.join(" → ")}）`,
          },
          rng.intRange(2, 5),
          sizes,
          rng.intRange(1, 3),
        ),
      );
    }
    // Saturating units: probabilities of exactly 0 or 1 in both the CD steps and the representation passed up.
    cases.push(random(rng, { en: "saturating weights (~ ±20)", zh: "饱和权重（~ ±20）" }, 3, [4, 3, 2], 2, 0.1, 20));
    return cases;
  },
  misconceptions: greedyPretrainWithMisconceptions,
  equivalentMutants: [
    ...numericsEquivalentMutants.zerosMatUnsized,
    ...numericsEquivalentMutants.matmulSkipsZeros,
    ...numericsEquivalentMutants.sigmoidBranch,
    ...numericsEquivalentMutants.bernoulliTie,
    ...numericsEquivalentMutants.sumRowsExtraColumn,
    ...rbmEquivalentMutants.cd1LastSample,
  ],
  helpers: [...LINEAR_ALGEBRA, "sigmoid", "sigmoidMat", "sampleMat", "cd1"],
});
