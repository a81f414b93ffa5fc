import { LINEAR_ALGEBRA, defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import { pcdStepMisconceptions } from "../../reference/misconceptions/rbm";
import type { Mat, Vec } from "../../reference/numerics";
import { Rng } from "../../reference/random";
import { pcdStep, randomRbm, safePcdUniforms } from "../../reference/rbm";

type Args = Parameters<typeof pcdStep>;

function make(
  rng: Rng,
  name: Bilingual,
  V0: Mat,
  W: Mat,
  a: Vec,
  b: Vec,
  eta: number,
  chain: Mat,
  k: number,
): Case<Args> {
  return { name, args: [V0, W, a, b, eta, chain, safePcdUniforms(rng, chain, W, a, b, k)] };
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
  const { W, a, b } = randomRbm(rng, nv, nh, std);
  return make(rng, name, rng.binaryMat(B, nv), W, a, b, eta, rng.binaryMat(B, nv), k);
}

export default defineExercise({
  title: { en: "Persistent contrastive divergence (PCD) step", zh: "持续对比散度（PCD）的一步更新" },
  points: 10,
  entry: "pcdStep",
  doc: "One PCD update: data V0 (B × n_v), persistent binary chain (B × n_v); W n_v × n_h, a (n_v), b (n_h); k = U.Uh.length Gibbs steps, step t uses Uh[t] then Uv[t]. Returns the new parameters and chain.",
  reference: pcdStep,
  output: {
    kind: "record",
    fields: { W: { kind: "float" }, a: { kind: "float" }, b: { kind: "float" }, chain: { kind: "exact" } },
  },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "zero weights, one step", zh: "零权重，一步" },
      args: [[[1, 0]], [[0], [0]], [0, 0], [0], 0.1, [[0, 0]], { Uh: [[[0.3]]], Uv: [[[0.7, 0.2]]] }],
    },
    random(
      new Rng("rbm-pcd visible"),
      { en: "n_v = 3, n_h = 2, B = 2, two steps", zh: "n_v = 3, n_h = 2, B = 2，两步" },
      2,
      3,
      2,
      2,
    ),
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const fixed = new Rng("rbm-pcd fixed");
    const cases: Case<Args>[] = [
      random(fixed, { en: "4 × 3, B = 3, one step", zh: "4 × 3，B = 3，一步" }, 3, 4, 3, 1),
      random(fixed, { en: "5 × 2, B = 4, two steps", zh: "5 × 2，B = 4，两步" }, 4, 5, 2, 2, 1, 0.5),
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
    cases.push(random(rng, { en: "single sample (B = 1)", zh: "单个样本（B = 1）" }, 1, 4, 3, 1));
    cases.push(random(rng, { en: "square 3 × 3", zh: "3 × 3 方阵" }, 3, 3, 3, 1));
    cases.push(
      random(rng, { en: "n_h > n_v, three steps", zh: "隐藏单元多于可见单元（n_h > n_v），三步" }, 3, 2, 5, 3),
    );
    const m = randomRbm(rng, 4, 3);
    cases.push(
      make(
        rng,
        { en: "all-zero chain", zh: "持续链状态全零" },
        rng.binaryMat(2, 4),
        m.W,
        m.a,
        m.b,
        0.1,
        [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
        1,
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
        rng.binaryMat(2, 4),
        1,
      ),
    );
    cases.push(random(rng, { en: "saturating weights (~ ±20)", zh: "饱和权重（~ ±20）" }, 3, 4, 3, 1, 20));
    for (let i = 0; i < 3; i++) {
      const nv = rng.intRange(2, 6);
      const nh = rng.intRange(2, 6);
      cases.push(
        random(
          rng,
          { en: `random RBM ${i + 1} (n_v = ${nv}, n_h = ${nh})`, zh: `随机 RBM ${i + 1}（n_v = ${nv}, n_h = ${nh}）` },
          rng.intRange(2, 5),
          nv,
          nh,
          rng.intRange(1, 3),
        ),
      );
    }
    return cases;
  },
  misconceptions: pcdStepMisconceptions,
  equivalentMutants: [
    ...numericsEquivalentMutants.zerosMatUnsized,
    ...numericsEquivalentMutants.matmulSkipsZeros,
    ...numericsEquivalentMutants.sigmoidBranch,
    ...numericsEquivalentMutants.bernoulliTie,
    ...numericsEquivalentMutants.sumRowsExtraColumn,
  ],
  helpers: [...LINEAR_ALGEBRA, "sigmoid", "sigmoidVec", "sigmoidMat", "bernoulli", "sampleMat"],
});
