import { LINEAR_ALGEBRA, defineExercise, type Case } from "../../grader/spec";
import { hebbianWeights } from "../../reference/hopfield";
import { hebbianWeightsMisconceptions, hopfieldEquivalentMutants } from "../../reference/misconceptions/hopfield";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import type {} from "../../reference/numerics";
import type { Rng } from "../../reference/random";

type Args = Parameters<typeof hebbianWeights>;

export default defineExercise({
  title: { en: "Hebbian storage of patterns", zh: "Hebb 规则存储模式" },
  points: 10,
  entry: "hebbianWeights",
  doc: "W (n × n) storing the P binary patterns X (P × n): w_ij = Σ_p s_i^p s_j^p with s = 2x − 1 for i ≠ j, w_ii = 0.",
  reference: hebbianWeights,
  output: { kind: "float" },
  visibleCases: (): Case<Args>[] => [
    { name: { en: "one pattern, three units", zh: "一个模式，三个单元" }, args: [[[1, 0, 1]]] },
    {
      name: { en: "two patterns, three units", zh: "两个模式，三个单元" },
      args: [
        [
          [1, 0, 1],
          [1, 1, 0],
        ],
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      // Fixed: two different patterns, so the diagonal, the 0/1 form and an average over P all change W.
      {
        name: { en: "two patterns, four units", zh: "两个模式，四个单元" },
        args: [
          [
            [1, 0, 0, 1],
            [1, 1, 0, 0],
          ],
        ],
      },
      { name: { en: "single unit", zh: "单个单元" }, args: [[[1], [0]]] },
      { name: { en: "all-zero pattern", zh: "全零模式" }, args: [[new Array<number>(5).fill(0)]] },
      {
        name: { en: "all-one and all-zero patterns", zh: "全一模式与全零模式" },
        args: [[new Array<number>(4).fill(1), new Array<number>(4).fill(0), [1, 0, 1, 0]]],
      },
    ];
    const x = rng.binaryVec(6);
    cases.push({
      name: { en: "same pattern stored twice", zh: "同一模式存储两次" },
      args: [[x, x.slice(), rng.binaryVec(6)]],
    });
    cases.push({ name: { en: "more patterns than units", zh: "模式数多于单元数" }, args: [rng.binaryMat(7, 4)] });
    cases.push({ name: { en: "one pattern, many units", zh: "一个模式，多个单元" }, args: [rng.binaryMat(1, 12)] });
    for (let k = 0; k < 4; k++) {
      const n = rng.intRange(5, 16);
      cases.push({
        name: {
          en: `random patterns ${k + 1} (P = ${k + 2}, n = ${n})`,
          zh: `随机模式 ${k + 1}（P = ${k + 2}, n = ${n}）`,
        },
        args: [rng.binaryMat(k + 2, n)],
      });
    }
    return cases;
  },
  misconceptions: hebbianWeightsMisconceptions,
  equivalentMutants: [...hopfieldEquivalentMutants.hebbianDividesBipolar, ...numericsEquivalentMutants.zerosMatUnsized],
  helpers: [...LINEAR_ALGEBRA],
});
