/**
 * Mutants of the shared helpers in reference/numerics.ts that no input can tell apart from them (issue 12
 * item 2, exercises/mutation.ts); every exercise whose reference calls the helper lists them.
 */

import type { EquivalentMutant } from "./types";

export const numericsEquivalentMutants = {
  /** zerosMat's preallocation. */
  zerosMatUnsized: [
    {
      at: "reference/numerics.ts:21:13",
      mutator: "ArrayDeclaration",
      replacement: "new Array()",
      reason: {
        en: "the length only preallocates: the loop then fills every row 0..r−1 either way",
        zh: "长度只是预分配：随后的循环都会填满第 0..r−1 行",
      },
    },
  ],
  /** matmul's shortcut past zero entries of A. */
  matmulSkipsZeros: [
    {
      at: "reference/numerics.ts:56:11",
      mutator: "ConditionalExpression",
      replacement: "false",
      reason: {
        en: "skipping a_it = 0 only saves work: with finite B the skipped terms are 0 anyway",
        zh: "跳过 a_it = 0 只是省计算：B 有限时被跳过的项本来就是 0",
      },
    },
  ],
  /** vecmat's shortcut past zero entries of x. */
  vecmatSkipsZeros: [
    {
      at: "reference/numerics.ts:75:9",
      mutator: "ConditionalExpression",
      replacement: "false",
      reason: {
        en: "skipping x_i = 0 only saves work: with finite A the skipped terms are 0 anyway",
        zh: "跳过 x_i = 0 只是省计算：A 有限时被跳过的项本来就是 0",
      },
    },
  ],
  /** bernoulli's strict comparison u < p. */
  bernoulliTie: [
    {
      at: "reference/numerics.ts:227:10",
      mutator: "EqualityOperator",
      replacement: "u <= p",
      reason: {
        en: "differs only when a uniform equals its probability, and case generators keep every uniform 1e-6 away from it (DOMAIN.md)",
        zh: "只在均匀数等于其概率时不同，而用例生成器让每个均匀数与它相距至少 1e-6（DOMAIN.md）",
      },
    },
  ],
  /** sigmoid's choice between its two stable forms. */
  sigmoidBranch: [
    {
      at: "reference/numerics.ts:180:7",
      mutator: "ConditionalExpression",
      replacement: "true",
      reason: {
        en: "1/(1 + e^{−z}) for z < 0 differs from e^z/(1 + e^z) by round-off only, and its underflow to 0 is below atol",
        zh: "z < 0 时 1/(1 + e^{−z}) 与 e^z/(1 + e^z) 只差舍入误差，其下溢为 0 也小于 atol",
      },
    },
    {
      at: "reference/numerics.ts:180:7",
      mutator: "EqualityOperator",
      replacement: "z > 0",
      reason: { en: "at z = 0 both forms give exactly 0.5", zh: "z = 0 时两种形式都恰好得到 0.5" },
    },
  ],
  /** logsumexp's maximum and its branches for infinite inputs. */
  logsumexpEdges: [
    {
      at: "reference/numerics.ts:198:26",
      mutator: "EqualityOperator",
      replacement: "v >= m",
      reason: { en: ">= and > find the same maximum", zh: ">= 与 > 求得的最大值相同" },
    },
    {
      at: "reference/numerics.ts:199:7",
      mutator: "ConditionalExpression",
      replacement: "false",
      reason: {
        en: "the branch for an empty or all −∞ input, which no case produces (energies are finite)",
        zh: "处理空输入或全为 −∞ 的分支，而没有用例产生（能量有限）",
      },
    },
    {
      at: "reference/numerics.ts:199:13",
      mutator: "UnaryOperator",
      replacement: "+Infinity",
      reason: {
        en: "the branch for an all −∞ input, which no case produces (energies are finite)",
        zh: "处理全为 −∞ 输入的分支，而没有用例产生（能量有限）",
      },
    },
    {
      at: "reference/numerics.ts:200:7",
      mutator: "ConditionalExpression",
      replacement: "false",
      reason: {
        en: "the branch for a +∞ input, which no case produces (energies are finite)",
        zh: "处理 +∞ 输入的分支，而没有用例产生（能量有限）",
      },
    },
  ],
  /** allBinary's preallocation. */
  allBinaryUnsized: [
    {
      at: "reference/numerics.ts:238:15",
      mutator: "ArrayDeclaration",
      replacement: "new Array()",
      reason: {
        en: "the length only preallocates: the loop then fills every entry 0..2^n−1 either way",
        zh: "长度只是预分配：随后的循环都会填满 0..2^n−1 的每一项",
      },
    },
  ],
  /** softmax's maximum. */
  softmaxMax: [
    {
      at: "reference/numerics.ts:219:26",
      mutator: "EqualityOperator",
      replacement: "v >= m",
      reason: {
        en: ">= and > find the same maximum",
        zh: ">= 与 > 求得的最大值相同",
      },
    },
  ],
  /** allBinary writing one bit past the end of each state. */
  allBinaryExtraBit: [
    {
      at: "reference/numerics.ts:241:21",
      mutator: "EqualityOperator",
      replacement: "i <= n",
      reason: {
        en: "appends a 0 past the last unit of each state, which the energies never read (they loop over the weights)",
        zh: "在每个状态末尾多写一个 0，而能量的计算从不读取它（按权重循环）",
      },
    },
  ],
  /** sumRows writing one entry past the last column. */
  sumRowsExtraColumn: [
    {
      at: "reference/numerics.ts:151:40",
      mutator: "EqualityOperator",
      replacement: "j <= c",
      reason: {
        en: "adds a NaN entry past the last column, which CD's update never reads (it maps over the biases)",
        zh: "在最后一列之后多出一个 NaN 项，而 CD 的更新从不读取它（按偏置逐项映射）",
      },
    },
  ],
} satisfies Record<string, EquivalentMutant[]>;
