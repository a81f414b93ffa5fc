import { defineExercise, type Bilingual, type Case } from "../../grader/spec";
import { numericsEquivalentMutants } from "../../reference/misconceptions/numerics";
import { logZMisconceptions, rbmEquivalentMutants } from "../../reference/misconceptions/rbm";
import type { Mat, Vec } from "../../reference/numerics";
import { Rng } from "../../reference/random";
import { logZ, randomRbm } from "../../reference/rbm";

/** logZ with the enumerated layer chosen automatically: the student's function has no `over` parameter. */
const exactLogZ = (W: Mat, a: Vec, b: Vec): number => logZ(W, a, b);
type Args = Parameters<typeof exactLogZ>;

function random(rng: Rng, name: Bilingual, nv: number, nh: number, std = 1): Case<Args> {
  const { W, a, b } = randomRbm(rng, nv, nh, std);
  return { name, args: [W, a, b] };
}

export default defineExercise({
  title: { en: "Exact log partition function of a small RBM", zh: "小型受限玻尔兹曼机的精确对数配分函数" },
  points: 10,
  entry: "logZ",
  doc: "log Z = log Σ_{v,h} exp(−E(v,h)), exactly; W n_v × n_h, a (n_v), b (n_h); at least one layer has ≤ 12 units.",
  reference: exactLogZ,
  output: { kind: "float" },
  visibleCases: (): Case<Args>[] => [
    { name: { en: "n_v = 2, n_h = 1", zh: "n_v = 2, n_h = 1" }, args: [[[1], [2]], [0.5, -1], [-0.5]] },
    {
      name: { en: "zero weights, n_v = 2, n_h = 2", zh: "零权重，n_v = 2, n_h = 2" },
      args: [
        [
          [0, 0],
          [0, 0],
        ],
        [0, Math.log(3)],
        [1, -1],
      ],
    },
  ],
  hiddenCases: (rng: Rng): Case<Args>[] => {
    const cases: Case<Args>[] = [
      // exponents near 1200: a plain Σ e^x overflows to Infinity
      {
        name: { en: "large weights (terms near e^1200)", zh: "大权重（各项接近 e^1200）" },
        args: [
          [
            [100, 100, 100],
            [100, 100, 100],
            [100, 100, 100],
            [100, 100, 100],
          ],
          [1, -1, 0.5, 2],
          [-1, 0.5, 1],
        ],
      },
      {
        name: { en: "large weights, more visible than hidden", zh: "大权重，可见单元多于隐藏单元" },
        args: [
          [
            [150, -50],
            [100, 80],
            [90, 60],
            [-20, 120],
            [70, 40],
          ],
          [-3, 1, 2, 0.5, -1],
          [2, -4],
        ],
      },
    ];
    const fixed = new Rng("rbm-exact-logz fixed");
    cases.push(random(fixed, { en: "random 4 × 3", zh: "随机 4 × 3" }, 4, 3));
    cases.push(
      random(fixed, { en: "random 2 × 5 (more hidden than visible)", zh: "随机 2 × 5（隐藏单元多于可见单元）" }, 2, 5),
    );
    cases.push(random(rng, { en: "one visible unit", zh: "一个可见单元" }, 1, 4));
    cases.push(random(rng, { en: "one hidden unit", zh: "一个隐藏单元" }, 6, 1));
    cases.push(random(rng, { en: "14 visible, 3 hidden", zh: "14 个可见单元，3 个隐藏单元" }, 14, 3));
    cases.push(random(rng, { en: "3 visible, 14 hidden", zh: "3 个可见单元，14 个隐藏单元" }, 3, 14));
    cases.push(random(rng, { en: "saturating weights (~ ±50)", zh: "饱和权重（~ ±50）" }, 5, 4, 50));
    // The last state in counting order (all hidden units on) lies ~1500 below the first, so the sum's maximum is not its last term.
    cases.push({
      name: {
        en: "hidden biases in the hundreds below zero (terms from e^{−1500} to e^{3})",
        zh: "隐藏偏置为数百的负数（各项从 e^{−1500} 到 e^{3}）",
      },
      args: [
        [
          [0.5, -0.3, 0.8],
          [-0.7, 0.2, 0.4],
          [0.1, 0.9, -0.6],
          [0.3, -0.5, 0.2],
        ],
        [0.4, -0.2, 0.6, 0.1],
        [-600, -500, -400],
      ],
    });
    cases.push({
      name: { en: "all-zero parameters", zh: "参数全为零" },
      args: [
        [
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        [0, 0, 0],
        [0, 0],
      ],
    });
    for (let k = 0; k < 3; k++) {
      const nv = rng.intRange(2, 9);
      const nh = rng.intRange(2, 9);
      cases.push(
        random(
          rng,
          { en: `random RBM ${k + 1} (n_v = ${nv}, n_h = ${nh})`, zh: `随机 RBM ${k + 1}（n_v = ${nv}, n_h = ${nh}）` },
          nv,
          nh,
          rng.pick([0.5, 1, 3]),
        ),
      );
    }
    return cases;
  },
  misconceptions: logZMisconceptions,
  equivalentMutants: [
    ...numericsEquivalentMutants.vecmatSkipsZeros,
    ...numericsEquivalentMutants.logsumexpEdges,
    ...numericsEquivalentMutants.allBinaryUnsized,
    ...numericsEquivalentMutants.allBinaryExtraBit,
    ...rbmEquivalentMutants.logZLayerChoice,
  ],
});
