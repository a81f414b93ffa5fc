/**
 * Wrong variants of the autoencoder references (reference/autoencoder.ts): `aeForwardLosses`,
 * `tiedAeBackprop` and `daeCorruptLoss`, each with the signature of the function it corrupts.
 * Hints name the idea, never the answer.
 */

import { addRow, matmul, mapMat, sigmoidMat, sumRows, transpose, type Mat, type Vec } from "../numerics";
import {
  aeForward,
  aeForwardLosses,
  CE_EPS,
  corrupt,
  crossEntropy,
  maskingCorrupt,
  squaredError,
  type Noise,
  type ReconstructionLoss,
} from "../autoencoder";
import { misconception } from "./types";

type Forward = [X: Mat, W: Mat, b: Vec, Wd: Mat, bd: Vec];
type ForwardOut = ReturnType<typeof aeForwardLosses>;
type Tied = [X: Mat, W: Mat, b: Vec, bd: Vec, loss: ReconstructionLoss];
type TiedOut = { dW: Mat; db: Vec; dbd: Vec };
type Dae = [X: Mat, W: Mat, b: Vec, Wd: Mat, bd: Vec, noise: Noise];
type DaeOut = { Xtilde: Mat; Xhat: Mat; loss: number };

// ---------------------------------------------------------------- forward pass and losses

export const squaredWithHalf = misconception<Forward, ForwardOut>({
  id: "ae.squared.half",
  hint: {
    en: "The squared error here is the plain sum of squared differences, as in the lecture; check the constant factor in front of it.",
    zh: "这里的最小二乘误差就是讲义中差值平方的直接求和，请检查前面的常数系数。",
  },
  fn: (X, W, b, Wd, bd) => {
    const r = aeForwardLosses(X, W, b, Wd, bd);
    return { ...r, squared: 0.5 * r.squared };
  },
});

export const squaredMean = misconception<Forward, ForwardOut>({
  id: "ae.squared.mean",
  hint: {
    en: "The loss is a sum over the samples and the features, not an average; check whether you divided by something.",
    zh: "误差是对样本和分量的求和，而不是平均值；请检查是否多除了某个数。",
  },
  fn: (X, W, b, Wd, bd) => {
    const r = aeForwardLosses(X, W, b, Wd, bd);
    return { ...r, squared: r.squared / (X.length * X[0].length) };
  },
});

export const crossEntropyUnclamped = misconception<Forward, ForwardOut>({
  id: "ae.ce.unclamped",
  hint: {
    en: "When the reconstruction saturates, log sees (almost) 0; the prompt says how x̂ is kept away from 0 and 1 before the logarithm.",
    zh: "当重构输出饱和时，对数的自变量会（几乎）为 0；题目说明了在取对数之前如何让 x̂ 远离 0 和 1。",
  },
  fn: (X, W, b, Wd, bd) => {
    const r = aeForwardLosses(X, W, b, Wd, bd);
    let s = 0;
    X.forEach((row, i) => row.forEach((x, k) => (s -= x * Math.log(r.Xhat[i][k]) + (1 - x) * Math.log(1 - r.Xhat[i][k]))));
    return { ...r, crossEntropy: s };
  },
});

export const crossEntropyMissingComplement = misconception<Forward, ForwardOut>({
  id: "ae.ce.missing-complement",
  hint: {
    en: "The cross-entropy of a value in [0,1] has two terms: one for the target and one for its complement.",
    zh: "取值在 [0,1] 的交叉熵有两项：一项对应目标值，另一项对应它的补（1 减去它）。",
  },
  fn: (X, W, b, Wd, bd) => {
    const r = aeForwardLosses(X, W, b, Wd, bd);
    let s = 0;
    X.forEach((row, i) => row.forEach((x, k) => (s -= x * Math.log(Math.min(Math.max(r.Xhat[i][k], CE_EPS), 1 - CE_EPS)))));
    return { ...r, crossEntropy: s };
  },
});

export const encoderBiasOmitted = misconception<Forward, ForwardOut>({
  id: "ae.encoder-bias-omitted",
  hint: {
    en: "Check that every term of the encoder's pre-activation is inside the sigmoid.",
    zh: "请检查编码器激活函数的输入是否包含了所有项。",
  },
  fn: (X, W, b, Wd, bd) => aeForwardLosses(X, W, b.map(() => 0), Wd, bd),
});

export const linearDecoder = misconception<Forward, ForwardOut>({
  id: "ae.decoder-linear",
  hint: {
    en: "The decoder has its own activation function f̃; check which function the reconstruction goes through.",
    zh: "解码器也有自己的激活函数 f̃；请检查重构输出经过了哪个函数。",
  },
  fn: (X, W, b, Wd, bd) => {
    const Y = sigmoidMat(addRow(matmul(X, transpose(W)), b));
    const Xhat = addRow(matmul(Y, transpose(Wd)), bd);
    return { Y, Xhat, squared: squaredError(X, Xhat), crossEntropy: crossEntropy(X, Xhat) };
  },
});

// ---------------------------------------------------------------- tied backprop

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
    const dH = matmul(dOut, transpose(W)).map((row, i) => row.map((s, j) => (v.hiddenNoDerivative ? s : s * fp(Y[i][j]))));
    const enc = matmul(transpose(dH), X);
    const dec = matmul(transpose(Y), dOut);
    const uses = v.uses ?? "both";
    const dW = enc.map((row, i) => row.map((e, j) => (uses === "decoder" ? 0 : e) + (uses === "encoder" ? 0 : dec[i][j])));
    return { dW, db: sumRows(dH), dbd: sumRows(dOut) };
  };
}

export const tiedDecoderOnly = misconception<Tied, TiedOut>({
  id: "ae.tied.decoder-only",
  hint: {
    en: "With tied weights W is used twice, in the encoder and (transposed) in the decoder; its gradient must collect both uses.",
    zh: "权值共享时 W 被使用了两次：在编码器中，以及（转置后）在解码器中；它的梯度必须把两处的贡献都算上。",
  },
  fn: tiedVariant({ uses: "decoder" }),
});

export const tiedEncoderOnly = misconception<Tied, TiedOut>({
  id: "ae.tied.encoder-only",
  hint: {
    en: "With tied weights W also appears (transposed) in the decoder; its gradient must collect that use too.",
    zh: "权值共享时 W 也（以转置的形式）出现在解码器中；它的梯度也必须包含这一处的贡献。",
  },
  fn: tiedVariant({ uses: "encoder" }),
});

export const sigmoidDerivativeAsSigma = misconception<Tied, TiedOut>({
  id: "ae.sigmoid-derivative",
  hint: {
    en: "Check the derivative of the sigmoid: it is not the sigmoid itself.",
    zh: "请检查 sigmoid 函数的导数：它并不等于 sigmoid 本身。",
  },
  fn: tiedVariant({ derivativeAsSigma: true }),
});

export const squaredGradientHalf = misconception<Tied, TiedOut>({
  id: "ae.squared.gradient-half",
  hint: {
    en: "The squared error has no ½ here, so differentiating the square leaves a constant factor.",
    zh: "这里的最小二乘误差没有 ½，所以对平方求导会留下一个常数因子。",
  },
  fn: tiedVariant({ squaredHalf: true }),
});

export const crossEntropyExtraDerivative = misconception<Tied, TiedOut>({
  id: "ae.ce.extra-derivative",
  hint: {
    en: "For a sigmoid output with the cross-entropy loss, the sigmoid's derivative cancels with the derivative of the log; check the output delta.",
    zh: "sigmoid 输出配合交叉熵损失时，sigmoid 的导数会与对数的导数相消；请检查输出层的误差项。",
  },
  fn: tiedVariant({ ceExtraDerivative: true }),
});

export const hiddenDeltaNoDerivative = misconception<Tied, TiedOut>({
  id: "ae.hidden-delta-no-derivative",
  hint: {
    en: "Backpropagating into the hidden layer passes through its activation function too.",
    zh: "误差反向传播到中间层时，也要经过中间层的激活函数。",
  },
  fn: tiedVariant({ hiddenNoDerivative: true }),
});

// ---------------------------------------------------------------- denoising

function daeFrom(Xtilde: Mat, Xin: Mat, target: Mat, W: Mat, b: Vec, Wd: Mat, bd: Vec): DaeOut {
  const { Xhat } = aeForward(Xin, { W, b, Wd, bd });
  return { Xtilde, Xhat, loss: squaredError(target, Xhat) };
}

export const daeLossAgainstCorrupted = misconception<Dae, DaeOut>({
  id: "dae.loss-vs-corrupted",
  hint: {
    en: "A denoising autoencoder learns to remove the noise: which input should the reconstruction be compared with?",
    zh: "降噪自编码器要学会去除噪声：重构结果应该与哪一个输入比较？",
  },
  fn: (X, W, b, Wd, bd, noise) => {
    const Xt = corrupt(X, noise);
    return daeFrom(Xt, Xt, Xt, W, b, Wd, bd);
  },
});

export const daeCleanInputEncoded = misconception<Dae, DaeOut>({
  id: "dae.clean-input-encoded",
  hint: {
    en: "Check which version of the input the network is fed with.",
    zh: "请检查送入网络的是哪一个版本的输入。",
  },
  fn: (X, W, b, Wd, bd, noise) => daeFrom(corrupt(X, noise), X, X, W, b, Wd, bd),
});

export const maskingInverted = misconception<Dae, DaeOut>({
  id: "dae.masking-inverted",
  hint: {
    en: "The masking level is the fraction of inputs destroyed; check which comparison with u selects them.",
    zh: "遮蔽比例是被置零的输入所占的比例；请检查与 u 的哪一种比较选出了它们。",
  },
  fn: (X, W, b, Wd, bd, noise) => {
    if (noise.kind === "gaussian") return daeFrom(corrupt(X, noise), corrupt(X, noise), X, W, b, Wd, bd);
    const Xt = X.map((row, i) => row.map((v, k) => (noise.U[i][k] < noise.level ? v : 0)));
    return daeFrom(Xt, Xt, X, W, b, Wd, bd);
  },
});

export const maskingRescaled = misconception<Dae, DaeOut>({
  id: "dae.masking-rescaled",
  hint: {
    en: "Masking noise only zeroes entries; it is not dropout, so the surviving entries are left as they are.",
    zh: "遮蔽噪声只把部分输入置零；它不是 dropout，保留下来的输入不做任何缩放。",
  },
  fn: (X, W, b, Wd, bd, noise) => {
    if (noise.kind === "gaussian") return daeFrom(corrupt(X, noise), corrupt(X, noise), X, W, b, Wd, bd);
    const Xt = mapMat(maskingCorrupt(X, noise.U, noise.level), (v) => v / (1 - noise.level));
    return daeFrom(Xt, Xt, X, W, b, Wd, bd);
  },
});

export const forwardLossesMisconceptions = [squaredWithHalf, squaredMean, crossEntropyUnclamped, crossEntropyMissingComplement, encoderBiasOmitted, linearDecoder];
export const tiedBackpropMisconceptions = [tiedDecoderOnly, tiedEncoderOnly, sigmoidDerivativeAsSigma, squaredGradientHalf, crossEntropyExtraDerivative, hiddenDeltaNoDerivative];
export const daeMisconceptions = [daeLossAgainstCorrupted, daeCleanInputEncoded, maskingInverted, maskingRescaled];

