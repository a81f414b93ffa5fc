import { LINEAR_ALGEBRA, defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import { cdkMisconceptions } from "../../reference/misconceptions/rbm";
import type { Mat, Vec } from "../../reference/numerics";
import { Rng } from "../../reference/random";
import { cdProblem, randomCdProblem, type CdProblem } from "../../reference/cases/rbm";
import { cdk, randomRbm } from "../../reference/rbm";

type Args = Parameters<typeof cdk>;

/** cdk's arguments for a CD problem of k steps (its uniforms cannot tie along the reference chain). */
const cdkArgs = (P: CdProblem, eta: number, k: number): Args => [P.V0, P.W, P.a, P.b, eta, k, P.U];
function make(rng: Rng, name: Bilingual, V0: Mat, W: Mat, a: Vec, b: Vec, eta: number, k: number): Case<Args> {
  return { name, args: cdkArgs(cdProblem(rng, V0, { W, a, b }, k), eta, k) };
}
function random(
  rng: Rng,
  name: Bilingual,
  B: number,
  nv: number,
  nh: number,
  k: number,
  std = 1,
  eta = 0.1,
): Case<Args> {
  return { name, args: cdkArgs(randomCdProblem(rng, B, nv, nh, k, std), eta, k) };
}

export default defineExercise({
  title: { en: "Contrastive divergence with k Gibbs steps (CD-k)", zh: "k 步吉布斯采样的对比散度（CD-k）" },
  points: 10,
  entry: "cdk",
  doc: "One CD-k update on a batch V0 (B × n_v); W n_v × n_h, a (n_v), b (n_h). Returns the updated parameters and the binary Vk.",
  reference: cdk,
  output: {
    kind: "record",
    fields: { W: { kind: "float" }, a: { kind: "float" }, b: { kind: "float" }, Vk: { kind: "exact" } },
  },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "k = 2, zero weights", zh: "k = 2，零权重" },
      args: [
        [[1, 0]],
        [[0], [0]],
        [0, 0],
        [0],
        0.1,
        2,
        { Uh0: [[0.3]], Uv: [[[0.7, 0.2]], [[0.1, 0.9]]], Uh: [[[0.8]]] },
      ],
    },
    random(
      new Rng("rbm-cdk visible"),
      { en: "k = 3, n_v = 3, n_h = 2, B = 2", zh: "k = 3, n_v = 3, n_h = 2, B = 2" },
      2,
      3,
      2,
      3,
    ),
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const fixed = new Rng("rbm-cdk fixed");
    const cases: Case<Args>[] = [
      random(fixed, { en: "k = 3, 4 × 3, B = 3", zh: "k = 3，4 × 3，B = 3" }, 3, 4, 3, 3),
      random(fixed, { en: "k = 5, 5 × 2, B = 4", zh: "k = 5，5 × 2，B = 4" }, 4, 5, 2, 5, 1, 0.5),
      random(fixed, { en: "k = 2, 3 × 4, B = 4", zh: "k = 2，3 × 4，B = 4" }, 4, 3, 4, 2),
      random(fixed, { en: "k = 4, 6 × 5, B = 8", zh: "k = 4，6 × 5，B = 8" }, 8, 6, 5, 4, 2),
      random(
        fixed,
        { en: "weights in the hundreds (σ's input past ±709)", zh: "权重达数百（σ 的输入超过 ±709）" },
        3,
        4,
        3,
        2,
        300,
      ),
    ];
    cases.push(random(rng, { en: "k = 1 (CD-1)", zh: "k = 1（即 CD-1）" }, 3, 4, 3, 1));
    cases.push(random(rng, { en: "single sample (B = 1), k = 4", zh: "单个样本（B = 1），k = 4" }, 1, 4, 3, 4));
    cases.push(random(rng, { en: "square 3 × 3, k = 3", zh: "3 × 3 方阵，k = 3" }, 3, 3, 3, 3));
    const m = randomRbm(rng, 4, 3);
    cases.push(
      make(
        rng,
        { en: "all-zero data, k = 2", zh: "全零数据，k = 2" },
        [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
        m.W,
        m.a,
        m.b,
        0.1,
        2,
      ),
    );
    cases.push(
      make(
        rng,
        { en: "all-one data, k = 2", zh: "全一数据，k = 2" },
        [
          [1, 1, 1, 1],
          [1, 1, 1, 1],
        ],
        m.W,
        m.a,
        m.b,
        0.1,
        2,
      ),
    );
    cases.push(
      random(rng, { en: "saturating weights (~ ±20), k = 3", zh: "饱和权重（~ ±20），k = 3" }, 3, 4, 3, 3, 20),
    );
    for (let i = 0; i < 3; i++) {
      const nv = rng.intRange(2, 6);
      const nh = rng.intRange(2, 6);
      const k = rng.intRange(2, 6);
      cases.push(
        random(
          rng,
          {
            en: `random RBM ${i + 1} (n_v = ${nv}, n_h = ${nh}, k = ${k})`,
            zh: `随机 RBM ${i + 1}（n_v = ${nv}, n_h = ${nh}, k = ${k}）`,
          },
          rng.intRange(2, 5),
          nv,
          nh,
          k,
        ),
      );
    }
    return cases;
  },
  misconceptions: cdkMisconceptions,
  equivalentMutants: [
    ...numericsEquivalentMutants.zerosMatUnsized,
    ...numericsEquivalentMutants.matmulSkipsZeros,
    ...numericsEquivalentMutants.sigmoidBranch,
    ...numericsEquivalentMutants.bernoulliTie,
    ...numericsEquivalentMutants.sumRowsExtraColumn,
  ],
  helpers: [...LINEAR_ALGEBRA, "sigmoid", "sigmoidVec", "sigmoidMat", "bernoulli", "sampleMat"],
});
