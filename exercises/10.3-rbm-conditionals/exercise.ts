import { LINEAR_ALGEBRA, defineExercise, type Bilingual, type Case } from "../../grader/spec";
import {
  conditionalsMisconceptions,
  conditionalsNaiveVariants,
  rbmEquivalentMutants,
} from "../../reference/misconceptions/rbm";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import { Rng } from "../../reference/random";
import { conditionals, randomRbm } from "../../reference/rbm";

type Args = Parameters<typeof conditionals>;

function random(rng: Rng, name: Bilingual, B: number, nv: number, nh: number, std = 1): Case<Args> {
  const { W, a, b } = randomRbm(rng, nv, nh, std);
  return { name, args: [rng.binaryMat(B, nv), rng.binaryMat(B, nh), W, a, b] };
}

export default defineExercise({
  title: { en: "RBM conditionals P(h|v) and P(v|h)", zh: "受限玻尔兹曼机的条件概率 P(h|v) 与 P(v|h)" },
  points: 10,
  entry: "rbmConditionals",
  doc: "Ph = σ(b + V W) (B × n_h) and Pv = σ(a + H Wᵀ) (B × n_v); V B × n_v, H B × n_h, W n_v × n_h, a (n_v), b (n_h).",
  reference: conditionals,
  output: { kind: "record", fields: { Ph: { kind: "float" }, Pv: { kind: "float" } } },
  visibleCases: (): Case<Args>[] => [
    {
      name: { en: "n_v = 2, n_h = 1", zh: "n_v = 2, n_h = 1" },
      args: [[[1, 1]], [[1]], [[1], [2]], [0.5, -1], [-0.5]],
    },
    {
      name: { en: "n_v = 3, n_h = 2", zh: "n_v = 3, n_h = 2" },
      args: [
        [
          [1, 0, 1],
          [0, 0, 0],
        ],
        [
          [0, 1],
          [1, 1],
        ],
        [
          [1, -1],
          [2, 0],
          [0, 3],
        ],
        [0, 1, -1],
        [0.5, -2],
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      // Weights ±50 on 16 visible units that are all on: the hidden inputs reach ±800, where e^z overflows.
      {
        name: { en: "weights ±50, every visible unit on", zh: "权重为 ±50，所有可见单元都为 1" },
        args: [
          [new Array<number>(16).fill(1)],
          [[1, 0]],
          Array.from({ length: 16 }, (_, i) => [50, i % 2 ? -50 : -49]),
          Array.from({ length: 16 }, (_, i) => (i % 3) - 1),
          [0.5, -0.5],
        ],
      },
      {
        name: { en: "non-square, asymmetric weights", zh: "非方阵，非对称权重" },
        args: [
          [
            [1, 1, 0],
            [0, 1, 1],
          ],
          [
            [1, 0],
            [1, 1],
          ],
          [
            [1, -2],
            [3, 0.5],
            [-1, 2],
          ],
          [0.5, -1, 2],
          [1.5, -0.25],
        ],
      },
      {
        name: { en: "square, asymmetric W, distinct biases", zh: "方阵，W 非对称，偏置各不相同" },
        args: [
          [
            [1, 0],
            [1, 1],
          ],
          [
            [0, 1],
            [1, 1],
          ],
          [
            [1, 4],
            [-2, 3],
          ],
          [0.3, 0.7],
          [-1, 2],
        ],
      },
      // pre-activations exactly 0 → probability ½ (the sigmoid's midpoint)
      {
        name: { en: "inputs at the midpoint (z = 0)", zh: "输入恰在中点（z = 0）" },
        args: [
          [[1, 1]],
          [[1, 1]],
          [
            [1, -1],
            [-1, 1],
          ],
          [0, 0],
          [0, 0],
        ],
      },
      {
        name: { en: "near the midpoint (z = ±1e-9)", zh: "接近中点（z = ±1e-9）" },
        args: [
          [[1, 0]],
          [[0, 1]],
          [
            [1e-9, -1e-9],
            [2, 2],
          ],
          [0, -1e-9],
          [0, 0],
        ],
      },
    ];
    const fixed = new Rng("rbm-conditionals fixed");
    cases.push(random(fixed, { en: "single sample (B = 1)", zh: "单个样本（B = 1）" }, 1, 5, 3));
    cases.push(random(fixed, { en: "random 6 × 4", zh: "随机 6 × 4" }, 3, 6, 4));
    const m = randomRbm(rng, 4, 5);
    cases.push({
      name: { en: "all-zero states (biases only)", zh: "全零状态（仅有偏置）" },
      args: [[[0, 0, 0, 0]], [[0, 0, 0, 0, 0]], m.W, m.a, m.b],
    });
    cases.push({
      name: { en: "all-one states", zh: "全一状态" },
      args: [[[1, 1, 1, 1]], [[1, 1, 1, 1, 1]], m.W, m.a, m.b],
    });
    cases.push(random(rng, { en: "saturating inputs (weights ~ ±50)", zh: "输入饱和（权重 ~ ±50）" }, 3, 5, 3, 50));
    for (let k = 0; k < 4; k++) {
      const nv = rng.intRange(2, 8);
      const nh = rng.intRange(2, 8);
      cases.push(
        random(
          rng,
          { en: `random RBM ${k + 1} (n_v = ${nv}, n_h = ${nh})`, zh: `随机 RBM ${k + 1}（n_v = ${nv}, n_h = ${nh}）` },
          rng.intRange(1, 5),
          nv,
          nh,
        ),
      );
    }
    return cases;
  },
  misconceptions: conditionalsMisconceptions,
  equivalentMutants: [
    ...rbmEquivalentMutants.paramsGuard,
    ...rbmEquivalentMutants.paramsShapeUnused,
    ...numericsEquivalentMutants.zerosMatUnsized,
    ...numericsEquivalentMutants.matmulSkipsZeros,
    ...numericsEquivalentMutants.sigmoidBranch,
  ],
  naiveVariants: conditionalsNaiveVariants,
  helpers: [...LINEAR_ALGEBRA, "sigmoid", "sigmoidVec", "sigmoidMat"],
});
