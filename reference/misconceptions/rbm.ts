/**
 * Wrong variants of the RBM reference (reference/rbm.ts), each with the signature of the function it
 * corrupts. Hints name the idea, never the answer. Variants that only make sense for square W read
 * out-of-range entries as NaN instead of throwing, so they type-check on square inputs and fail elsewhere.
 */

import { allBinary, dot, logsumexp, sampleMat as sample, softplus, type Mat, type Vec } from "../numerics";
import {
  cd1,
  cdk,
  cdUpdate,
  conditionals,
  energyBatch,
  freeEnergy,
  freeEnergyBatch,
  hiddenProbsBatch,
  logZ,
  pcdStep,
  pseudoLikelihoodBatch,
  reconstructionError,
  visibleProbsBatch,
  type CdResult,
  type CdUniforms,
  type PcdResult,
  type PcdUniforms,
} from "../rbm";
import { affine, at, literalSigmoid, sigm } from "./helpers";
import { misconceptionsOf, naiveVariantsOf, type EquivalentMutant, type MisconceptionRow } from "./types";

// ---------------------------------------------------------------- energy (batch)

function energyWith(
  V: Mat,
  H: Mat,
  W: Mat,
  a: Vec,
  b: Vec,
  o: { ca?: number; cb?: number; cw?: number; transposed?: boolean },
): Vec {
  const { ca = -1, cb = -1, cw = -1, transposed = false } = o;
  return V.map((v, r) => {
    const h = H[r];
    let q = 0;
    for (let i = 0; i < v.length; i++)
      for (let j = 0; j < h.length; j++) q += v[i] * h[j] * (transposed ? at(W, j, i) : W[i][j]);
    return ca * dot(a, v) + cb * dot(b, h) + cw * q;
  });
}

export const energyBatchMisconceptions = misconceptionsOf(energyBatch, "rbm.energy", [
  {
    id: "transposed-w",
    hint: {
      en: "a weight matrix read as n_h × n_v, the shape that the slide's hᵀWv suggests; check which index of W belongs to the visible layer in this exercise.",
      zh: "把权重矩阵当成了 n_h × n_v 的形状（讲义中 hᵀWv 的写法容易让人这样理解）；请检查本题约定中 W 的哪个下标对应可见层。",
    },
    fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { transposed: true }),
  },
  {
    id: "visible-bias-missing",
    hint: {
      en: "an energy without the contribution of the visible biases; check that every term of E(v,h) is there.",
      zh: "能量函数中缺少可见层偏置那一项；请对照 E(v,h) 逐项检查。",
    },
    fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { ca: 0 }),
  },
  {
    id: "hidden-bias-missing",
    hint: {
      en: "an energy without the contribution of the hidden biases; check that every term of E(v,h) is there.",
      zh: "能量函数中缺少隐藏层偏置那一项；请对照 E(v,h) 逐项检查。",
    },
    fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { cb: 0 }),
  },
  {
    id: "bias-sign",
    hint: {
      en: "biases entering the energy the way Hopfield thresholds do; check the sign of the bias terms.",
      zh: "偏置像 Hopfield 网络中的阈值那样进入了能量函数；请检查偏置项的符号。",
    },
    fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { ca: 1, cb: 1 }),
  },
  {
    id: "interaction-sign",
    hint: {
      en: "an interaction term with the opposite sign; ask whether two active units joined by a positive weight should raise or lower the energy.",
      zh: "交互项的符号反了；想一想，两个同时激活的单元由正权重相连时，能量应当升高还是降低。",
    },
    fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { cw: 1 }),
  },
  {
    id: "half-interaction",
    hint: {
      en: "a Hopfield-style ½ on the interaction term; ask whether the bipartite sum over (i, j) counts any connection twice.",
      zh: "在交互项上套用了 Hopfield 能量中的 ½；想一想，二部图上对 (i, j) 的求和会不会把某条连接算两次。",
    },
    fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { cw: -0.5 }),
  },
]);

// ---------------------------------------------------------------- conditionals

/** The prompt: "some inputs are large (weights around ±50), so use a sigmoid that does not overflow". */
export const conditionalsNaiveVariants = naiveVariantsOf(conditionals, "rbm.conditionals", [
  {
    id: "literal-sigmoid",
    what: "σ(z) = e^z / (1 + e^z), NaN once z > 709",
    fn: (V, H, W, a, b) => ({
      Ph: affine(V, b, (i, j) => at(W, i, j)).map((row) => row.map(literalSigmoid)),
      Pv: affine(H, a, (j, i) => at(W, i, j)).map((row) => row.map(literalSigmoid)),
    }),
  },
]);

export const conditionalsMisconceptions = misconceptionsOf(conditionals, "rbm.conditionals", [
  {
    id: "hidden-bias-missing",
    hint: {
      en: "hidden probabilities computed without the hidden biases; check everything that belongs inside the sigmoid.",
      zh: "计算隐藏单元的概率时漏掉了隐藏层偏置；请检查 sigmoid 内部应有的所有项。",
    },
    fn: (V, H, W, a, b) => ({
      Ph: hiddenProbsBatch(
        V,
        W,
        b.map(() => 0),
      ),
      Pv: visibleProbsBatch(H, W, a),
    }),
  },
  {
    id: "visible-bias-missing",
    hint: {
      en: "visible probabilities computed without the visible biases; check everything that belongs inside the sigmoid.",
      zh: "计算可见单元的概率时漏掉了可见层偏置；请检查 sigmoid 内部应有的所有项。",
    },
    fn: (V, H, W, a, b) => ({
      Ph: hiddenProbsBatch(V, W, b),
      Pv: visibleProbsBatch(
        H,
        W,
        a.map(() => 0),
      ),
    }),
  },
  {
    id: "bias-as-threshold",
    hint: {
      en: "biases subtracted from the input like Hopfield thresholds; re-read how a and b enter a unit's input in the RBM.",
      zh: "像 Hopfield 网络的阈值那样把偏置从输入中减去了；请重新看看 RBM 中 a 和 b 是怎样进入单元输入的。",
    },
    fn: (V, H, W, a, b) => ({
      Ph: hiddenProbsBatch(
        V,
        W,
        b.map((x) => -x),
      ),
      Pv: visibleProbsBatch(
        H,
        W,
        a.map((x) => -x),
      ),
    }),
  },
  {
    id: "transposed-w",
    hint: {
      en: "a weight matrix used the wrong way round in both directions, up and down; check which index of W belongs to which layer.",
      zh: "向上和向下传递时都把权重矩阵的行和列用反了；请检查 W 的哪个下标对应哪一层。",
    },
    fn: (V, H, W, a, b) => ({
      Ph: sigm(affine(V, b, (i, j) => at(W, j, i))),
      Pv: sigm(affine(H, a, (j, i) => at(W, j, i))),
    }),
  },
  {
    id: "swapped-biases",
    hint: {
      en: "the visible and hidden biases exchanged; check which layer each bias vector belongs to.",
      zh: "可见层偏置和隐藏层偏置用反了；请检查每个偏置向量属于哪一层。",
    },
    fn: (V, H, W, a, b) => ({
      Ph: sigm(
        affine(
          V,
          b.map((_, j) => a[j] ?? NaN),
          (i, j) => W[i][j],
        ),
      ),
      Pv: sigm(
        affine(
          H,
          a.map((_, i) => b[i] ?? NaN),
          (j, i) => W[i][j],
        ),
      ),
    }),
  },
  {
    id: "sigmoid-sign",
    hint: {
      en: "the probability that a unit is off rather than on; check the sign of the input inside the sigmoid.",
      zh: "算出的是单元取 0 的概率，而不是取 1 的概率；请检查 sigmoid 内部输入的符号。",
    },
    fn: (V, H, W, a, b) => {
      const c = hiddenProbsBatch(V, W, b);
      const d = visibleProbsBatch(H, W, a);
      return { Ph: c.map((r) => r.map((p) => 1 - p)), Pv: d.map((r) => r.map((p) => 1 - p)) };
    },
  },
]);

// ---------------------------------------------------------------- free energy (batch)

function freeWith(
  V: Mat,
  W: Mat,
  a: Vec,
  b: Vec,
  o: { ca?: number; sp?: (z: number) => number; useB?: boolean; sign?: number },
): Vec {
  const { ca = -1, sp = softplus, useB = true, sign = 1 } = o;
  return V.map((v) => {
    let s = 0;
    for (let j = 0; j < b.length; j++) {
      let z = useB ? b[j] : 0;
      for (let i = 0; i < v.length; i++) z += v[i] * W[i][j];
      s += sp(z);
    }
    return sign * (ca * dot(a, v) - s);
  });
}

export const freeEnergyBatchMisconceptions = misconceptionsOf(freeEnergyBatch, "rbm.free-energy", [
  {
    id: "unstable-softplus",
    hint: {
      en: "a softplus written literally as log(1 + e^z), which overflows to Infinity for large z; look for a form that never exponentiates a large positive number.",
      zh: "按字面把 softplus 写成了 log(1 + e^z)，z 很大时会溢出为 Infinity；请找一种永远不对很大的正数取指数的写法。",
    },
    fn: (V, W, a, b) => freeWith(V, W, a, b, { sp: (z) => Math.log(1 + Math.exp(z)) }),
  },
  {
    id: "visible-term-missing",
    hint: {
      en: "a free energy that has lost the visible-bias term; ask which parts of E(v,h) involve h when the hidden units are summed out.",
      zh: "自由能中丢掉了可见层偏置项；想一想把隐藏单元求和（边缘化）掉时，能量函数中哪些部分与 h 有关。",
    },
    fn: (V, W, a, b) => freeWith(V, W, a, b, { ca: 0 }),
  },
  {
    id: "visible-term-sign",
    hint: {
      en: "a visible-bias term with the opposite sign in F(v); compare it with the same term in E(v,h).",
      zh: "自由能 F(v) 中可见层偏置项的符号反了；请与能量函数 E(v,h) 中的同一项对照。",
    },
    fn: (V, W, a, b) => freeWith(V, W, a, b, { ca: 1 }),
  },
  {
    id: "hidden-bias-missing",
    hint: {
      en: "a softplus whose argument lacks the hidden bias; check each hidden unit's total input.",
      zh: "softplus 的自变量中漏掉了隐藏层偏置；请检查每个隐藏单元的总输入。",
    },
    fn: (V, W, a, b) => freeWith(V, W, a, b, { useB: false }),
  },
  {
    id: "relu-instead-of-softplus",
    hint: {
      en: "a ReLU, max(z, 0), in place of the softplus; it only approximates the exact sum over h_j ∈ {0,1}, and it is worst near z = 0.",
      zh: "用 ReLU，即 max(z, 0)，代替了 softplus；它只是对 h_j ∈ {0,1} 精确求和的近似，在 z = 0 附近误差最大。",
    },
    fn: (V, W, a, b) => freeWith(V, W, a, b, { sp: (z) => Math.max(z, 0) }),
  },
  {
    id: "overall-sign",
    hint: {
      en: "a free energy with its overall sign flipped; check the sign in front of the log in its definition.",
      zh: "自由能的整体符号反了；请检查其定义中 log 前面的符号。",
    },
    fn: (V, W, a, b) => freeWith(V, W, a, b, { sign: -1 }),
  },
]);

// ---------------------------------------------------------------- exact log Z

function hiddenTerms(W: Mat, a: Vec, b: Vec, withB: boolean): Vec {
  return allBinary(b.length).map((h) => {
    let s = withB ? dot(b, h) : 0;
    for (let i = 0; i < a.length; i++) s += softplus(a[i] + dot(W[i], h));
    return s;
  });
}
const smallerIsHidden = (W: Mat, a: Vec, b: Vec) => b.length <= a.length;

export const logZMisconceptions = misconceptionsOf(logZ, "rbm.logz", [
  {
    id: "no-logsumexp",
    hint: {
      en: "a sum of exponentials taken directly, which overflows as soon as one exponent exceeds about 709; this is what the log-sum-exp trick in the prompt is for.",
      zh: "直接对指数求和，只要某个指数超过约 709 就会溢出；题目中的 log-sum-exp 技巧正是为此准备的。",
    },
    fn: (W, a, b) => {
      const t = smallerIsHidden(W, a, b)
        ? hiddenTerms(W, a, b, true)
        : allBinary(a.length).map((v) => -freeEnergy(v, W, a, b));
      return Math.log(t.reduce((s, x) => s + Math.exp(x), 0));
    },
  },
  {
    id: "enumerated-layer-bias-missing",
    hint: {
      en: "a sum over the enumerated layer that has lost that layer's own bias term; check which terms of the energy stay outside the softplus.",
      zh: "对被枚举的那一层求和时，漏掉了该层自己的偏置项；请检查能量函数中哪些项留在 softplus 之外。",
    },
    fn: (W, a, b) =>
      smallerIsHidden(W, a, b)
        ? logsumexp(hiddenTerms(W, a, b, false))
        : logsumexp(
            allBinary(a.length).map(
              (v) =>
                -freeEnergy(
                  v,
                  W,
                  a.map(() => 0),
                  b,
                ),
            ),
          ),
  },
  {
    id: "mean-instead-of-sum",
    hint: {
      en: "a partition function averaged over the enumerated states rather than summed: the result is off by a multiple of log 2.",
      zh: "把配分函数算成了对所有枚举状态的平均而不是总和：结果恰好差 log 2 的整数倍。",
    },
    fn: (W, a, b) => {
      const n = smallerIsHidden(W, a, b) ? b.length : a.length;
      const t = smallerIsHidden(W, a, b)
        ? hiddenTerms(W, a, b, true)
        : allBinary(a.length).map((v) => -freeEnergy(v, W, a, b));
      return logsumexp(t) - n * Math.log(2);
    },
  },
  {
    id: "free-energy-sign",
    hint: {
      en: "a sum in which the states of highest free energy weigh the most; check the sign in the exponent.",
      zh: "求和中自由能越高的状态权重越大；请检查指数中的符号。",
    },
    fn: (W, a, b) =>
      smallerIsHidden(W, a, b)
        ? logsumexp(hiddenTerms(W, a, b, true).map((x) => -x))
        : logsumexp(allBinary(a.length).map((v) => freeEnergy(v, W, a, b))),
  },
]);

// ---------------------------------------------------------------- CD-k

interface CdFlags {
  /** Positive statistics from the sampled H0 instead of Ph0. */
  posSampled?: boolean;
  /** Negative statistics from a sampled Hk (drawn with Uh0, the only hidden uniforms a CD-1 student has). */
  negSampled?: boolean;
  /** No 1/B in the update. */
  noDivide?: boolean;
  /** Δb = η/B Σ(Ph0 + Phk), the slide typo. */
  dbPlus?: boolean;
  noHiddenBias?: boolean;
  noVisibleBias?: boolean;
  /** V_t = Pv_t (no visible sampling) where the canonical form samples. */
  probReconstruction?: boolean;
  /** Parameters move against the statistics (θ − Δθ). */
  descent?: boolean;
  /** W[i][j] += ΔW[j][i]. */
  transposedUpdate?: boolean;
  /** Only one Gibbs step whatever k is. */
  oneStep?: boolean;
  /** Every step restarts from H0 instead of continuing the chain. */
  restartEachStep?: boolean;
  /** Intermediate hidden states H_t = Ph_t instead of samples. */
  meanFieldHidden?: boolean;
}

function cdVariant(V0: Mat, W: Mat, a: Vec, b: Vec, eta: number, k: number, U: CdUniforms, f: CdFlags): CdResult {
  const bb = f.noHiddenBias ? b.map(() => 0) : b;
  const aa = f.noVisibleBias ? a.map(() => 0) : a;
  const Ph0 = hiddenProbsBatch(V0, W, bb);
  const H0 = sample(Ph0, U.Uh0);
  let H = H0;
  let V = V0;
  let Ph = Ph0;
  const steps = f.oneStep ? 1 : k;
  for (let t = 1; t <= steps; t++) {
    const Pv = visibleProbsBatch(f.restartEachStep ? H0 : H, W, aa);
    V = f.probReconstruction ? Pv : sample(Pv, U.Uv[t - 1]);
    Ph = hiddenProbsBatch(V, W, bb);
    if (t < steps) H = f.meanFieldHidden ? Ph : sample(Ph, U.Uh[t - 1]);
  }
  const posH = f.posSampled ? H0 : Ph0;
  const negH = f.negSampled ? sample(Ph, U.Uh0) : Ph;
  const B = V0.length;
  const s = f.noDivide ? B : 1;
  const up = cdUpdate(
    W.map((r) => r.map(() => 0)),
    a.map(() => 0),
    b.map(() => 0),
    eta * s,
    V0,
    posH,
    V,
    negH,
  );
  if (f.dbPlus) {
    // Δb = η/B Σ (Ph0 + Phk)
    const sum = (M: Mat, j: number) => M.reduce((acc, row) => acc + row[j], 0);
    up.b = b.map((_, j) => ((eta * s) / B) * (sum(posH, j) + sum(negH, j)));
  }
  const sg = f.descent ? -1 : 1;
  return {
    W: W.map((row, i) => row.map((w, j) => w + sg * (f.transposedUpdate ? at(up.W, j, i) : up.W[i][j]))),
    a: a.map((x, i) => x + sg * up.a[i]),
    b: b.map((x, j) => x + sg * up.b[j]),
    Vk: V,
  };
}

/** cdVariant with fixed flags, as a wrong cdk. */
const cdkWith =
  (f: CdFlags): MisconceptionRow<typeof cdk>["fn"] =>
  (V0, W, a, b, eta, k, U) =>
    cdVariant(V0, W, a, b, eta, k, U, f);

/** Wrong variants of cdk(V0, W, a, b, eta, k, U). The first nine are also the variants of cd1. */
export const cdkMisconceptions = misconceptionsOf(cdk, "rbm.cdk", [
  {
    id: "positive-sampled",
    hint: {
      en: "positive statistics built from the sampled hidden states where the prompt asks for probabilities; the binary sample H0 only drives the chain.",
      zh: "正相统计量用了采样得到的隐藏状态，而题目要求的是概率；二值样本 H0 只用来驱动马尔可夫链。",
    },
    fn: cdkWith({ posSampled: true }),
  },
  {
    id: "negative-sampled",
    hint: {
      en: "negative statistics built from a sampled last hidden state where the prompt asks for probabilities; check which steps of the chain draw samples.",
      zh: "负相统计量用了对最后一步隐藏单元采样得到的二值状态，而题目要求的是概率；请检查链中哪几步需要采样。",
    },
    fn: cdkWith({ negSampled: true }),
  },
  {
    id: "no-batch-average",
    hint: {
      en: "statistics that are not averaged over the batch; check the factor in front of the sums over rows.",
      zh: "统计量没有对整个批次取平均；请检查对各行求和前面的系数。",
    },
    fn: cdkWith({ noDivide: true }),
  },
  {
    id: "hidden-bias-plus",
    hint: {
      en: "a hidden-bias update that adds the two phases, following the slide's typo; compare it with the updates of W and a.",
      zh: "隐藏层偏置的更新把正相和负相加在了一起，沿用了讲义中的笔误；请与 W 和 a 的更新对照。",
    },
    fn: cdkWith({ dbPlus: true }),
  },
  {
    id: "hidden-bias-missing",
    hint: {
      en: "hidden probabilities computed without the hidden bias; check everything that belongs inside the sigmoid.",
      zh: "计算隐藏单元的概率时漏掉了隐藏层偏置；请检查 sigmoid 内部应有的所有项。",
    },
    fn: cdkWith({ noHiddenBias: true }),
  },
  {
    id: "visible-bias-missing",
    hint: {
      en: "reconstruction probabilities computed without the visible bias; check everything that belongs inside the sigmoid.",
      zh: "计算重构的概率时漏掉了可见层偏置；请检查 sigmoid 内部应有的所有项。",
    },
    fn: cdkWith({ noVisibleBias: true }),
  },
  {
    id: "probability-reconstruction",
    hint: {
      en: "a reconstruction made of probabilities, the variant from Hinton's practical guide, where this exercise asks for the canonical form; check how the visible reconstruction is obtained.",
      zh: "重构直接用了概率（Hinton 实践指南中的变体），而本题要求的是标准形式；请检查可见层的重构是怎样得到的。",
    },
    fn: cdkWith({ probReconstruction: true }),
  },
  {
    id: "gradient-descent",
    hint: {
      en: "an update applied with the opposite sign, as if descending a loss; contrastive divergence climbs the log-likelihood.",
      zh: "更新量的符号用反了，像是在对损失做梯度下降；对比散度是沿对数似然的梯度上升的。",
    },
    fn: cdkWith({ descent: true }),
  },
  {
    id: "transposed-update",
    hint: {
      en: "a weight update with its two indices swapped; check that ΔW has the shape and orientation of W (n_v × n_h).",
      zh: "权重更新的两个下标对调了；请检查 ΔW 的形状和方向是否与 W（n_v × n_h）一致。",
    },
    fn: cdkWith({ transposedUpdate: true }),
  },
  {
    id: "one-step",
    hint: {
      en: "a single Gibbs step whatever k is; check how many steps the chain runs before the negative statistics are taken.",
      zh: "无论 k 是多少都只做了一步吉布斯采样；请检查计算负相统计量之前链要走几步。",
    },
    fn: cdkWith({ oneStep: true }),
  },
  {
    id: "restart-each-step",
    hint: {
      en: "a chain that restarts from H0 at every Gibbs step instead of continuing from where the previous step left it.",
      zh: "马尔可夫链每一步吉布斯采样都回到 H0 重新开始，而不是接着上一步的状态继续。",
    },
    fn: cdkWith({ restartEachStep: true }),
  },
  {
    id: "mean-field-hidden",
    hint: {
      en: "intermediate hidden states kept as probabilities (mean-field) where the prompt asks for binary samples.",
      zh: "链中间步骤的隐藏状态保留成了概率（平均场），而题目要求的是二值样本。",
    },
    fn: cdkWith({ meanFieldHidden: true }),
  },
]);

/** Wrong variants of cd1(V0, W, a, b, eta, Uh0, Uv1): the variants of cdk that make sense for k = 1, with k = 1. */
export const cd1Misconceptions = misconceptionsOf(
  cd1,
  "rbm.cd1",
  cdkMisconceptions.slice(0, 9).map((m) => ({
    id: m.id.slice("rbm.cdk.".length),
    hint: m.hint,
    fn: (V0: Mat, W: Mat, a: Vec, b: Vec, eta: number, Uh0: Mat, Uv1: Mat) =>
      m.fn(V0, W, a, b, eta, 1, { Uh0, Uv: [Uv1], Uh: [] }),
  })),
);

// ---------------------------------------------------------------- PCD

interface PcdFlags {
  restartFromData?: boolean;
  chainNotReturned?: boolean;
  noDivide?: boolean;
  dbPlus?: boolean;
  staleNegative?: boolean;
  sampledNegative?: boolean;
}

function pcdVariant(V0: Mat, W: Mat, a: Vec, b: Vec, eta: number, chain: Mat, U: PcdUniforms, f: PcdFlags): PcdResult {
  const Ph0 = hiddenProbsBatch(V0, W, b);
  let C = f.restartFromData ? V0 : chain;
  let H: Mat = [];
  for (let t = 0; t < U.Uh.length; t++) {
    H = sample(hiddenProbsBatch(C, W, b), U.Uh[t]);
    C = sample(visibleProbsBatch(H, W, a), U.Uv[t]);
  }
  const negV = f.staleNegative ? (f.restartFromData ? V0 : chain) : C;
  const negH = f.sampledNegative ? H : hiddenProbsBatch(negV, W, b);
  const B = V0.length;
  const M = negV.length;
  const s = f.noDivide ? 1 : 0;
  const up = cdUpdate(W, a, b, eta * (s ? B : 1), V0, Ph0, negV, negH, s ? B : M);
  if (f.dbPlus) {
    const sum = (X: Mat, j: number) => X.reduce((acc, row) => acc + row[j], 0);
    up.b = b.map((x, j) => x + (eta / B) * sum(Ph0, j) + (eta / M) * sum(negH, j));
  }
  return { ...up, chain: f.chainNotReturned ? chain : C };
}

const pcdWith =
  (f: PcdFlags): MisconceptionRow<typeof pcdStep>["fn"] =>
  (V0, W, a, b, eta, chain, U) =>
    pcdVariant(V0, W, a, b, eta, chain, U, f);

/** Wrong variants of pcdStep(V0, W, a, b, eta, chain, U). */
export const pcdStepMisconceptions = misconceptionsOf(pcdStep, "rbm.pcd", [
  {
    id: "restart-from-data",
    hint: {
      en: "a negative chain restarted from the data at every call, as in ordinary CD; ask what it is that persists in persistent CD.",
      zh: "负相的链每次调用都从训练数据重新开始，这是普通对比散度的做法；想一想持续对比散度中“持续”的是什么。",
    },
    fn: pcdWith({ restartFromData: true }),
  },
  {
    id: "chain-not-advanced",
    hint: {
      en: "a returned chain identical to the one passed in, so the next call could not continue where this one stopped.",
      zh: "返回的链与传入的链完全相同，下一次调用就无法从本次停下的地方继续。",
    },
    fn: pcdWith({ chainNotReturned: true }),
  },
  {
    id: "no-batch-average",
    hint: {
      en: "statistics that are not averaged over their rows; check the factors in front of the sums in both phases.",
      zh: "统计量没有对各行取平均；请检查正相和负相中求和前面的系数。",
    },
    fn: pcdWith({ noDivide: true }),
  },
  {
    id: "hidden-bias-plus",
    hint: {
      en: "a hidden-bias update that adds the two phases, following the slide's typo; compare it with the updates of W and a.",
      zh: "隐藏层偏置的更新把正相和负相加在了一起，沿用了讲义中的笔误；请与 W 和 a 的更新对照。",
    },
    fn: pcdWith({ dbPlus: true }),
  },
  {
    id: "negative-from-old-chain",
    hint: {
      en: "negative statistics taken at the chain's old state, the one passed in before this call's Gibbs steps.",
      zh: "负相统计量是在链的旧状态上计算的，也就是本次吉布斯采样之前传入的状态。",
    },
    fn: pcdWith({ staleNegative: true }),
  },
  {
    id: "negative-sampled",
    hint: {
      en: "negative statistics built from the binary hidden sample where the prompt asks for hidden probabilities.",
      zh: "负相统计量用了二值的隐藏样本，而题目要求的是隐藏单元的概率。",
    },
    fn: pcdWith({ sampledNegative: true }),
  },
]);

// ---------------------------------------------------------------- reconstruction error

/** Σ (V0 − Pv1)² with each piece replaceable: the hidden state driving Pv1, the biases, the per-element error, the scale. */
function reconstructionWith(
  V0: Mat,
  W: Mat,
  a: Vec,
  b: Vec,
  Uh0: Mat,
  o: { hidden?: (Ph0: Mat) => Mat; noA?: boolean; noB?: boolean; err?: (d: number) => number; scale?: number },
): number {
  const Ph0 = hiddenProbsBatch(V0, W, o.noB ? b.map(() => 0) : b);
  const H0 = o.hidden ? o.hidden(Ph0) : sample(Ph0, Uh0);
  const Pv1 = visibleProbsBatch(H0, W, o.noA ? a.map(() => 0) : a);
  let s = 0;
  V0.forEach((row, r) => row.forEach((x, i) => (s += (o.err ?? ((d) => d * d))(x - Pv1[r][i]))));
  return s * (o.scale ?? 1);
}

/** Wrong variants of reconstructionError(V0, W, a, b, Uh0). */
export const reconstructionErrorMisconceptions = misconceptionsOf(reconstructionError, "rbm.reconstruction-error", [
  {
    id: "hidden-probabilities",
    hint: {
      en: "a reconstruction driven by the hidden probabilities where the prompt samples the hidden units first; check what goes into P(v | h).",
      zh: "重构由隐藏单元的概率驱动，而题目要求先对隐藏单元采样；请检查代入 P(v | h) 的是什么。",
    },
    fn: (V0, W, a, b, Uh0) => reconstructionWith(V0, W, a, b, Uh0, { hidden: (Ph0) => Ph0 }),
  },
  {
    id: "comparison-reversed",
    hint: {
      en: "hidden units switched on when the uniform is above their probability; a unit is 1 exactly when u < p.",
      zh: "均匀随机数大于概率时把隐藏单元设为 1 了；当且仅当 u < p 时单元取 1。",
    },
    fn: (V0, W, a, b, Uh0) =>
      reconstructionWith(V0, W, a, b, Uh0, {
        hidden: (Ph0) => Ph0.map((row, r) => row.map((p, j) => (Uh0[r][j] < p ? 0 : 1))),
      }),
  },
  {
    id: "batch-mean",
    hint: {
      en: "an error averaged over the rows of the batch; the prompt asks for the plain sum.",
      zh: "误差对批次的各行取了平均；题目要求的是直接求和。",
    },
    fn: (V0, W, a, b, Uh0) => reconstructionWith(V0, W, a, b, Uh0, { scale: 1 / V0.length }),
  },
  {
    id: "element-mean",
    hint: {
      en: "a mean squared error over all entries; the prompt asks for the plain sum.",
      zh: "对所有元素求了均方误差；题目要求的是直接求和。",
    },
    fn: (V0, W, a, b, Uh0) => reconstructionWith(V0, W, a, b, Uh0, { scale: 1 / (V0.length * V0[0].length) }),
  },
  {
    id: "visible-bias-missing",
    hint: {
      en: "reconstruction probabilities computed without the visible bias; check everything that belongs inside the sigmoid.",
      zh: "计算重构概率时漏掉了可见层偏置；请检查 sigmoid 内部应有的所有项。",
    },
    fn: (V0, W, a, b, Uh0) => reconstructionWith(V0, W, a, b, Uh0, { noA: true }),
  },
  {
    id: "hidden-bias-missing",
    hint: {
      en: "hidden probabilities computed without the hidden bias; check everything that belongs inside the sigmoid.",
      zh: "计算隐藏单元的概率时漏掉了隐藏层偏置；请检查 sigmoid 内部应有的所有项。",
    },
    fn: (V0, W, a, b, Uh0) => reconstructionWith(V0, W, a, b, Uh0, { noB: true }),
  },
  {
    id: "absolute-error",
    hint: {
      en: "absolute differences summed where the prompt squares them.",
      zh: "对差的绝对值求和了，而题目要求的是差的平方。",
    },
    fn: (V0, W, a, b, Uh0) => reconstructionWith(V0, W, a, b, Uh0, { err: Math.abs }),
  },
]);

// ---------------------------------------------------------------- pseudo-likelihood (batch mean)

interface PlFlags {
  signFlipped?: boolean;
  noNv?: boolean;
  sum?: boolean;
  setOne?: boolean;
  noVisibleTerm?: boolean;
  /** log σ(x) taken literally as log(1 / (1 + e^{−x})). */
  literalLogSigmoid?: boolean;
}

function plVariant(V: Mat, W: Mat, a: Vec, b: Vec, flip: number[], f: PlFlags): number {
  const aa = f.noVisibleTerm ? a.map(() => 0) : a;
  let s = 0;
  V.forEach((v, r) => {
    const t = v.slice();
    t[flip[r]] = f.setOne ? 1 : 1 - v[flip[r]];
    const d = freeEnergy(t, W, aa, b) - freeEnergy(v, W, aa, b);
    const x = f.signFlipped ? -d : d;
    s += (f.noNv ? 1 : v.length) * (f.literalLogSigmoid ? Math.log(1 / (1 + Math.exp(-x))) : -softplus(-x));
  });
  return f.sum ? s : s / V.length;
}

const plWith =
  (f: PlFlags): MisconceptionRow<typeof pseudoLikelihoodBatch>["fn"] =>
  (V, W, a, b, flip) =>
    plVariant(V, W, a, b, flip, f);

/** The prompt: "some weights are in the hundreds … compute log σ(x) = −softplus(−x) stably". */
export const pseudoLikelihoodNaiveVariants = naiveVariantsOf(pseudoLikelihoodBatch, "rbm.pseudo-likelihood", [
  {
    id: "literal-log-sigmoid",
    what: "log σ(x) = log(1 / (1 + e^{−x})), −Infinity once x < −709",
    fn: plWith({ literalLogSigmoid: true }),
  },
]);

/** Wrong variants of pseudoLikelihoodBatch(V, W, a, b, flip). */
export const pseudoLikelihoodBatchMisconceptions = misconceptionsOf(pseudoLikelihoodBatch, "rbm.pseudo-likelihood", [
  {
    id: "difference-sign",
    hint: {
      en: "a free-energy difference taken in the opposite order; ask which of v and its flipped copy should have the lower free energy when P(v_i | v_{−i}) is large.",
      zh: "自由能之差的先后顺序反了；想一想 P(v_i | v_{−i}) 较大时，v 和翻转后的副本哪一个的自由能更低。",
    },
    fn: plWith({ signFlipped: true }),
  },
  {
    id: "missing-nv",
    hint: {
      en: "a one-bit estimate left unscaled, although that single bit stands in for all n_v conditionals.",
      zh: "用一位做随机估计时没有做相应的缩放，而这一位代表的是全部 n_v 个条件概率。",
    },
    fn: plWith({ noNv: true }),
  },
  {
    id: "sum-over-batch",
    hint: {
      en: "a pseudo-likelihood summed over the rows of the batch; check what the prompt asks the function to return.",
      zh: "伪似然对批次的各行求了和；请检查题目要求函数返回的是什么。",
    },
    fn: plWith({ sum: true }),
  },
  {
    id: "set-instead-of-flip",
    hint: {
      en: "a chosen bit set to a fixed value whatever it was before; check how ṽ is obtained from v.",
      zh: "不管选中的那一位原来是什么，都把它设成了固定值；请检查 ṽ 是怎样由 v 得到的。",
    },
    fn: plWith({ setOne: true }),
  },
  {
    id: "free-energy-visible-term",
    hint: {
      en: "a free energy without its visible-bias term, as if that term cancelled in the difference; check whether flipping a bit changes it.",
      zh: "自由能中去掉了可见层偏置项，仿佛它在差值中会相互抵消；请检查翻转一位后这一项是否改变。",
    },
    fn: plWith({ noVisibleTerm: true }),
  },
]);

/**
 * Mutants of reference/rbm.ts that no input of the 10.3 exercises can tell apart from it (issue 12 item 2,
 * exercises/mutation.ts), in groups; each exercise lists the groups its reference executes in `equivalentMutants`.
 */
export const rbmEquivalentMutants = {
  /** checkParams emptied, where the caller runs it only for its checks. */
  paramsGuard: [
    {
      at: "reference/rbm.ts:50:86",
      mutator: "BlockStatement",
      replacement: "{}",
      reason: {
        en: "drops the shape checks of W, a, b and the shape they return, which this caller ignores (every case passes consistent shapes)",
        zh: "去掉了 W、a、b 的形状检查及其返回的形状，而此处调用方不使用返回值（每个用例的形状都一致）",
      },
    },
  ],
  /** checkParams' returned shape, where the caller ignores it. */
  paramsShapeUnused: [
    {
      at: "reference/rbm.ts:59:10",
      mutator: "ArrayDeclaration",
      replacement: "[]",
      reason: {
        en: "the caller runs checkParams only for its checks and ignores the shape it returns",
        zh: "调用方运行 checkParams 只为检查，不使用其返回的形状",
      },
    },
  ],
  /** CD-k's last hidden sample, which CD-1 never draws. */
  cd1LastSample: [
    {
      at: "reference/rbm.ts:310:9",
      mutator: "ConditionalExpression",
      replacement: "false",
      reason: {
        en: "with k = 1 the loop's only step is t = k, where no hidden sample is drawn either way",
        zh: "k = 1 时循环只有 t = k 这一步，这一步本来就不抽取隐藏层样本",
      },
    },
  ],
  /** Which layer logZ enumerates (the exercise always passes "auto"). */
  logZLayerChoice: [
    {
      at: "reference/rbm.ts:142:103",
      mutator: "BlockStatement",
      reason: {
        en: "log Z is the same whichever layer is enumerated (both sums are exact): this only changes which one",
        zh: "无论枚举哪一层，log Z 都相同（两种求和都是精确的）：这只改变枚举哪一层",
      },
    },
    {
      at: "reference/rbm.ts:143:17",
      mutator: "ConditionalExpression",
      reason: {
        en: "log Z is the same whichever layer is enumerated (both sums are exact): this only changes which one",
        zh: "无论枚举哪一层，log Z 都相同（两种求和都是精确的）：这只改变枚举哪一层",
      },
    },
    {
      at: "reference/rbm.ts:143:17",
      mutator: "EqualityOperator",
      reason: {
        en: "log Z is the same whichever layer is enumerated (both sums are exact): this only changes which one",
        zh: "无论枚举哪一层，log Z 都相同（两种求和都是精确的）：这只改变枚举哪一层",
      },
    },
    {
      at: "reference/rbm.ts:143:26",
      mutator: "StringLiteral",
      reason: {
        en: "log Z is the same whichever layer is enumerated (both sums are exact): this only changes which one",
        zh: "无论枚举哪一层，log Z 都相同（两种求和都是精确的）：这只改变枚举哪一层",
      },
    },
    {
      at: "reference/rbm.ts:143:36",
      mutator: "ConditionalExpression",
      reason: {
        en: "log Z is the same whichever layer is enumerated (both sums are exact): this only changes which one",
        zh: "无论枚举哪一层，log Z 都相同（两种求和都是精确的）：这只改变枚举哪一层",
      },
    },
    {
      at: "reference/rbm.ts:143:36",
      mutator: "EqualityOperator",
      reason: {
        en: "log Z is the same whichever layer is enumerated (both sums are exact): this only changes which one",
        zh: "无论枚举哪一层，log Z 都相同（两种求和都是精确的）：这只改变枚举哪一层",
      },
    },
    {
      at: "reference/rbm.ts:143:47",
      mutator: "StringLiteral",
      reason: {
        en: "log Z is the same whichever layer is enumerated (both sums are exact): this only changes which one",
        zh: "无论枚举哪一层，log Z 都相同（两种求和都是精确的）：这只改变枚举哪一层",
      },
    },
    {
      at: "reference/rbm.ts:143:58",
      mutator: "StringLiteral",
      reason: {
        en: "log Z is the same whichever layer is enumerated (both sums are exact): this only changes which one",
        zh: "无论枚举哪一层，log Z 都相同（两种求和都是精确的）：这只改变枚举哪一层",
      },
    },
    {
      at: "reference/rbm.ts:158:69",
      mutator: "StringLiteral",
      reason: {
        en: "log Z is the same whichever layer is enumerated (both sums are exact): this only changes which one",
        zh: "无论枚举哪一层，log Z 都相同（两种求和都是精确的）：这只改变枚举哪一层",
      },
    },
    {
      at: "reference/rbm.ts:160:7",
      mutator: "ConditionalExpression",
      reason: {
        en: "log Z is the same whichever layer is enumerated (both sums are exact): this only changes which one",
        zh: "无论枚举哪一层，log Z 都相同（两种求和都是精确的）：这只改变枚举哪一层",
      },
    },
    {
      at: "reference/rbm.ts:160:7",
      mutator: "EqualityOperator",
      reason: {
        en: "log Z is the same whichever layer is enumerated (both sums are exact): this only changes which one",
        zh: "无论枚举哪一层，log Z 都相同（两种求和都是精确的）：这只改变枚举哪一层",
      },
    },
    {
      at: "reference/rbm.ts:160:43",
      mutator: "StringLiteral",
      reason: {
        en: "log Z is the same whichever layer is enumerated (both sums are exact): this only changes which one",
        zh: "无论枚举哪一层，log Z 都相同（两种求和都是精确的）：这只改变枚举哪一层",
      },
    },
    {
      at: "reference/rbm.ts:144:13",
      mutator: "ConditionalExpression",
      reason: {
        en: "the size n only feeds the enumeration guard, which never fires here",
        zh: "规模 n 只用于枚举规模的防护，而它在此从不触发",
      },
    },
    {
      at: "reference/rbm.ts:144:13",
      mutator: "EqualityOperator",
      reason: {
        en: "the size n only feeds the enumeration guard, which never fires here",
        zh: "规模 n 只用于枚举规模的防护，而它在此从不触发",
      },
    },
    {
      at: "reference/rbm.ts:144:23",
      mutator: "StringLiteral",
      reason: {
        en: "the size n only feeds the enumeration guard, which never fires here",
        zh: "规模 n 只用于枚举规模的防护，而它在此从不触发",
      },
    },
    {
      at: "reference/rbm.ts:160:31",
      mutator: "StringLiteral",
      reason: {
        en: "the function name only appears in the enumeration guard's message",
        zh: "函数名只出现在枚举规模防护的错误信息里",
      },
    },
  ],
} satisfies Record<string, EquivalentMutant[]>;
