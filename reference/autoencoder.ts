/**
 * Autoencoder (DOMAIN.md 10.6) and denoising autoencoder (DOMAIN.md 10.7).
 *
 * Model: y = f(W x + b), x̂ = f̃(W̃ y + b̃), with f = f̃ = σ. W is `m × n` (hidden × input),
 * W̃ is `n × m`. A batch X is `N × n`, one sample per row, so Y = σ(X Wᵀ + b) is `N × m`
 * and X̂ = σ(Y W̃ᵀ + b̃) is `N × n`. Tied weights: W̃ = Wᵀ.
 *
 * Losses over the batch (sums over samples, as in the lecture):
 *   squared error  E = Σ_n ||x_n − x̂_n||²          (no ½);
 *   cross-entropy  E = −Σ_n Σ_k [x log x̂ + (1 − x) log(1 − x̂)], with x̂ clamped to [CE_EPS, 1 − CE_EPS].
 */

import { addRow, matmul, sigmoidMat, sumRows, transpose, type Mat, type Vec } from "./numerics";

/** Clamp of x̂ in the cross-entropy: x̂ is replaced by min(max(x̂, 1e-12), 1 − 1e-12) before the logs. */
export const CE_EPS = 1e-12;

export type ReconstructionLoss = "squared" | "cross-entropy";

/** Untied parameters: W `m × n`, b length m, Wd = W̃ `n × m`, bd = b̃ length n. */
export interface AEParams {
  W: Mat;
  b: Vec;
  Wd: Mat;
  bd: Vec;
}

/** Tied parameters: W `m × n`, b length m, bd = b̃ length n; the decoder uses W̃ = Wᵀ. */
export interface TiedAEParams {
  W: Mat;
  b: Vec;
  bd: Vec;
}

/** Gradients of an untied autoencoder loss, same shapes as AEParams. */
export interface AEGradient {
  loss: number;
  dW: Mat;
  db: Vec;
  dWd: Mat;
  dbd: Vec;
}

/** Gradients of a tied autoencoder loss, same shapes as TiedAEParams. */
export interface TiedAEGradient {
  loss: number;
  dW: Mat;
  db: Vec;
  dbd: Vec;
}

/** The untied parameters equivalent to tied ones: W̃ = Wᵀ. */
export function untie(p: TiedAEParams): AEParams {
  return { W: p.W, b: p.b, Wd: transpose(p.W), bd: p.bd };
}

/** Encoder Y = σ(X Wᵀ + b): X `N × n`, W `m × n`, b length m → Y `N × m`. */
export function encode(X: Mat, W: Mat, b: Vec): Mat {
  return sigmoidMat(addRow(matmul(X, transpose(W)), b));
}

/** Decoder X̂ = σ(Y W̃ᵀ + b̃): Y `N × m`, Wd = W̃ `n × m`, bd length n → X̂ `N × n`. */
export function decode(Y: Mat, Wd: Mat, bd: Vec): Mat {
  return sigmoidMat(addRow(matmul(Y, transpose(Wd)), bd));
}

/** Forward pass of the untied autoencoder: code Y `N × m` and reconstruction X̂ `N × n`. */
export function aeForward(X: Mat, p: AEParams): { Y: Mat; Xhat: Mat } {
  const Y = encode(X, p.W, p.b);
  return { Y, Xhat: decode(Y, p.Wd, p.bd) };
}

/** Forward pass of the tied autoencoder (W̃ = Wᵀ). */
export function aeForwardTied(X: Mat, p: TiedAEParams): { Y: Mat; Xhat: Mat } {
  return aeForward(X, untie(p));
}

/** Squared error E = Σ_n ||x_n − x̂_n||² (a sum over samples and features, no ½). X, Xhat `N × n`. */
export function squaredError(X: Mat, Xhat: Mat): number {
  let s = 0;
  for (let i = 0; i < X.length; i++) for (let k = 0; k < X[i].length; k++) s += (X[i][k] - Xhat[i][k]) ** 2;
  return s;
}

/** x̂ clamped to [eps, 1 − eps]. */
export function clampProb(p: number, eps = CE_EPS): number {
  return Math.min(Math.max(p, eps), 1 - eps);
}

/**
 * Cross-entropy E = −Σ_n Σ_k [x_nk log c_nk + (1 − x_nk) log(1 − c_nk)], c = clamp(x̂, eps, 1 − eps),
 * so log never sees 0. X (targets in [0,1]) and Xhat `N × n`.
 */
export function crossEntropy(X: Mat, Xhat: Mat, eps = CE_EPS): number {
  let s = 0;
  for (let i = 0; i < X.length; i++) {
    for (let k = 0; k < X[i].length; k++) {
      const c = clampProb(Xhat[i][k], eps);
      const x = X[i][k];
      s -= x * Math.log(c) + (1 - x) * Math.log(1 - c);
    }
  }
  return s;
}

/** The chosen reconstruction loss of X̂ against the target T. */
export function reconstructionLoss(T: Mat, Xhat: Mat, loss: ReconstructionLoss): number {
  return loss === "squared" ? squaredError(T, Xhat) : crossEntropy(T, Xhat);
}

/**
 * Output delta ∂E/∂(pre-activation of x̂), `N × n`:
 *   squared:       δ = 2(x̂ − x) ⊙ x̂(1 − x̂);
 *   cross-entropy: δ = x̂ − x (the sigmoid's derivative cancels the log's; the clamp only guards the
 *                  loss value and is not differentiated, so δ stays finite and exact wherever x̂ ∈ (eps, 1−eps)).
 */
export function outputDelta(T: Mat, Xhat: Mat, loss: ReconstructionLoss): Mat {
  return Xhat.map((row, i) =>
    row.map((xh, k) => (loss === "squared" ? 2 * (xh - T[i][k]) * xh * (1 - xh) : xh - T[i][k])),
  );
}

/** The gradients of an AEGradient, without the loss value. */
export type AEGradients = Omit<AEGradient, "loss">;

/**
 * Backpropagation through an untied autoencoder fed with `input` and scored against `target`
 * (the same matrix for a plain AE; the clean X for a denoising AE), and the reconstruction it scored:
 *   δ_out = outputDelta,  ∇W̃ = δ_outᵀ Y,  ∇b̃ = Σ_n δ_out,
 *   δ_h = (δ_out W̃) ⊙ Y(1 − Y),  ∇W = δ_hᵀ input,  ∇b = Σ_n δ_h.
 */
function backprop(input: Mat, target: Mat, p: AEParams, loss: ReconstructionLoss): { Xhat: Mat; grad: AEGradients } {
  const { Y, Xhat } = aeForward(input, p);
  const dOut = outputDelta(target, Xhat, loss);
  const dH = matmul(dOut, p.Wd).map((row, i) => row.map((v, j) => v * Y[i][j] * (1 - Y[i][j])));
  return {
    Xhat,
    grad: { dW: matmul(transpose(dH), input), db: sumRows(dH), dWd: matmul(transpose(dOut), Y), dbd: sumRows(dOut) },
  };
}

/** The loss of `target` against the reconstruction of `input`, and its gradients (see `backprop`). */
export function reconstructionGradient(input: Mat, target: Mat, p: AEParams, loss: ReconstructionLoss): AEGradient {
  const { Xhat, grad } = backprop(input, target, p, loss);
  return { loss: reconstructionLoss(target, Xhat, loss), ...grad };
}

/** Loss of the untied autoencoder on X (target = input). */
export function aeLoss(X: Mat, p: AEParams, loss: ReconstructionLoss): number {
  return reconstructionLoss(X, aeForward(X, p).Xhat, loss);
}

/** Loss and gradient of the untied autoencoder on X (see `reconstructionGradient`). */
export function aeGradient(X: Mat, p: AEParams, loss: ReconstructionLoss): AEGradient {
  return reconstructionGradient(X, X, p, loss);
}

/** Loss of the tied autoencoder on X. */
export function tiedAeLoss(X: Mat, p: TiedAEParams, loss: ReconstructionLoss): number {
  return aeLoss(X, untie(p), loss);
}

/**
 * Gradient of the tied autoencoder (W̃ = Wᵀ), and the reconstruction. W is used twice, so its gradient
 * sums both uses: ∇W = δ_hᵀ X (encoder) + (δ_outᵀ Y)ᵀ = δ_hᵀ X + Yᵀ δ_out (decoder).
 */
function tiedBackprop(
  X: Mat,
  p: TiedAEParams,
  loss: ReconstructionLoss,
): { Xhat: Mat; grad: Omit<TiedAEGradient, "loss"> } {
  const { Xhat, grad: g } = backprop(X, X, untie(p), loss);
  const dWdT = transpose(g.dWd);
  return { Xhat, grad: { dW: g.dW.map((row, i) => row.map((v, j) => v + dWdT[i][j])), db: g.db, dbd: g.dbd } };
}

/** Loss and gradient of the tied autoencoder (see `tiedBackprop`). */
export function tiedAeGradient(X: Mat, p: TiedAEParams, loss: ReconstructionLoss): TiedAEGradient {
  const { Xhat, grad } = tiedBackprop(X, p, loss);
  return { loss: reconstructionLoss(X, Xhat, loss), ...grad };
}

// ---------------------------------------------------------------- denoising (10.7)

/** Gaussian corruption x̃ = x + ε, with the noise ε (`N × n`) given. */
export function gaussianCorrupt(X: Mat, noise: Mat): Mat {
  return X.map((row, i) => row.map((v, k) => v + noise[i][k]));
}

/**
 * Masking corruption (Theano's dA): x̃_nk = 0 where u_nk < level, else x_nk; U (`N × n`) holds
 * the given uniforms in [0,1), level ∈ [0,1] is the fraction of inputs destroyed.
 */
export function maskingCorrupt(X: Mat, U: Mat, level: number): Mat {
  return X.map((row, i) => row.map((v, k) => (U[i][k] < level ? 0 : v)));
}

/** Denoising loss: the corrupted X̃ goes in, the loss is measured against the clean X. */
export function daeLoss(X: Mat, Xtilde: Mat, p: AEParams, loss: ReconstructionLoss): number {
  return reconstructionLoss(X, aeForward(Xtilde, p).Xhat, loss);
}

/** Denoising loss and gradient: input X̃, target the clean X (∇W uses X̃, the encoder's input). */
export function daeGradient(X: Mat, Xtilde: Mat, p: AEParams, loss: ReconstructionLoss): AEGradient {
  return reconstructionGradient(Xtilde, X, p, loss);
}

// ---------------------------------------------------------------- exercise entry points (plain arguments)

/** Forward pass and both losses of the untied autoencoder (exercise 10.6 ae-forward-loss). */
export interface ForwardLosses {
  /** Code `N × m`. */
  Y: Mat;
  /** Reconstruction `N × n`. */
  Xhat: Mat;
  /** Σ_n ||x_n − x̂_n||². */
  squared: number;
  /** Clamped cross-entropy of X̂ against X. */
  crossEntropy: number;
}

/** Y = σ(X Wᵀ + b), X̂ = σ(Y W̃ᵀ + b̃), and both losses of X̂ against X. Shapes as in AEParams. */
export function aeForwardLosses(X: Mat, W: Mat, b: Vec, Wd: Mat, bd: Vec): ForwardLosses {
  const { Y, Xhat } = aeForward(X, { W, b, Wd, bd });
  return { Y, Xhat, squared: squaredError(X, Xhat), crossEntropy: crossEntropy(X, Xhat) };
}

/** Gradient of a tied autoencoder's loss (exercise 10.6 ae-tied-backprop): `tiedAeGradient` without the loss value. */
export function tiedAeBackprop(
  X: Mat,
  W: Mat,
  b: Vec,
  bd: Vec,
  loss: ReconstructionLoss,
): { dW: Mat; db: Vec; dbd: Vec } {
  return tiedBackprop(X, { W, b, bd }, loss).grad;
}

/** The corruption of a denoising autoencoder, as data: Gaussian noise ε, or uniforms U and a masking level. */
export type Noise = { kind: "gaussian"; eps: Mat } | { kind: "masking"; U: Mat; level: number };

/** Applies the given corruption to X (`gaussianCorrupt` or `maskingCorrupt`). */
export function corrupt(X: Mat, noise: Noise): Mat {
  return noise.kind === "gaussian" ? gaussianCorrupt(X, noise.eps) : maskingCorrupt(X, noise.U, noise.level);
}

/**
 * Exercise 10.7 dae-corrupt-loss: X̃ = corrupt(X), X̂ = untied AE of X̃, and the squared error
 * Σ_n ||x_n − x̂_n||² measured against the CLEAN X.
 */
export function daeCorruptLoss(
  X: Mat,
  W: Mat,
  b: Vec,
  Wd: Mat,
  bd: Vec,
  noise: Noise,
): { Xtilde: Mat; Xhat: Mat; loss: number } {
  const Xtilde = corrupt(X, noise);
  const { Xhat } = aeForward(Xtilde, { W, b, Wd, bd });
  return { Xtilde, Xhat, loss: squaredError(X, Xhat) };
}
