import { defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import { cd1Misconceptions, rbmEquivalentMutants } from "../../reference/misconceptions/rbm";
import type { Mat, Vec } from "../../reference/numerics";
import { Rng } from "../../reference/random";
import { cdProblem, randomCdProblem, type CdProblem } from "../../reference/cases/rbm";
import { cd1, randomRbm } from "../../reference/rbm";

type Args = Parameters<typeof cd1>;

/** cd1's arguments for a CD problem (its uniforms keep ≥ 1e-6 from every threshold along the reference chain). */
const cd1Args = (P: CdProblem, eta: number): Args => [P.V0, P.W, P.a, P.b, eta, P.U.Uh0, P.U.Uv[0]];
function make(rng: Rng, name: Bilingual, V0: Mat, W: Mat, a: Vec, b: Vec, eta: number): Case<Args> {
  return { name, args: cd1Args(cdProblem(rng, V0, { W, a, b }, 1), eta) };
}
function random(rng: Rng, name: Bilingual, B: number, nv: number, nh: number, std = 1, eta = 0.1): Case<Args> {
  return { name, args: cd1Args(randomCdProblem(rng, B, nv, nh, 1, std), eta) };
}

export default defineExercise({
  title: { en: "One step of contrastive divergence (CD-1)", zh: "一步对比散度（CD-1）更新" },
  points: 10,
  entry: "cd1",
  doc: `
    One CD-1 update on a batch V0 (B × n_v). W n_v × n_h, a (n_v) visible bias, b (n_h) hidden bias, eta learning rate.
    Uh0 (B × n_h) samples H0, Uv1 (B × n_v) samples V1, with the rule 1[u < p]. Returns the updated parameters and Vk = V1.
  `,
  reference: cd1,
  output: {
    kind: "record",
    fields: { W: { kind: "float" }, a: { kind: "float" }, b: { kind: "float" }, Vk: { kind: "exact" } },
  },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "worked example: zero weights", zh: "示例：零权重" },
      args: [[[1, 0]], [[0], [0]], [0, 0], [0], 0.1, [[0.3]], [[0.7, 0.2]]],
    },
    {
      name: { en: "n_v = 3, n_h = 2, B = 2", zh: "n_v = 3, n_h = 2, B = 2" },
      args: [
        [
          [1, 0, 1],
          [0, 1, 1],
        ],
        [
          [0.5, -1],
          [1, 0.2],
          [-0.3, 0.8],
        ],
        [0.1, -0.2, 0],
        [0, 0.5],
        0.5,
        [
          [0.2, 0.9],
          [0.6, 0.1],
        ],
        [
          [0.4, 0.5, 0.3],
          [0.8, 0.05, 0.6],
        ],
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const fixed = new Rng("rbm-cd1 fixed");
    const cases: Case<Args>[] = [
      random(fixed, { en: "random 4 × 3, B = 3", zh: "随机 4 × 3，B = 3" }, 3, 4, 3),
      random(fixed, { en: "random 5 × 2, B = 4", zh: "随机 5 × 2，B = 4" }, 4, 5, 2, 1, 0.5),
      random(
        fixed,
        { en: "weights in the hundreds (σ's input past ±709)", zh: "权重达数百（σ 的输入超过 ±709）" },
        3,
        4,
        3,
        300,
      ),
    ];
    cases.push(random(rng, { en: "single sample (B = 1)", zh: "单个样本（B = 1）" }, 1, 4, 3));
    cases.push(random(rng, { en: "square 3 × 3", zh: "3 × 3 方阵" }, 3, 3, 3));
    cases.push(random(rng, { en: "n_h > n_v", zh: "隐藏单元多于可见单元（n_h > n_v）" }, 3, 2, 6));
    const m = randomRbm(rng, 4, 3);
    cases.push(
      make(
        rng,
        { en: "all-zero data", zh: "全零数据" },
        [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
        m.W,
        m.a,
        m.b,
        0.1,
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
        m.W,
        m.a,
        m.b,
        0.1,
      ),
    );
    cases.push(random(rng, { en: "saturating weights (~ ±20)", zh: "饱和权重（~ ±20）" }, 3, 4, 3, 20));
    for (let k = 0; k < 4; k++) {
      const nv = rng.intRange(2, 7);
      const nh = rng.intRange(2, 7);
      cases.push(
        random(
          rng,
          { en: `random RBM ${k + 1} (n_v = ${nv}, n_h = ${nh})`, zh: `随机 RBM ${k + 1}（n_v = ${nv}, n_h = ${nh}）` },
          rng.intRange(2, 6),
          nv,
          nh,
          1,
          rng.pick([0.01, 0.1, 1]),
        ),
      );
    }
    return cases;
  },
  misconceptions: cd1Misconceptions,
  equivalentMutants: [
    ...numericsEquivalentMutants.zerosMatUnsized,
    ...numericsEquivalentMutants.matmulSkipsZeros,
    ...numericsEquivalentMutants.sigmoidBranch,
    ...numericsEquivalentMutants.bernoulliTie,
    ...numericsEquivalentMutants.sumRowsExtraColumn,
    ...rbmEquivalentMutants.cd1LastSample,
  ],
});
