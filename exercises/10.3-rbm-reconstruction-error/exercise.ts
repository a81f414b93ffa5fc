import { LINEAR_ALGEBRA, defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { rbmEquivalentMutants, reconstructionErrorMisconceptions } from "../../reference/misconceptions/rbm";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import type { Mat } from "../../reference/numerics";
import { Rng } from "../../reference/random";
import { cdProblem, randomCdProblem, type CdProblem } from "../../reference/cases/rbm";
import { randomRbm, reconstructionError } from "../../reference/rbm";

type Args = Parameters<typeof reconstructionError>;

/** reconstructionError's arguments for a CD problem: only the first step's uniforms Uh0 are used. */
const errorArgs = (P: CdProblem): Args => [P.V0, P.W, P.a, P.b, P.U.Uh0];
function random(rng: Rng, name: Bilingual, B: number, nv: number, nh: number, std = 1): Case<Args> {
  return { name, args: errorArgs(randomCdProblem(rng, B, nv, nh, 1, std)) };
}
function fixedData(rng: Rng, name: Bilingual, V0: Mat, nh: number): Case<Args> {
  return { name, args: errorArgs(cdProblem(rng, V0, randomRbm(rng, V0[0].length, nh), 1)) };
}

export default defineExercise({
  title: { en: "Reconstruction error of an RBM", zh: "受限玻尔兹曼机的重构误差" },
  points: 5,
  entry: "reconstructionError",
  doc: `
    Σ over all rows r and units i of (V0[r][i] − Pv1[r][i])², where H0 = 1[Uh0 < σ(b + V0 W)] and Pv1 = σ(a + H0 Wᵀ).
    V0: B × n_v binary data, W: n_v × n_h, a: n_v visible biases, b: n_h hidden biases, Uh0: B × n_h uniforms.
  `,
  reference: reconstructionError,
  output: { kind: "float" },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "worked example: zero weights", zh: "示例：零权重" },
      args: [[[1, 0]], [[0], [0]], [1, -1], [0], [[0.3]]],
    },
    random(
      new Rng("rbm-reconstruction-error visible"),
      { en: "n_v = 3, n_h = 2, B = 2", zh: "n_v = 3, n_h = 2, B = 2" },
      2,
      3,
      2,
    ),
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const fixed = new Rng("rbm-reconstruction-error fixed");
    const cases: Case<Args>[] = [
      random(fixed, { en: "random 4 × 3, B = 3", zh: "随机 4 × 3，B = 3" }, 3, 4, 3),
      random(fixed, { en: "random 5 × 2, B = 4", zh: "随机 5 × 2，B = 4" }, 4, 5, 2),
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
    cases.push(random(rng, { en: "n_h > n_v", zh: "隐藏单元多于可见单元（n_h > n_v）" }, 3, 2, 6));
    cases.push(
      fixedData(
        rng,
        { en: "all-zero data", zh: "全零数据" },
        [
          [0, 0, 0],
          [0, 0, 0],
        ],
        3,
      ),
    );
    cases.push(
      fixedData(
        rng,
        { en: "all-one data", zh: "全一数据" },
        [
          [1, 1, 1],
          [1, 1, 1],
        ],
        3,
      ),
    );
    cases.push(random(rng, { en: "saturating weights (~ ±20)", zh: "饱和权重（~ ±20）" }, 3, 4, 3, 20));
    for (let k = 0; k < 4; k++) {
      const B = rng.intRange(2, 6);
      const nv = rng.intRange(2, 7);
      const nh = rng.intRange(2, 7);
      cases.push(
        random(
          rng,
          { en: `random RBM ${k + 1} (n_v = ${nv}, n_h = ${nh})`, zh: `随机 RBM ${k + 1}（n_v = ${nv}, n_h = ${nh}）` },
          B,
          nv,
          nh,
        ),
      );
    }
    return cases;
  },
  misconceptions: reconstructionErrorMisconceptions,
  equivalentMutants: [
    ...rbmEquivalentMutants.paramsGuard,
    ...rbmEquivalentMutants.paramsShapeUnused,
    ...numericsEquivalentMutants.zerosMatUnsized,
    ...numericsEquivalentMutants.matmulSkipsZeros,
    ...numericsEquivalentMutants.sigmoidBranch,
    ...numericsEquivalentMutants.bernoulliTie,
  ],
  helpers: [...LINEAR_ALGEBRA, "sigmoid", "sigmoidMat", "sampleMat"],
});
