/**
 * Wrong variants of the RBM reference (reference/rbm.ts), each with the signature of the function it
 * corrupts. Hints name the idea, never the answer. Variants that only make sense for square W read
 * out-of-range entries as NaN instead of throwing, so they type-check on square inputs and fail elsewhere.
 */

import { allBinary, dot, logsumexp, sigmoid, softplus, type Mat, type Vec } from "../numerics";
import { cdUpdate, freeEnergy, hiddenProbsBatch, visibleProbsBatch, type CdResult, type CdUniforms, type PcdResult, type PcdUniforms } from "../rbm";
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

function energyWith(V: Mat, H: Mat, W: Mat, a: Vec, b: Vec, o: { ca?: number; cb?: number; cw?: number; transposed?: boolean }): Vec {
  const { ca = -1, cb = -1, cw = -1, transposed = false } = o;
  return V.map((v, r) => {
    const h = H[r];
    let q = 0;
    for (let i = 0; i < v.length; i++) for (let j = 0; j < h.length; j++) q += v[i] * h[j] * (transposed ? at(W, j, i) : W[i][j]);
    return ca * dot(a, v) + cb * dot(b, h) + cw * q;
  });
}

export const energyTransposedW = misconception<EnergyArgs, Vec>({
  id: "rbm.energy.transposed-w",
  hint: {
    en: "W is n_v × n_h here: the entry joining visible i and hidden j is W[i][j]. The slide's hᵀWv form implies the other shape.",
    zh: "这里 W 的形状是 n_v × n_h：连接可见单元 i 与隐藏单元 j 的是 W[i][j]。讲义中 hᵀWv 的写法对应的是转置后的形状。",
  },
  fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { transposed: true }),
});
export const energyNoVisibleBias = misconception<EnergyArgs, Vec>({
  id: "rbm.energy.visible-bias-missing",
  hint: { en: "The energy has a term for the visible biases as well.", zh: "能量函数中还有一项来自可见层偏置。" },
  fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { ca: 0 }),
});
export const energyNoHiddenBias = misconception<EnergyArgs, Vec>({
  id: "rbm.energy.hidden-bias-missing",
  hint: { en: "The energy has a term for the hidden biases as well.", zh: "能量函数中还有一项来自隐藏层偏置。" },
  fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { cb: 0 }),
});
export const energyBiasSign = misconception<EnergyArgs, Vec>({
  id: "rbm.energy.bias-sign",
  hint: {
    en: "a and b are biases, not thresholds: an active unit with a positive bias LOWERS the energy.",
    zh: "a 和 b 是偏置而不是阈值：偏置为正的单元被激活时，能量应当降低。",
  },
  fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { ca: 1, cb: 1 }),
});
export const energyInteractionSign = misconception<EnergyArgs, Vec>({
  id: "rbm.energy.interaction-sign",
  hint: {
    en: "Check the sign of the interaction term: a positive weight between two active units should lower the energy.",
    zh: "请检查交互项的符号：两个同时激活的单元之间权重为正时，能量应当降低。",
  },
  fn: (V, H, W, a, b) => energyWith(V, H, W, a, b, { cw: 1 }),
});
export const energyHalfInteraction = misconception<EnergyArgs, Vec>({
  id: "rbm.energy.half-interaction",
  hint: {
    en: "The ½ of the Hopfield energy corrects a double count within one layer; the RBM's bipartite sum over (i, j) counts each connection once.",
    zh: "Hopfield 能量中的 ½ 是为了修正同一层内的重复计数；RBM 二部图对 (i, j) 的求和中每条连接只出现一次。",
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
  hint: { en: "The hidden unit's input includes its own bias inside the sigmoid.", zh: "隐藏单元的输入在进入 sigmoid 之前要加上它自己的偏置。" },
  fn: (V, H, W, a, b) => ({ Ph: hiddenProbsBatch(V, W, b.map(() => 0)), Pv: visibleProbsBatch(H, W, a) }),
});
export const condNoVisibleBias = misconception<CondArgs, Cond>({
  id: "rbm.conditionals.visible-bias-missing",
  hint: { en: "The visible unit's input includes its own bias inside the sigmoid.", zh: "可见单元的输入在进入 sigmoid 之前要加上它自己的偏置。" },
  fn: (V, H, W, a, b) => ({ Ph: hiddenProbsBatch(V, W, b), Pv: visibleProbsBatch(H, W, a.map(() => 0)) }),
});
export const condBiasAsThreshold = misconception<CondArgs, Cond>({
  id: "rbm.conditionals.bias-as-threshold",
  hint: {
    en: "In the RBM, a and b are biases that are added; the Hopfield thresholds were subtracted.",
    zh: "RBM 中的 a 和 b 是要加上的偏置；Hopfield 网络中的阈值才是减去的。",
  },
  fn: (V, H, W, a, b) => ({ Ph: hiddenProbsBatch(V, W, b.map((x) => -x)), Pv: visibleProbsBatch(H, W, a.map((x) => -x)) }),
});
export const condTransposedW = misconception<CondArgs, Cond>({
  id: "rbm.conditionals.transposed-w",
  hint: {
    en: "W is n_v × n_h: going up multiplies by W, going down by Wᵀ. Check which index of W belongs to which layer.",
    zh: "W 的形状是 n_v × n_h：向上传播乘以 W，向下传播乘以 Wᵀ。请检查 W 的哪个下标对应哪一层。",
  },
  fn: (V, H, W, a, b) => ({
    Ph: sigm(affine(V, b, (i, j) => at(W, j, i))),
    Pv: sigm(affine(H, a, (j, i) => at(W, j, i))),
  }),
});
export const condSwappedBiases = misconception<CondArgs, Cond>({
  id: "rbm.conditionals.swapped-biases",
  hint: { en: "a belongs to the visible layer and b to the hidden layer.", zh: "a 属于可见层，b 属于隐藏层。" },
  fn: (V, H, W, a, b) => ({ Ph: sigm(affine(V, b.map((_, j) => a[j] ?? NaN), (i, j) => W[i][j])), Pv: sigm(affine(H, a.map((_, i) => b[i] ?? NaN), (j, i) => W[i][j])) }),
});
export const condSign = misconception<CondArgs, Cond>({
  id: "rbm.conditionals.sigmoid-sign",
  hint: {
    en: "A larger input should make the unit MORE likely to be on; check the sign inside the sigmoid.",
    zh: "输入越大，单元取 1 的概率应当越大；请检查 sigmoid 内部的符号。",
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

function freeWith(V: Mat, W: Mat, a: Vec, b: Vec, o: { ca?: number; sp?: (z: number) => number; useB?: boolean; sign?: number }): Vec {
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
    en: "log(1 + e^z) overflows for large z (e^z becomes Infinity). Rewrite softplus so that it never exponentiates a large positive number.",
    zh: "当 z 很大时 log(1 + e^z) 会溢出（e^z 变成 Infinity）。请改写 softplus，使它永远不对很大的正数取指数。",
  },
  fn: (V, W, a, b) => freeWith(V, W, a, b, { sp: (z) => Math.log(1 + Math.exp(z)) }),
});
export const freeNoVisibleTerm = misconception<FreeArgs, Vec>({
  id: "rbm.free-energy.visible-term-missing",
  hint: {
    en: "Summing the hidden units out leaves the visible-bias part of the energy untouched; it stays in F(v).",
    zh: "把隐藏单元求和（边缘化）掉之后，能量函数中可见层偏置那一项仍然保留在 F(v) 中。",
  },
  fn: (V, W, a, b) => freeWith(V, W, a, b, { ca: 0 }),
});
export const freeVisibleTermSign = misconception<FreeArgs, Vec>({
  id: "rbm.free-energy.visible-term-sign",
  hint: { en: "Check the sign of the visible-bias term: it enters F(v) exactly as it enters E(v,h).", zh: "请检查可见层偏置项的符号：它在 F(v) 中的符号与在 E(v,h) 中相同。" },
  fn: (V, W, a, b) => freeWith(V, W, a, b, { ca: 1 }),
});
export const freeNoHiddenBias = misconception<FreeArgs, Vec>({
  id: "rbm.free-energy.hidden-bias-missing",
  hint: { en: "Each hidden unit's total input, inside the softplus, includes its bias.", zh: "softplus 里面每个隐藏单元的总输入要包含它的偏置。" },
  fn: (V, W, a, b) => freeWith(V, W, a, b, { useB: false }),
});
export const freeRelu = misconception<FreeArgs, Vec>({
  id: "rbm.free-energy.relu-instead-of-softplus",
  hint: {
    en: "Summing h_j over {0,1} gives log(1 + e^z), which is close to max(z, 0) only far from 0; do not drop the correction.",
    zh: "对 h_j ∈ {0,1} 求和得到的是 log(1 + e^z)，它只在远离 0 时才接近 max(z, 0)；不要丢掉修正项。",
  },
  fn: (V, W, a, b) => freeWith(V, W, a, b, { sp: (z) => Math.max(z, 0) }),
});
export const freeOverallSign = misconception<FreeArgs, Vec>({
  id: "rbm.free-energy.overall-sign",
  hint: {
    en: "F(v) = −log Σ_h e^{−E(v,h)}: mind the minus sign in front of the log.",
    zh: "F(v) = −log Σ_h e^{−E(v,h)}：注意 log 前面的负号。",
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
    en: "Summing e^x directly overflows once x exceeds about 709; shift by the largest term before exponentiating (log-sum-exp).",
    zh: "直接对 e^x 求和时，x 超过约 709 就会溢出；取指数之前先减去最大的那一项（log-sum-exp）。",
  },
  fn: (W, a, b) => {
    const t = smallerIsHidden(W, a, b) ? hiddenTerms(W, a, b, true) : allBinary(a.length).map((v) => -freeEnergy(v, W, a, b));
    return Math.log(t.reduce((s, x) => s + Math.exp(x), 0));
  },
});
export const logZMissingOwnBias = misconception<LogZArgs, number>({
  id: "rbm.logz.enumerated-layer-bias-missing",
  hint: {
    en: "When you enumerate one layer and sum the other out, the bias term of the enumerated layer stays outside the softplus.",
    zh: "枚举一层、对另一层求和时，被枚举那一层的偏置项要保留在 softplus 之外。",
  },
  fn: (W, a, b) =>
    smallerIsHidden(W, a, b)
      ? logsumexp(hiddenTerms(W, a, b, false))
      : logsumexp(allBinary(a.length).map((v) => -freeEnergy(v, W, a.map(() => 0), b))),
});
export const logZMean = misconception<LogZArgs, number>({
  id: "rbm.logz.mean-instead-of-sum",
  hint: {
    en: "Z is a sum over all states, not an average: do not divide by the number of states.",
    zh: "配分函数 Z 是对所有状态求和，而不是求平均：不要除以状态的个数。",
  },
  fn: (W, a, b) => {
    const n = smallerIsHidden(W, a, b) ? b.length : a.length;
    const t = smallerIsHidden(W, a, b) ? hiddenTerms(W, a, b, true) : allBinary(a.length).map((v) => -freeEnergy(v, W, a, b));
    return logsumexp(t) - n * Math.log(2);
  },
});
export const logZFreeEnergySign = misconception<LogZArgs, number>({
  id: "rbm.logz.free-energy-sign",
  hint: {
    en: "Z = Σ_v e^{−F(v)}: low free energy means high probability. Check the sign in the exponent.",
    zh: "Z = Σ_v e^{−F(v)}：自由能越低，概率越高。请检查指数中的符号。",
  },
  fn: (W, a, b) =>
    smallerIsHidden(W, a, b)
      ? logsumexp(hiddenTerms(W, a, b, true).map((x) => -x))
      : logsumexp(allBinary(a.length).map((v) => freeEnergy(v, W, a, b))),
});

export const logZMisconceptions: Misconception<LogZArgs, number>[] = [logZNaive, logZMissingOwnBias, logZMean, logZFreeEnergySign];

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
  const up = cdUpdate(W.map((r) => r.map(() => 0)), a.map(() => 0), b.map(() => 0), eta * s, V0, posH, V, negH);
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
      en: "The positive statistics use the hidden PROBABILITIES given the data; the binary sample H0 only drives the chain.",
      zh: "正相统计量使用给定数据时隐藏单元的概率；二值样本 H0 只用来驱动马尔可夫链。",
    },
  },
  {
    slug: "negative-sampled",
    flags: { negSampled: true },
    hint: {
      en: "The last hidden state is never sampled: the negative statistics use the hidden probabilities of the reconstruction.",
      zh: "最后一步的隐藏状态不需要采样：负相统计量使用重构样本对应的隐藏单元概率。",
    },
  },
  {
    slug: "no-batch-average",
    flags: { noDivide: true },
    hint: {
      en: "The statistics are averaged over the batch: check the factor in front of the sums over rows.",
      zh: "统计量要对整个批次取平均：请检查对各行求和之前的系数。",
    },
  },
  {
    slug: "hidden-bias-plus",
    flags: { dbPlus: true },
    hint: {
      en: "The hidden-bias update is a difference of two statistics, like the other two updates (the slide's '+' is a typo).",
      zh: "隐藏层偏置的更新和另外两个更新一样，是两个统计量之差（讲义中的“+”是笔误）。",
    },
  },
  {
    slug: "hidden-bias-missing",
    flags: { noHiddenBias: true },
    hint: { en: "Every hidden probability includes the hidden bias inside the sigmoid.", zh: "每个隐藏单元的概率在 sigmoid 内部都要加上隐藏层偏置。" },
  },
  {
    slug: "visible-bias-missing",
    flags: { noVisibleBias: true },
    hint: { en: "The reconstruction's probabilities include the visible bias inside the sigmoid.", zh: "重构的概率在 sigmoid 内部要加上可见层偏置。" },
  },
  {
    slug: "probability-reconstruction",
    flags: { probReconstruction: true },
    hint: {
      en: "This exercise asks for the canonical form: the visible reconstruction is a binary sample drawn with the given uniforms.",
      zh: "本题要求的是标准形式：可见层的重构是用给定的均匀随机数采样得到的二值状态。",
    },
  },
  {
    slug: "gradient-descent",
    flags: { descent: true },
    hint: {
      en: "CD climbs the log-likelihood: the parameters move TOWARDS the data statistics and away from the model's.",
      zh: "对比散度是在对数似然上做上升：参数朝数据统计量的方向移动，远离模型统计量。",
    },
  },
  {
    slug: "transposed-update",
    flags: { transposedUpdate: true },
    hint: {
      en: "The weight update has the shape of W (n_v × n_h): visible statistics on the left, hidden on the right.",
      zh: "权重更新的形状与 W 相同（n_v × n_h）：可见层的量在左，隐藏层的量在右。",
    },
  },
];

const CDK_ONLY: CdVariantInfo[] = [
  {
    slug: "one-step",
    flags: { oneStep: true },
    hint: { en: "CD-k runs k full Gibbs steps before taking the negative statistics.", zh: "CD-k 在计算负相统计量之前要完整地进行 k 步吉布斯采样。" },
  },
  {
    slug: "restart-each-step",
    flags: { restartEachStep: true },
    hint: {
      en: "Each Gibbs step continues from the previous step's hidden state; the chain does not go back to H0.",
      zh: "每一步吉布斯采样都从上一步的隐藏状态继续，而不是回到 H0 重新开始。",
    },
  },
  {
    slug: "mean-field-hidden",
    flags: { meanFieldHidden: true },
    hint: {
      en: "Inside the chain the intermediate hidden states are binary samples drawn with the given uniforms.",
      zh: "在链的中间步骤里，隐藏状态是用给定均匀随机数采样得到的二值状态。",
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
      en: "In persistent CD the negative chain is NOT restarted at the data: it continues from the state passed in.",
      zh: "在持续对比散度（PCD）中，负相的链不会从训练数据重新开始，而是从传入的持续状态继续。",
    },
  },
  {
    slug: "chain-not-advanced",
    flags: { chainNotReturned: true },
    hint: {
      en: "The persistent state must be handed back after the Gibbs steps, so the next call continues where this one stopped.",
      zh: "吉布斯采样之后要把新的持续状态返回，下一次调用才能从这里继续。",
    },
  },
  {
    slug: "no-batch-average",
    flags: { noDivide: true },
    hint: { en: "Both phases are averaged over their rows: check the factors in front of the sums.", zh: "正相和负相都要对各自的行取平均：请检查求和前的系数。" },
  },
  {
    slug: "hidden-bias-plus",
    flags: { dbPlus: true },
    hint: {
      en: "The hidden-bias update is a difference of two statistics (the slide's '+' is a typo).",
      zh: "隐藏层偏置的更新是两个统计量之差（讲义中的“+”是笔误）。",
    },
  },
  {
    slug: "negative-from-old-chain",
    flags: { staleNegative: true },
    hint: {
      en: "The negative statistics are taken at the chain's NEW state, after the Gibbs steps.",
      zh: "负相统计量要在吉布斯采样之后、链的新状态上计算。",
    },
  },
  {
    slug: "negative-sampled",
    flags: { sampledNegative: true },
    hint: {
      en: "The negative statistics use the hidden probabilities of the new chain state, not a binary hidden sample.",
      zh: "负相统计量使用链的新状态对应的隐藏单元概率，而不是二值的隐藏样本。",
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

function plVariant(V: Mat, W: Mat, a: Vec, b: Vec, flip: number[], f: { signFlipped?: boolean; noNv?: boolean; sum?: boolean; setOne?: boolean; noVisibleTerm?: boolean }): number {
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
      en: "P(v_i | v_{−i}) is large when the observed v has LOWER free energy than its flipped copy; check the order of the difference.",
      zh: "当观测到的 v 的自由能低于翻转后的副本时，P(v_i | v_{−i}) 才大；请检查差值的先后顺序。",
    },
  },
  {
    slug: "missing-nv",
    flags: { noNv: true },
    hint: {
      en: "One random bit stands in for all n_v conditionals, so its log-probability is scaled by the number of visible units.",
      zh: "随机选取的一位代表了全部 n_v 个条件概率，所以它的对数概率要乘以可见单元的个数。",
    },
  },
  {
    slug: "sum-over-batch",
    flags: { sum: true },
    hint: { en: "The function returns the batch MEAN, not the sum.", zh: "函数返回的是批次上的平均值，而不是总和。" },
  },
  {
    slug: "set-instead-of-flip",
    flags: { setOne: true },
    hint: { en: "ṽ flips the chosen bit (0 ↔ 1); it does not set it to a fixed value.", zh: "ṽ 是把选中的那一位取反（0 ↔ 1），而不是设为固定值。" },
  },
  {
    slug: "free-energy-visible-term",
    flags: { noVisibleTerm: true },
    hint: {
      en: "The free energy keeps the visible-bias term; it does not cancel when one bit changes.",
      zh: "自由能中保留可见层偏置项；改变一位时它并不会相互抵消。",
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
