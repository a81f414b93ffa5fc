/**
 * Wrong variants of the autoencoder references (reference/autoencoder.ts): `aeForwardLosses`,
 * `tiedAeBackprop` and `daeCorruptLoss`, each with the signature of the function it corrupts.
 * Hints name the idea, never the answer, and are written to follow the grader's "This looks like …" / "这看起来像是…".
 */

import { addRow, matmul, mapMat, sigmoidMat, sumRows, transpose, type Mat, type Vec } from "../numerics";
import {
  aeForward,
  aeForwardLosses,
  daeCorruptLoss,
  tiedAeBackprop,
  CE_EPS,
  corrupt,
  crossEntropy,
  maskingCorrupt,
  squaredError,
  type ReconstructionLoss,
} from "../autoencoder";
import { misconceptionsOf, type EquivalentMutant } from "./types";

type Tied = [X: Mat, W: Mat, b: Vec, bd: Vec, loss: ReconstructionLoss];
type TiedOut = { dW: Mat; db: Vec; dbd: Vec };
type DaeOut = { Xtilde: Mat; Xhat: Mat; loss: number };

interface TiedVariant {
  /** Which uses of W enter its gradient. */
  uses?: "both" | "encoder" | "decoder";
  /** f'(z) written as σ(z) instead of σ(z)(1 − σ(z)). */
  derivativeAsSigma?: boolean;
  /** Squared-error output delta without the factor 2. */
  squaredHalf?: boolean;
  /** Cross-entropy output delta multiplied by f'. */
  ceExtraDerivative?: boolean;
  /** Hidden delta not multiplied by f'. */
  hiddenNoDerivative?: boolean;
}

function tiedVariant(v: TiedVariant): (...args: Tied) => TiedOut {
  return (X, W, b, bd, loss) => {
    const { Y, Xhat } = aeForward(X, { W, b, Wd: transpose(W), bd });
    const fp = (a: number) => (v.derivativeAsSigma ? a : a * (1 - a));
    const dOut = Xhat.map((row, i) =>
      row.map((xh, k) => {
        const e = xh - X[i][k];
        if (loss === "squared") return (v.squaredHalf ? 1 : 2) * e * fp(xh);
        return v.ceExtraDerivative ? e * fp(xh) : e;
      }),
    );
    const dH = matmul(dOut, transpose(W)).map((row, i) =>
      row.map((s, j) => (v.hiddenNoDerivative ? s : s * fp(Y[i][j]))),
    );
    const enc = matmul(transpose(dH), X);
    const dec = matmul(transpose(Y), dOut);
    const uses = v.uses ?? "both";
    const dW = enc.map((row, i) =>
      row.map((e, j) => (uses === "decoder" ? 0 : e) + (uses === "encoder" ? 0 : dec[i][j])),
    );
    return { dW, db: sumRows(dH), dbd: sumRows(dOut) };
  };
}

function daeFrom(Xtilde: Mat, Xin: Mat, target: Mat, W: Mat, b: Vec, Wd: Mat, bd: Vec): DaeOut {
  const { Xhat } = aeForward(Xin, { W, b, Wd, bd });
  return { Xtilde, Xhat, loss: squaredError(target, Xhat) };
}

// ---------------------------------------------------------------- forward pass and losses

export const aeForwardLossesMisconceptions = misconceptionsOf(aeForwardLosses, "ae", [
  {
    id: "squared.half",
    hint: {
      en: "a factor ½ in front of the squared error, which in this exercise is the plain sum of squared differences, as in the lecture.",
      zh: "在最小二乘误差前多乘了一个 ½；本题的误差是讲义中差值平方的直接求和。",
    },
    fn: (X, W, b, Wd, bd) => {
      const r = aeForwardLosses(X, W, b, Wd, bd);
      return { ...r, squared: 0.5 * r.squared };
    },
  },
  {
    id: "squared.mean",
    hint: {
      en: "an average instead of a sum: the squared error here adds up over all samples and features.",
      zh: "把求和写成了平均：这里的最小二乘误差是对所有样本和分量求和。",
    },
    fn: (X, W, b, Wd, bd) => {
      const r = aeForwardLosses(X, W, b, Wd, bd);
      return { ...r, squared: r.squared / (X.length * X[0].length) };
    },
  },
  {
    id: "ce.unclamped",
    hint: {
      en: "a logarithm of an unclamped reconstruction: when x̂ saturates, log sees (almost) 0; the prompt says how x̂ is kept away from 0 and 1.",
      zh: "对未截断的重构值取对数：当 x̂ 饱和时，对数的自变量（几乎）为 0；题目说明了如何让 x̂ 远离 0 和 1。",
    },
    fn: (X, W, b, Wd, bd) => {
      const r = aeForwardLosses(X, W, b, Wd, bd);
      let s = 0;
      X.forEach((row, i) =>
        row.forEach((x, k) => (s -= x * Math.log(r.Xhat[i][k]) + (1 - x) * Math.log(1 - r.Xhat[i][k]))),
      );
      return { ...r, crossEntropy: s };
    },
  },
  {
    id: "ce.missing-complement",
    hint: {
      en: "a cross-entropy with only one of its two terms: a target in [0,1] has a term for itself and one for its complement.",
      zh: "交叉熵只算了两项中的一项：取值在 [0,1] 的目标既有自身对应的项，也有其补（1 减去它）对应的项。",
    },
    fn: (X, W, b, Wd, bd) => {
      const r = aeForwardLosses(X, W, b, Wd, bd);
      let s = 0;
      X.forEach((row, i) =>
        row.forEach((x, k) => (s -= x * Math.log(Math.min(Math.max(r.Xhat[i][k], CE_EPS), 1 - CE_EPS)))),
      );
      return { ...r, crossEntropy: s };
    },
  },
  {
    id: "encoder-bias-omitted",
    hint: {
      en: "an encoder pre-activation with a term missing: check everything that belongs inside the sigmoid.",
      zh: "编码器激活函数的输入少了一项：请检查 sigmoid 内部应有的所有项。",
    },
    fn: (X, W, b, Wd, bd) =>
      aeForwardLosses(
        X,
        W,
        b.map(() => 0),
        Wd,
        bd,
      ),
  },
  {
    id: "decoder-linear",
    hint: {
      en: "a decoder without its own activation function f̃.",
      zh: "解码器漏掉了它自己的激活函数 f̃。",
    },
    fn: (X, W, b, Wd, bd) => {
      const Y = sigmoidMat(addRow(matmul(X, transpose(W)), b));
      const Xhat = addRow(matmul(Y, transpose(Wd)), bd);
      return { Y, Xhat, squared: squaredError(X, Xhat), crossEntropy: crossEntropy(X, Xhat) };
    },
  },
]);
// ---------------------------------------------------------------- tied backprop

export const tiedAeBackpropMisconceptions = misconceptionsOf(tiedAeBackprop, "ae", [
  {
    id: "tied.decoder-only",
    hint: {
      en: "a tied-weight gradient that collects only the decoder's use of W; the encoder uses W too.",
      zh: "权值共享时的梯度只计入了解码器对 W 的使用；编码器也使用了 W。",
    },
    fn: tiedVariant({ uses: "decoder" }),
  },
  {
    id: "tied.encoder-only",
    hint: {
      en: "a tied-weight gradient that collects only the encoder's use of W; W also appears, transposed, in the decoder.",
      zh: "权值共享时的梯度只计入了编码器对 W 的使用；W 也以转置的形式出现在解码器中。",
    },
    fn: tiedVariant({ uses: "encoder" }),
  },
  {
    id: "sigmoid-derivative",
    hint: {
      en: "a sigmoid derivative written as the sigmoid itself.",
      zh: "把 sigmoid 的导数写成了 sigmoid 本身。",
    },
    fn: tiedVariant({ derivativeAsSigma: true }),
  },
  {
    id: "squared.gradient-half",
    hint: {
      en: "a squared-error gradient missing the constant that comes from differentiating the square (there is no ½ here to cancel it).",
      zh: "最小二乘误差的梯度少了对平方求导产生的常数因子（这里没有 ½ 可以抵消它）。",
    },
    fn: tiedVariant({ squaredHalf: true }),
  },
  {
    id: "ce.extra-derivative",
    hint: {
      en: "an extra sigmoid derivative in the cross-entropy's output error term; with a sigmoid output it cancels against the derivative of the log.",
      zh: "交叉熵的输出层误差项多乘了 sigmoid 的导数；对 sigmoid 输出，它会与对数的导数相消。",
    },
    fn: tiedVariant({ ceExtraDerivative: true }),
  },
  {
    id: "hidden-delta-no-derivative",
    hint: {
      en: "a hidden-layer error term that skips the derivative of the hidden activation function.",
      zh: "中间层的误差项漏掉了中间层激活函数的导数。",
    },
    fn: tiedVariant({ hiddenNoDerivative: true }),
  },
]);
// ---------------------------------------------------------------- denoising

export const daeCorruptLossMisconceptions = misconceptionsOf(daeCorruptLoss, "dae", [
  {
    id: "loss-vs-corrupted",
    hint: {
      en: "a loss measured against the corrupted input; a denoising autoencoder learns to remove the noise.",
      zh: "误差是与加噪后的输入比较的；降噪自编码器要学会去除噪声。",
    },
    fn: (X, W, b, Wd, bd, noise) => {
      const Xt = corrupt(X, noise);
      return daeFrom(Xt, Xt, Xt, W, b, Wd, bd);
    },
  },
  {
    id: "clean-input-encoded",
    hint: {
      en: "a network fed with the clean input instead of the corrupted one.",
      zh: "送入网络的是原始输入，而不是加噪后的输入。",
    },
    fn: (X, W, b, Wd, bd, noise) => daeFrom(corrupt(X, noise), X, X, W, b, Wd, bd),
  },
  {
    id: "masking-inverted",
    hint: {
      en: "an inverted mask: the level is the fraction of inputs destroyed; check which comparison with u selects them.",
      zh: "遮蔽条件反了：level 是被置零的输入所占的比例；请检查与 u 的哪一种比较选出了它们。",
    },
    fn: (X, W, b, Wd, bd, noise) => {
      if (noise.kind === "gaussian") return daeFrom(corrupt(X, noise), corrupt(X, noise), X, W, b, Wd, bd);
      const Xt = X.map((row, i) => row.map((v, k) => (noise.U[i][k] < noise.level ? v : 0)));
      return daeFrom(Xt, Xt, X, W, b, Wd, bd);
    },
  },
  {
    id: "masking-rescaled",
    hint: {
      en: "dropout-style rescaling of the surviving inputs; masking noise only zeroes entries.",
      zh: "像 dropout 那样对保留下来的输入做了缩放；遮蔽噪声只负责置零。",
    },
    fn: (X, W, b, Wd, bd, noise) => {
      if (noise.kind === "gaussian") return daeFrom(corrupt(X, noise), corrupt(X, noise), X, W, b, Wd, bd);
      const Xt = mapMat(maskingCorrupt(X, noise.U, noise.level), (v) => v / (1 - noise.level));
      return daeFrom(Xt, Xt, X, W, b, Wd, bd);
    },
  },
]);

/**
 * Mutants of reference/autoencoder.ts that no input of its exercises can tell apart from it (issue 12 item 2,
 * exercises/mutation.ts), in groups; each exercise lists the groups its reference executes in `equivalentMutants`.
 */
export const autoencoderEquivalentMutants = {
  /** maskingCorrupt's strict comparison U < level. */
  maskingTie: [
    {
      at: "reference/autoencoder.ts:195:47",
      mutator: "EqualityOperator",
      replacement: "U[i][k] <= level",
      reason: {
        en: "differs only when a uniform equals the level, and case generators keep every uniform 1e-6 away from it (DOMAIN.md)",
        zh: "只在均匀数等于 level 时不同，而用例生成器让每个均匀数与它相距至少 1e-6（DOMAIN.md）",
      },
    },
  ],
} satisfies Record<string, EquivalentMutant[]>;
