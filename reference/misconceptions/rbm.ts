/**
 * Wrong variants of the RBM reference (reference/rbm.ts), each with the signature of the function it
 * corrupts. Hints name the idea, never the answer. Variants that only make sense for square W read
 * out-of-range entries as NaN instead of throwing, so they type-check on square inputs and fail elsewhere.
 */

import { allBinary, dot, logsumexp, sigmoid, softplus, type Mat, type Vec } from "../numerics";
import {
  cdUpdate,
  freeEnergy,
  hiddenProbsBatch,
  visibleProbsBatch,
  type CdResult,
  type CdUniforms,
  type PcdResult,
  type PcdUniforms,
} from "../rbm";
import { misconception, type Misconception } from "./types";

type EnergyArgs = [V: Mat, H: Mat, W: Mat, a: Vec, b: Vec];
type CondArgs = [V: Mat, H: Mat, W: Mat, a: Vec, b: Vec];
type Cond = { Ph: Mat; Pv: Mat };
type FreeArgs = [V: Mat, W: Mat, a: Vec, b: Vec];
type LogZArgs = [W: Mat, a: Vec, b: Vec];
type Cd1Args = [V0: Mat, W: Mat, a: Vec, b: Vec, eta: number, Uh0: Mat, Uv1: Mat];
type CdkArgs = [V0: Mat, W: Mat, a: Vec, b: Vec, eta: number, k: number, U: CdUniforms];
type PcdArgs = [V0: Mat, W: Mat, a: Vec, b: Vec, eta: number, chain: Mat, U: PcdUniforms];
type PlArgs = [V: Mat, W: Mat, a: Vec, b: Vec, flip: number[]];

/** W[i][j], or NaN when out of range (for variants that assume a square W). */
const at = (W: Mat, i: number, j: number): number => W[i]?.[j] ?? NaN;
const sample = (P: Mat, U: Mat): Mat => P.map((row, r) => row.map((p, j) => (U[r][j] < p ? 1 : 0)));
/** Pre-activation z = c + X M with M read as `X-cols × c.length` through `get`. */
function affine(X: Mat, c: Vec, get: (i: number, j: number) => number): Mat {
  return X.map((x) => c.map((cj, j) => x.reduce((s, xi, i) => s + xi * get(i, j), cj)));
}
const sigm = (Z: Mat): Mat => Z.map((row) => row.map(sigmoid));

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

export const energyTransposedW = misconception<EnergyArgs, Vec>({
  id: "rbm.energy.transposed-w",
  hint: {
    en: "a weight matrix read as n_h × n_v, the shape that the slide's hᵀWv suggests; check which index of W belongs to the visible layer in this exercise.",
    zh: "把权重矩阵当成了 n_h × n_v 的形状（讲义中 hᵀWv 的写法容易让人这样理解）；请检查本题约定中 W 的哪个下标对应可见层。",
  },
  fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { transposed: true }),
});
export const energyNoVisibleBias = misconception<EnergyArgs, Vec>({
  id: "rbm.energy.visible-bias-missing",
  hint: {
    en: "an energy without the contribution of the visible biases; check that every term of E(v,h) is there.",
    zh: "能量函数中缺少可见层偏置那一项；请对照 E(v,h) 逐项检查。",
  },
  fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { ca: 0 }),
});
export const energyNoHiddenBias = misconception<EnergyArgs, Vec>({
  id: "rbm.energy.hidden-bias-missing",
  hint: {
    en: "an energy without the contribution of the hidden biases; check that every term of E(v,h) is there.",
    zh: "能量函数中缺少隐藏层偏置那一项；请对照 E(v,h) 逐项检查。",
  },
  fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { cb: 0 }),
});
export const energyBiasSign = misconception<EnergyArgs, Vec>({
  id: "rbm.energy.bias-sign",
  hint: {
    en: "biases entering the energy the way Hopfield thresholds do; check the sign of the bias terms.",
    zh: "偏置像 Hopfield 网络中的阈值那样进入了能量函数；请检查偏置项的符号。",
  },
  fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { ca: 1, cb: 1 }),
});
export const energyInteractionSign = misconception<EnergyArgs, Vec>({
  id: "rbm.energy.interaction-sign",
  hint: {
    en: "an interaction term with the opposite sign; ask whether two active units joined by a positive weight should raise or lower the energy.",
    zh: "交互项的符号反了；想一想，两个同时激活的单元由正权重相连时，能量应当升高还是降低。",
  },
  fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { cw: 1 }),
});
export const energyHalfInteraction = misconception<EnergyArgs, Vec>({
  id: "rbm.energy.half-interaction",
  hint: {
    en: "a Hopfield-style ½ on the interaction term; ask whether the bipartite sum over (i, j) counts any connection twice.",
    zh: "在交互项上套用了 Hopfield 能量中的 ½；想一想，二部图上对 (i, j) 的求和会不会把某条连接算两次。",
  },
  fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { cw: -0.5 }),
});

export const energyMisconceptions: Misconception<EnergyArgs, Vec>[] = [
  energyTransposedW,
  energyNoVisibleBias,
  energyNoHiddenBias,
  energyBiasSign,
  energyInteractionSign,
  energyHalfInteraction,
];

// ---------------------------------------------------------------- conditionals

export const condNoHiddenBias = misconception<CondArgs, Cond>({
  id: "rbm.conditionals.hidden-bias-missing",
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
});
export const condNoVisibleBias = misconception<CondArgs, Cond>({
  id: "rbm.conditionals.visible-bias-missing",
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
});
export const condBiasAsThreshold = misconception<CondArgs, Cond>({
  id: "rbm.conditionals.bias-as-threshold",
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
});
export const condTransposedW = misconception<CondArgs, Cond>({
  id: "rbm.conditionals.transposed-w",
  hint: {
    en: "a weight matrix used the wrong way round in both directions, up and down; check which index of W belongs to which layer.",
    zh: "向上和向下传递时都把权重矩阵的行和列用反了；请检查 W 的哪个下标对应哪一层。",
  },
  fn: (V, H, W, a, b) => ({
    Ph: sigm(affine(V, b, (i, j) => at(W, j, i))),
    Pv: sigm(affine(H, a, (j, i) => at(W, j, i))),
  }),
});
export const condSwappedBiases = misconception<CondArgs, Cond>({
  id: "rbm.conditionals.swapped-biases",
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
});
export const condSign = misconception<CondArgs, Cond>({
  id: "rbm.conditionals.sigmoid-sign",
  hint: {
    en: "the probability that a unit is off rather than on; check the sign of the input inside the sigmoid.",
    zh: "算出的是单元取 0 的概率，而不是取 1 的概率；请检查 sigmoid 内部输入的符号。",
  },
  fn: (V, H, W, a, b) => {
    const c = hiddenProbsBatch(V, W, b);
    const d = visibleProbsBatch(H, W, a);
    return { Ph: c.map((r) => r.map((p) => 1 - p)), Pv: d.map((r) => r.map((p) => 1 - p)) };
  },
});

export const conditionalsMisconceptions: Misconception<CondArgs, Cond>[] = [
  condNoHiddenBias,
  condNoVisibleBias,
  condBiasAsThreshold,
  condTransposedW,
  condSwappedBiases,
  condSign,
];

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

export const freeNaiveSoftplus = misconception<FreeArgs, Vec>({
  id: "rbm.free-energy.unstable-softplus",
  hint: {
    en: "a softplus written literally as log(1 + e^z), which overflows to Infinity for large z; look for a form that never exponentiates a large positive number.",
    zh: "按字面把 softplus 写成了 log(1 + e^z)，z 很大时会溢出为 Infinity；请找一种永远不对很大的正数取指数的写法。",
  },
  fn: (V, W, a, b) => freeWith(V, W, a, b, { sp: (z) => Math.log(1 + Math.exp(z)) }),
});
export const freeNoVisibleTerm = misconception<FreeArgs, Vec>({
  id: "rbm.free-energy.visible-term-missing",
  hint: {
    en: "a free energy that has lost the visible-bias term; ask which parts of E(v,h) involve h when the hidden units are summed out.",
    zh: "自由能中丢掉了可见层偏置项；想一想把隐藏单元求和（边缘化）掉时，能量函数中哪些部分与 h 有关。",
  },
  fn: (V, W, a, b) => freeWith(V, W, a, b, { ca: 0 }),
});
export const freeVisibleTermSign = misconception<FreeArgs, Vec>({
  id: "rbm.free-energy.visible-term-sign",
  hint: {
    en: "a visible-bias term with the opposite sign in F(v); compare it with the same term in E(v,h).",
    zh: "自由能 F(v) 中可见层偏置项的符号反了；请与能量函数 E(v,h) 中的同一项对照。",
  },
  fn: (V, W, a, b) => freeWith(V, W, a, b, { ca: 1 }),
});
export const freeNoHiddenBias = misconception<FreeArgs, Vec>({
  id: "rbm.free-energy.hidden-bias-missing",
  hint: {
    en: "a softplus whose argument lacks the hidden bias; check each hidden unit's total input.",
    zh: "softplus 的自变量中漏掉了隐藏层偏置；请检查每个隐藏单元的总输入。",
  },
  fn: (V, W, a, b) => freeWith(V, W, a, b, { useB: false }),
});
export const freeRelu = misconception<FreeArgs, Vec>({
  id: "rbm.free-energy.relu-instead-of-softplus",
  hint: {
    en: "a ReLU, max(z, 0), in place of the softplus; it only approximates the exact sum over h_j ∈ {0,1}, and it is worst near z = 0.",
    zh: "用 ReLU，即 max(z, 0)，代替了 softplus；它只是对 h_j ∈ {0,1} 精确求和的近似，在 z = 0 附近误差最大。",
  },
  fn: (V, W, a, b) => freeWith(V, W, a, b, { sp: (z) => Math.max(z, 0) }),
});
export const freeOverallSign = misconception<FreeArgs, Vec>({
  id: "rbm.free-energy.overall-sign",
  hint: {
    en: "a free energy with its overall sign flipped; check the sign in front of the log in its definition.",
    zh: "自由能的整体符号反了；请检查其定义中 log 前面的符号。",
  },
  fn: (V, W, a, b) => freeWith(V, W, a, b, { sign: -1 }),
});

export const freeEnergyMisconceptions: Misconception<FreeArgs, Vec>[] = [
  freeNaiveSoftplus,
  freeNoVisibleTerm,
  freeVisibleTermSign,
  freeNoHiddenBias,
  freeRelu,
  freeOverallSign,
];

// ---------------------------------------------------------------- exact log Z

function hiddenTerms(W: Mat, a: Vec, b: Vec, withB: boolean): Vec {
  return allBinary(b.length).map((h) => {
    let s = withB ? dot(b, h) : 0;
    for (let i = 0; i < a.length; i++) s += softplus(a[i] + dot(W[i], h));
    return s;
  });
}
const smallerIsHidden = (W: Mat, a: Vec, b: Vec) => b.length <= a.length;

export const logZNaive = misconception<LogZArgs, number>({
  id: "rbm.logz.no-logsumexp",
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
});
export const logZMissingOwnBias = misconception<LogZArgs, number>({
  id: "rbm.logz.enumerated-layer-bias-missing",
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
});
export const logZMean = misconception<LogZArgs, number>({
  id: "rbm.logz.mean-instead-of-sum",
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
});
export const logZFreeEnergySign = misconception<LogZArgs, number>({
  id: "rbm.logz.free-energy-sign",
  hint: {
    en: "a sum in which the states of highest free energy weigh the most; check the sign in the exponent.",
    zh: "求和中自由能越高的状态权重越大；请检查指数中的符号。",
  },
  fn: (W, a, b) =>
    smallerIsHidden(W, a, b)
      ? logsumexp(hiddenTerms(W, a, b, true).map((x) => -x))
      : logsumexp(allBinary(a.length).map((v) => freeEnergy(v, W, a, b))),
});

export const logZMisconceptions: Misconception<LogZArgs, number>[] = [
  logZNaive,
  logZMissingOwnBias,
  logZMean,
  logZFreeEnergySign,
];

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

interface CdVariantInfo {
  slug: string;
  flags: CdFlags;
  hint: { en: string; zh: string };
}

const CD_VARIANTS: CdVariantInfo[] = [
  {
    slug: "positive-sampled",
    flags: { posSampled: true },
    hint: {
      en: "positive statistics built from the sampled hidden states where the prompt asks for probabilities; the binary sample H0 only drives the chain.",
      zh: "正相统计量用了采样得到的隐藏状态，而题目要求的是概率；二值样本 H0 只用来驱动马尔可夫链。",
    },
  },
  {
    slug: "negative-sampled",
    flags: { negSampled: true },
    hint: {
      en: "negative statistics built from a sampled last hidden state where the prompt asks for probabilities; check which steps of the chain draw samples.",
      zh: "负相统计量用了对最后一步隐藏单元采样得到的二值状态，而题目要求的是概率；请检查链中哪几步需要采样。",
    },
  },
  {
    slug: "no-batch-average",
    flags: { noDivide: true },
    hint: {
      en: "statistics that are not averaged over the batch; check the factor in front of the sums over rows.",
      zh: "统计量没有对整个批次取平均；请检查对各行求和前面的系数。",
    },
  },
  {
    slug: "hidden-bias-plus",
    flags: { dbPlus: true },
    hint: {
      en: "a hidden-bias update that adds the two phases, following the slide's typo; compare it with the updates of W and a.",
      zh: "隐藏层偏置的更新把正相和负相加在了一起，沿用了讲义中的笔误；请与 W 和 a 的更新对照。",
    },
  },
  {
    slug: "hidden-bias-missing",
    flags: { noHiddenBias: true },
    hint: {
      en: "hidden probabilities computed without the hidden bias; check everything that belongs inside the sigmoid.",
      zh: "计算隐藏单元的概率时漏掉了隐藏层偏置；请检查 sigmoid 内部应有的所有项。",
    },
  },
  {
    slug: "visible-bias-missing",
    flags: { noVisibleBias: true },
    hint: {
      en: "reconstruction probabilities computed without the visible bias; check everything that belongs inside the sigmoid.",
      zh: "计算重构的概率时漏掉了可见层偏置；请检查 sigmoid 内部应有的所有项。",
    },
  },
  {
    slug: "probability-reconstruction",
    flags: { probReconstruction: true },
    hint: {
      en: "a reconstruction made of probabilities, the variant from Hinton's practical guide, where this exercise asks for the canonical form; check how the visible reconstruction is obtained.",
      zh: "重构直接用了概率（Hinton 实践指南中的变体），而本题要求的是标准形式；请检查可见层的重构是怎样得到的。",
    },
  },
  {
    slug: "gradient-descent",
    flags: { descent: true },
    hint: {
      en: "an update applied with the opposite sign, as if descending a loss; contrastive divergence climbs the log-likelihood.",
      zh: "更新量的符号用反了，像是在对损失做梯度下降；对比散度是沿对数似然的梯度上升的。",
    },
  },
  {
    slug: "transposed-update",
    flags: { transposedUpdate: true },
    hint: {
      en: "a weight update with its two indices swapped; check that ΔW has the shape and orientation of W (n_v × n_h).",
      zh: "权重更新的两个下标对调了；请检查 ΔW 的形状和方向是否与 W（n_v × n_h）一致。",
    },
  },
];

const CDK_ONLY: CdVariantInfo[] = [
  {
    slug: "one-step",
    flags: { oneStep: true },
    hint: {
      en: "a single Gibbs step whatever k is; check how many steps the chain runs before the negative statistics are taken.",
      zh: "无论 k 是多少都只做了一步吉布斯采样；请检查计算负相统计量之前链要走几步。",
    },
  },
  {
    slug: "restart-each-step",
    flags: { restartEachStep: true },
    hint: {
      en: "a chain that restarts from H0 at every Gibbs step instead of continuing from where the previous step left it.",
      zh: "马尔可夫链每一步吉布斯采样都回到 H0 重新开始，而不是接着上一步的状态继续。",
    },
  },
  {
    slug: "mean-field-hidden",
    flags: { meanFieldHidden: true },
    hint: {
      en: "intermediate hidden states kept as probabilities (mean-field) where the prompt asks for binary samples.",
      zh: "链中间步骤的隐藏状态保留成了概率（平均场），而题目要求的是二值样本。",
    },
  },
];

const cd1Of = (v: CdVariantInfo) =>
  misconception<Cd1Args, CdResult>({
    id: `rbm.cd1.${v.slug}`,
    hint: v.hint,
    fn: (V0, W, a, b, eta, Uh0, Uv1) => cdVariant(V0, W, a, b, eta, 1, { Uh0, Uv: [Uv1], Uh: [] }, v.flags),
  });
const cdkOf = (v: CdVariantInfo) =>
  misconception<CdkArgs, CdResult>({
    id: `rbm.cdk.${v.slug}`,
    hint: v.hint,
    fn: (V0, W, a, b, eta, k, U) => cdVariant(V0, W, a, b, eta, k, U, v.flags),
  });

/** Wrong variants of cd1(V0, W, a, b, eta, Uh0, Uv1). */
export const cd1Misconceptions: Misconception<Cd1Args, CdResult>[] = CD_VARIANTS.map(cd1Of);
/** Wrong variants of cdk(V0, W, a, b, eta, k, U). */
export const cdkMisconceptions: Misconception<CdkArgs, CdResult>[] = [...CD_VARIANTS, ...CDK_ONLY].map(cdkOf);

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

const PCD_VARIANTS: { slug: string; flags: PcdFlags; hint: { en: string; zh: string } }[] = [
  {
    slug: "restart-from-data",
    flags: { restartFromData: true },
    hint: {
      en: "a negative chain restarted from the data at every call, as in ordinary CD; ask what it is that persists in persistent CD.",
      zh: "负相的链每次调用都从训练数据重新开始，这是普通对比散度的做法；想一想持续对比散度中“持续”的是什么。",
    },
  },
  {
    slug: "chain-not-advanced",
    flags: { chainNotReturned: true },
    hint: {
      en: "a returned chain identical to the one passed in, so the next call could not continue where this one stopped.",
      zh: "返回的链与传入的链完全相同，下一次调用就无法从本次停下的地方继续。",
    },
  },
  {
    slug: "no-batch-average",
    flags: { noDivide: true },
    hint: {
      en: "statistics that are not averaged over their rows; check the factors in front of the sums in both phases.",
      zh: "统计量没有对各行取平均；请检查正相和负相中求和前面的系数。",
    },
  },
  {
    slug: "hidden-bias-plus",
    flags: { dbPlus: true },
    hint: {
      en: "a hidden-bias update that adds the two phases, following the slide's typo; compare it with the updates of W and a.",
      zh: "隐藏层偏置的更新把正相和负相加在了一起，沿用了讲义中的笔误；请与 W 和 a 的更新对照。",
    },
  },
  {
    slug: "negative-from-old-chain",
    flags: { staleNegative: true },
    hint: {
      en: "negative statistics taken at the chain's old state, the one passed in before this call's Gibbs steps.",
      zh: "负相统计量是在链的旧状态上计算的，也就是本次吉布斯采样之前传入的状态。",
    },
  },
  {
    slug: "negative-sampled",
    flags: { sampledNegative: true },
    hint: {
      en: "negative statistics built from the binary hidden sample where the prompt asks for hidden probabilities.",
      zh: "负相统计量用了二值的隐藏样本，而题目要求的是隐藏单元的概率。",
    },
  },
];

/** Wrong variants of pcdStep(V0, W, a, b, eta, chain, U). */
export const pcdMisconceptions: Misconception<PcdArgs, PcdResult>[] = PCD_VARIANTS.map((v) =>
  misconception<PcdArgs, PcdResult>({
    id: `rbm.pcd.${v.slug}`,
    hint: v.hint,
    fn: (V0, W, a, b, eta, chain, U) => pcdVariant(V0, W, a, b, eta, chain, U, v.flags),
  }),
);

// ---------------------------------------------------------------- pseudo-likelihood (batch mean)

function plVariant(
  V: Mat,
  W: Mat,
  a: Vec,
  b: Vec,
  flip: number[],
  f: { signFlipped?: boolean; noNv?: boolean; sum?: boolean; setOne?: boolean; noVisibleTerm?: boolean },
): number {
  const aa = f.noVisibleTerm ? a.map(() => 0) : a;
  let s = 0;
  V.forEach((v, r) => {
    const t = v.slice();
    t[flip[r]] = f.setOne ? 1 : 1 - v[flip[r]];
    const d = freeEnergy(t, W, aa, b) - freeEnergy(v, W, aa, b);
    s += (f.noNv ? 1 : v.length) * -softplus(f.signFlipped ? d : -d);
  });
  return f.sum ? s : s / V.length;
}

const PL_VARIANTS: { slug: string; flags: Parameters<typeof plVariant>[5]; hint: { en: string; zh: string } }[] = [
  {
    slug: "difference-sign",
    flags: { signFlipped: true },
    hint: {
      en: "a free-energy difference taken in the opposite order; ask which of v and its flipped copy should have the lower free energy when P(v_i | v_{−i}) is large.",
      zh: "自由能之差的先后顺序反了；想一想 P(v_i | v_{−i}) 较大时，v 和翻转后的副本哪一个的自由能更低。",
    },
  },
  {
    slug: "missing-nv",
    flags: { noNv: true },
    hint: {
      en: "a one-bit estimate left unscaled, although that single bit stands in for all n_v conditionals.",
      zh: "用一位做随机估计时没有做相应的缩放，而这一位代表的是全部 n_v 个条件概率。",
    },
  },
  {
    slug: "sum-over-batch",
    flags: { sum: true },
    hint: {
      en: "a pseudo-likelihood summed over the rows of the batch; check what the prompt asks the function to return.",
      zh: "伪似然对批次的各行求了和；请检查题目要求函数返回的是什么。",
    },
  },
  {
    slug: "set-instead-of-flip",
    flags: { setOne: true },
    hint: {
      en: "a chosen bit set to a fixed value whatever it was before; check how ṽ is obtained from v.",
      zh: "不管选中的那一位原来是什么，都把它设成了固定值；请检查 ṽ 是怎样由 v 得到的。",
    },
  },
  {
    slug: "free-energy-visible-term",
    flags: { noVisibleTerm: true },
    hint: {
      en: "a free energy without its visible-bias term, as if that term cancelled in the difference; check whether flipping a bit changes it.",
      zh: "自由能中去掉了可见层偏置项，仿佛它在差值中会相互抵消；请检查翻转一位后这一项是否改变。",
    },
  },
];

/** Wrong variants of pseudoLikelihoodBatch(V, W, a, b, flip). */
export const pseudoLikelihoodMisconceptions: Misconception<PlArgs, number>[] = PL_VARIANTS.map((v) =>
  misconception<PlArgs, number>({
    id: `rbm.pseudo-likelihood.${v.slug}`,
    hint: v.hint,
    fn: (V, W, a, b, flip) => plVariant(V, W, a, b, flip, v.flags),
  }),
);
